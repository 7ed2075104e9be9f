package future

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// listed counts the callbacks on f's list.
func listed[T any](f *Future[T]) int {
	f.waiters.mu.Lock()
	defer f.waiters.mu.Unlock()
	n := 0
	for w := f.waiters.head; w != nil; w = w.next {
		n++
	}
	return n
}

// A long-lived future waited on beside short ones, again and again, must not
// collect a callback per wait: each combinator lets go of it once it no
// longer needs it.
func TestCombinatorsLetGoOfLongLivedInputs(t *testing.T) {
	withWorkers(t, 2)
	ctx := context.Background()
	errJob := errors.New("job failed")
	cases := []struct {
		name string
		wait func(quit *Future[int]) // one round; returns when it is done
	}{
		{"WhenAny", func(quit *Future[int]) { WhenAny(quit, Ready(1)).Get() }},
		{"WhenAny/later", func(quit *Future[int]) {
			p := NewPromise[int]()
			w := WhenAny(quit, p.Future())
			p.Resolve(1)
			w.Get()
		}},
		{"AwaitAny", func(quit *Future[int]) { AwaitAny(ctx, quit, Async(func() (int, error) { return 1, nil })) }},
		{"WhenAll/fails", func(quit *Future[int]) { WhenAll(quit, Failed[int](errJob)).Get() }},
		{"WhenAll/fails later", func(quit *Future[int]) {
			p := NewPromise[int]()
			w := WhenAll(quit, p.Future(), quit)
			p.Reject(errJob)
			w.Get()
		}},
		{"AwaitAll/fails", func(quit *Future[int]) {
			AwaitAll(ctx, quit, Async(func() (int, error) { return 0, errJob }))
		}},
		{"AwaitAll/ctx ends", func(quit *Future[int]) {
			c, cancel := context.WithTimeout(ctx, time.Microsecond)
			defer cancel()
			AwaitAll(c, quit, Ready(1))
		}},
		{"AwaitAny/ctx ends", func(quit *Future[int]) {
			c, cancel := context.WithCancel(ctx)
			cancel()
			AwaitAny(c, quit, quit)
		}},
		{"Wait/fails", func(quit *Future[int]) { Wait(ctx, quit, Failed[string](errJob)) }},
		{"Wait/ctx ends", func(quit *Future[int]) {
			c, cancel := context.WithTimeout(ctx, time.Microsecond)
			defer cancel()
			Wait(c, quit, NewPromise[bool]().Future())
		}},
		{"Dataflow2/fails", func(quit *Future[int]) {
			Dataflow2(func(int, int) (int, error) { return 0, nil }, quit, Failed[int](errJob)).Get()
		}},
		{"Dataflow3/cancelled", func(quit *Future[int]) {
			Dataflow3(func(int, int, int) (int, error) { return 0, nil }, quit, quit, quit).Cancel()
		}},
		{"Then/cancelled", func(quit *Future[int]) {
			Then(quit, func(int) (int, error) { return 0, nil }).Cancel()
		}},
		{"WhenAll/cancelled", func(quit *Future[int]) { WhenAll(quit, NewPromise[int]().Future()).Cancel() }},
		{"WhenAny/cancelled", func(quit *Future[int]) { WhenAny(quit, quit).Cancel() }},
		{"Dataflow/cancelled", func(quit *Future[int]) {
			Dataflow(func([]int) (int, error) { return 0, nil }, quit, NewPromise[int]().Future()).Cancel()
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			quit := NewPromise[int]()
			for round := range 100 {
				c.wait(quit.Future())
				// Let go of by the time the call returns, not later.
				if n := listed(quit.Future()); n != 0 {
					t.Fatalf("after round %d the long-lived future holds %d callbacks, want 0", round, n)
				}
			}
			// The future still works for whoever waits on it.
			done := WhenAll(quit.Future(), quit.Future())
			quit.Resolve(7)
			if v, err := done.Get(); err != nil || v[0] != 7 || v[1] != 7 {
				t.Errorf("after the rounds, WhenAll(quit, quit) = %v, %v; want [7 7]", v, err)
			}
		})
	}
}

// Combinators that are still waiting keep their callbacks, and detaching
// one waiter leaves the others on the list in their order.
func TestDetachKeepsTheRest(t *testing.T) {
	withWorkers(t, 2)
	p := NewPromise[int]()
	var order []int
	p.Future().OnDone(func(int, error) { order = append(order, 1) })
	any := WhenAny(p.Future(), NewPromise[int]().Future()) // still waiting
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	AwaitAny(ctx, p.Future()) // detached at once
	p.Future().OnDone(func(int, error) { order = append(order, 2) })
	if n := listed(p.Future()); n != 3 {
		t.Fatalf("%d callbacks listed, want 3 (two OnDone, one WhenAny)", n)
	}
	p.Resolve(5)
	if i, err := any.Get(); i != 0 || err != nil {
		t.Errorf("WhenAny = %d, %v; want 0", i, err)
	}
	if len(order) != 2 || order[0] != 1 || order[1] != 2 {
		t.Errorf("OnDone callbacks ran in order %v, want [1 2]", order)
	}
}

// Inputs that resolve while a combinator is still subscribing, from other
// goroutines, must neither lose a result nor leave a callback behind.
func TestDetachRacesSubscription(t *testing.T) {
	withWorkers(t, 2)
	quit := NewPromise[int]()
	for round := range 300 {
		ps := make([]*Promise[int], 8)
		fs := make([]*Future[int], 0, 17)
		for i := range ps {
			ps[i] = NewPromise[int]()
			fs = append(fs, quit.Future(), ps[i].Future())
		}
		fs = append(fs, quit.Future())
		var wg sync.WaitGroup
		wg.Go(func() { ps[round%8].Reject(errors.New("x")) })
		wg.Go(func() { ps[(round+3)%8].Resolve(1) })
		all := WhenAll(fs...)
		anyOf := WhenAny(fs...)
		wg.Wait()
		if _, err := all.Get(); err == nil {
			t.Fatal("WhenAll with a failed input succeeded")
		}
		if i, err := anyOf.Get(); err != nil || i%2 != 1 {
			t.Fatalf("WhenAny = %d, %v; want an odd index", i, err)
		}
		for _, p := range ps {
			p.Resolve(0) // no-op for the two resolved
		}
	}
	if n := listed(quit.Future()); n != 0 {
		t.Errorf("the long-lived future holds %d callbacks, want 0", n)
	}
}
