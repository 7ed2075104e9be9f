package future

// Then returns a future for fn applied to f's value. fn runs as a new task
// on the workers once f has resolved successfully (pushed on the resolving
// worker's own deque, so it usually runs right after f's task on the same
// worker); if f is already resolved it is queued at once. If f fails, fn is
// skipped and the result fails with f's error, resolved inline without a
// task. A panic in fn resolves the result with a *PanicError.
//
// Cancelling the result before fn starts means fn never runs; it does not
// cancel f. Cost: two allocations.
func Then[T, U any](f *Future[T], fn func(T) (U, error)) *Future[U] {
	checkFuture("Then", "f", f == nil)
	checkFunc("Then", fn == nil)
	return then(f, fn, nil)
}

// then is Then; upstream, if not nil, is abandoned along with the node
// when the continuation is cancelled before f resolves (Dataflow's WhenAll).
func then[T, U any](f *Future[T], fn func(T) (U, error), upstream abandoner) *Future[U] {
	g := newFuture[U](stateWaiting)
	n := &thenNode[T, U]{in: f, fn: fn, out: g, upstream: upstream}
	n.cb = n
	g.body = n
	f.onResolve(&n.waiter)
	return g
}

// abandoner is a combinator that can let go of its inputs.
type abandoner interface{ abandon() }

// thenNode is both the callback on the input and the task of the output.
type thenNode[T, U any] struct {
	waiter
	in       *Future[T]
	fn       func(T) (U, error)
	out      *Future[U]
	upstream abandoner
}

// fire passes a failure on at once (returning the continuation's callbacks
// to the fire loop) and schedules fn otherwise.
func (n *thenNode[T, U]) fire() *waiter {
	if err := n.in.err; err != nil {
		var zero U
		l, _ := n.out.settled(zero, err)
		return l
	}
	n.out.schedule()
	return nil
}

func (n *thenNode[T, U]) call() (U, error) { return n.fn(n.in.val) }

// release takes the node off its input when the continuation is cancelled
// before its input resolved.
func (n *thenNode[T, U]) release() {
	n.in.unsubscribe(&n.waiter)
	if n.upstream != nil {
		n.upstream.abandon()
	}
}
