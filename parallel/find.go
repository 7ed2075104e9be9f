package parallel

import (
	"context"
	"sync/atomic"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// findBlock is how many elements a chunk tests between two looks at the
// shared "found so far" index; findKernelBlock is the same for a SIMD
// kernel.
const (
	findBlock       = 1 << 10
	findKernelBlock = 1 << 14
)

// Find returns the lowest index i with xs[i] == v, or -1. For floats it uses
// Go's ==: a NaN is never found and -0 finds +0.
//
// Under Seq and Unseq it scans in the calling goroutine and stops at the
// first match. Under Par and ParUnseq the chunks scan concurrently and share
// the lowest index found so far: a chunk stops as soon as it is past that
// index, at a chunk boundary or within findBlock elements, so once a match
// is found the work is about one block per worker more; the chunks beyond
// the answer scan until then. The types package asm covers run a SIMD
// kernel (except On(PureGo)).
//
// Work O(i) with i the answer under Seq and Unseq, O(n) in the worst case
// under Par and ParUnseq; span O(n/P + chunk), extra memory O(chunks).
func Find[T comparable](p execution.Policy, xs []T, v T) int {
	defer guard()
	i, _ := findCtx(context.Background(), p, xs, v)
	return i
}

// FindTask is the asynchronous form of Find.
func FindTask[T comparable](tp execution.TaskPolicy, xs []T, v T) *future.Future[int] {
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return findCtx(ctx, p, xs, v)
	})
}

func findCtx[T comparable](ctx context.Context, p execution.Policy, xs []T, v T) (int, error) {
	if k := cpu.LookupIndexOf[T](p); k != nil {
		return search(ctx, p, len(xs), true, cpu.GrainKernel, findKernelBlock, func(lo, hi int) int {
			if i := k(xs[lo:hi], v); i >= 0 {
				return lo + i
			}
			return -1
		})
	}
	return search(ctx, p, len(xs), true, cpu.GrainLoop, findBlock, func(lo, hi int) int {
		for i, x := range xs[lo:hi] {
			if x == v {
				return lo + i
			}
		}
		return -1
	})
}

// FindIf returns the lowest index i with pred(xs[i]), or -1. Under Par and
// ParUnseq pred is called concurrently, and also for elements after the
// answer: the chunks beyond it keep scanning until a match is found, and
// stop within a block of the first match found (which may itself lie after
// the answer). In the worst case pred is called for every element; the
// early exit is that of Find.
//
// Work O(i) calls of pred under Seq and Unseq, O(n) in the worst case under
// Par and ParUnseq (O(n) when none matches); span O(n/P + chunk), extra
// memory O(chunks).
func FindIf[T any](p execution.Policy, xs []T, pred func(T) bool) int {
	checkFunc("FindIf", "pred", pred == nil)
	defer guard()
	i, _ := findIfCtx(context.Background(), p, xs, pred, true)
	return i
}

// FindIfTask is the asynchronous form of FindIf.
func FindIfTask[T any](tp execution.TaskPolicy, xs []T, pred func(T) bool) *future.Future[int] {
	checkFunc("FindIfTask", "pred", pred == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		return findIfCtx(ctx, p, xs, pred, true)
	})
}

// findIfCtx finds the lowest match, or, with lowest false, any match.
func findIfCtx[T any](ctx context.Context, p execution.Policy, xs []T, pred func(T) bool, lowest bool) (int, error) {
	return search(ctx, p, len(xs), lowest, cpu.GrainLoop, findBlock, func(lo, hi int) int {
		for i, x := range xs[lo:hi] {
			if pred(x) {
				return lo + i
			}
		}
		return -1
	})
}

