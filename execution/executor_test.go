package execution

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hpgo/hpgo/future"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBoom = errors.New("boom")

func TestExecutorSubmit(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	e := NewExecutor()
	f := Submit(e, func() (string, error) { return "typed", nil })
	g := e.Submit(func() (any, error) { return 42, nil })
	v, err := f.Get()
	assert.NoError(t, err)
	assert.Equal(t, "typed", v)
	a, err := g.Get()
	assert.NoError(t, err)
	assert.Equal(t, 42, a)
	assert.NoError(t, e.Wait())
}

func TestExecutorGoWait(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	var e Executor // the zero value works
	var ran atomic.Int32
	for i := range 100 {
		e.Go(func() error {
			ran.Add(1)
			if i == 50 {
				return errBoom
			}
			return nil
		})
	}
	assert.ErrorIs(t, e.Wait(), errBoom)
	assert.EqualValues(t, 100, ran.Load(), "Wait waits for every function")

	var p Executor
	p.Go(func() error { panic("in Go") })
	_, ok := errors.AsType[*future.PanicError](p.Wait())
	assert.True(t, ok, "a panic is reported as a PanicError")
}

func TestExecutorContext(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	e, ctx := NewExecutorContext(context.Background())
	e.Go(func() error { return errBoom })
	e.Go(func() error {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(10 * time.Second):
			return errors.New("ctx not cancelled")
		}
	})
	assert.ErrorIs(t, e.Wait(), errBoom)
	assert.ErrorIs(t, context.Cause(ctx), errBoom)

	e2, ctx2 := NewExecutorContext(context.Background())
	e2.Go(func() error { return nil })
	assert.NoError(t, e2.Wait())
	assert.ErrorIs(t, ctx2.Err(), context.Canceled, "Wait cancels the context")
}

func TestExecutorMap(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	e := NewExecutor()
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i
	}
	ys, err := Map(e, xs, func(x int) (int, error) { return x * x, nil })
	require.NoError(t, err)
	for i, y := range ys {
		if y != i*i {
			t.Fatalf("ys[%d] = %d", i, y)
		}
	}
	ys, err = Map(e, []int{}, func(x int) (int, error) { return x, nil })
	assert.NoError(t, err)
	assert.Empty(t, ys)

	_, err = Map(e, xs, func(x int) (int, error) {
		if x == 10 {
			return 0, errBoom
		}
		return x, nil
	})
	assert.ErrorIs(t, err, errBoom)
	assert.NoError(t, e.Wait())
}

func TestExecutorShutdown(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	e := NewExecutor()
	release := make(chan struct{})
	var done atomic.Bool
	f := Submit(e, func() (int, error) { <-release; done.Store(true); return 1, nil })
	go func() { time.Sleep(5 * time.Millisecond); close(release) }()
	e.Shutdown(true)
	assert.True(t, done.Load(), "Shutdown(true) waits for submitted work")
	assert.NoError(t, f.Err())

	_, err := Submit(e, func() (int, error) { return 0, nil }).Get()
	assert.ErrorIs(t, err, ErrExecutorShutdown)
	_, err = e.Submit(func() (any, error) { return nil, nil }).Get()
	assert.ErrorIs(t, err, ErrExecutorShutdown)
	_, err = Map(e, []int{1}, func(x int) (int, error) { return x, nil })
	assert.ErrorIs(t, err, ErrExecutorShutdown)
	_, err = Map(e, []int{}, func(x int) (int, error) { return x, nil })
	assert.ErrorIs(t, err, ErrExecutorShutdown, "Map of nothing after Shutdown")
	e.Go(func() error { return nil })
	assert.ErrorIs(t, e.Wait(), ErrExecutorShutdown)
	e.Shutdown(false) // again: fine
}

// TestExecutorGoAfterShutdownBesideWait: a producer calling Go after
// Shutdown records ErrExecutorShutdown while another goroutine waits; -race
// checks that the two are ordered.
func TestExecutorGoAfterShutdownBesideWait(t *testing.T) {
	fresh(t)
	for range 50 {
		e := NewExecutor()
		e.Shutdown(false)
		done := make(chan error, 1)
		go func() { e.Go(func() error { return nil }) }()
		go func() { done <- e.Wait() }()
		if err := <-done; err != nil && !errors.Is(err, ErrExecutorShutdown) {
			t.Fatalf("Wait = %v, want nil or ErrExecutorShutdown", err)
		}
		// Once Go has returned, Wait reports it.
		e.Go(func() error { return nil })
		assert.ErrorIs(t, e.Wait(), ErrExecutorShutdown)
	}
}

