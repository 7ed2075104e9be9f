package parallel

import (
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// Reduce folds xs into init with reduce and returns the result; init when xs
// is empty.
//
// Under Seq it is the exact left fold ((init reduce x0) reduce x1) ... in the
// calling goroutine. Under Unseq, Par and ParUnseq reduce must be
// associative: each chunk is folded on its own (starting from its first
// element; a chunk of 32 elements or more as four contiguous runs folded
// side by side and combined in order, which overlaps the calls) and the
// chunk results are folded into init in chunk order, init first; Unseq is
// one chunk. reduce need not be commutative. For a float sum the result then
// differs from the exact sum by at most γ(d)·Σ|xᵢ| (γ(d) = d·u/(1−d·u), u
// the unit roundoff), where d is the number of roundings a term goes
// through: n for the left fold, at most (longest chunk) + (number of chunks)
// + 1 under a parallel policy, and within a chunk at most MaxStep/8 + 20 with
// a SIMD kernel (see package asm). Every association obeys the bound with
// d = n + 1, which the tests check.
//
// The reductions of package op (op.Add, op.Min, op.Max, for the types
// package asm covers) run as SIMD kernels except On(PureGo): under every
// policy for integers and min/max (bit-identical to the left fold, except
// that a NaN result is the canonical quiet NaN, whatever the input NaN's
// sign and payload), and under
// Unseq, Par and ParUnseq for float sums (reassociated in SIMD lanes). Under
// Seq a float sum by op.Add runs as a typed loop with the left fold's bits,
// at the speed of a plain Go loop rather than one indirect call per element.
//
// Work O(n), span O(n/P + chunks), extra memory O(chunks).
func Reduce[T any](p execution.Policy, xs []T, init T, reduce func(T, T) T) T {
	checkFunc("Reduce", "reduce", reduce == nil)
	if len(xs) == 0 {
		return init
	}
	// The common in-cache call, one of hpgo's own kernels run inline, skips
	// the deferred guard and the context: neither its kernel nor its op
	// can panic. A kernel some other package registered may.
	k, builtin := cpu.LookupReduceBuiltin(p, reduce)
	if builtin && inline(p, len(xs), cpu.GrainKernel) {
		return reduce(init, k(xs))
	}
	defer guard()
	r, _ := reduceCtx(context.Background(), p, xs, init, reduce, k)
	return r
}

// ReduceTask is the asynchronous form of Reduce. Cancelling the future skips
// the chunks not yet started and, if it skipped any, resolves it with the
// context's error; a cancel that comes while the last chunks run leaves the
// result to stand.
func ReduceTask[T any](tp execution.TaskPolicy, xs []T, init T, reduce func(T, T) T) *future.Future[T] {
	checkFunc("ReduceTask", "reduce", reduce == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (T, error) {
		return reduceCtx(ctx, p, xs, init, reduce, cpu.LookupReduce(p, reduce))
	})
}

// reduceCtx is Reduce under ctx, with k the kernel LookupReduce found (nil
// for none).
func reduceCtx[T any](ctx context.Context, p execution.Policy, xs []T, init T, reduce func(T, T) T, k func([]T) T) (T, error) {
	n := len(xs)
	if n == 0 {
		return init, nil
	}
	if k != nil {
		if inline(p, n, cpu.GrainKernel) { // no closure: nothing to allocate
			return reduce(init, k(xs)), nil
		}
		return kernelReduce(ctx, p, n, init, reduce, func(lo, hi int) T { return k(xs[lo:hi]) })
	}
	if !p.Parallel() {
		if f := cpu.LookupFold(p, reduce); f != nil {
			return f(init, xs), nil
		}
		if !p.Ordered() { // Unseq: one chunk, folded as runs
			return reduce(init, foldRuns(xs, reduce)), nil
		}
		acc := init
		for _, x := range xs {
			acc = reduce(acc, x)
		}
		return acc, nil
	}
	rs, err := cpu.MapChunks(ctx, p, n, cpu.GrainLoop, func(lo, hi int) T {
		return foldRuns(xs[lo:hi], reduce)
	})
	return foldChunks(init, rs, reduce, err)
}

// kernelReduce runs a reduction kernel over [0, n) in chunks of the policy
// and folds the chunk results into init in order. Callers handle the inline
// case themselves, without building the chunk closure.
func kernelReduce[R any](ctx context.Context, p execution.Policy, n int, init R, reduce func(R, R) R, k func(lo, hi int) R) (R, error) {
	rs, err := cpu.MapChunks(ctx, p, n, cpu.GrainKernel, k)
	return foldChunks(init, rs, reduce, err)
}

// TransformReduce applies transform to every element of xs and folds the
// results into init with reduce; init when xs is empty. The order, the
// association and the floating-point bound are those of Reduce: the exact
// left fold init reduce t(x0) reduce t(x1) ... under Seq, chunk results
// folded into init in chunk order otherwise.
//
// Known pairs of package op run as SIMD kernels except On(PureGo):
// (op.Add, op.Square) is a sum of squares, (op.Add, op.Identity) a sum;
// exact ones (integers) under every policy, float ones under Unseq, Par and
// ParUnseq (under Seq, a typed loop with the left fold's bits).
//
// Work O(n), span O(n/P + chunks), extra memory O(chunks).
func TransformReduce[T, R any](p execution.Policy, xs []T, init R, reduce func(R, R) R, transform func(T) R) R {
	checkFunc("TransformReduce", "reduce", reduce == nil)
	checkFunc("TransformReduce", "transform", transform == nil)
	if len(xs) == 0 {
		return init
	}
	k, builtin := cpu.LookupTransformReduceBuiltin(p, reduce, transform)
	if builtin && inline(p, len(xs), cpu.GrainKernel) { // see Reduce
		return reduce(init, k(xs))
	}
	defer guard()
	r, _ := transformReduceCtx(context.Background(), p, xs, init, reduce, transform, k)
	return r
}

// TransformReduceTask is the asynchronous form of TransformReduce.
// Cancelling the future skips the chunks not yet started and, if it skipped
// any, resolves it with the context's error.
func TransformReduceTask[T, R any](tp execution.TaskPolicy, xs []T, init R, reduce func(R, R) R, transform func(T) R) *future.Future[R] {
	checkFunc("TransformReduceTask", "reduce", reduce == nil)
	checkFunc("TransformReduceTask", "transform", transform == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (R, error) {
		return transformReduceCtx(ctx, p, xs, init, reduce, transform, cpu.LookupTransformReduce(p, reduce, transform))
	})
}

// transformReduceCtx is TransformReduce under ctx, with k the kernel
// LookupTransformReduce found (nil for none).
func transformReduceCtx[T, R any](ctx context.Context, p execution.Policy, xs []T, init R, reduce func(R, R) R, transform func(T) R, k func([]T) R) (R, error) {
	n := len(xs)
	if n == 0 {
		return init, nil
	}
	if k != nil {
		if inline(p, n, cpu.GrainKernel) { // no closure: nothing to allocate
			return reduce(init, k(xs)), nil
		}
		return kernelReduce(ctx, p, n, init, reduce, func(lo, hi int) R { return k(xs[lo:hi]) })
	}
	if !p.Parallel() {
		if f := cpu.LookupTransformFold(p, reduce, transform); f != nil {
			return f(init, xs), nil
		}
		if !p.Ordered() { // Unseq: one chunk, folded as runs
			return reduce(init, transformFoldRuns(xs, reduce, transform)), nil
		}
		acc := init
		for _, x := range xs {
			acc = reduce(acc, transform(x))
		}
		return acc, nil
	}
	rs, err := cpu.MapChunks(ctx, p, n, cpu.GrainLoop, func(lo, hi int) R {
		return transformFoldRuns(xs[lo:hi], reduce, transform)
	})
	return foldChunks(init, rs, reduce, err)
}

// TransformReduce2 folds transform(xs[i], ys[i]) into init with reduce;
// init when the inputs are empty. xs and ys must have the same length (it
// panics otherwise). With op.Add and op.Mul it is the inner (dot) product,
// a SIMD kernel for the types package asm covers. Order, association and
// bounds are those of TransformReduce.
//
// Work O(n), span O(n/P + chunks), extra memory O(chunks).
func TransformReduce2[T, U, R any](p execution.Policy, xs []T, ys []U, init R, reduce func(R, R) R, transform func(T, U) R) R {
	checkFunc("TransformReduce2", "reduce", reduce == nil)
	checkFunc("TransformReduce2", "transform", transform == nil)
	checkSameLen("TransformReduce2", len(xs), len(ys))
	if len(xs) == 0 {
		return init
	}
	k, builtin := cpu.LookupTransformReduce2Builtin(p, reduce, transform)
	if builtin && inline(p, len(xs), cpu.GrainKernel) { // see Reduce
		return reduce(init, k(xs, ys))
	}
	defer guard()
	r, _ := transformReduce2Ctx(context.Background(), p, xs, ys, init, reduce, transform, k)
	return r
}

// TransformReduce2Task is the asynchronous form of TransformReduce2.
func TransformReduce2Task[T, U, R any](tp execution.TaskPolicy, xs []T, ys []U, init R, reduce func(R, R) R, transform func(T, U) R) *future.Future[R] {
	checkFunc("TransformReduce2Task", "reduce", reduce == nil)
	checkFunc("TransformReduce2Task", "transform", transform == nil)
	checkSameLen("TransformReduce2Task", len(xs), len(ys))
	return runTask(tp, func(ctx context.Context, p execution.Policy) (R, error) {
		return transformReduce2Ctx(ctx, p, xs, ys, init, reduce, transform, cpu.LookupTransformReduce2(p, reduce, transform))
	})
}

func checkSameLen(name string, a, b int) {
	if a != b {
		badArg(name, "inputs of different lengths %d and %d", a, b)
	}
}

// transformReduce2Ctx is TransformReduce2 under ctx, with k the kernel
// LookupTransformReduce2 found (nil for none).
func transformReduce2Ctx[T, U, R any](ctx context.Context, p execution.Policy, xs []T, ys []U, init R, reduce func(R, R) R, transform func(T, U) R, k func([]T, []U) R) (R, error) {
	n := len(xs)
	if n == 0 {
		return init, nil
	}
	ys = ys[:n]
	if k != nil {
		if inline(p, n, cpu.GrainKernel) { // no closure: nothing to allocate
			return reduce(init, k(xs, ys)), nil
		}
		return kernelReduce(ctx, p, n, init, reduce, func(lo, hi int) R { return k(xs[lo:hi], ys[lo:hi]) })
	}
	if !p.Parallel() {
		if f := cpu.LookupTransformFold2(p, reduce, transform); f != nil {
			return f(init, xs, ys), nil
		}
		if !p.Ordered() { // Unseq: one chunk, folded as runs
			return reduce(init, transformFoldRuns2(xs, ys, reduce, transform)), nil
		}
		acc := init
		for i, x := range xs {
			acc = reduce(acc, transform(x, ys[i]))
		}
		return acc, nil
	}
	rs, err := cpu.MapChunks(ctx, p, n, cpu.GrainLoop, func(lo, hi int) R {
		return transformFoldRuns2(xs[lo:hi], ys[lo:hi], reduce, transform)
	})
	return foldChunks(init, rs, reduce, err)
}
