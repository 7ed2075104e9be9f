package future

import (
	"log"
	"sync"
)

// waiter is a node in a future's list of callbacks. Callers embed it in the
// object the callback needs, so subscribing costs a single allocation.
type waiter struct {
	prev, next *waiter
	listed     bool // in its future's list; guarded by that list's mu
	cb         callback
}

// callback is what a waiter does when its future resolves. fire returns
// the closed list of callbacks of another future it resolved in passing (a
// Then whose input failed, a WhenAll whose last input arrived), or nil: the
// caller fires that list next, in a loop, so that a failure running down a
// chain of a million Thens does not take a million nested calls.
type callback interface{ fire() *waiter }

// waiterList is a future's callbacks and blocked Gets in subscription
// order: a doubly linked list under a mutex, so that a combinator that no
// longer needs an input (WhenAny once one input resolved, a join that
// failed fast, an AwaitAll whose context ended) takes its node off at once
// instead of leaving it on a long-lived future until that resolves.
// Resolution closes the list and fires what it held, outside the lock.
type waiterList struct {
	mu         sync.Mutex
	head, tail *waiter
	closed     bool
}

// add appends w. It reports false if the list is closed (the future has
// resolved); w then never fires, and the caller acts at once.
func (l *waiterList) add(w *waiter) bool {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return false
	}
	w.prev, w.next, w.listed = l.tail, nil, true
	if l.tail == nil {
		l.head = w
	} else {
		l.tail.next = w
	}
	l.tail = w
	l.mu.Unlock()
	return true
}

// remove takes w off the list if it is still on it; once the list is
// closed w fires (or has fired) as usual. w must only ever have been added
// to this list.
func (l *waiterList) remove(w *waiter) {
	l.mu.Lock()
	if !l.closed && w.listed {
		if w.prev == nil {
			l.head = w.next
		} else {
			w.prev.next = w.next
		}
		if w.next == nil {
			l.tail = w.prev
		} else {
			w.next.prev = w.prev
		}
		w.prev, w.next, w.listed = nil, nil, false
	}
	l.mu.Unlock()
}

// close closes the list and returns what it held, for fire.
func (l *waiterList) close() *waiter {
	l.mu.Lock()
	h := l.head
	l.head, l.tail, l.closed = nil, nil, true
	l.mu.Unlock()
	return h
}

// chanWaiter is closed at resolution: the channel behind Done.
type chanWaiter chan struct{}

func (c chanWaiter) fire() *waiter { close(c); return nil }

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// subscribe adds w to f's list. It reports false if f is already resolved;
// w then never fires, and the caller acts at once.
func (f *Future[T]) subscribe(w *waiter) bool { return f.waiters.add(w) }

// unsubscribe takes w, which was given to subscribe, off f's list if f has
// not resolved yet.
func (f *Future[T]) unsubscribe(w *waiter) { f.waiters.remove(w) }

// onResolve makes w fire once f resolves: at resolution, in the resolving
// goroutine, or now in the caller's if f already has.
func (f *Future[T]) onResolve(w *waiter) {
	if !f.subscribe(w) {
		fire(w.cb.fire())
	}
}

// fire runs the callbacks of a closed list in subscription order. A node
// is unlinked before it fires: a blocked Get's waiter is reused as soon as
// it has fired. When a callback resolves another future, that future's
// callbacks run before the rest of this list, as a nested call would run
// them, but from this loop: the rest waits on a stack on the heap.
func fire(w *waiter) {
	if w != nil {
		fireFrom(w, nil)
	}
}

// fireFrom runs the list w, then the lists on rest, last first. If a
// callback calls runtime.Goexit (an OnDone callback calling t.FailNow, say),
// which ends this goroutine, the callbacks not yet run go on in another.
func fireFrom(w *waiter, rest []*waiter) {
	finished := false
	defer func() {
		if !finished {
			go fireFrom(w, rest)
		}
	}()
	for {
		for w != nil {
			cur := w
			w = cur.next
			cur.prev, cur.next, cur.listed = nil, nil, false
			if more := cur.cb.fire(); more != nil {
				if w != nil {
					rest = append(rest, w)
				}
				w = more
			}
		}
		if len(rest) == 0 {
			finished = true
			return
		}
		w = rest[len(rest)-1]
		rest = rest[:len(rest)-1]
	}
}

// onDoneNode is the callback node of OnDone.
type onDoneNode[T any] struct {
	waiter
	f  *Future[T]
	fn func(T, error)
}

func (n *onDoneNode[T]) fire() *waiter {
	defer func() {
		if v := recover(); v != nil {
			callbackPanic(NewPanicError(v))
		}
	}()
	n.fn(n.f.val, n.f.err)
	return nil
}

// callbackPanic reports a panic in an OnDone callback, which has no future
// to carry it. Tests replace it.
var callbackPanic = func(pe *PanicError) {
	log.Printf("hpgo: recovered panic in OnDone callback: %v\n%s", pe.Value, pe.Stack)
}

// OnDone arranges for fn to be called exactly once with f's value and error
// when f resolves: in the goroutine that resolves it (a worker, the caller
// of Promise.Resolve, Promise.Reject or Future.Cancel, or the goroutine in
// which an AsyncContext future's context ends), or at once in the caller if
// f has already resolved. The callbacks registered before f resolves run in
// the order they were registered; one registered later runs at once, and
// so may run before earlier ones still queued behind a slow callback.
// Callbacks never run under a lock, so fn may use f and other futures
// freely; it should be short, since it delays whatever else the resolving
// goroutine has to do. A panic in fn
// is recovered and logged with its stack (there is no future to carry it).
// Each call costs one allocation.
func (f *Future[T]) OnDone(fn func(T, error)) {
	checkFunc("Future.OnDone", fn == nil)
	n := &onDoneNode[T]{f: f, fn: fn}
	n.cb = n
	f.onResolve(&n.waiter)
}