// TestExecutorWaitInTask: waiting for an executor inside a task must not
// deadlock a one-worker runtime.
func TestExecutorWaitInTask(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(1)))
	v, err := future.Async(func() (int, error) {
		e := NewExecutor()
		var n atomic.Int32
		for range 10 {
			e.Go(func() error { n.Add(1); return nil })
		}
		err := e.Wait()
		return int(n.Load()), err
	}).Get()
	assert.NoError(t, err)
	assert.Equal(t, 10, v)
}

// A nil function or executor panics at the call, and counts nothing in:
// Wait still returns.
func TestExecutorNilArguments(t *testing.T) {
	e := NewExecutor()
	var nilE *Executor
	ok := func() (int, error) { return 1, nil }
	assert.PanicsWithValue(t, "hpgo: execution.Submit: fn is nil", func() { Submit[int](e, nil) })
	assert.PanicsWithValue(t, "hpgo: execution.Submit: fn is nil", func() { e.Submit(nil) })
	assert.PanicsWithValue(t, "hpgo: execution.Executor.Go: fn is nil", func() { e.Go(nil) })
	assert.PanicsWithValue(t, "hpgo: execution.Map: fn is nil", func() { _, _ = Map[int, int](e, []int{1, 2}, nil) })
	assert.PanicsWithValue(t, "hpgo: execution.Submit: nil *Executor (use NewExecutor)", func() { Submit(nilE, ok) })
	assert.PanicsWithValue(t, "hpgo: execution.Map: nil *Executor (use NewExecutor)", func() {
		_, _ = Map(nilE, []int{1}, func(int) (int, error) { return 0, nil })
	})
	assert.PanicsWithValue(t, "hpgo: execution.Executor.Wait: nil *Executor (use NewExecutor)", func() { _ = nilE.Wait() })
	assert.PanicsWithValue(t, "hpgo: execution.Executor.Shutdown: nil *Executor (use NewExecutor)", func() { nilE.Shutdown(true) })
	assert.PanicsWithValue(t, "hpgo: execution.Block: wait is nil", func() { Block(nil) })
	done := make(chan error, 1)
	go func() { done <- e.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Wait did not return after the rejected calls: they were counted in")
	}
}

// A function passed to Go that calls runtime.Goexit neither returns nor
// panics; Wait reports it instead of nil.
func TestExecutorGoexit(t *testing.T) {
	fresh(t)
	e := NewExecutor()
	e.Go(func() error { runtime.Goexit(); return nil })
	err := e.Wait()
	if err == nil || !strings.Contains(err.Error(), "runtime.Goexit") {
		t.Fatalf("Wait = %v, want the Goexit error", err)
	}
}

// Functions that wait for the executor's context through Block let go of
// their workers: with as many of them as there are workers, the function
// whose error cancels the context still gets one, from outside the pool and
// from inside a task alike (there the waiter, queued last, runs first).
func TestExecutorContextWaitersBlock(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	run := func() error {
		e, ctx := NewExecutorContext(context.Background())
		for range 2 {
			e.Go(func() error {
				Block(func() { <-ctx.Done() })
				return ctx.Err()
			})
		}
		e.Go(func() error { return errBoom })
		return e.Wait()
	}
	done := make(chan error, 2)
	go func() { done <- run() }()
	go func() { v, _ := future.Async(func() (error, error) { return run(), nil }).Get(); done <- v }()
	for range 2 {
		select {
		case err := <-done:
			assert.ErrorIs(t, err, errBoom)
		case <-time.After(30 * time.Second):
			t.Fatal("Wait hung: the context's waiters hold every worker")
		}
	}
}

// Block called outside the pool just calls wait; inside a task it hands the
// worker on, so that a one-worker pool runs the task that ends the wait.
func TestBlock(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(1)))
	called := false
	Block(func() { called = true })
	assert.True(t, called)
	got, err := future.Async(func() (int, error) {
		ch := make(chan int)
		future.Async(func() (struct{}, error) { ch <- 7; return struct{}{}, nil })
		var v int
		Block(func() { v = <-ch })
		return v, nil
	}).Get()
	assert.NoError(t, err)
	assert.Equal(t, 7, got)
}
