package future

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/hpgo/hpgo/internal/sched"
)

// The life of a future. A future with a task starts pending; one without
// (a promise, a continuation whose inputs are not ready) starts waiting.
// Whoever moves it to running — a worker, an inline Get, Cancel, a promise's
// Resolve — is the only one to write its result, and then stores done.
const (
	statePending uint32 = iota // task queued; the first to claim it runs it
	stateWaiting               // no task queued yet: nothing to claim
	stateRunning               // claimed: the task runs or the result is being written
	stateDone                  // resolved; val and err are final
)

// Future is the eventual result of an asynchronous computation: a value of
// type T and an error. It resolves exactly once; after that every method
// returns at once. All methods are safe for concurrent use.
//
// Futures come from Async, AsyncContext, Ready, Failed, a Promise and the
// combinators (Then, WhenAll, WhenAny, Dataflow); the zero Future is not
// one, and a Future must not be copied.
type Future[T any] struct {
	state     atomic.Uint32
	cancelled bool // written before state becomes done

	task   sched.Task         // embedded so that queueing allocates nothing
	body   body[T]            // the task; cleared when it is claimed
	cancel context.CancelFunc // AsyncContext: cancels the task's context

	waiters waiterList             // callbacks, blocked Gets; closed once resolved
	donew   atomic.Pointer[waiter] // the subscribed waiter behind Done's channel

	val T
	err error
}

// body is a future's task.
type body[T any] interface{ call() (T, error) }

// fnBody adapts a plain function to body; a func is pointer-shaped, so the
// conversion does not allocate.
type fnBody[T any] func() (T, error)

func (f fnBody[T]) call() (T, error) { return f() }

// runner gives the scheduler a Runner without exporting a Run method on
// Future: it has Future's layout, so a *Future converts to it for free.
type runner[T any] Future[T]

// Run is called by a worker that dequeued the task; it does nothing if the
// task was claimed elsewhere (run inline by a Get, or cancelled).
func (r *runner[T]) Run() {
	f := (*Future[T])(r)
	if f.state.CompareAndSwap(statePending, stateRunning) {
		f.run()
	}
}

// Stale reports that the task was claimed elsewhere — run inline by a Get,
// or cancelled — so the worker that dequeued it can drop it.
func (r *runner[T]) Stale() bool { return r.state.Load() != statePending }

// newFuture returns an unresolved future in the given state.
func newFuture[T any](state uint32) *Future[T] {
	f := &Future[T]{}
	if state != statePending {
		f.state.Store(state)
	}
	return f
}

// submit queues f's task; f must be pending.
func (f *Future[T]) submit() {
	f.task.Runner = (*runner[T])(f)
	sched.Submit(&f.task)
}

// schedule queues the task of a waiting future whose inputs are ready,
// unless it was cancelled meanwhile.
func (f *Future[T]) schedule() {
	if f.state.CompareAndSwap(stateWaiting, statePending) {
		f.submit()
	}
}

// settle resolves a waiting future (a promise, a combinator). It reports
// false if f was already claimed.
func (f *Future[T]) settle(v T, err error) bool {
	l, ok := f.settled(v, err)
	fire(l)
	return ok
}

// settled is settle for a callback: it resolves f and returns f's closed
// list of callbacks for the caller's fire loop, instead of firing it.
func (f *Future[T]) settled(v T, err error) (*waiter, bool) {
	if !f.state.CompareAndSwap(stateWaiting, stateRunning) {
		return nil, false
	}
	return f.resolve(v, err), true
}

// errGoexit resolves a future whose task called runtime.Goexit.
var errGoexit = errors.New("hpgo: task called runtime.Goexit")

// run runs f's claimed task and resolves f with its result, or with a
// *PanicError if it panics.
func (f *Future[T]) run() {
	b := f.body
	f.body = nil
	normal := false
	defer func() {
		if !normal {
			var zero T
			if v := recover(); v != nil {
				f.complete(zero, NewPanicError(v))
			} else {
				f.complete(zero, errGoexit)
			}
		}
	}()
	v, err := b.call()
	normal = true
	f.complete(v, err)
}

// complete stores the result and wakes everyone waiting. The caller has
// claimed f (state running).
func (f *Future[T]) complete(v T, err error) { fire(f.resolve(v, err)) }

// resolve stores the result and returns f's closed list of callbacks, not
// yet fired. The caller has claimed f.
func (f *Future[T]) resolve(v T, err error) *waiter {
	f.val, f.err = v, err
	f.body = nil
	f.state.Store(stateDone)
	return f.waiters.close()
}

