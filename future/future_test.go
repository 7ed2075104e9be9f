package future

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hpgo/hpgo/internal/sched"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBoom = errors.New("boom")

func TestAsyncGet(t *testing.T) {
	withWorkers(t, 2)
	f := Async(func() (int, error) { return 42, nil })
	v, err := f.Get()
	require.NoError(t, err)
	assert.Equal(t, 42, v)
	v, err = f.Get() // again, resolved
	assert.Equal(t, 42, v)
	assert.NoError(t, err)

	g := Async(func() (string, error) { return "", errBoom })
	_, err = g.Get()
	assert.ErrorIs(t, err, errBoom)
	assert.ErrorIs(t, g.Err(), errBoom)
}

func TestReadyFailed(t *testing.T) {
	v, err := Ready("x").Get()
	assert.Equal(t, "x", v)
	assert.NoError(t, err)
	_, err = Failed[int](errBoom).Get()
	assert.ErrorIs(t, err, errBoom)
	select {
	case <-Ready(1).Done():
	default:
		t.Fatal("Done of a ready future is not closed")
	}
}

func TestTaskRunsOnWorker(t *testing.T) {
	withWorkers(t, 2)
	id, _ := Async(func() (int, error) { return sched.WorkerID(), nil }).Get()
	assert.Contains(t, []int{0, 1}, id)
}

// TestGetClaimsInline: a worker waiting for a task nobody has started runs it
// itself, in its own goroutine.
func TestGetClaimsInline(t *testing.T) {
	withWorkers(t, 1)
	outer := Async(func() (bool, error) {
		me := goid()
		inner := Async(func() (int, error) { return goid(), nil })
		g, err := inner.Get()
		return g == me && sched.WorkerID() == 0, err
	})
	same, err := outer.Get()
	require.NoError(t, err)
	assert.True(t, same, "the inner task did not run inline in the waiting worker")
}

// TestGetBlocksWithoutDeadlock: a worker waits for a future that only another
// task, queued behind it, can resolve. One worker.
func TestGetBlocksWithoutDeadlock(t *testing.T) {
	withWorkers(t, 1)
	within(t, 10*time.Second, "Get inside a task", func() {
		v, err := Async(func() (int, error) {
			p := NewPromise[int]()
			sched.Spawn(func() { p.Resolve(7) })
			return p.Future().Get()
		}).Get()
		assert.NoError(t, err)
		assert.Equal(t, 7, v)
	})
}

func TestPanicBecomesPanicError(t *testing.T) {
	withWorkers(t, 2)
	_, err := Async(func() (int, error) { panic("oops") }).Get()
	pe, ok := errors.AsType[*PanicError](err)
	require.True(t, ok, "err = %v", err)
	assert.Equal(t, "oops", pe.Value)
	assert.Contains(t, string(pe.Stack), "future_test.go", "the stack should show where the panic happened")

	_, err = Async(func() (int, error) { panic(errBoom) }).Get()
	assert.ErrorIs(t, err, errBoom, "PanicError unwraps an error value")

	_, err = Async(func() (int, error) { runtime.Goexit(); return 0, nil }).Get()
	assert.ErrorIs(t, err, errGoexit)
}

// TestManyPanics: 100,000 panicking tasks; afterwards the runtime still serves
// and every future holds its PanicError.
func TestManyPanics(t *testing.T) {
	withWorkers(t, 2)
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	fs := make([]*Future[int], n)
	for i := range fs {
		fs[i] = Async(func() (int, error) { panic(i) })
	}
	for i, f := range fs {
		_, err := f.Get()
		pe, ok := errors.AsType[*PanicError](err)
		if !ok || pe.Value != i {
			t.Fatalf("future %d: %v", i, err)
		}
	}
	v, err := Async(func() (int, error) { return sched.NumWorkers(), nil }).Get()
	assert.NoError(t, err)
	assert.Equal(t, 2, v)
}

func TestAwaitCancelledDoesNotPoison(t *testing.T) {
	withWorkers(t, 1)
	p := NewPromise[int]()
	f := p.Future()
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan error, 1)
	go func() { _, err := f.Await(ctx); got <- err }()
	other := make(chan int, 1)
	go func() { v, _ := f.Get(); other <- v }()
	cancel()
	assert.ErrorIs(t, <-got, context.Canceled)
	assert.Nil(t, f.Err())
	assert.False(t, f.Cancelled())
	p.Resolve(5)
	assert.Equal(t, 5, <-other)
	v, err := f.Await(ctx) // resolved: the cancelled ctx no longer matters
	assert.NoError(t, err)
	assert.Equal(t, 5, v)

	// Inside a worker as well.
	p2 := NewPromise[int]()
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel2()
	_, err = Async(func() (int, error) { return p2.Future().Await(ctx2) }).Get()
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	p2.Resolve(1)
	v, err = p2.Future().Get()
	assert.NoError(t, err)
	assert.Equal(t, 1, v)
}

