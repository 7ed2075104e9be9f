package future

// Promise is the writing end of a future: the bridge from callbacks,
// channels and other goroutines into futures. The first of Resolve and
// Reject wins; later calls, and calls after the future was cancelled,
// report false and change nothing.
//
// A promise and its future are one allocation.
type Promise[T any] struct {
	f Future[T]
}

// NewPromise returns a promise whose future is unresolved.
func NewPromise[T any]() *Promise[T] {
	p := &Promise[T]{}
	p.f.state.Store(stateWaiting)
	return p
}

// Future returns the future that p resolves. It is the same every time.
func (p *Promise[T]) Future() *Future[T] { return &p.f }

// Resolve resolves the future with v and a nil error. Callbacks registered
// with OnDone run in the caller's goroutine before Resolve returns.
func (p *Promise[T]) Resolve(v T) bool { return p.f.settle(v, nil) }

// Reject resolves the future with err and the zero value. It panics if err
// is nil.
func (p *Promise[T]) Reject(err error) bool {
	if err == nil {
		badArg("Promise.Reject", "err is nil")
	}
	var zero T
	return p.f.settle(zero, err)
}
