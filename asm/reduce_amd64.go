//go:build amd64 && !purego

package asm

import "math"

// Dispatch of the reduction kernels to the active tier. The assembly
// kernels take at most MaxStep elements; the step helpers of
// reduce_twin.go cut longer inputs and combine the partial results.

func sumF32(x []float32) float32 {
	switch active {
	case AVX512:
		return rdStepSumF32(x, sumF32AVX512)
	case AVX2:
		return rdStepSumF32(x, sumF32AVX2)
	}
	return sumF32Go(x)
}

func sumF64(x []float64) float64 {
	switch active {
	case AVX512:
		return rdStepSumF64(x, sumF64AVX512)
	case AVX2:
		return rdStepSumF64(x, sumF64AVX2)
	}
	return sumF64Go(x)
}

func sumI32(x []int32) int32 {
	switch active {
	case AVX512:
		return rdStepSum(x, sumI32AVX512)
	case AVX2:
		return rdStepSum(x, sumI32AVX2)
	}
	return sumI32Go(x)
}

func sumI64(x []int64) int64 {
	switch active {
	case AVX512:
		return rdStepSum(x, sumI64AVX512)
	case AVX2:
		return rdStepSum(x, sumI64AVX2)
	}
	return sumI64Go(x)
}

func sumSquaresF32(x []float32) float32 {
	switch active {
	case AVX512:
		return rdStepSumF32(x, sumSquaresF32AVX512)
	case AVX2:
		return rdStepSumF32(x, sumSquaresF32AVX2)
	}
	return sumSquaresF32Go(x)
}

func sumSquaresF64(x []float64) float64 {
	switch active {
	case AVX512:
		return rdStepSumF64(x, sumSquaresF64AVX512)
	case AVX2:
		return rdStepSumF64(x, sumSquaresF64AVX2)
	}
	return sumSquaresF64Go(x)
}

func sumSquaresI32(x []int32) int32 {
	switch active {
	case AVX512:
		return rdStepSum(x, sumSquaresI32AVX512)
	case AVX2:
		return rdStepSum(x, sumSquaresI32AVX2)
	}
	return sumSquaresI32Go(x)
}

func sumSquaresI64(x []int64) int64 {
	switch active {
	case AVX512:
		return rdStepSum(x, sumSquaresI64AVX512)
	case AVX2:
		return rdStepSum(x, sumSquaresI64AVX2)
	}
	return sumSquaresI64Go(x)
}

func dotF32(x, y []float32) float32 {
	switch active {
	case AVX512:
		return rdStepDotF32(x, y, dotF32AVX512)
	case AVX2:
		return rdStepDotF32(x, y, dotF32AVX2)
	}
	return dotF32Go(x, y)
}

func dotF64(x, y []float64) float64 {
	switch active {
	case AVX512:
		return rdStepDotF64(x, y, dotF64AVX512)
	case AVX2:
		return rdStepDotF64(x, y, dotF64AVX2)
	}
	return dotF64Go(x, y)
}

func dotI32(x, y []int32) int32 {
	switch active {
	case AVX512:
		return rdStepDot(x, y, dotI32AVX512)
	case AVX2:
		return rdStepDot(x, y, dotI32AVX2)
	}
	return dotI32Go(x, y)
}

func dotI64(x, y []int64) int64 {
	switch active {
	case AVX512:
		return rdStepDot(x, y, dotI64AVX512)
	case AVX2:
		return rdStepDot(x, y, dotI64AVX2)
	}
	return dotI64Go(x, y)
}

func minF32(x []float32) float32 {
	switch active {
	case AVX512:
		return rdStepMin(x, func(x []float32) float32 { return rdUnlessNaN(minRangeF32AVX512(x)) })
	case AVX2:
		return rdStepMin(x, func(x []float32) float32 { return rdFast(x, minFastF32AVX2, minBitsF32AVX2) })
	}
	return minF32Go(x)
}

func minF64(x []float64) float64 {
	switch active {
	case AVX512:
		return rdStepMin(x, func(x []float64) float64 { return rdUnlessNaN(minRangeF64AVX512(x)) })
	case AVX2:
		return rdStepMin(x, func(x []float64) float64 { return rdFast(x, minFastF64AVX2, minF64AVX2) })
	}
	return minF64Go(x)
}

func minI32(x []int32) int32 {
	switch active {
	case AVX512:
		return rdStepMin(x, minI32AVX512)
	case AVX2:
		return rdStepMin(x, minI32AVX2)
	}
	return minI32Go(x)
}

func minI64(x []int64) int64 {
	switch active {
	case AVX512:
		return rdStepMin(x, minI64AVX512)
	case AVX2:
		return rdStepMin(x, minI64AVX2)
	}
	return minI64Go(x)
}