func TestDoneSelect(t *testing.T) {
	withWorkers(t, 2)
	p := NewPromise[int]()
	f := p.Future()
	d1, d2 := f.Done(), f.Done()
	assert.Equal(t, d1, d2, "Done returns the same channel")
	select {
	case <-d1:
		t.Fatal("Done closed early")
	default:
	}
	// many concurrent callers all get a channel that closes
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() { <-f.Done() })
	}
	p.Resolve(1)
	<-d1
	wg.Wait()
}

func TestCancelBeforeStart(t *testing.T) {
	withWorkers(t, 2)
	release := occupy(t, 2)
	var ran atomic.Int32
	fs := make([]*Future[int], 1000)
	for i := range fs {
		fs[i] = Async(func() (int, error) { ran.Add(1); return i, nil })
	}
	for _, f := range fs {
		assert.True(t, f.Cancel())
	}
	release()
	for _, f := range fs {
		_, err := f.Get()
		assert.ErrorIs(t, err, ErrCancelled)
		assert.ErrorIs(t, err, context.Canceled)
		assert.True(t, f.Cancelled())
		assert.False(t, f.Cancel(), "a second Cancel reports false")
	}
	// Let the workers pop the dead entries.
	_, _ = Async(func() (int, error) { return 0, nil }).Get()
	assert.Zero(t, ran.Load(), "cancelled tasks ran")

	f := Async(func() (int, error) { return 1, nil })
	_, _ = f.Get()
	assert.False(t, f.Cancel(), "Cancel after completion")
	assert.False(t, f.Cancelled())
}

func TestAsyncContext(t *testing.T) {
	withWorkers(t, 1)
	t.Run("value", func(t *testing.T) {
		v, err := AsyncContext(context.Background(), func(ctx context.Context) (int, error) { return 3, ctx.Err() }).Get()
		assert.NoError(t, err)
		assert.Equal(t, 3, v)
	})
	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var ran atomic.Bool
		_, err := AsyncContext(ctx, func(context.Context) (int, error) { ran.Store(true); return 0, nil }).Get()
		assert.ErrorIs(t, err, context.Canceled)
		assert.False(t, ran.Load())
	})
	t.Run("cancelled while queued", func(t *testing.T) {
		release := occupy(t, 1)
		ctx, cancel := context.WithCancel(context.Background())
		var ran atomic.Bool
		f := AsyncContext(ctx, func(context.Context) (int, error) { ran.Store(true); return 0, nil })
		cancel()
		// resolves without a worker: the only one is busy
		within(t, 5*time.Second, "queued task after ctx cancel", func() {
			_, err := f.Get()
			assert.ErrorIs(t, err, context.Canceled)
		})
		release()
		_, _ = Async(func() (int, error) { return 0, nil }).Get()
		assert.False(t, ran.Load())
	})
	t.Run("deadline while queued", func(t *testing.T) {
		release := occupy(t, 1)
		defer release()
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		f := AsyncContext(ctx, func(context.Context) (int, error) { return 0, nil })
		_, err := f.Get()
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	})
	t.Run("Cancel while running", func(t *testing.T) {
		started := make(chan struct{})
		f := AsyncContext(context.Background(), func(ctx context.Context) (int, error) {
			close(started)
			<-ctx.Done()
			return 0, context.Cause(ctx)
		})
		<-started
		assert.False(t, f.Cancel(), "Cancel of a running task reports false")
		_, err := f.Get()
		assert.ErrorIs(t, err, context.Canceled)
		assert.False(t, f.Cancelled())
	})
	t.Run("Cancel before start", func(t *testing.T) {
		release := occupy(t, 1)
		var ran atomic.Bool
		f := AsyncContext(context.Background(), func(context.Context) (int, error) { ran.Store(true); return 0, nil })
		assert.True(t, f.Cancel())
		release()
		_, err := f.Get()
		assert.ErrorIs(t, err, ErrCancelled)
		_, _ = Async(func() (int, error) { return 0, nil }).Get()
		assert.False(t, ran.Load())
	})
}

func TestOnDoneExactlyOnce(t *testing.T) {
	withWorkers(t, 2)
	for range 200 {
		p := NewPromise[int]()
		f := p.Future()
		const n = 20
		var calls [2 * n]atomic.Int32
		var wg sync.WaitGroup
		for i := range n { // registered before, or racing with, resolution
			wg.Go(func() {
				f.OnDone(func(v int, err error) {
					if v == 9 && err == nil {
						calls[i].Add(1)
					}
				})
			})
		}
		wg.Go(func() { p.Resolve(9) })
		wg.Wait()
		for i := n; i < 2*n; i++ { // after
			f.OnDone(func(v int, err error) { calls[i].Add(1) })
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("callback %d ran %d times", i, c)
			}
		}
	}
}

