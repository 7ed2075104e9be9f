package asm

import "math"

// Pure-Go twins of the reduction kernels. They are always built: the purego
// build and CPUs without AVX2 run them, and the tests hold every SIMD tier to
// them. The rdInt, Min, Max, IndexOf, Count and Xor twins are the reference loops
// of the doc comments; the float sums keep 8 accumulators and step through
// MaxStep pieces like the assembly, so they meet the same error bound.

// rdStepSumF32 sums x with k, MaxStep elements at a time, adding the partial
// sums in float64.
func rdStepSumF32(x []float32, k func([]float32) float32) float32 {
	if len(x) <= MaxStep {
		return k(x)
	}
	var s float64
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s += float64(k(x[:n]))
		x = x[n:]
	}
	return float32(s)
}

// rdStepDotF32 is rdStepSumF32 for two inputs of equal length.
func rdStepDotF32(x, y []float32, k func(x, y []float32) float32) float32 {
	if len(x) <= MaxStep {
		return k(x, y)
	}
	var s float64
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s += float64(k(x[:n], y[:n]))
		x, y = x[n:], y[n:]
	}
	return float32(s)
}

// rdTwoSum is a compensated float64 accumulator (Neumaier's variant of
// Kahan summation).
type rdTwoSum struct{ s, c float64 }

func (t *rdTwoSum) add(p float64) {
	s := t.s + p
	if math.Abs(t.s) >= math.Abs(p) {
		t.c += (t.s - s) + p
	} else {
		t.c += (p - s) + t.s
	}
	t.s = s
}

func (t *rdTwoSum) sum() float64 {
	if math.IsInf(t.s, 0) || math.IsNaN(t.s) {
		// Once the running sum is not finite it stays so; the
		// compensation is meaningless (Inf - Inf).
		return t.s
	}
	return t.s + t.c
}

// rdStepSumF64 sums x with k, MaxStep elements at a time, adding the partial
// sums with compensation.
func rdStepSumF64(x []float64, k func([]float64) float64) float64 {
	if len(x) <= MaxStep {
		return k(x)
	}
	var t rdTwoSum
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		t.add(k(x[:n]))
		x = x[n:]
	}
	return t.sum()
}

// rdStepDotF64 is rdStepSumF64 for two inputs of equal length.
func rdStepDotF64(x, y []float64, k func(x, y []float64) float64) float64 {
	if len(x) <= MaxStep {
		return k(x, y)
	}
	var t rdTwoSum
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		t.add(k(x[:n], y[:n]))
		x, y = x[n:], y[n:]
	}
	return t.sum()
}

type rdInt interface {
	~int32 | ~int64 | ~uint64
}

// rdFloat is the float element types.
type rdFloat interface{ ~float32 | ~float64 }

type rdOrdered interface {
	~float32 | ~float64 | ~int32 | ~int64 | ~uint32 | ~uint64
}

// ---- float sums: 8 accumulators per piece --------------------------------

// The pieces: x (and y) hold at most MaxStep elements.

func sumPiece[T rdFloat](x []T) T {
	var s0, s1, s2, s3, s4, s5, s6, s7 T
	for ; len(x) >= 8; x = x[8:] {
		s0 += x[0]
		s1 += x[1]
		s2 += x[2]
		s3 += x[3]
		s4 += x[4]
		s5 += x[5]
		s6 += x[6]
		s7 += x[7]
	}
	for _, v := range x {
		s0 += v
	}
	return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
}

// sumSquaresPiece is dotPiece(x, x): the same products, in the same
// accumulators.
func sumSquaresPiece[T rdFloat](x []T) T { return dotPiece(x, x) }

// dotPiece rounds every product (T(...)), as the loops in the doc comments
// of SumSquares and Dot do: without the conversion Go may fuse a product
// into its sum (it does on arm64, and on amd64 with GOAMD64=v3), and the
// twin's result would depend on the build.
func dotPiece[T rdFloat](x, y []T) T {
	y = y[:len(x)]
	var s0, s1, s2, s3, s4, s5, s6, s7 T
	for ; len(x) >= 8; x, y = x[8:], y[8:] {
		s0 += T(x[0] * y[0])
		s1 += T(x[1] * y[1])
		s2 += T(x[2] * y[2])
		s3 += T(x[3] * y[3])
		s4 += T(x[4] * y[4])
		s5 += T(x[5] * y[5])
		s6 += T(x[6] * y[6])
		s7 += T(x[7] * y[7])
	}
	for i, v := range x {
		s0 += T(v * y[i])
	}
	return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
}

