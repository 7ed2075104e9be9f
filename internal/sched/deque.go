package sched

import "sync/atomic"

// deque is a Chase–Lev work-stealing deque ("Dynamic Circular Work-Stealing
// Deque", SPAA 2005, in the formulation of Lê et al., PPoPP 2013). One
// goroutine, the owner, calls push and pop at the bottom; any goroutine may
// call steal at the top. Every shared word is accessed atomically (Go's
// atomics are sequentially consistent), so it is clean under the race
// detector. The ring grows by doubling; a thief that still reads an old ring
// finds the same tasks there, and the garbage collector frees it.
type deque struct {
	top    atomic.Int64
	_      [56]byte // keep the thieves' CAS on top off the owner's line
	bottom atomic.Int64
	ring   atomic.Pointer[ring]
}

type ring struct {
	mask  int64
	slots []atomic.Pointer[Task]
}

const initialRing = 64

func newRing(n int64) *ring {
	return &ring{mask: n - 1, slots: make([]atomic.Pointer[Task], n)}
}

func (r *ring) load(i int64) *Task     { return r.slots[i&r.mask].Load() }
func (r *ring) store(i int64, t *Task) { r.slots[i&r.mask].Store(t) }

func (d *deque) init() { d.ring.Store(newRing(initialRing)) }

// push adds t at the bottom. Owner only.
func (d *deque) push(t *Task) {
	b := d.bottom.Load()
	top := d.top.Load()
	r := d.ring.Load()
	if b-top > r.mask {
		nr := newRing(2 * (r.mask + 1))
		for i := top; i < b; i++ {
			nr.store(i, r.load(i))
		}
		d.ring.Store(nr)
		r = nr
	}
	r.store(b, t)
	d.bottom.Store(b + 1)
}

// pop removes the task at the bottom, or returns nil if the deque is empty.
// Owner only.
func (d *deque) pop() *Task {
	b := d.bottom.Load() - 1
	r := d.ring.Load()
	d.bottom.Store(b)
	top := d.top.Load()
	if top > b { // empty
		d.bottom.Store(b + 1)
		return nil
	}
	t := r.load(b)
	if top == b { // the last task: race the thieves for it
		if !d.top.CompareAndSwap(top, top+1) {
			t = nil
		} else {
			r.store(b, nil)
		}
		d.bottom.Store(b + 1)
		return t
	}
	// No thief can win index b while top < b; clear the slot so the ring does
	// not keep the task (and whatever it references) alive.
	r.store(b, nil)
	return t
}

// popIf pops the bottom task if it is t. Owner only.
func (d *deque) popIf(t *Task) bool {
	b := d.bottom.Load() - 1
	if b < d.top.Load() || d.ring.Load().load(b) != t {
		return false
	}
	// Only thieves can change the deque now, and only by taking t itself.
	return d.pop() == t
}

// steal removes the task at the top. It returns nil and retry=false if the
// deque looked empty, nil and retry=true if it lost a race for a task.
func (d *deque) steal() (t *Task, retry bool) {
	top := d.top.Load()
	b := d.bottom.Load()
	if top >= b {
		return nil, false
	}
	t = d.ring.Load().load(top)
	if !d.top.CompareAndSwap(top, top+1) {
		return nil, true
	}
	return t, false
}

// size is a snapshot of the number of tasks; any goroutine may call it.
func (d *deque) size() int64 {
	n := d.bottom.Load() - d.top.Load()
	if n < 0 {
		return 0
	}
	return n
}
