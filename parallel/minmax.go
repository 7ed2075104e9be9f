package parallel

import (
	"cmp"
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// The order of MinElement and friends is that of cmp.Compare: a NaN is
// smaller than every other value (and equal to another NaN), and -0 equals
// +0. Ties go to the first smallest and, for MinMaxElement's maximum, to the
// last largest, as in C++ and HPX (std::minmax_element).

// MinElement returns the index of the first smallest element of xs, or -1
// when xs is empty. Under Par and ParUnseq each chunk finds its own and the
// chunk results are compared in chunk order, so the answer is the same under
// every policy. The numeric types package asm covers use SIMD min and find
// kernels (except On(PureGo)).
//
// Work O(n), span O(n/P + chunks), extra memory O(chunks).
func MinElement[T cmp.Ordered](p execution.Policy, xs []T) int {
	defer guard()
	i, _ := minElementCtx(context.Background(), p, xs)
	return i
}

// MinElementTask is the asynchronous form of MinElement.
func MinElementTask[T cmp.Ordered](tp execution.TaskPolicy, xs []T) *future.Future[int] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return minElementCtx(ctx, p, xs)
	})
}

// MaxElement returns the index of the first largest element of xs, or -1
// when xs is empty. A NaN is the largest only when every element is NaN.
// Policies, kernels and costs are those of MinElement.
func MaxElement[T cmp.Ordered](p execution.Policy, xs []T) int {
	defer guard()
	i, _ := maxElementCtx(context.Background(), p, xs)
	return i
}

// MaxElementTask is the asynchronous form of MaxElement.
func MaxElementTask[T cmp.Ordered](tp execution.TaskPolicy, xs []T) *future.Future[int] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return maxElementCtx(ctx, p, xs)
	})
}

// MinMaxElement returns the index of the first smallest and of the last
// largest element of xs (like std::minmax_element), or (-1, -1) when xs is
// empty. Policies, kernels and costs are those of MinElement; it reads xs
// once on the generic path.
func MinMaxElement[T cmp.Ordered](p execution.Policy, xs []T) (minIndex, maxIndex int) {
	defer guard()
	r, _ := minMaxElementCtx(context.Background(), p, xs)
	return r[0], r[1]
}

// MinMaxElementTask is the asynchronous form of MinMaxElement; the future
// resolves with {minIndex, maxIndex}.
func MinMaxElementTask[T cmp.Ordered](tp execution.TaskPolicy, xs []T) *future.Future[[2]int] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) ([2]int, error) {
		return minMaxElementCtx(ctx, p, xs)
	})
}

// MinElementFunc returns the index of the first element e of xs for which no
// other compares smaller (cmp(x, e) < 0), or -1 when xs is empty. cmp must
// be a strict weak order, as for slices.SortFunc.
func MinElementFunc[T any](p execution.Policy, xs []T, cmp func(a, b T) int) int {
	checkFunc("MinElementFunc", "cmp", cmp == nil)
	defer guard()
	i, _ := minElementFuncCtx(context.Background(), p, xs, func(a, b T) bool { return cmp(a, b) < 0 })
	return i
}

// MinElementFuncTask is the asynchronous form of MinElementFunc.
func MinElementFuncTask[T any](tp execution.TaskPolicy, xs []T, cmp func(a, b T) int) *future.Future[int] {
	checkFunc("MinElementFuncTask", "cmp", cmp == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return minElementFuncCtx(ctx, p, xs, func(a, b T) bool { return cmp(a, b) < 0 })
	})
}

// MaxElementFunc returns the index of the first largest element of xs under
// cmp, or -1 when xs is empty.
func MaxElementFunc[T any](p execution.Policy, xs []T, cmp func(a, b T) int) int {
	checkFunc("MaxElementFunc", "cmp", cmp == nil)
	defer guard()
	i, _ := minElementFuncCtx(context.Background(), p, xs, func(a, b T) bool { return cmp(b, a) < 0 })
	return i
}

