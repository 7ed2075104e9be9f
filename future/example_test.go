package future_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hpgo/hpgo/future"
)

func ExampleAsync() {
	f := future.Async(func() (int, error) { return 6 * 7, nil })
	v, err := f.Get()
	fmt.Println(v, err)
	// Output: 42 <nil>
}

func ExampleAsyncContext() {
	// In a net/http handler this would be r.Context(): a client that goes
	// away cancels the work it queued.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := future.AsyncContext(ctx, func(ctx context.Context) (string, error) {
		return "never runs", nil
	})
	_, err := f.Await(context.Background())
	fmt.Println(err)
	// Output: context canceled
}

func ExampleReady() {
	v, err := future.Ready("cached").Get()
	fmt.Println(v, err)
	// Output: cached <nil>
}

func ExampleFailed() {
	_, err := future.Failed[int](errors.New("no such user")).Get()
	fmt.Println(err)
	// Output: no such user
}

func ExampleFuture_Get() {
	f := future.Async(func() (string, error) { return "", errors.New("disk full") })
	if _, err := f.Get(); err != nil {
		fmt.Println("failed:", err)
	}
	// Output: failed: disk full
}

func ExampleFuture_Await() {
	slow := future.NewPromise[int]() // never resolved here
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := slow.Future().Await(ctx)
	fmt.Println(err)
	// The future itself is untouched: it can still resolve.
	slow.Resolve(1)
	fmt.Println(slow.Future().Get())
	// Output:
	// context deadline exceeded
	// 1 <nil>
}

func ExampleFuture_Done() {
	f := future.Async(func() (int, error) { return 1, nil })
	select {
	case <-f.Done():
		fmt.Println(f.Get())
	case <-time.After(10 * time.Second):
		fmt.Println("timeout")
	}
	// Output: 1 <nil>
}

func ExampleFuture_Err() {
	p := future.NewPromise[int]()
	f := p.Future()
	fmt.Println(f.Err()) // not resolved: nil, like context.Context.Err
	p.Reject(errors.New("rejected"))
	fmt.Println(f.Err())
	// Output:
	// <nil>
	// rejected
}

func ExampleFuture_Cancel() {
	gate := future.NewPromise[int]()
	// A continuation waiting for its input has not started: Cancel stops it.
	f := future.Then(gate.Future(), func(v int) (int, error) { return v * 2, nil })
	fmt.Println(f.Cancel(), f.Cancelled())
	gate.Resolve(21)
	_, err := f.Get()
	fmt.Println(errors.Is(err, future.ErrCancelled), errors.Is(err, context.Canceled))
	// Output:
	// true true
	// true true
}

func ExampleFuture_Cancelled() {
	f := future.Ready(1)
	fmt.Println(f.Cancel(), f.Cancelled()) // too late: it has resolved
	// Output: false false
}

func ExampleFuture_OnDone() {
	p := future.NewPromise[string]()
	p.Future().OnDone(func(v string, err error) { fmt.Println("got", v, err) })
	p.Resolve("hello") // runs the callback before returning
	// Output: got hello <nil>
}

func ExampleThen() {
	price := future.Async(func() (float64, error) { return 19.99, nil })
	label := future.Then(price, func(p float64) (string, error) {
		return fmt.Sprintf("$%.2f", p), nil
	})
	fmt.Println(label.Get())
	// Output: $19.99 <nil>
}

func ExampleWhenAll() {
	fs := make([]*future.Future[int], 5)
	for i := range fs {
		fs[i] = future.Async(func() (int, error) { return i * i, nil })
	}
	squares, err := future.WhenAll(fs...).Get()
	fmt.Println(squares, err)
	// Output: [0 1 4 9 16] <nil>
}

func ExampleWhenAny() {
	never := future.NewPromise[string]()
	fs := []*future.Future[string]{never.Future(), future.Ready("fast")}
	i, _ := future.WhenAny(fs...).Get()
	v, _ := fs[i].Get()
	fmt.Println(i, v)
	// Output: 1 fast
}

func ExampleAwaitAll() {
	a := future.Async(func() (string, error) { return "a", nil })
	b := future.Async(func() (string, error) { return "b", nil })
	c := future.Async(func() (string, error) { return "c", nil })
	vs, err := future.AwaitAll(context.Background(), a, b, c)
	fmt.Println(vs, err)
	// Output: [a b c] <nil>
}

