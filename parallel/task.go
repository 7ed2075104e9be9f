package parallel

import (
	"context"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// runTask runs fn asynchronously under the synchronous form of tp and
// returns its future. fn receives a context that is cancelled when the
// future is cancelled (future.Future.Cancel): pass it to cpu.ForContext,
// cpu.MapChunks or cpu.MapReduceContext so that the chunks not yet started
// are skipped, and return its error. A panic in fn (or in a user function it
// calls, on any worker) resolves the future with a *future.PanicError.
//
// Validate the arguments before calling runTask: programmer errors panic at
// the call, not in the future.
func runTask[R any](tp execution.TaskPolicy, fn func(ctx context.Context, p execution.Policy) (R, error)) *future.Future[R] {
	p := tp.Policy()
	return future.AsyncContext(context.Background(), func(ctx context.Context) (R, error) {
		return fn(ctx, p)
	})
}

// runVoidTask is runTask for algorithms without a result.
func runVoidTask(tp execution.TaskPolicy, fn func(ctx context.Context, p execution.Policy) error) *future.Future[struct{}] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) (struct{}, error) {
		return struct{}{}, fn(ctx, p)
	})
}
