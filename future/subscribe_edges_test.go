package future

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// blockedIn waits (bounded) until some goroutine whose stack mentions caller
// is inside fn, and fails the test otherwise.
func blockedIn(t *testing.T, caller, fn string) {
	t.Helper()
	buf := make([]byte, 1<<20)
	deadline := time.Now().Add(10 * time.Second)
	for {
		for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
			if strings.Contains(g, caller) && strings.Contains(g, fn) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no goroutine in %s under %s", fn, caller)
		}
		runtime.Gosched()
	}
}

// Dataflow2's second input failed before the call; the first is pending.
// Dataflow2 must see b's failure before it subscribes to a: a callback on a
// would let a failure of a that comes while Dataflow2 subscribes to b win
// over b's earlier one. The test holds b's list lock, so Dataflow2 stops as
// it subscribes to b, and checks that nothing is on a's list by then.
func TestDataflow2SecondInputFailedBeforeCallWins(t *testing.T) {
	withWorkers(t, 2)
	p := NewPromise[int]()
	b := Failed[int](errBefore)
	add := func(x, y int) (int, error) { return x + y, nil }
	res := make(chan *Future[int], 1)
	b.waiters.mu.Lock()
	go func() { res <- Dataflow2(add, p.Future(), b) }()
	blockedIn(t, "Dataflow2", "(*waiterList).add")
	n := listed(p.Future())
	b.waiters.mu.Unlock()
	if n != 0 {
		t.Errorf("Dataflow2 subscribed to a (%d callbacks) before it checked b, which had failed", n)
	}
	var out *Future[int]
	select {
	case out = <-res:
	case <-time.After(10 * time.Second):
		t.Fatal("Dataflow2 did not return")
	}
	p.Reject(errDuring)
	if _, err := out.Get(); err != errBefore {
		t.Fatalf("Dataflow2 failed with %v; want %v, the input that failed before the call", err, errBefore)
	}
}

// An input resolving while WhenAny still subscribes to the others (here
// 100,000 of them) must not leave WhenAny's callbacks on the inputs it
// subscribes to afterwards.
func TestWhenAnyResolvedDuringSubscriptionLeavesNothing(t *testing.T) {
	withWorkers(t, 2)
	long := NewPromise[int]()
	fs := withLateFirst(t, long.Future(), func(p *Promise[int]) { p.Resolve(1) })
	q := fs[1] // the pending inputs between the first and the last
	if i, err := WhenAny(fs...).Get(); err != nil || i != 0 {
		t.Fatalf("WhenAny = %d, %v; want 0", i, err)
	}
	if n, m := listed(q), listed(long.Future()); n != 0 || m != 0 {
		t.Fatalf("callbacks left behind: %d on the pending inputs, %d on the last; want 0", n, m)
	}
}

// A task whose context ends before the task starts never runs, even when it
// is claimed (here run inline by a Get on its own worker) before the
// context's AfterFunc gets to resolve the future.
func TestAsyncContextCancelledBeforeClaimNeverRuns(t *testing.T) {
	withWorkers(t, 1)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // the AfterFunc goroutine waits for the task
	type result struct {
		ran bool
		err error
	}
	res := Async(func() (result, error) {
		ctx, cancel := context.WithCancel(context.Background())
		ran := false
		f := AsyncContext(ctx, func(context.Context) (int, error) { ran = true; return 1, nil })
		cancel()
		_, err := f.Get()
		return result{ran, err}, nil
	})
	r, _ := res.Get()
	if r.ran {
		t.Error("the task ran although its context had ended before it started")
	}
	if !errors.Is(r.err, context.Canceled) {
		t.Errorf("Get = %v, want context.Canceled", r.err)
	}
}
