package future

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestWait(t *testing.T) {
	withWorkers(t, 2)
	a := Async(func() (int, error) { return 1, nil })
	b := Async(func() (string, error) { return "b", nil })
	c := Then(a, func(v int) (float64, error) { return float64(v), nil })
	assert.NoError(t, Wait(context.Background(), a, b, c))
	assert.NoError(t, Wait(context.Background()))

	never := NewPromise[int]()
	failing := NewPromise[string]()
	go func() { time.Sleep(time.Millisecond); failing.Reject(errBoom) }()
	assert.ErrorIs(t, Wait(context.Background(), never.Future(), failing.Future()), errBoom, "fail fast")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, Wait(ctx, never.Future(), a), context.DeadlineExceeded)
}

// doneAfter is an Awaitable that is not a future.
type doneAfter struct {
	ch  chan struct{}
	err error
}

func (d *doneAfter) Done() <-chan struct{} { return d.ch }
func (d *doneAfter) Err() error {
	select {
	case <-d.ch:
		return d.err
	default:
		return nil
	}
}

func TestWaitForeign(t *testing.T) {
	withWorkers(t, 1)
	ok := &doneAfter{ch: make(chan struct{})}
	bad := &doneAfter{ch: make(chan struct{}), err: errors.New("bad")}
	pending := &doneAfter{ch: make(chan struct{})}
	go func() { time.Sleep(time.Millisecond); close(ok.ch) }()
	assert.NoError(t, Wait(context.Background(), ok, Ready(1)))
	close(bad.ch)
	assert.ErrorIs(t, Wait(context.Background(), pending, bad), bad.err)

	// a context is an Awaitable too
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	assert.ErrorIs(t, Wait(context.Background(), ctx, pending), context.Canceled)
	// the watcher goroutine for pending has gone: withWorkers checks leaks
}

// panicErr is an Awaitable whose Err panics once it is done.
type panicErr struct{ ch chan struct{} }

func (p panicErr) Done() <-chan struct{} { return p.ch }
func (p panicErr) Err() error            { panic("broken Awaitable") }

// A panic in a foreign Awaitable's Err, whether it is done at the call or
// completes while Wait watches it from its own goroutine, comes back as a
// *PanicError instead of ending the process.
func TestWaitForeignErrPanics(t *testing.T) {
	withWorkers(t, 1)
	for _, doneBefore := range []bool{true, false} {
		a := panicErr{ch: make(chan struct{})}
		if doneBefore {
			close(a.ch)
		} else {
			go func() { time.Sleep(time.Millisecond); close(a.ch) }()
		}
		err := Wait(context.Background(), NewPromise[int]().Future(), a)
		var pe *PanicError
		if assert.ErrorAs(t, err, &pe, "done before the call: %v", doneBefore) {
			assert.Equal(t, "broken Awaitable", pe.Value)
		}
	}
}
