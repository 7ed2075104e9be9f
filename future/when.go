package future

import (
	"context"
	"errors"
	"slices"
)

// ErrNoFutures is the error of WhenAny and AwaitAny called with no futures.
var ErrNoFutures = errors.New("hpgo: WhenAny of no futures")

// WhenAll returns a future for the values of fs, in the order of fs. It
// resolves when all of fs have succeeded, or fails fast with the first error
// in time order; the other inputs keep running. With no inputs it resolves
// at once with an empty slice. It starts no task: the last input to resolve
// completes it inline. Cost: five allocations, whatever len(fs).
func WhenAll[T any](fs ...*Future[T]) *Future[[]T] {
	checkFutures("WhenAll", fs)
	if len(fs) == 0 {
		return Ready([]T{})
	}
	w := &whenAll[T]{in: slices.Clone(fs), out: newFuture[[]T](stateWaiting)}
	w.init(w, len(fs))
	nodes := make([]joinNode, len(fs))
	for i, f := range w.in {
		w.add(&nodes[i], f)
	}
	return w.out
}

type whenAll[T any] struct {
	join
	in  []*Future[T]
	out *Future[[]T]
}

func (w *whenAll[T]) ready() {
	vals := make([]T, len(w.in))
	for i, f := range w.in {
		vals[i] = f.val
	}
	w.out.settle(vals, nil)
}

func (w *whenAll[T]) fail(err error) { w.out.settle(nil, err) }

// WhenAny returns a future for the index in fs of the first future to
// resolve, successfully or not; read its result with fs[i].Get(). If
// several have already resolved when WhenAny is called, the lowest index
// wins. With no inputs it resolves at once with -1 and ErrNoFutures.
func WhenAny[T any](fs ...*Future[T]) *Future[int] {
	checkFutures("WhenAny", fs)
	if len(fs) == 0 {
		return resolved(-1, ErrNoFutures)
	}
	out := newFuture[int](stateWaiting)
	nodes := make([]anyNode, len(fs))
	for i, f := range fs {
		n := &nodes[i]
		n.out, n.i, n.cb = out, i, n
		if !f.subscribe(&n.waiter) {
			n.fire()
			break
		}
	}
	return out
}

type anyNode struct {
	waiter
	out *Future[int]
	i   int
}

func (n *anyNode) fire() { n.out.settle(n.i, nil) }

// AwaitAll waits for all of fs and returns their values in order, or the
// first error in time order, or ctx.Err() if ctx ends first. Inputs still
// running go on. It is WhenAll(fs...).Await(ctx).
func AwaitAll[T any](ctx context.Context, fs ...*Future[T]) ([]T, error) {
	checkFutures("AwaitAll", fs)
	return WhenAll(fs...).Await(ctx)
}

// AwaitAny waits for the first of fs to resolve and returns its index; read
// its result with fs[i].Get(). It returns -1 and ctx.Err() if ctx ends first,
// -1 and ErrNoFutures if fs is empty.
func AwaitAny[T any](ctx context.Context, fs ...*Future[T]) (int, error) {
	checkFutures("AwaitAny", fs)
	i, err := WhenAny(fs...).Await(ctx)
	if err != nil {
		return -1, err
	}
	return i, nil
}
