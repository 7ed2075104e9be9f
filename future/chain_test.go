package future

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"
)

// A failure or a cancel runs down a long chain of continuations without a
// nested call per link: with the stack limited to 16 MiB, 200 000 links
// (some 300 bytes of stack each, nested) would overflow it, which kills the
// process.
func TestLongChainsFailWithoutDeepRecursion(t *testing.T) {
	withWorkers(t, 2)
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	const links = 200_000
	boom := errors.New("boom")
	cases := map[string]func(root *Promise[int]) *Future[int]{
		"Then": func(root *Promise[int]) *Future[int] {
			f := root.Future()
			for range links {
				f = Then(f, func(v int) (int, error) { return v + 1, nil })
			}
			return f
		},
		"Dataflow2": func(root *Promise[int]) *Future[int] {
			f, one := root.Future(), Ready(1)
			for range links {
				f = Dataflow2(func(a, b int) (int, error) { return a + b, nil }, f, one)
			}
			return f
		},
		"WhenAny": func(root *Promise[int]) *Future[int] {
			f := root.Future()
			for range links {
				f = WhenAny(f)
			}
			return f
		},
	}
	for name, build := range cases {
		t.Run(name+"/reject", func(t *testing.T) {
			root := NewPromise[int]()
			last := build(root)
			root.Reject(boom)
			if _, err := last.Get(); name != "WhenAny" && !errors.Is(err, boom) {
				t.Fatalf("the end of the chain resolved with %v, want boom", err)
			}
		})
		t.Run(name+"/cancel", func(t *testing.T) {
			root := NewPromise[int]()
			last := build(root)
			root.Future().Cancel()
			if _, err := last.Get(); name != "WhenAny" && !errors.Is(err, ErrCancelled) {
				t.Fatalf("the end of the chain resolved with %v, want ErrCancelled", err)
			}
		})
	}
}

// Callbacks still run depth first, as nested calls ran them: a
// continuation's own callbacks before the next callback of its input.
func TestFireOrderDepthFirst(t *testing.T) {
	withWorkers(t, 2)
	var order []string
	root := NewPromise[int]()
	a := Then(root.Future(), func(int) (int, error) { return 0, nil })
	a.OnDone(func(int, error) { order = append(order, "a's callback") })
	root.Future().OnDone(func(int, error) { order = append(order, "root's second callback") })
	root.Reject(errors.New("x"))
	if len(order) != 2 || order[0] != "a's callback" {
		t.Fatalf("order %q, want a's callback first", order)
	}
}

// An OnDone callback that calls runtime.Goexit ends the goroutine that
// resolved the future, but the callbacks after it still run.
func TestGoexitInACallbackLosesNoOtherCallback(t *testing.T) {
	withWorkers(t, 2)
	p := NewPromise[int]()
	p.Future().OnDone(func(int, error) { runtime.Goexit() })
	later := Then(p.Future(), func(v int) (int, error) { return v + 1, nil })
	var ran atomic.Bool
	p.Future().OnDone(func(int, error) { ran.Store(true) })
	go p.Resolve(1) // this goroutine ends in the first callback
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if v, err := later.Await(ctx); err != nil || v != 2 {
		t.Fatalf("the continuation after the Goexit resolved with %v, %v", v, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !ran.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !ran.Load() {
		t.Fatal("the OnDone callback after the Goexit never ran")
	}
}
