package future

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
)

// errNoTask: a combinator's output has no task to run.
var errNoTask = errors.New("hpgo: internal error: a combinator's output was run as a task")

// ErrNoFutures is the error of WhenAny and AwaitAny called with no futures.
var ErrNoFutures = errors.New("hpgo: WhenAny or AwaitAny of no futures")

// WhenAll returns a future for the values of fs, in the order of fs. It
// resolves when all of fs have succeeded, or fails fast with the first error
// in time order (inputs that had failed before the call come first, the
// lowest index first); the other inputs keep running, and WhenAll lets go of them
// (its callbacks come off their lists). With no inputs it resolves at once
// with an empty slice. It starts no task: the last input to resolve
// completes it inline. Cost: five allocations, whatever len(fs).
func WhenAll[T any](fs ...*Future[T]) *Future[[]T] {
	checkFutures("WhenAll", fs)
	if len(fs) == 0 {
		return Ready([]T{})
	}
	return whenAllOf(fs).out
}

func whenAllOf[T any](fs []*Future[T]) *whenAll[T] {
	w := &whenAll[T]{in: slices.Clone(fs), out: newFuture[[]T](stateWaiting)}
	w.out.body = w // for Cancel's release
	w.init(w, len(fs))
	w.nodes = make([]joinNode, len(fs))
	for i, f := range w.in {
		if w.failFast(&w.nodes[i], f) {
			return w
		}
	}
	for i, f := range w.in {
		w.add(&w.nodes[i], f)
	}
	return w
}

type whenAll[T any] struct {
	join
	in    []*Future[T]
	nodes []joinNode
	out   *Future[[]T]
}

func (w *whenAll[T]) ready() *waiter {
	vals := make([]T, len(w.in))
	for i, f := range w.in {
		vals[i] = f.val
	}
	l, _ := w.out.settled(vals, nil)
	return l
}

func (w *whenAll[T]) fail(err error) *waiter { l, _ := w.out.settled(nil, err); return l }

func (w *whenAll[T]) detach() {
	for i, f := range w.in {
		f.unsubscribe(&w.nodes[i].waiter)
	}
}

// release detaches the nodes when the output is cancelled while waiting.
func (w *whenAll[T]) release() { w.abandon() }

// call is never made: the inputs settle the output, which has no task. It
// makes w the output's body, so that Cancel finds release.
func (w *whenAll[T]) call() ([]T, error) { panic(errNoTask) }

// WhenAny returns a future for the index in fs of the first future to
// resolve, successfully or not; read its result with fs[i].Get(). If
// several have already resolved when WhenAny is called, the lowest index
// wins. Once one has resolved, WhenAny lets go of the others (its
// callbacks come off their lists), so waiting again and again on a
// long-lived future (a shutdown signal) beside short ones leaves nothing
// behind on it. With no inputs it resolves at once with -1 and
// ErrNoFutures. Cost: four allocations, whatever len(fs).
func WhenAny[T any](fs ...*Future[T]) *Future[int] {
	checkFutures("WhenAny", fs)
	if len(fs) == 0 {
		return resolved(-1, ErrNoFutures)
	}
	return whenAnyOf(fs).out
}

func whenAnyOf[T any](fs []*Future[T]) *whenAny[T] {
	w := &whenAny[T]{in: slices.Clone(fs), out: newFuture[int](stateWaiting)}
	w.out.body = w // for Cancel's release
	w.nodes = make([]anyNode[T], len(fs))
	// The lowest index among the inputs resolved before the call wins, and
	// not one that resolves while the loop below subscribes to the others.
	for i, f := range w.in {
		if f.resolvedAlready() {
			n := &w.nodes[i]
			n.w, n.i, n.cb = w, i, n
			fire(n.fire())
			return w
		}
	}
	for i, f := range w.in {
		n := &w.nodes[i]
		n.w, n.i, n.cb = w, i, n
		if !f.subscribe(&n.waiter) {
			fire(n.fire())
			break
		}
		if w.detached.Load() { // resolved meanwhile through an earlier input
			f.unsubscribe(&n.waiter)
		}
	}
	return w
}

type whenAny[T any] struct {
	in       []*Future[T]
	nodes    []anyNode[T]
	out      *Future[int]
	won      atomic.Bool // an input has resolved first
	detached atomic.Bool
}

// release detaches the nodes when the output is cancelled while waiting.
func (w *whenAny[T]) release() { w.abandon() }

// call is never made (see whenAll.call).
func (w *whenAny[T]) call() (int, error) { panic(errNoTask) }

// abandon takes the nodes off the inputs that have not resolved, once.
// Nodes that whenAnyOf subscribes later come off there.
func (w *whenAny[T]) abandon() {
	if w.detached.Swap(true) {
		return
	}
	for i, f := range w.in {
		f.unsubscribe(&w.nodes[i].waiter)
	}
}

type anyNode[T any] struct {
	waiter
	w *whenAny[T]
	i int
}

// fire: the first input to resolve detaches the others before it settles
// the output, so that whoever waits on the output finds them let go.
func (n *anyNode[T]) fire() *waiter {
	if n.w.won.CompareAndSwap(false, true) {
		n.w.abandon()
		l, _ := n.w.out.settled(n.i, nil)
		return l
	}
	return nil
}

// AwaitAll waits for all of fs and returns their values in order, or the
// first error in time order, or ctx.Err() if ctx ends first. Inputs still
// running go on; AwaitAll leaves nothing behind on them when it returns. It
// is WhenAll(fs...).Await(ctx).
func AwaitAll[T any](ctx context.Context, fs ...*Future[T]) ([]T, error) {
	checkFutures("AwaitAll", fs)
	checkContext("AwaitAll", ctx)
	if len(fs) == 0 {
		return []T{}, nil
	}
	w := whenAllOf(fs)
	vals, err := w.out.Await(ctx)
	if w.out.state.Load() != stateDone {
		w.abandon() // ctx ended first
	}
	return vals, err
}

// AwaitAny waits for the first of fs to resolve and returns its index; read
// its result with fs[i].Get(). It returns -1 and ctx.Err() if ctx ends first,
// -1 and ErrNoFutures if fs is empty. It leaves nothing behind on the
// inputs that have not resolved when it returns.
func AwaitAny[T any](ctx context.Context, fs ...*Future[T]) (int, error) {
	checkFutures("AwaitAny", fs)
	checkContext("AwaitAny", ctx)
	if len(fs) == 0 {
		return -1, ErrNoFutures
	}
	w := whenAnyOf(fs)
	i, err := w.out.Await(ctx)
	if err != nil {
		w.abandon() // ctx ended first
		return -1, err
	}
	return i, nil
}
