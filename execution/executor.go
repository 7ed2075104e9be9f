package execution

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/internal/sched"
)

// ErrExecutorShutdown is the error of work submitted to an Executor after
// its Shutdown.
var ErrExecutorShutdown = errors.New("hpgo: executor is shut down")

// Executor runs functions on the runtime's workers and keeps track of them:
// the counterpart of Python's concurrent.futures.Executor (which HPyX's
// HPXExecutor implements for loop.run_in_executor) and of
// golang.org/x/sync/errgroup. Submit returns a future per function; Go and
// Wait collect the first error the errgroup way; Map applies a function to
// a slice; Shutdown refuses new work.
//
// An Executor adds no workers of its own: its tasks share the runtime's,
// so CPU-bound work stays bounded to NumWorkers goroutines however many
// executors there are. Unlike errgroup's, its functions therefore must not
// wait on a channel, a lock or I/O as they are: each such wait keeps a
// worker, and once every worker waits for a function still in the queue
// (the one whose error would cancel the context, say), nothing moves. Wait
// through hpgo (Future.Get or Await, future.Wait, Executor.Wait), or wrap
// the wait in Block. The zero Executor is ready to use; an Executor must
// not be copied after first use.
type Executor struct {
	mu   sync.RWMutex // orders Shutdown after the wg.Add of every accepted task
	shut bool

	wg      sync.WaitGroup // tasks in flight, all kinds
	errOnce sync.Once
	err     atomic.Pointer[error]   // first error of a Go function
	cancel  context.CancelCauseFunc // NewExecutorContext only
}

// NewExecutor returns a new Executor. It is the same as new(Executor).
func NewExecutor() *Executor { return new(Executor) }

// NewExecutorContext returns a new Executor and a context derived from ctx
// that is cancelled, as with errgroup.WithContext, the first time a
// function passed to Go returns an error or panics, or when Wait returns,
// whichever comes first. The cause of the cancellation is that error.
func NewExecutorContext(ctx context.Context) (*Executor, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Executor{cancel: cancel}, ctx
}

// checkArgs panics, before anything is counted in, for a nil executor or a
// nil function: programmer errors, reported at the call with an "hpgo: "
// message rather than as a nil dereference in a task (or, worse, a task
// counted in that never ends, and a Wait that never returns).
func checkArgs(fn string, e *Executor, fnNil bool) {
	if e == nil {
		panic("hpgo: execution." + fn + ": nil *Executor (use NewExecutor)")
	}
	if fnNil {
		panic("hpgo: execution." + fn + ": fn is nil")
	}
}

// isShut reports whether Shutdown has been called.
func (e *Executor) isShut() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.shut
}

// track counts a new task in, unless e is shut down.
func (e *Executor) track() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.shut {
		return false
	}
	e.wg.Add(1)
	return true
}

// Submit runs fn on the runtime's workers and returns a future for its
// result; after Shutdown it returns a future failed with
// ErrExecutorShutdown and fn never runs. It is the typed form of
// (*Executor).Submit: Go methods cannot have type parameters.
func Submit[T any](e *Executor, fn func() (T, error)) *future.Future[T] {
	checkArgs("Submit", e, fn == nil)
	if !e.track() {
		return future.Failed[T](ErrExecutorShutdown)
	}
	f := future.Async(fn)
	// OnDone rather than a defer in the task: a cancelled task never runs,
	// but its future still resolves.
	f.OnDone(func(T, error) { e.wg.Done() })
	return f
}

// Submit is Submit[any], the untyped form, as in concurrent.futures:
//
//	f := e.Submit(func() (any, error) { return compute(42) })
func (e *Executor) Submit(fn func() (any, error)) *future.Future[any] {
	return Submit(e, fn)
}

// Go runs fn on the runtime's workers, errgroup style: Wait reports the first
// non-nil error a function passed to Go returns (a panic counts, as a
// *future.PanicError, and so does a call of runtime.Goexit). After Shutdown
// fn does not run and Wait reports ErrExecutorShutdown, unless an error
// came first. fn holds a worker while it runs: wrap any wait in it that is
// not hpgo's in Block (see Executor).
func (e *Executor) Go(fn func() error) {
	checkArgs("Executor.Go", e, fn == nil)
	if !e.track() {
		e.setErr(ErrExecutorShutdown)
		return
	}
	future.Async(func() (struct{}, error) {
		defer e.wg.Done()
		normal := false
		defer func() {
			if !normal { // fn called runtime.Goexit (t.FailNow, say)
				e.setErr(errGoexit)
			}
		}()
		err := callRecover(fn)
		normal = true
		if err != nil {
			e.setErr(err)
		}
		return struct{}{}, err
	})
}

// errGoexit is what Wait reports for a function passed to Go that called
// runtime.Goexit: it neither returned nor panicked.
var errGoexit = errors.New("hpgo: a function passed to Executor.Go called runtime.Goexit")

// callRecover calls fn, turning a panic into a *future.PanicError so that it
// is recorded before the task counts as done.
func callRecover(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = future.NewPanicError(v)
		}
	}()
	return fn()
}

func (e *Executor) setErr(err error) {
	e.errOnce.Do(func() {
		e.err.Store(&err)
		if e.cancel != nil {
			e.cancel(err)
		}
	})
}

// Wait waits for every task of e — from Go, Submit and Map — to finish, then
// returns the first error of a Go function, if any. Called from a task, it
// lets its worker serve other tasks while it waits. As with errgroup, Go
// may be called by e's own tasks while Wait waits, but not after it has
// returned and before a new Wait.
func (e *Executor) Wait() error {
	checkArgs("Executor.Wait", e, false)
	sched.Block(e.wg.Wait)
	// Atomic: a Go after Shutdown records its error without counting in.
	var err error
	if p := e.err.Load(); p != nil {
		err = *p
	}
	if e.cancel != nil {
		e.cancel(err)
	}
	return err
}

// Map applies fn to every element of xs on the runtime's workers and
// returns the results in the order of xs. It fails fast: on the first error
// in time order it cancels the calls that have not started and returns
// that error at once (calls already running finish in the background, and
// Wait still waits for them). After Shutdown it returns
// ErrExecutorShutdown.
func Map[T, R any](e *Executor, xs []T, fn func(T) (R, error)) ([]R, error) {
	checkArgs("Map", e, fn == nil)
	if len(xs) == 0 && e.isShut() { // no Submit to report it
		return nil, ErrExecutorShutdown
	}
	fs := make([]*future.Future[R], 0, len(xs))
	for _, x := range xs {
		f := Submit(e, func() (R, error) { return fn(x) })
		fs = append(fs, f)
	}
	rs, err := future.AwaitAll(context.Background(), fs...)
	if err != nil {
		for _, f := range fs {
			f.Cancel()
		}
		return nil, err
	}
	return rs, nil
}

// Shutdown stops e from accepting work: Submit, Go and Map then fail with
// ErrExecutorShutdown. Tasks already submitted still run. With wait true,
// Shutdown returns when they have finished; with wait false, at once. It may
// be called more than once.
func (e *Executor) Shutdown(wait bool) {
	checkArgs("Executor.Shutdown", e, false)
	e.mu.Lock()
	e.shut = true
	e.mu.Unlock()
	if wait {
		sched.Block(e.wg.Wait)
	}
}