func maxF32(x []float32) float32 {
	switch active {
	case AVX512:
		return rdStepMax(x, func(x []float32) float32 { return rdUnlessNaN(maxRangeF32AVX512(x)) })
	case AVX2:
		return rdStepMax(x, func(x []float32) float32 { return rdFast(x, maxFastF32AVX2, maxBitsF32AVX2) })
	}
	return maxF32Go(x)
}

func maxF64(x []float64) float64 {
	switch active {
	case AVX512:
		return rdStepMax(x, func(x []float64) float64 { return rdUnlessNaN(maxRangeF64AVX512(x)) })
	case AVX2:
		return rdStepMax(x, func(x []float64) float64 { return rdFast(x, maxFastF64AVX2, maxF64AVX2) })
	}
	return maxF64Go(x)
}

func maxI32(x []int32) int32 {
	switch active {
	case AVX512:
		return rdStepMax(x, maxI32AVX512)
	case AVX2:
		return rdStepMax(x, maxI32AVX2)
	}
	return maxI32Go(x)
}

func maxI64(x []int64) int64 {
	switch active {
	case AVX512:
		return rdStepMax(x, maxI64AVX512)
	case AVX2:
		return rdStepMax(x, maxI64AVX2)
	}
	return maxI64Go(x)
}

func indexOfF32(x []float32, v float32) int {
	switch active {
	case AVX512:
		return rdStepIndex(x, v, indexOfF32AVX512)
	case AVX2:
		return rdStepIndex(x, v, indexOfF32AVX2)
	}
	return indexOfF32Go(x, v)
}

func indexOfF64(x []float64, v float64) int {
	switch active {
	case AVX512:
		return rdStepIndex(x, v, indexOfF64AVX512)
	case AVX2:
		return rdStepIndex(x, v, indexOfF64AVX2)
	}
	return indexOfF64Go(x, v)
}

func indexOfI32(x []int32, v int32) int {
	switch active {
	case AVX512:
		return rdStepIndex(x, v, indexOfI32AVX512)
	case AVX2:
		return rdStepIndex(x, v, indexOfI32AVX2)
	}
	return indexOfI32Go(x, v)
}

func indexOfI64(x []int64, v int64) int {
	switch active {
	case AVX512:
		return rdStepIndex(x, v, indexOfI64AVX512)
	case AVX2:
		return rdStepIndex(x, v, indexOfI64AVX2)
	}
	return indexOfI64Go(x, v)
}

func xorU64(x []uint64) uint64 {
	switch active {
	case AVX512:
		return rdStepXor(x, xorU64AVX512)
	case AVX2:
		return rdStepXor(x, xorU64AVX2)
	}
	return xorU64Go(x)
}

// rdFast runs a fast float min/max kernel, which is exact unless x holds a
// NaN or an infinity or the result is a zero (whose sign it may get wrong);
// then the exact kernel runs instead, so those inputs cost both.
func rdFast[F float32 | float64](x []F, fast func([]F) (F, bool), exact func([]F) F) F {
	m, nonfinite := fast(x)
	if nonfinite || m == 0 {
		return exact(x)
	}
	return m
}

// rdUnlessNaN returns m, or NaN if the kernel saw one.
func rdUnlessNaN[F float32 | float64](m F, nan bool) F {
	if nan {
		return F(math.NaN())
	}
	return m
}

// minMaxBitsF32AVX2 returns the unsigned maximum u, signed maximum s and
// unsigned minimum l of the bit patterns. Sign-set values (negatives, -0,
// -Inf, -NaN) are the unsigned-large bit patterns, ordered by magnitude;
// sign-clear ones are the signed non-negative ones, ordered by value. Hence:
//
//   - a NaN is present iff u is above -Inf's bits or s (signed) above +Inf's;
//   - min is u when its sign bit is set (some value is negative or -0), else l;
//   - max is s when s >= 0 (some value is positive or +0), else l.
//
// -0 < +0 comes for free: -0 is the smallest sign-set pattern, +0 the
// smallest sign-clear one.

// minBitsF32AVX2 and maxBitsF32AVX2 are the exact AVX2 float32 min and max.
func minBitsF32AVX2(x []float32) float32 { return rdMinFromBits32(minMaxBitsF32AVX2(x)) }
func maxBitsF32AVX2(x []float32) float32 { return rdMaxFromBits32(minMaxBitsF32AVX2(x)) }

func rdMinFromBits32(u, s, l uint32) float32 {
	switch {
	case u > 0xff800000 || int32(s) > 0x7f800000:
		return float32(math.NaN())
	case u >= 1<<31:
		return math.Float32frombits(u)
	}
	return math.Float32frombits(l)
}

func rdMaxFromBits32(u, s, l uint32) float32 {
	switch {
	case u > 0xff800000 || int32(s) > 0x7f800000:
		return float32(math.NaN())
	case int32(s) >= 0:
		return math.Float32frombits(s)
	}
	return math.Float32frombits(l)
}