func sumF32Go(x []float32) float32                { return rdStepSumF32(x, sumPiece[float32]) }
func sumF64Go(x []float64) float64                { return rdStepSumF64(x, sumPiece[float64]) }
func sumSquaresF32Go(x []float32) float32         { return rdStepSumF32(x, sumSquaresPiece[float32]) }
func sumSquaresF64Go(x []float64) float64         { return rdStepSumF64(x, sumSquaresPiece[float64]) }
func dotF32Go(x, y []float32) float32             { return rdStepDotF32(x, y, dotPiece[float32]) }
func dotF64Go(x, y []float64) float64             { return rdStepDotF64(x, y, dotPiece[float64]) }
func sumI32Go(x []int32) int32                    { return rdSumLoop(x) }
func sumI64Go(x []int64) int64                    { return rdSumLoop(x) }
func sumSquaresI32Go(x []int32) int32             { return rdSumSquaresLoop(x) }
func sumSquaresI64Go(x []int64) int64             { return rdSumSquaresLoop(x) }
func dotI32Go(x, y []int32) int32                 { return rdDotLoop(x, y) }
func dotI64Go(x, y []int64) int64                 { return rdDotLoop(x, y) }
func minF32Go(x []float32) float32                { return rdMinLoop(x) }
func minF64Go(x []float64) float64                { return rdMinLoop(x) }
func minI32Go(x []int32) int32                    { return rdMinLoop(x) }
func minI64Go(x []int64) int64                    { return rdMinLoop(x) }
func maxF32Go(x []float32) float32                { return rdMaxLoop(x) }
func maxF64Go(x []float64) float64                { return rdMaxLoop(x) }
func maxI32Go(x []int32) int32                    { return rdMaxLoop(x) }
func maxI64Go(x []int64) int64                    { return rdMaxLoop(x) }
func maxNonNaNF32Go(x []float32) (float32, bool)  { return rdMaxNonNaNLoop(x) }
func maxNonNaNF64Go(x []float64) (float64, bool)  { return rdMaxNonNaNLoop(x) }
func minMaxF32Go(x []float32) (lo, hi float32)    { return rdMinMaxLoop(x) }
func minMaxF64Go(x []float64) (lo, hi float64)    { return rdMinMaxLoop(x) }
func minMaxI32Go(x []int32) (lo, hi int32)        { return rdMinMaxLoop(x) }
func minMaxI64Go(x []int64) (lo, hi int64)        { return rdMinMaxLoop(x) }
func indexOfF32Go(x []float32, v float32) int     { return rdIndexLoop(x, v) }
func indexOfF64Go(x []float64, v float64) int     { return rdIndexLoop(x, v) }
func indexOfI32Go(x []int32, v int32) int         { return rdIndexLoop(x, v) }
func indexOfI64Go(x []int64, v int64) int         { return rdIndexLoop(x, v) }
func lastIndexOfF32Go(x []float32, v float32) int { return rdLastIndexLoop(x, v) }
func lastIndexOfF64Go(x []float64, v float64) int { return rdLastIndexLoop(x, v) }
func lastIndexOfI32Go(x []int32, v int32) int     { return rdLastIndexLoop(x, v) }
func lastIndexOfI64Go(x []int64, v int64) int     { return rdLastIndexLoop(x, v) }
func countF32Go(x []float32, v float32) int       { return rdCountLoop(x, v) }
func countF64Go(x []float64, v float64) int       { return rdCountLoop(x, v) }
func countI32Go(x []int32, v int32) int           { return rdCountLoop(x, v) }
func countI64Go(x []int64, v int64) int           { return rdCountLoop(x, v) }
func xorU64Go(x []uint64) (s uint64)              { return rdXorLoop(x) }

// ---- reference loops ------------------------------------------------------

func rdSumLoop[T rdInt](x []T) T {
	var s T
	for _, v := range x {
		s += v
	}
	return s
}

func rdSumSquaresLoop[T rdInt](x []T) T {
	var s T
	for _, v := range x {
		s += v * v
	}
	return s
}

func rdDotLoop[T rdInt](x, y []T) T {
	y = y[:len(x)]
	var s T
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

func rdMinLoop[T rdOrdered](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		m = min(m, v)
	}
	return m
}

func rdMaxLoop[T rdOrdered](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	return m
}

func rdMaxNonNaNLoop[F rdFloat](x []F) (m F, ok bool) {
	m = F(math.Inf(-1))
	for _, v := range x {
		if v == v {
			m, ok = max(m, v), true
		}
	}
	return m, ok
}

func rdMinMaxLoop[T rdOrdered](x []T) (lo, hi T) {
	lo, hi = x[0], x[0]
	for _, v := range x[1:] {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

func rdIndexLoop[T rdOrdered](x []T, v T) int {
	for i, e := range x {
		if e == v {
			return i
		}
	}
	return -1
}

func rdCountLoop[T rdOrdered](x []T, v T) int {
	c := 0
	for _, e := range x {
		if e == v {
			c++
		}
	}
	return c
}

func rdLastIndexLoop[T rdOrdered](x []T, v T) int {
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] == v {
			return i
		}
	}
	return -1
}

func rdXorLoop(x []uint64) uint64 {
	var s uint64
	for _, v := range x {
		s ^= v
	}
	return s
}