func ExampleAwaitAny() {
	slow := future.NewPromise[int]()
	fast := future.Async(func() (int, error) { return 7, nil })
	fs := []*future.Future[int]{slow.Future(), fast}
	i, err := future.AwaitAny(context.Background(), fs...)
	v, _ := fs[i].Get()
	fmt.Println(i, v, err)
	// Output: 1 7 <nil>
}

func ExampleDataflow() {
	sum := func(xs []int) (int, error) {
		s := 0
		for _, x := range xs {
			s += x
		}
		return s, nil
	}
	f := future.Dataflow(sum, future.Ready(1), future.Async(func() (int, error) { return 2, nil }), future.Ready(3))
	fmt.Println(f.Get())
	// Output: 6 <nil>
}

func ExampleDataflow2() {
	name := future.Async(func() (string, error) { return "gopher", nil })
	times := future.Ready(3)
	f := future.Dataflow2(func(s string, n int) (string, error) {
		return strings.Repeat(s+" ", n), nil
	}, name, times)
	fmt.Println(f.Get())
	// Output: gopher gopher gopher  <nil>
}

func ExampleDataflow3() {
	f := future.Dataflow3(func(a int, b float64, c string) (string, error) {
		return fmt.Sprintf("%s=%.1f", c, float64(a)*b), nil
	}, future.Ready(4), future.Ready(2.5), future.Ready("area"))
	fmt.Println(f.Get())
	// Output: area=10.0 <nil>
}

func ExampleNewPromise() {
	p := future.NewPromise[string]()
	// The bridge from a callback API:
	go func() { p.Resolve("from a callback") }()
	fmt.Println(p.Future().Get())
	// Output: from a callback <nil>
}

func ExamplePromise_Resolve() {
	p := future.NewPromise[int]()
	fmt.Println(p.Resolve(1), p.Resolve(2)) // the first call wins
	fmt.Println(p.Future().Get())
	// Output:
	// true false
	// 1 <nil>
}

func ExamplePromise_Reject() {
	p := future.NewPromise[int]()
	fmt.Println(p.Reject(errors.New("timeout")), p.Resolve(1))
	fmt.Println(p.Future().Get())
	// Output:
	// true false
	// 0 timeout
}

func ExampleWait() {
	// Futures of different types, waited for together.
	n := future.Async(func() (int, error) { return 1, nil })
	s := future.Async(func() (string, error) { return "x", nil })
	bad := future.Async(func() (bool, error) { return false, errors.New("bad input") })
	fmt.Println(future.Wait(context.Background(), n, s))
	fmt.Println(future.Wait(context.Background(), n, s, bad))
	// Output:
	// <nil>
	// bad input
}

func ExamplePanicError() {
	_, err := future.Async(func() (int, error) { panic("division by zero") }).Get()
	if pe, ok := errors.AsType[*future.PanicError](err); ok {
		fmt.Println("recovered:", pe.Value)
	}
	// Output: recovered: division by zero
}

func ExampleNewPanicError() {
	var err error
	func() {
		defer func() {
			if v := recover(); v != nil {
				err = future.NewPanicError(v)
			}
		}()
		panic(errors.New("wrapped"))
	}()
	fmt.Println(errors.Unwrap(err))
	// Output: wrapped
}

func ExampleFuture() {
	// A future is awaitable the Go way: Get, Await(ctx), or select on Done.
	f := future.Async(func() (string, error) { return "result", nil })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	select {
	case <-f.Done():
		v, err := f.Get() // resolved: returns at once
		fmt.Println(v, err)
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	}
	// Output: result <nil>
}

func ExamplePromise_Future() {
	p := future.NewPromise[int]()
	doubled := future.Then(p.Future(), func(v int) (int, error) { return 2 * v, nil })
	p.Resolve(21)
	fmt.Println(doubled.Get())
	// Output: 42 <nil>
}

func ExampleAwaitable() {
	// Anything with Done and Err can be waited for with futures, a
	// context.Context included.
	ctx, cancel := context.WithCancel(context.Background())
	as := []future.Awaitable{future.Ready(1), future.Ready("two"), ctx}
	cancel()
	fmt.Println(future.Wait(context.Background(), as...))
	// Output: context canceled
}