// MaxElementFuncTask is the asynchronous form of MaxElementFunc.
func MaxElementFuncTask[T any](tp execution.TaskPolicy, xs []T, cmp func(a, b T) int) *future.Future[int] {
	checkFunc("MaxElementFuncTask", "cmp", cmp == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return minElementFuncCtx(ctx, p, xs, func(a, b T) bool { return cmp(b, a) < 0 })
	})
}

// MinMaxElementFunc returns the index of the first smallest and of the last
// largest element of xs under cmp, or (-1, -1) when xs is empty.
func MinMaxElementFunc[T any](p execution.Policy, xs []T, cmp func(a, b T) int) (minIndex, maxIndex int) {
	checkFunc("MinMaxElementFunc", "cmp", cmp == nil)
	defer guard()
	r, _ := minMaxElementFuncCtx(context.Background(), p, xs, func(a, b T) bool { return cmp(a, b) < 0 })
	return r[0], r[1]
}

// MinMaxElementFuncTask is the asynchronous form of MinMaxElementFunc.
func MinMaxElementFuncTask[T any](tp execution.TaskPolicy, xs []T, cmp func(a, b T) int) *future.Future[[2]int] {
	checkFunc("MinMaxElementFuncTask", "cmp", cmp == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) ([2]int, error) {
		return minMaxElementFuncCtx(ctx, p, xs, func(a, b T) bool { return cmp(a, b) < 0 })
	})
}

// firstMin is the index of the first smallest element of xs[lo:hi] under
// less.
func firstMin[T any](xs []T, lo, hi int, less func(a, b T) bool) int {
	m := lo
	for i := lo + 1; i < hi; i++ {
		if less(xs[i], xs[m]) {
			m = i
		}
	}
	return m
}

// minMax is (first smallest, last largest) of xs[lo:hi] under less.
func minMax[T any](xs []T, lo, hi int, less func(a, b T) bool) [2]int {
	m, M := lo, lo
	for i := lo + 1; i < hi; i++ {
		x := xs[i]
		if less(x, xs[m]) {
			m = i
		} else if !less(x, xs[M]) {
			M = i
		}
	}
	return [2]int{m, M}
}

// ordered runs scan over the chunks of [0, n) and folds the chunk answers
// with pick in chunk order.
func ordered[R any](ctx context.Context, p execution.Policy, n, grain int, none R, scan func(lo, hi int) R, pick func(acc, r R) R) (R, error) {
	if n == 0 {
		return none, nil
	}
	if inline(p, n, grain) {
		return scan(0, n), nil
	}
	rs, err := cpu.MapChunks(ctx, p, n, grain, scan)
	if err != nil || len(rs) == 0 {
		return none, err
	}
	acc := rs[0]
	for _, r := range rs[1:] {
		acc = pick(acc, r)
	}
	return acc, nil
}

func minElementFuncCtx[T any](ctx context.Context, p execution.Policy, xs []T, less func(a, b T) bool) (int, error) {
	return ordered(ctx, p, len(xs), cpu.GrainLoop, -1,
		func(lo, hi int) int { return firstMin(xs, lo, hi, less) },
		func(acc, r int) int {
			if less(xs[r], xs[acc]) {
				return r
			}
			return acc
		})
}

func minMaxElementFuncCtx[T any](ctx context.Context, p execution.Policy, xs []T, less func(a, b T) bool) ([2]int, error) {
	return ordered(ctx, p, len(xs), cpu.GrainLoop, [2]int{-1, -1},
		func(lo, hi int) [2]int { return minMax(xs, lo, hi, less) },
		func(acc, r [2]int) [2]int { return pickMinMax(xs, acc, r, less) })
}

func pickMinMax[T any](xs []T, acc, r [2]int, less func(a, b T) bool) [2]int {
	if less(xs[r[0]], xs[acc[0]]) {
		acc[0] = r[0]
	}
	if !less(xs[r[1]], xs[acc[1]]) {
		acc[1] = r[1]
	}
	return acc
}