func TestOnDoneOrderAndPanic(t *testing.T) {
	withWorkers(t, 1)
	var got []int
	var reported atomic.Pointer[PanicError]
	old := callbackPanic
	callbackPanic = func(pe *PanicError) { reported.Store(pe) }
	defer func() { callbackPanic = old }()
	p := NewPromise[string]()
	for i := range 3 {
		p.Future().OnDone(func(string, error) {
			got = append(got, i)
			if i == 1 {
				panic("in callback")
			}
		})
	}
	p.Resolve("x")
	assert.Equal(t, []int{0, 1, 2}, got, "callbacks run in registration order, past a panic")
	require.NotNil(t, reported.Load())
	assert.Equal(t, "in callback", reported.Load().Value)
}

func TestPromise(t *testing.T) {
	p := NewPromise[int]()
	assert.Same(t, p.Future(), p.Future())
	assert.True(t, p.Resolve(1))
	assert.False(t, p.Resolve(2))
	assert.False(t, p.Reject(errBoom))
	v, err := p.Future().Get()
	assert.Equal(t, 1, v)
	assert.NoError(t, err)

	q := NewPromise[int]()
	assert.True(t, q.Reject(errBoom))
	_, err = q.Future().Get()
	assert.ErrorIs(t, err, errBoom)

	c := NewPromise[int]()
	assert.True(t, c.Future().Cancel())
	assert.False(t, c.Resolve(1), "Resolve after Cancel")
	assert.PanicsWithValue(t, "hpgo: future.Promise.Reject: err is nil", func() { c.Reject(nil) })

	// concurrent resolvers: exactly one wins
	r := NewPromise[int]()
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if r.Resolve(i) {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	assert.EqualValues(t, 1, wins.Load())
}

func TestThen(t *testing.T) {
	withWorkers(t, 2)
	f := Then(Async(func() (int, error) { return 20, nil }), func(v int) (string, error) {
		return strings.Repeat("x", v/10), nil
	})
	v, err := f.Get()
	assert.NoError(t, err)
	assert.Equal(t, "xx", v)

	var ran atomic.Bool
	_, err = Then(Failed[int](errBoom), func(int) (int, error) { ran.Store(true); return 0, nil }).Get()
	assert.ErrorIs(t, err, errBoom)
	assert.False(t, ran.Load(), "fn ran on a failed input")

	_, err = Then(Ready(1), func(int) (int, error) { panic("then") }).Get()
	_, ok := errors.AsType[*PanicError](err)
	assert.True(t, ok, "err = %v", err)

	// a long chain
	g := Ready(0)
	for range 1000 {
		g = Then(g, func(v int) (int, error) { return v + 1, nil })
	}
	v2, err := g.Get()
	assert.NoError(t, err)
	assert.Equal(t, 1000, v2)

	// cancelling a waiting continuation: fn never runs, the input goes on
	p := NewPromise[int]()
	h := Then(p.Future(), func(int) (int, error) { ran.Store(true); return 0, nil })
	assert.True(t, h.Cancel())
	p.Resolve(1)
	_, err = h.Get()
	assert.ErrorIs(t, err, ErrCancelled)
	_, _ = Async(func() (int, error) { return 0, nil }).Get()
	assert.False(t, ran.Load())
}

func TestShutdownWithWorkInFlight(t *testing.T) {
	withWorkers(t, 2)
	fs := make([]*Future[int], 5000)
	for i := range fs {
		fs[i] = Async(func() (int, error) {
			if i%50 == 0 { // some tasks wait on others
				return Async(func() (int, error) { return i, nil }).Get()
			}
			return i, nil
		})
	}
	require.NoError(t, sched.Stop(context.Background()))
	for i, f := range fs {
		select {
		case <-f.Done():
		default:
			t.Fatalf("future %d unresolved after the drain", i)
		}
		v, err := f.Get()
		if v != i || err != nil {
			t.Fatalf("future %d = %d, %v", i, v, err)
		}
	}
	// and the runtime restarts lazily
	v, err := Async(func() (int, error) { return 1, nil }).Get()
	assert.NoError(t, err)
	assert.Equal(t, 1, v)
}

// TestOutsideCallerNeverRunsTasks: Get from outside the pool blocks; the
// task runs on a worker, never in the caller's goroutine.
func TestOutsideCallerNeverRunsTasks(t *testing.T) {
	withWorkers(t, 1)
	release := occupy(t, 1) // the task stays queued while we call Get
	me := goid()
	f := Async(func() (int, error) { return goid(), nil })
	go func() { time.Sleep(time.Millisecond); release() }()
	g, err := f.Get()
	require.NoError(t, err)
	assert.NotEqual(t, me, g)
}

func TestFailedNilPanics(t *testing.T) {
	assert.PanicsWithValue(t, "hpgo: future.Failed: err is nil", func() { Failed[int](nil) })
}
