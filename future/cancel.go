package future

import (
	"context"
	"fmt"
)

// ErrCancelled is the error of a future stopped by Cancel. It wraps
// context.Canceled, so errors.Is(err, context.Canceled) holds as well as
// errors.Is(err, ErrCancelled).
var ErrCancelled = fmt.Errorf("hpgo: future cancelled: %w", context.Canceled)

// Cancel stops f's task if it has not started: the task then never runs,
// and f resolves at once with ErrCancelled and the zero value. Cancel
// reports whether it did so. It also resolves, with ErrCancelled, a future
// still waiting for its inputs (Then, Dataflow, WhenAll, a Promise's) —
// the inputs themselves go on.
//
// For an AsyncContext task that is already running, Cancel cancels the
// task's context and returns false: how the task ends is up to it. For any
// other running or resolved future Cancel does nothing and returns false.
func (f *Future[T]) Cancel() bool {
	for {
		switch s := f.state.Load(); s {
		case statePending, stateWaiting:
			if f.state.CompareAndSwap(s, stateRunning) {
				if r, ok := f.body.(releaser); ok {
					r.release()
				}
				f.cancelled = true
				var zero T
				f.complete(zero, ErrCancelled)
				return true
			}
		case stateRunning:
			if f.cancel != nil {
				f.cancel()
			}
			return false
		default:
			return false
		}
	}
}

// Cancelled reports whether f was resolved by a successful Cancel.
func (f *Future[T]) Cancelled() bool {
	return f.state.Load() == stateDone && f.cancelled
}
