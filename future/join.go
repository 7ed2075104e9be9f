package future

import "sync/atomic"

// source is an input of a join: a future of any type.
type source interface {
	subscribe(*waiter) bool
	failure() error
}

// failure returns f's error; f must be resolved.
func (f *Future[T]) failure() error { return f.err }

// target is what a join resolves.
type target interface {
	ready()         // every input succeeded
	fail(err error) // an input failed; called for each failure, first one first
}

// join counts its inputs down and tells its target when all have
// succeeded, or as soon as one fails.
type join struct {
	left atomic.Int64
	dst  target
}

// joinNode is the callback a join puts on one input.
type joinNode struct {
	waiter
	j   *join
	src interface{ failure() error }
}

func (n *joinNode) fire() {
	if err := n.src.failure(); err != nil {
		n.j.dst.fail(err)
		return
	}
	if n.j.left.Add(-1) == 0 {
		n.j.dst.ready()
	}
}

// init prepares j for n inputs; call it before any add.
func (j *join) init(dst target, n int) {
	j.dst = dst
	j.left.Store(int64(n))
}

// add makes node n watch src, firing at once if src has resolved.
func (j *join) add(n *joinNode, src source) {
	n.j, n.src, n.cb = j, src, n
	if !src.subscribe(&n.waiter) {
		n.fire()
	}
}
