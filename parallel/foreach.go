package parallel

import (
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// ForLoop calls body(i) for every i in [first, last); nothing when last <=
// first. Under Seq the calls are made in increasing order in the calling
// goroutine; under Unseq in the calling goroutine in an unspecified order;
// under Par and ParUnseq concurrently, in chunks on the runtime's workers, so
// body must be safe to call concurrently for distinct i. A range of less
// than one grain runs in the calling goroutine under every policy, where
// execution.WorkerID is the caller's (-1 outside the runtime): index
// per-worker state by it only in tasks. A range of more than math.MaxInt
// indices panics.
//
// Each index costs a call of body through a function value (1-2 ns), which
// a cheap body (xs[i] = i) does not cover: there a plain loop on one core
// keeps up with ForLoop on two. backend/cpu.For hands body whole chunks,
// func(lo, hi int), for it to loop over itself.
//
// Work O(n) calls of body, span O(n/P + chunk), extra memory O(chunks).
func ForLoop(p execution.Policy, first, last int, body func(i int)) {
	checkFunc("ForLoop", "body", body == nil)
	checkRange("ForLoop", first, last)
	defer guard()
	_ = forLoopCtx(context.Background(), p, first, last, body)
}

// ForLoopTask is the asynchronous form of ForLoop. Cancelling the future
// skips the chunks not yet started.
func ForLoopTask(tp execution.TaskPolicy, first, last int, body func(i int)) *future.Future[struct{}] {
	checkFunc("ForLoopTask", "body", body == nil)
	checkRange("ForLoopTask", first, last)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return forLoopCtx(ctx, p, first, last, body)
	})
}

// checkRange panics when [first, last) holds more than math.MaxInt
// indices, a length no int can count.
func checkRange(fn string, first, last int) {
	if last > first && last-first < 0 {
		badArg(fn, "range [%d, %d) has more than math.MaxInt indices", first, last)
	}
}

func forLoopCtx(ctx context.Context, p execution.Policy, first, last int, body func(int)) error {
	if last <= first {
		return nil
	}
	if !p.Parallel() {
		for i := first; i < last; i++ {
			body(i)
		}
		return nil
	}
	return cpu.ForContext(ctx, p, last-first, cpu.GrainLoop, func(lo, hi int) {
		for i := first + lo; i < first+hi; i++ {
			body(i)
		}
	})
}

// ForEach calls fn(&xs[i]) for every element, so fn may modify it in place.
// The order and concurrency are those of ForLoop: in order under Seq,
// concurrently in chunks under Par and ParUnseq.
//
// Work O(n) calls of fn, span O(n/P + chunk), extra memory O(chunks).
func ForEach[T any](p execution.Policy, xs []T, fn func(*T)) {
	checkFunc("ForEach", "fn", fn == nil)
	defer guard()
	_ = forEachCtx(context.Background(), p, xs, fn)
}

// ForEachTask is the asynchronous form of ForEach. Cancelling the future
// skips the chunks not yet started.
func ForEachTask[T any](tp execution.TaskPolicy, xs []T, fn func(*T)) *future.Future[struct{}] {
	checkFunc("ForEachTask", "fn", fn == nil)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return forEachCtx(ctx, p, xs, fn)
	})
}

func forEachCtx[T any](ctx context.Context, p execution.Policy, xs []T, fn func(*T)) error {
	if !p.Parallel() {
		for i := range xs {
			fn(&xs[i])
		}
		return nil
	}
	return cpu.ForContext(ctx, p, len(xs), cpu.GrainLoop, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			fn(&xs[i])
		}
	})
}
