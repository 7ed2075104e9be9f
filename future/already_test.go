package future

import (
	"context"
	"errors"
	"testing"
)

// The combinators subscribe to their inputs one by one. An input that had
// resolved (or failed) before the call must win over one that resolves while
// they subscribe to the rest: these tests resolve the first input as soon as
// its callback is on its list, with a long run of pending inputs between it
// and the one that resolved first.

// withLateFirst returns inputs p, pending..., last, and starts a goroutine
// that settles p with settle as soon as a callback is on p's list. The
// goroutine ends with the test if nothing subscribes.
func withLateFirst(t *testing.T, last *Future[int], settle func(*Promise[int])) []*Future[int] {
	t.Helper()
	p, q := NewPromise[int](), NewPromise[int]() // q never resolves
	fs := []*Future[int]{p.Future()}
	for range 100_000 {
		fs = append(fs, q.Future())
	}
	fs = append(fs, last)
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	go func() {
		for listed(p.Future()) == 0 {
			select {
			case <-stop:
				return
			default:
			}
		}
		settle(p)
	}()
	return fs
}

var (
	errBefore = errors.New("failed before the call")
	errDuring = errors.New("failed while the call subscribed")
)

func TestWhenAnyPrefersResolvedBeforeCall(t *testing.T) {
	withWorkers(t, 2)
	fs := withLateFirst(t, Ready(7), func(p *Promise[int]) { p.Resolve(1) })
	i, err := WhenAny(fs...).Get()
	if err != nil || i != len(fs)-1 {
		t.Fatalf("WhenAny = %d, %v; want %d, the input resolved before the call", i, err, len(fs)-1)
	}
}

func TestWhenAllPrefersFailedBeforeCall(t *testing.T) {
	withWorkers(t, 2)
	fs := withLateFirst(t, Failed[int](errBefore), func(p *Promise[int]) { p.Reject(errDuring) })
	if _, err := WhenAll(fs...).Get(); err != errBefore {
		t.Fatalf("WhenAll failed with %v; want %v", err, errBefore)
	}
}

func TestWaitPrefersFailedBeforeCall(t *testing.T) {
	withWorkers(t, 2)
	fs := withLateFirst(t, Failed[int](errBefore), func(p *Promise[int]) { p.Reject(errDuring) })
	as := make([]Awaitable, len(fs))
	for i, f := range fs {
		as[i] = f
	}
	if err := Wait(context.Background(), as...); err != errBefore {
		t.Fatalf("Wait = %v; want %v", err, errBefore)
	}
}

// Among inputs that failed before the call, the lowest index wins, and an
// Awaitable that is not a future counts too.
func TestAlreadyFailedLowestIndexWins(t *testing.T) {
	withWorkers(t, 2)
	errA, errB := errors.New("a"), errors.New("b")
	pending := NewPromise[int]().Future()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Wait(context.Background(), pending, ctx, Failed[int](errB)); err != context.Canceled {
		t.Fatalf("Wait = %v; want the done context's %v", err, context.Canceled)
	}
	if _, err := WhenAll(pending, Failed[int](errA), Failed[int](errB)).Get(); err != errA {
		t.Fatalf("WhenAll = %v; want %v", err, errA)
	}
	if i, _ := WhenAny(pending, Failed[int](errB), Ready(1)).Get(); i != 1 {
		t.Fatalf("WhenAny = %d; want 1", i)
	}
	add := func(a, b int) (int, error) { return a + b, nil }
	if _, err := Dataflow2(add, pending, Failed[int](errB)).Get(); err != errB {
		t.Fatalf("Dataflow2 = %v; want %v", err, errB)
	}
	if listed(pending) != 0 {
		t.Fatalf("%d callbacks left on the pending input", listed(pending))
	}
}
