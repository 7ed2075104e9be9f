//go:build amd64 && !purego

package asm

import "math"

// The assembly kernels take at most MaxStep elements a call, so that a call
// never holds off preemption or the GC for long. These helpers run a kernel
// over a longer input piece by piece, in the order an rdCut gives
// (reduce_order_amd64.go), and fold the pieces' results. IndexOf,
// LastIndexOf, Count and Xor step one MaxStep piece at a time, first to
// last (last to first for LastIndexOf).

// rdSum sums x with k over c's pieces, wrapping around.
func rdSum[T rdInt](x []T, c rdCut, k func([]T) T) T {
	var s T
	for lo, hi := range c.pieces(len(x)) {
		s += k(x[lo:hi])
	}
	return s
}

// rdDot is rdSum for two inputs of equal length.
func rdDot[T rdInt](x, y []T, c rdCut, k func(x, y []T) T) T {
	var s T
	for lo, hi := range c.pieces(len(x)) {
		s += k(x[lo:hi], y[lo:hi])
	}
	return s
}

// rdSumF32 sums x with k over c's pieces and adds the pieces' sums in
// float64, first piece to last in either order of reading, so that the
// result does not depend on it. With rdForward it is the twins'
// rdStepSumF32.
func rdSumF32(x []float32, c rdCut, k func([]float32) float32) float32 {
	if len(x) <= c.piece {
		return k(x)
	}
	var buf [rdMaxPieces]float32
	return rdAddF32(rdPartials(buf[:], len(x), c, func(lo, hi int) float32 { return k(x[lo:hi]) }))
}

// rdDotF32 is rdSumF32 for two inputs of equal length.
func rdDotF32(x, y []float32, c rdCut, k func(x, y []float32) float32) float32 {
	if len(x) <= c.piece {
		return k(x, y)
	}
	var buf [rdMaxPieces]float32
	return rdAddF32(rdPartials(buf[:], len(x), c, func(lo, hi int) float32 { return k(x[lo:hi], y[lo:hi]) }))
}

// rdAddF32 adds parts in float64, first to last.
func rdAddF32(parts []float32) float32 {
	var s float64
	for _, p := range parts {
		s += float64(p)
	}
	return float32(s)
}

// rdSumF64 sums x with k over c's pieces and adds the pieces' sums with
// compensation, first piece to last in either order of reading, so that the
// result does not depend on it. With rdForward it is the twins'
// rdStepSumF64.
func rdSumF64(x []float64, c rdCut, k func([]float64) float64) float64 {
	if len(x) <= c.piece {
		return k(x)
	}
	var buf [rdMaxPieces]float64
	return rdAddF64(rdPartials(buf[:], len(x), c, func(lo, hi int) float64 { return k(x[lo:hi]) }))
}

// rdDotF64 is rdSumF64 for two inputs of equal length.
func rdDotF64(x, y []float64, c rdCut, k func(x, y []float64) float64) float64 {
	if len(x) <= c.piece {
		return k(x, y)
	}
	var buf [rdMaxPieces]float64
	return rdAddF64(rdPartials(buf[:], len(x), c, func(lo, hi int) float64 { return k(x[lo:hi], y[lo:hi]) }))
}

// rdAddF64 adds parts with compensation, first to last.
func rdAddF64(parts []float64) float64 {
	var t rdTwoSum
	for _, p := range parts {
		t.add(p)
	}
	return t.sum()
}

// rdMin folds min over the results of k on c's pieces of a non-empty x.
func rdMin[T rdOrdered](x []T, c rdCut, k func([]T) T) T {
	var m T
	first := true
	for lo, hi := range c.pieces(len(x)) {
		if v := k(x[lo:hi]); first {
			m, first = v, false
		} else {
			m = min(m, v)
		}
	}
	return m
}

// rdMax folds max over the results of k on c's pieces of a non-empty x.
func rdMax[T rdOrdered](x []T, c rdCut, k func([]T) T) T {
	var m T
	first := true
	for lo, hi := range c.pieces(len(x)) {
		if v := k(x[lo:hi]); first {
			m, first = v, false
		} else {
			m = max(m, v)
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

// rdStepCount counts v in x with k, MaxStep elements at a time.
func rdStepCount[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	c := 0
	for base := 0; base < len(x); base += MaxStep {
		c += k(x[base:min(len(x), base+MaxStep)], v)
	}
	return c
}
