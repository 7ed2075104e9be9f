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
// when xs is empty. Elements compare as cmp.Less compares them, as in
// slices.Sort: a NaN is smaller than every number, so MinElement returns
// the first NaN of an xs that holds one, and -0 and +0 tie. (Reduce with
// op.Min follows Go's min instead: a NaN in, a NaN out.) Under Par and ParUnseq each chunk finds its own and the
// chunk results are compared in chunk order, so the answer is the same under
// every policy. The numeric types package asm covers use SIMD min and find
// kernels (except On(PureGo)): xs is read once by the min kernel, in blocks
// of 32Ki elements, and the block that holds the answer once more by the
// find kernel, so a large input costs about what Reduce with op.Min does.
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
// when xs is empty. Elements compare as for MinElement (cmp.Less): a NaN
// is the largest only when every element is NaN.
// Policies, kernels and costs are those of MinElement; a block that holds a
// NaN is read once more, by a kernel that skips NaNs.
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
// empty. Elements compare as for MinElement (cmp.Less): the smallest is
// the first NaN of an xs that holds one. Policies and costs are those of MinElement: the numeric types
// package asm covers read each block once with a fused min and max kernel,
// and the two blocks that hold the answers once more with the find kernel.
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

// The cmp.Ordered forms on kernels.
//
// A chunk is read in blocks of valueBlock elements. Each block's smallest
// (or largest) value comes from the min (max) value kernel, and only the
// block that holds the answer is read again, by the find kernel, to place
// it. So a chunk costs one pass with the min kernel plus one search within
// a block (from L2 on a large input), where a min pass over the whole chunk
// followed by a search would read it twice from DRAM. MinMaxElement gets
// both values of a block from one pass of the fused min and max kernel
// (where the type has one; else from both kernels in turn, the second time
// from L2) and searches two blocks.
//
// valueBlock is asm.MaxStep, the most one assembly call processes anyway:
// 128 KiB of float32, 256 KiB of float64, which L2 holds.
const valueBlock = 1 << 15

