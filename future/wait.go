package future

import (
	"context"
	"slices"
)

// Awaitable is anything with a completion channel and an error, in the
// manner of context.Context: Done is closed on completion, and Err returns
// nil before it and the failure, if any, after. Every *Future[T]
// implements it, whatever T, so Wait can wait for futures of different
// types together.
type Awaitable interface {
	Done() <-chan struct{}
	Err() error
}

// Wait waits for all of as to complete and returns nil, or the first error
// in time order as soon as one fails (as for WhenAll), or ctx.Err() if ctx
// ends first. What
// is still running goes on, and Wait leaves nothing behind on it. Futures
// are watched through their callbacks; any other Awaitable costs a
// goroutine while Wait runs, and a panic in its Err method is recovered and
// returned as a *PanicError.
func Wait(ctx context.Context, as ...Awaitable) error {
	checkContext("Wait", ctx)
	for i, a := range as {
		if a == nil || isNilFuture(a) {
			badArg("Wait", "as[%d] is nil", i)
		}
	}
	if len(as) == 0 {
		return nil
	}
	// An input that failed before the call wins over one that fails while
	// the loop below subscribes to the others; the lowest index first.
	for _, a := range as {
		if err := earlyFailure(a); err != nil {
			return err
		}
	}
	w := &waitAll{in: slices.Clone(as), out: newFuture[struct{}](stateWaiting)}
	w.init(w, len(as))
	w.nodes = make([]joinNode, len(as))
	var stop chan struct{}
	for i, a := range w.in {
		if src, ok := a.(source); ok {
			w.add(&w.nodes[i], src)
			continue
		}
		n := &w.nodes[i]
		n.j, n.src, n.cb = &w.join, foreign{a}, n
		done := a.Done()
		select {
		case <-done:
			fire(n.fire())
			continue
		default:
		}
		if stop == nil {
			stop = make(chan struct{})
			defer close(stop)
		}
		go func() {
			select {
			case <-done:
				fire(n.fire())
			case <-stop:
			}
		}()
	}
	_, err := w.out.Await(ctx)
	if w.out.state.Load() != stateDone {
		w.abandon() // ctx ended first
	}
	return err
}

type waitAll struct {
	join
	in    []Awaitable
	nodes []joinNode
	out   *Future[struct{}]
}

func (w *waitAll) ready() *waiter         { l, _ := w.out.settled(struct{}{}, nil); return l }
func (w *waitAll) fail(err error) *waiter { l, _ := w.out.settled(struct{}{}, err); return l }

// detach takes the nodes off the futures among the inputs; the goroutines
// watching other Awaitables end when Wait returns.
func (w *waitAll) detach() {
	for i, a := range w.in {
		if src, ok := a.(source); ok {
			src.unsubscribe(&w.nodes[i].waiter)
		}
	}
}

// foreign adapts an Awaitable that is not a future.
type foreign struct{ a Awaitable }

// earlyFailure returns a's error if a has completed with one, else nil.
func earlyFailure(a Awaitable) error {
	if src, ok := a.(source); ok {
		if src.failedAlready() {
			return src.failure()
		}
		return nil
	}
	select {
	case <-a.Done():
		return foreign{a}.failure()
	default:
		return nil
	}
}

// failure returns a's Err, or a *PanicError if Err panics: it runs in a
// watcher goroutine, where a panic would end the process.
func (f foreign) failure() (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = NewPanicError(v)
		}
	}()
	return f.a.Err()
}
