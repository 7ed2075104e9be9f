package future

import "sync/atomic"

// source is an input of a join: a future of any type.
type source interface {
	subscribe(*waiter) bool
	unsubscribe(*waiter)
	failure() error
	failedAlready() bool
}

// failure returns f's error; f must be resolved.
func (f *Future[T]) failure() error { return f.err }

// resolvedAlready reports whether f has resolved.
func (f *Future[T]) resolvedAlready() bool { return f.state.Load() == stateDone }

// failedAlready reports whether f has resolved with an error.
func (f *Future[T]) failedAlready() bool { return f.resolvedAlready() && f.err != nil }

// target is what a join resolves.
type target interface {
	// ready: every input succeeded; fail: an input failed (called for each
	// failure, first one first). Both return what settling the target
	// returned for the fire loop (see callback).
	ready() *waiter
	fail(err error) *waiter
	// detach takes the join's nodes off the inputs that have not resolved
	// (unsubscribe), once the target no longer needs them.
	detach()
}

// join counts its inputs down and tells its target when all have
// succeeded, or as soon as one fails. A failure detaches the nodes still
// waiting on other inputs, so that a long-lived input (a shutdown signal)
// does not collect them.
type join struct {
	left     atomic.Int64
	dst      target
	detached atomic.Bool
}

// joinNode is the callback a join puts on one input.
type joinNode struct {
	waiter
	j   *join
	src interface{ failure() error }
}

func (n *joinNode) fire() *waiter {
	if err := n.src.failure(); err != nil {
		// Detach first: whoever the failure wakes finds the other inputs
		// let go.
		n.j.abandon()
		return n.j.dst.fail(err)
	}
	if n.j.left.Add(-1) == 0 {
		return n.j.dst.ready()
	}
	return nil
}

// init prepares j for n inputs; call it before any add.
func (j *join) init(dst target, n int) {
	j.dst = dst
	j.left.Store(int64(n))
}

// add makes node n watch src, firing at once if src has resolved. A node
// added after the join was abandoned comes off again.
func (j *join) add(n *joinNode, src source) {
	n.j, n.src, n.cb = j, src, n
	if !src.subscribe(&n.waiter) {
		fire(n.fire())
		return
	}
	if j.detached.Load() {
		src.unsubscribe(&n.waiter)
	}
}

// failFast makes the join fail with src's error at once, before it
// subscribes to anything else, if src has already failed, and reports
// whether it did. Joins call it on each input, in order, before add: an
// input that failed before the call must win over one that fails while the
// join subscribes to the others, whatever the number of inputs. Among
// inputs that failed before the call, the lowest index wins.
func (j *join) failFast(n *joinNode, src source) bool {
	if !src.failedAlready() {
		return false
	}
	j.add(n, src) // fires at once: the join fails and detaches
	return true
}

// abandon detaches the join's nodes from its inputs, once: its target has
// failed, or nobody waits for it any more. Nodes that add subscribes later
// come off there.
func (j *join) abandon() {
	if !j.detached.Swap(true) {
		j.dst.detach()
	}
}