// valueKernels are the SIMD helpers of the cmp.Ordered forms; any may be
// nil.
type valueKernels[T cmp.Ordered] struct {
	min, max func([]T) T
	index    func([]T, T) int
}

func lookupValueKernels[T cmp.Ordered](p execution.Policy) valueKernels[T] {
	return valueKernels[T]{cpu.LookupMinValue[T](p), cpu.LookupMaxValue[T](p), cpu.LookupIndexOf[T](p)}
}

// indexOf is the first i in [lo, hi) with xs[i] == v; v must be there.
func (k valueKernels[T]) indexOf(xs []T, lo, hi int, v T) int {
	if k.index != nil {
		if i := k.index(xs[lo:hi], v); i >= 0 {
			return lo + i
		}
	}
	for i := lo; i < hi; i++ {
		if xs[i] == v {
			return i
		}
	}
	return lo // not reached
}

// firstMin finds the first smallest of xs[lo:hi] with the min kernel (nil
// k.min: the loop).
func (k valueKernels[T]) firstMin(xs []T, lo, hi int) int {
	if k.min == nil {
		return firstMin(xs, lo, hi, cmp.Less[T])
	}
	m := k.min(xs[lo:hi])
	if m != m {
		// A NaN: the first NaN is the smallest under cmp.Compare.
		for i := lo; i < hi; i++ {
			if xs[i] != xs[i] {
				return i
			}
		}
	}
	return k.indexOf(xs, lo, hi, m)
}

// firstMax finds the first largest of xs[lo:hi] with the max kernel.
func (k valueKernels[T]) firstMax(xs []T, lo, hi int) int {
	if k.max == nil {
		return firstMin(xs, lo, hi, greater[T])
	}
	M := k.max(xs[lo:hi])
	if M != M { // a NaN: the max kernel cannot see past it
		return firstMin(xs, lo, hi, greater[T])
	}
	return k.indexOf(xs, lo, hi, M)
}

// lastMax finds the last largest of xs[lo:hi] with the max kernel.
func (k valueKernels[T]) lastMax(xs []T, lo, hi int) int {
	M := k.max(xs[lo:hi])
	if M != M {
		return minMax(xs, lo, hi, cmp.Less[T])[1]
	}
	i := hi - 1
	for xs[i] != M {
		i--
	}
	return i
}

func greater[T cmp.Ordered](a, b T) bool { return cmp.Less(b, a) }

func minElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) (int, error) {
	k := lookupValueKernels[T](p)
	if k.min == nil {
		return minElementFuncCtx(ctx, p, xs, cmp.Less[T])
	}
	return ordered(ctx, p, len(xs), cpu.GrainKernel, -1,
		func(lo, hi int) int { return k.firstMin(xs, lo, hi) },
		func(acc, r int) int {
			if cmp.Less(xs[r], xs[acc]) {
				return r
			}
			return acc
		})
}

func maxElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) (int, error) {
	k := lookupValueKernels[T](p)
	if k.max == nil {
		return minElementFuncCtx(ctx, p, xs, greater[T])
	}
	return ordered(ctx, p, len(xs), cpu.GrainKernel, -1,
		func(lo, hi int) int { return k.firstMax(xs, lo, hi) },
		func(acc, r int) int {
			if cmp.Less(xs[acc], xs[r]) {
				return r
			}
			return acc
		})
}

func minMaxElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) ([2]int, error) {
	k := lookupValueKernels[T](p)
	if k.min == nil || k.max == nil {
		return minMaxElementFuncCtx(ctx, p, xs, cmp.Less[T])
	}
	return ordered(ctx, p, len(xs), cpu.GrainKernel, [2]int{-1, -1},
		func(lo, hi int) [2]int { return [2]int{k.firstMin(xs, lo, hi), k.lastMax(xs, lo, hi)} },
		func(acc, r [2]int) [2]int { return pickMinMax(xs, acc, r, cmp.Less[T]) })
}
