//go:build amd64 && !purego

package asm

import (
	"math"
	"unsafe"
)

// The assembly kernels take at most MaxStep elements a call, so that a call
// never holds off preemption or the GC for long. These helpers run a kernel
// over a longer input piece by piece, in the order an rdCut gives
// (reduce_order_amd64.go), and fold the pieces' results. IndexOf,
// LastIndexOf and Xor step one MaxStep piece at a time, first to last (last
// to first for LastIndexOf).

// rdSum sums x with k over c's pieces, wrapping around.
func rdSum[T rdInt](x []T, c rdCut, k func([]T) T) T {
	return rdAddInts(len(x), c, func(lo, hi int) T { return k(x[lo:hi]) })
}

// rdDot is rdSum for two inputs of equal length.
func rdDot[T rdInt](x, y []T, c rdCut, k func(x, y []T) T) T {
	return rdAddInts(len(x), c, func(lo, hi int) T { return k(x[lo:hi], y[lo:hi]) })
}

// rdAddInts adds f's results on c's pieces of [0, n), wrapping around: in
// any order, the same sum.
func rdAddInts[R rdInt | int](n int, c rdCut, f func(lo, hi int) R) R {
	var s R
	for lo, hi := range c.pieces(n) {
		s += f(lo, hi)
	}
	return s
}

// rdSumFloat sums x with k over c's pieces (rdAddPieces).
func rdSumFloat[F rdFloat](x []F, c rdCut, k func([]F) F) F {
	if len(x) <= c.piece {
		return k(x)
	}
	return rdAddPieces(len(x), c, func(lo, hi int) F { return k(x[lo:hi]) })
}

// rdDotFloat is rdSumFloat for two inputs of equal length.
func rdDotFloat[F rdFloat](x, y []F, c rdCut, k func(x, y []F) F) F {
	if len(x) <= c.piece {
		return k(x, y)
	}
	return rdAddPieces(len(x), c, func(lo, hi int) F { return k(x[lo:hi], y[lo:hi]) })
}

// rdAddPieces computes f on c's pieces of [0, n) in c's order and adds the
// results first piece to last whichever that order is, so that the sum does
// not depend on it; read last to first, it keeps them on the stack first.
// With rdForward it gives the bits of the twins' rdStepSumF32 and
// rdStepSumF64.
func rdAddPieces[F rdFloat](n int, c rdCut, f func(lo, hi int) F) F {
	var a rdPartsSum[F]
	if !c.back {
		for lo, hi := range c.pieces(n) {
			a.add(f(lo, hi))
		}
		return a.sum()
	}
	// A buffer of the size needed: the compiler clears it on every call.
	if (n+c.piece-1)/c.piece <= 4 {
		var buf [4]F
		return a.addAll(rdPartials(buf[:], n, c, f))
	}
	var buf [rdMaxPieces]F
	return a.addAll(rdPartials(buf[:], n, c, f))
}

// addAll adds parts in order and returns the sum.
func (a *rdPartsSum[F]) addAll(parts []F) F {
	for _, p := range parts {
		a.add(p)
	}
	return a.sum()
}

// rdPartsSum adds the pieces' sums as the twins' steps do: float32 ones in
// float64, float64 ones with compensation.
type rdPartsSum[F rdFloat] struct {
	s float64
	t rdTwoSum
}

func (a *rdPartsSum[F]) add(p F) {
	if unsafe.Sizeof(p) == 4 {
		a.s += float64(p)
	} else {
		a.t.add(float64(p))
	}
}

func (a *rdPartsSum[F]) sum() F {
	if unsafe.Sizeof(F(0)) == 4 {
		return F(a.s)
	}
	return F(a.t.sum())
}

// rdMin folds min over the results of k on c's pieces of a non-empty x.
func rdMin[T rdOrdered](x []T, c rdCut, k func([]T) T) T {
	return rdFold(x, c, k, func(a, b T) T { return min(a, b) })
}

// rdMax folds max over the results of k on c's pieces of a non-empty x.
func rdMax[T rdOrdered](x []T, c rdCut, k func([]T) T) T {
	return rdFold(x, c, k, func(a, b T) T { return max(a, b) })
}

// rdFold folds the results of k on c's pieces of a non-empty x with op,
// in c's order.
func rdFold[T any](x []T, c rdCut, k func([]T) T, op func(a, b T) T) T {
	var m T
	first := true
	for lo, hi := range c.pieces(len(x)) {
		if v := k(x[lo:hi]); first {
			m, first = v, false
		} else {
			m = op(m, v)
		}
	}
	return m
}

// rdMinMax folds min and max over the results of k on c's pieces of a
// non-empty x.
func rdMinMax[T rdOrdered](x []T, c rdCut, k func([]T) (T, T)) (lo, hi T) {
	first := true
	for a, b := range c.pieces(len(x)) {
		if l, h := k(x[a:b]); first {
			lo, hi, first = l, h, false
		} else {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	return lo, hi
}

// rdMaxNonNaN folds MaxNonNaN's results of k on c's pieces of x.
func rdMaxNonNaN[F rdFloat](x []F, c rdCut, k func([]F) (F, bool)) (m F, ok bool) {
	m = F(math.Inf(-1))
	for lo, hi := range c.pieces(len(x)) {
		if v, found := k(x[lo:hi]); found {
			m, ok = max(m, v), true
		}
	}
	return m, ok
}

// rdStepXor XORs the results of k over MaxStep pieces of x.
func rdStepXor(x []uint64, k func([]uint64) uint64) uint64 {
	var s uint64
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s ^= k(x[:n])
		x = x[n:]
	}
	return s
}

// rdStepIndex searches x for v with k, MaxStep elements at a time.
func rdStepIndex[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	for base := 0; base < len(x); base += MaxStep {
		if i := k(x[base:min(len(x), base+MaxStep)], v); i >= 0 {
			return base + i
		}
	}
	return -1
}

// rdStepLastIndex searches x for v with k, MaxStep elements at a time from
// the end.
func rdStepLastIndex[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	for end := len(x); end > 0; end -= MaxStep {
		base := max(0, end-MaxStep)
		if i := k(x[base:end], v); i >= 0 {
			return base + i
		}
	}
	return -1
}

// rdCount adds the counts of v that k finds in c's pieces of x.
func rdCount[T rdOrdered](x []T, v T, c rdCut, k func([]T, T) int) int {
	return rdAddInts(len(x), c, func(lo, hi int) int { return k(x[lo:hi], v) })
}
