package future

import "context"

// Async runs fn as a task on the runtime's workers, starting the runtime
// lazily, and returns a future for its result. Called from a worker the task
// goes to that worker's own deque, so it usually runs next on the same
// worker unless an idle one steals it; from anywhere else it goes to the
// global queue. A panic in fn resolves the future with a *PanicError.
//
// Cost: one allocation (the future embeds its scheduler task), plus the
// closure fn if it captures variables.
func Async[T any](fn func() (T, error)) *Future[T] {
	checkFunc("Async", fn == nil)
	f := newFuture[T](statePending)
	f.body = fnBody[T](fn)
	f.submit()
	return f
}

// AsyncContext is Async for a function that takes a context. The task
// receives a child of ctx, which is cancelled when ctx is, when the future
// is cancelled with Cancel, and when fn returns.
//
// A task whose ctx is done before it starts never runs: if ctx is already
// done AsyncContext returns a failed future at once, and if ctx ends while
// the task is queued the future resolves with ctx.Err() straight away,
// without waiting for a worker. So in a net/http handler,
//
//	v, err := future.AsyncContext(r.Context(), compute).Await(r.Context())
//
// a client that goes away cancels its queued work.
//
// Cost: Async's, plus the task's context body (one allocation), a
// context.WithCancel and, for a ctx that can be cancelled, a
// context.AfterFunc registration.
func AsyncContext[T any](ctx context.Context, fn func(context.Context) (T, error)) *Future[T] {
	checkContext("AsyncContext", ctx)
	checkFunc("AsyncContext", fn == nil)
	if err := ctx.Err(); err != nil {
		return Failed[T](err)
	}
	f := newFuture[T](statePending)
	cctx, cancel := context.WithCancel(ctx)
	f.cancel = cancel
	b := &ctxBody[T]{parent: ctx, ctx: cctx, cancel: cancel, fn: fn}
	f.body = b // before the AfterFunc, which may resolve f at once
	if ctx.Done() != nil {
		b.stop = context.AfterFunc(ctx, func() {
			// ctx ended while the task was queued: resolve now. If the
			// task was claimed already, it sees the cancelled context.
			if f.state.CompareAndSwap(statePending, stateRunning) {
				var zero T
				cancel()
				f.complete(zero, ctx.Err())
			}
		})
	}
	f.submit()
	return f
}

// ctxBody is the task of AsyncContext.
type ctxBody[T any] struct {
	parent context.Context
	ctx    context.Context
	cancel context.CancelFunc
	stop   func() bool
	fn     func(context.Context) (T, error)
}

// releaser is a task that holds resources to let go of if it never runs.
type releaser interface{ release() }

// release unregisters the AfterFunc and detaches the child context from
// its parent.
func (b *ctxBody[T]) release() {
	if b.stop != nil {
		b.stop()
	}
	b.cancel()
}

func (b *ctxBody[T]) call() (T, error) {
	if b.stop != nil {
		b.stop()
	}
	defer b.cancel()
	if err := b.parent.Err(); err != nil {
		var zero T
		return zero, err
	}
	return b.fn(b.ctx)
}