// search finds the lowest i in [0, n) that scan reports (scan(lo, hi)
// returns the lowest match in [lo, hi) or -1), or with lowest false any
// match, or -1. Under a parallel policy the chunks share the best index
// found so far and give up once it is below the block they are about to
// scan (with lowest false: once anything is found).
func search(ctx context.Context, p execution.Policy, n int, lowest bool, grain, block int, scan func(lo, hi int) int) (int, error) {
	if n == 0 {
		return -1, nil
	}
	if !p.Parallel() {
		return scan(0, n), nil
	}
	var best atomic.Int64
	best.Store(int64(n)) // n: nothing found yet
	_, err := cpu.MapChunksInOrder(ctx, p, n, grain, func(lo, hi int) struct{} {
		for b := lo; b < hi; b += block {
			if f := best.Load(); f < int64(b) || (!lowest && f < int64(n)) {
				return struct{}{}
			}
			if i := scan(b, min(b+block, hi)); i >= 0 {
				for {
					f := best.Load()
					if int64(i) >= f || best.CompareAndSwap(f, int64(i)) {
						break
					}
				}
				return struct{}{}
			}
		}
		return struct{}{}
	})
	f := int(best.Load())
	if err != nil && (lowest || f == n) {
		// Cancelled: a lower match may sit in a chunk that never ran. (Any
		// match found answers AnyOf, AllOf and NoneOf all the same.)
		return -1, err
	}
	if f < n {
		return f, nil
	}
	return -1, nil
}

// AnyOf reports whether pred holds for some element (false for an empty
// xs). Under Par and ParUnseq every chunk stops once any match is found.
//
// Work O(n) calls of pred at most, span O(n/P + chunk), extra memory
// O(chunks).
func AnyOf[T any](p execution.Policy, xs []T, pred func(T) bool) bool {
	checkFunc("AnyOf", "pred", pred == nil)
	defer guard()
	i, _ := findIfCtx(context.Background(), p, xs, pred, false)
	return i >= 0
}

// AnyOfTask is the asynchronous form of AnyOf.
func AnyOfTask[T any](tp execution.TaskPolicy, xs []T, pred func(T) bool) *future.Future[bool] {
	checkFunc("AnyOfTask", "pred", pred == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (bool, error) {
		i, err := findIfCtx(ctx, p, xs, pred, false)
		return i >= 0, err
	})
}

// AllOf reports whether pred holds for every element (true for an empty
// xs). It stops early, like AnyOf, at the first element that fails.
//
// Work O(n) calls of pred at most, span O(n/P + chunk), extra memory
// O(chunks).
func AllOf[T any](p execution.Policy, xs []T, pred func(T) bool) bool {
	checkFunc("AllOf", "pred", pred == nil)
	defer guard()
	i, _ := findIfCtx(context.Background(), p, xs, not(pred), false)
	return i < 0
}

// AllOfTask is the asynchronous form of AllOf.
func AllOfTask[T any](tp execution.TaskPolicy, xs []T, pred func(T) bool) *future.Future[bool] {
	checkFunc("AllOfTask", "pred", pred == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (bool, error) {
		i, err := findIfCtx(ctx, p, xs, not(pred), false)
		return i < 0 && err == nil, err
	})
}

// NoneOf reports whether pred holds for no element (true for an empty xs).
// It stops early, like AnyOf, at the first element that matches.
//
// Work O(n) calls of pred at most, span O(n/P + chunk), extra memory
// O(chunks).
func NoneOf[T any](p execution.Policy, xs []T, pred func(T) bool) bool {
	checkFunc("NoneOf", "pred", pred == nil)
	defer guard()
	i, _ := findIfCtx(context.Background(), p, xs, pred, false)
	return i < 0
}

// NoneOfTask is the asynchronous form of NoneOf.
func NoneOfTask[T any](tp execution.TaskPolicy, xs []T, pred func(T) bool) *future.Future[bool] {
	checkFunc("NoneOfTask", "pred", pred == nil)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (bool, error) {
		i, err := findIfCtx(ctx, p, xs, pred, false)
		return i < 0 && err == nil, err
	})
}

func not[T any](pred func(T) bool) func(T) bool {
	return func(x T) bool { return !pred(x) }
}