// Get waits for f to resolve and returns its value and error.
//
// Called from a worker on a future whose task has not started, Get claims
// the task and runs it inline, as HPX does. On any other unresolved future
// the worker hands its place in the pool to another goroutine while it
// waits, and takes one back when f resolves — possibly another worker's, so
// WorkerID may change across a Get. Called from outside the pool, Get just
// blocks; it never runs pool work there. A task that Get runs inline and
// that calls runtime.Goexit ends the calling task's goroutine too, as a
// direct call would (its future resolves with an error all the same); run
// on another worker, it resolves its future with that error and Get
// returns it.
func (f *Future[T]) Get() (T, error) {
	if f.state.Load() != stateDone {
		f.wait()
	}
	return f.val, f.err
}

func (f *Future[T]) wait() {
	if !f.claimInline() {
		sched.Block(f.block)
	}
}

// claimInline runs f's task in the calling goroutine if that is a worker
// and nobody has started the task. If the task is the last one the worker
// queued, it also comes off the deque.
func (f *Future[T]) claimInline() bool {
	if !sched.Unqueue(&f.task) {
		return false
	}
	if f.state.Load() == statePending && f.state.CompareAndSwap(statePending, stateRunning) {
		f.run()
		return true
	}
	return false
}

// block blocks the calling goroutine until f resolves.
func (f *Future[T]) block() {
	w := semPool.Get().(*semWaiter)
	if f.subscribe(&w.waiter) {
		<-w.ch
	}
	semPool.Put(w)
}

// semWaiter is what a blocked Get sleeps on. Once fired it is off every
// list, so it can be reused: a pool saves the allocations.
type semWaiter struct {
	waiter
	ch chan struct{} // capacity 1: fire never blocks
}

func (w *semWaiter) fire() *waiter { w.ch <- struct{}{}; return nil }

var semPool = sync.Pool{New: func() any {
	w := &semWaiter{ch: make(chan struct{}, 1)}
	w.cb = w
	return w
}}

// Await is Get bounded by ctx: if ctx is done before f resolves it returns
// the zero value and ctx.Err(). The future is not affected: it resolves as
// it would have, for every other waiter. A task that Await claimed to run
// inline (see Get) runs to completion.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	checkContext("Future.Await", ctx)
	if f.state.Load() == stateDone {
		return f.val, f.err
	}
	if ctx.Done() == nil {
		return f.Get()
	}
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	if f.claimInline() {
		return f.val, f.err
	}
	done := f.Done()
	sched.Block(func() {
		select {
		case <-done:
		case <-ctx.Done():
		}
	})
	if f.state.Load() == stateDone {
		return f.val, f.err
	}
	return zero, ctx.Err()
}

// Done returns a channel that is closed when f resolves, for use in select.
// The channel is made on the first call (two small allocations) and shared
// by later ones; for a resolved future Done returns an already closed
// channel and costs nothing. A task of the runtime that blocks in a select
// on Done keeps its worker, as any blocking Go code does, so a future that
// needs that worker may wait for the select to end; inside tasks wait with
// Get or Await, which hand the worker on while they wait.
func (f *Future[T]) Done() <-chan struct{} {
	if f.state.Load() == stateDone {
		return closedChan
	}
	if w := f.donew.Load(); w != nil {
		return w.cb.(chanWaiter)
	}
	c := make(chanWaiter)
	w := &waiter{cb: c}
	if !f.subscribe(w) {
		return closedChan
	}
	// Only subscribed waiters are published, so every channel handed out
	// is closed at resolution. If another Done won the race, both channels
	// are subscribed; return the published one.
	if !f.donew.CompareAndSwap(nil, w) {
		return f.donew.Load().cb.(chanWaiter)
	}
	return c
}

// Err returns nil while f is unresolved, and f's error once it is, like
// context.Context.Err. It does not wait.
func (f *Future[T]) Err() error {
	if f.state.Load() != stateDone {
		return nil
	}
	return f.err
}

// Ready returns a future already resolved with v.
func Ready[T any](v T) *Future[T] { return resolved(v, nil) }

// Failed returns a future already resolved with err and the zero value. It
// panics if err is nil: a future that failed with no error would read as a
// success.
func Failed[T any](err error) *Future[T] {
	if err == nil {
		badArg("Failed", "err is nil")
	}
	var zero T
	return resolved(zero, err)
}

func resolved[T any](v T, err error) *Future[T] {
	f := &Future[T]{val: v, err: err}
	f.state.Store(stateDone)
	f.waiters.closed = true
	return f
}
