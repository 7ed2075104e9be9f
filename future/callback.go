package future

import (
	"log"
)

// waiter is a node in a future's list of callbacks, a lock-free stack that
// resolution swaps for the resolvedList sentinel and then fires. Callers
// embed it in the object the callback needs, so subscribing costs a single
// allocation.
type waiter struct {
	next *waiter
	cb   callback
}

type callback interface{ fire() }

// resolvedList marks a resolved future's list: subscribing fails.
var resolvedList waiter

// chanWaiter is closed at resolution: the channel behind Done.
type chanWaiter chan struct{}

func (c chanWaiter) fire() { close(c) }

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// subscribe adds w to f's list. It reports false if f is already resolved;
// w then never fires, and the caller acts at once.
func (f *Future[T]) subscribe(w *waiter) bool {
	for {
		head := f.waiters.Load()
		if head == &resolvedList {
			return false
		}
		w.next = head
		if f.waiters.CompareAndSwap(head, w) {
			return true
		}
	}
}

// onResolve makes w fire once f resolves: at resolution, in the resolving
// goroutine, or now in the caller's if f already has.
func (f *Future[T]) onResolve(w *waiter) {
	if !f.subscribe(w) {
		w.cb.fire()
	}
}

// fire runs the callbacks of a swapped-out list in subscription order.
func fire(w *waiter) {
	var prev *waiter
	for w != nil {
		next := w.next
		w.next = prev
		prev, w = w, next
	}
	for w = prev; w != nil; {
		next := w.next
		w.next = nil
		w.cb.fire()
		w = next
	}
}

// onDoneNode is the callback node of OnDone.
type onDoneNode[T any] struct {
	waiter
	f  *Future[T]
	fn func(T, error)
}

func (n *onDoneNode[T]) fire() {
	defer func() {
		if v := recover(); v != nil {
			callbackPanic(NewPanicError(v))
		}
	}()
	n.fn(n.f.val, n.f.err)
}

// callbackPanic reports a panic in an OnDone callback, which has no future
// to carry it. Tests replace it.
var callbackPanic = func(pe *PanicError) {
	log.Printf("hpgo: recovered panic in OnDone callback: %v\n%s", pe.Value, pe.Stack)
}

// OnDone arranges for fn to be called exactly once with f's value and error
// when f resolves: in the goroutine that resolves it (a worker, or the
// caller of Promise.Resolve), or at once in the caller if f has already
// resolved. Callbacks run in the order they were registered, never under a
// lock, so fn may use f and other futures freely; it should be short, since
// it delays whatever else the resolving goroutine has to do. A panic in fn
// is recovered and logged with its stack (there is no future to carry it).
// Each call costs one allocation.
func (f *Future[T]) OnDone(fn func(T, error)) {
	n := &onDoneNode[T]{f: f, fn: fn}
	n.cb = n
	f.onResolve(&n.waiter)
}