// valueKernels are the SIMD helpers of the cmp.Ordered forms; each is nil
// when T has none (or the policy excludes it), and index may be nil where
// the others are not. MinMaxElement uses both, the fused kernel, where T
// has one, else min and max.
type valueKernels[T cmp.Ordered] struct {
	min, max func([]T) T
	both     func([]T) (T, T) // the fused min and max
	index    func([]T, T) int
	last     func([]T, T) int    // the backward find
	maxNum   func([]T) (T, bool) // the greatest non-NaN, for blocks with a NaN
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

// lastIndexOf is the last i in [lo, hi) with xs[i] == v; v must be there.
// The backward find kernel reads the block from its end. Without it (a type
// with a forward find kernel only) it asks the find kernel about spans of
// 1024 elements from the end; in the span that holds v it asks again past
// each match, up to 4 times, and then walks what is left of the span
// backwards (for many equal values).
func (k valueKernels[T]) lastIndexOf(xs []T, lo, hi int, v T) int {
	if k.last != nil {
		if i := k.last(xs[lo:hi], v); i >= 0 {
			return lo + i
		}
		return lo // not reached
	}
	const span = 1024
	for e := hi; e > lo; e -= span {
		s := max(lo, e-span)
		if k.index != nil {
			i := k.index(xs[s:e], v)
			if i < 0 {
				continue
			}
			i += s
			for range 4 {
				j := k.index(xs[i+1:e], v)
				if j < 0 {
					return i
				}
				i += 1 + j
			}
			s = i
		}
		for i := e - 1; i >= s; i-- {
			if xs[i] == v {
				return i
			}
		}
	}
	return lo // not reached
}

// firstNaN is the index of the first NaN in xs[lo:hi]; there must be one.
func firstNaN[T cmp.Ordered](xs []T, lo, hi int) int {
	for i := lo; i < hi; i++ {
		if xs[i] != xs[i] {
			return i
		}
	}
	return lo // not reached
}

// firstMin finds the first smallest of xs[lo:hi] (hi > lo) under
// cmp.Compare with k.min, which must not be nil.
func (k valueKernels[T]) firstMin(xs []T, lo, hi int) int {
	var best T
	bestLo, bestHi := lo, lo
	for b := lo; b < hi; b += valueBlock {
		e := min(b+valueBlock, hi)
		m := k.min(xs[b:e])
		if m != m {
			// The first NaN is the smallest, and no block before held one.
			return firstNaN(xs, b, e)
		}
		if b == lo || m < best {
			best, bestLo, bestHi = m, b, e
		}
	}
	return k.indexOf(xs, bestLo, bestHi, best)
}

// firstMax finds the first largest of xs[lo:hi] (hi > lo) under cmp.Compare
// with k.max, which must not be nil. A block with a NaN in it, whose max the
// kernel cannot see past, is read by the loop.
func (k valueKernels[T]) firstMax(xs []T, lo, hi int) int {
	var best T
	bestLo, bestHi, bestAt := lo, lo, -1
	for b := lo; b < hi; b += valueBlock {
		e := min(b+valueBlock, hi)
		M, at := k.max(xs[b:e]), -1
		if M != M {
			M, at = k.maxOfNaNBlock(xs, b, e, false)
		}
		if b == lo || cmp.Less(best, M) {
			best, bestLo, bestHi, bestAt = M, b, e, at
		}
	}
	if bestAt >= 0 {
		return bestAt
	}
	return k.indexOf(xs, bestLo, bestHi, best)
}

// maxOfNaNBlock is the largest element of xs[b:e], a block that holds a
// NaN, under cmp.Compare, which puts NaNs below every number: the greatest
// number, with at -1 for the caller to place it (first or last) once it
// knows the block; if the block is all NaN, a NaN, with at its first (or,
// for last, its last) index. The NaN-skipping max kernel reads the block
// once more; without it, a loop through cmp.Less does.
func (k valueKernels[T]) maxOfNaNBlock(xs []T, b, e int, last bool) (M T, at int) {
	if k.maxNum != nil {
		if m, ok := k.maxNum(xs[b:e]); ok {
			return m, -1
		}
		if last {
			return xs[e-1], e - 1
		}
		return xs[b], b
	}
	if last {
		at = minMax(xs, b, e, cmp.Less[T])[1]
	} else {
		at = firstMin(xs, b, e, greater[T])
	}
	return xs[at], at
}

// extremes returns the min and the max of a non-empty block, with the
// builtin min and max semantics: from the fused kernel in one pass, else
// from the min and max kernels in turn (the second from cache).
func (k valueKernels[T]) extremes(x []T) (lo, hi T) {
	if k.both != nil {
		return k.both(x)
	}
	return k.min(x), k.max(x)
}

// minMax finds (first smallest, last largest) of xs[lo:hi] (hi > lo) under
// cmp.Compare with k.extremes, which needs k.both, or k.min and k.max.
func (k valueKernels[T]) minMax(xs []T, lo, hi int) [2]int {
	var least, most T
	leastLo, leastHi, leastAt := lo, lo, -1
	mostLo, mostHi, mostAt := lo, lo, -1
	for b := lo; b < hi; b += valueBlock {
		e := min(b+valueBlock, hi)
		m, M := k.extremes(xs[b:e])
		switch {
		case leastAt >= 0:
			// A NaN, the smallest of all, was found already.
		case m != m:
			leastAt = firstNaN(xs, b, e)
			least = xs[leastAt]
		case b == lo || m < least:
			least, leastLo, leastHi = m, b, e
		}
		at := -1
		if M != M {
			M, at = k.maxOfNaNBlock(xs, b, e, true)
		}
		if b == lo || !cmp.Less(M, most) {
			most, mostLo, mostHi, mostAt = M, b, e, at
		}
	}
	if leastAt < 0 {
		leastAt = k.indexOf(xs, leastLo, leastHi, least)
	}
	if mostAt < 0 {
		mostAt = k.lastIndexOf(xs, mostLo, mostHi, most)
	}
	return [2]int{leastAt, mostAt}
}

func greater[T cmp.Ordered](a, b T) bool { return cmp.Less(b, a) }

func minElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) (int, error) {
	k := valueKernels[T]{min: cpu.LookupMinValue[T](p)}
	if k.min == nil {
		return minElementFuncCtx(ctx, p, xs, cmp.Less[T])
	}
	k.index = cpu.LookupIndexOf[T](p)
	n := len(xs)
	if n == 0 {
		return -1, nil
	}
	if inline(p, n, cpu.GrainKernel) {
		return k.firstMin(xs, 0, n), nil // no closures: nothing allocated
	}
	return ordered(ctx, p, n, cpu.GrainKernel, -1,
		func(lo, hi int) int { return k.firstMin(xs, lo, hi) },
		func(acc, r int) int {
			if cmp.Less(xs[r], xs[acc]) {
				return r
			}
			return acc
		})
}

func maxElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) (int, error) {
	k := valueKernels[T]{max: cpu.LookupMaxValue[T](p)}
	if k.max == nil {
		return minElementFuncCtx(ctx, p, xs, greater[T])
	}
	k.index, k.maxNum = cpu.LookupIndexOf[T](p), cpu.LookupMaxNonNaN[T](p)
	n := len(xs)
	if n == 0 {
		return -1, nil
	}
	if inline(p, n, cpu.GrainKernel) {
		return k.firstMax(xs, 0, n), nil
	}
	return ordered(ctx, p, n, cpu.GrainKernel, -1,
		func(lo, hi int) int { return k.firstMax(xs, lo, hi) },
		func(acc, r int) int {
			if cmp.Less(xs[acc], xs[r]) {
				return r
			}
			return acc
		})
}

func minMaxElementCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) ([2]int, error) {
	k := valueKernels[T]{both: cpu.LookupMinMaxValue[T](p)}
	if k.both == nil {
		k.min, k.max = cpu.LookupMinValue[T](p), cpu.LookupMaxValue[T](p)
		if k.min == nil || k.max == nil {
			return minMaxElementFuncCtx(ctx, p, xs, cmp.Less[T])
		}
	}
	k.index, k.last = cpu.LookupIndexOf[T](p), cpu.LookupLastIndexOf[T](p)
	k.maxNum = cpu.LookupMaxNonNaN[T](p)
	n := len(xs)
	if n == 0 {
		return [2]int{-1, -1}, nil
	}
	if inline(p, n, cpu.GrainKernel) {
		return k.minMax(xs, 0, n), nil
	}
	return ordered(ctx, p, n, cpu.GrainKernel, [2]int{-1, -1},
		func(lo, hi int) [2]int { return k.minMax(xs, lo, hi) },
		func(acc, r [2]int) [2]int { return pickMinMax(xs, acc, r, cmp.Less[T]) })
}
