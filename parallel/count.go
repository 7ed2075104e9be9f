package parallel

import (
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// Count returns the number of elements equal to v (Go's ==: NaN counts
// nothing, -0 counts +0). Under Par and ParUnseq the chunks count
// concurrently and their counts are added. For float32, float64, int32,
// int64, int, uint, uint32 and uint64, and named types over them, a SIMD
// kernel counts (package asm's Count kernels: one compare and one add per
// vector), under every policy, Seq included: the count is the same.
//
// Work O(n), span O(n/P + chunks), extra memory O(chunks).
func Count[T comparable](p execution.Policy, xs []T, v T) int {
	defer guard()
	c, _ := countCtx(context.Background(), p, xs, v)
	return c
}

// CountTask is the asynchronous form of Count.
func CountTask[T comparable](tp execution.TaskPolicy, xs []T, v T) *future.Future[int] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return countCtx(ctx, p, xs, v)
	})
}

func countCtx[T comparable](ctx context.Context, p execution.Policy, xs []T, v T) (int, error) {
	if k := cpu.LookupCount[T](p); k != nil {
		if !p.Parallel() {
			return k(xs, v), nil // no closure to allocate
		}
		return countChunks(ctx, p, len(xs), cpu.GrainKernel, func(lo, hi int) int { return k(xs[lo:hi], v) })
	}
	return countChunks(ctx, p, len(xs), cpu.GrainLoop, func(lo, hi int) int {
		c := 0
		for _, x := range xs[lo:hi] {
			if x == v {
				c++
			}
		}
		return c
	})
}

// CountIf returns the number of elements for which pred holds. pred is
// called once per element, concurrently under Par and ParUnseq.
//
// Work O(n) calls of pred, span O(n/P + chunks), extra memory O(chunks).
func CountIf[T any](p execution.Policy, xs []T, pred func(T) bool) int {
	checkFunc("CountIf", "pred", pred == nil)
	defer guard()
	c, _ := countIfCtx(context.Background(), p, xs, pred)
	return c
}

// CountIfTask is the asynchronous form of CountIf.
func CountIfTask[T any](tp execution.TaskPolicy, xs []T, pred func(T) bool) *future.Future[int] {
	checkFunc("CountIfTask", "pred", pred == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return countIfCtx(ctx, p, xs, pred)
	})
}

func countIfCtx[T any](ctx context.Context, p execution.Policy, xs []T, pred func(T) bool) (int, error) {
	return countChunks(ctx, p, len(xs), cpu.GrainLoop, func(lo, hi int) int {
		c := 0
		for _, x := range xs[lo:hi] {
			if pred(x) {
				c++
			}
		}
		return c
	})
}

// countChunks adds count's results over chunks of [0, n) of grain elements
// or more (the whole range when p is not parallel).
func countChunks(ctx context.Context, p execution.Policy, n, grain int, count func(lo, hi int) int) (int, error) {
	if n == 0 {
		return 0, nil
	}
	if !p.Parallel() {
		return count(0, n), nil
	}
	cs, err := cpu.MapChunks(ctx, p, n, grain, count)
	total := 0
	for _, c := range cs {
		total += c
	}
	return total, err
}
