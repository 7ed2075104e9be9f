//go:build !purego

package asm

import (
	"math"
	"testing"
)

// TestReduceNaNSearchNoReadsOutside runs the AVX2 NaN searches, the fast
// min/max kernels and the OR and AND kernels that settle their zeros,
// which the exported functions call only for some inputs, on inputs flush
// against inaccessible pages, with and without a NaN in the last element
// (which the masked tail reads).
func TestReduceNaNSearchNoReadsOutside(t *testing.T) {
	useTier(t, AVX2)
	mem := rdGuarded(t, 2)
	for n := 1; n <= 300; n++ {
		for _, end := range []bool{false, true} {
			for _, last := range []float64{1, math.NaN()} {
				x64 := rdAt[float64](mem, n, end)
				for i := range x64 {
					x64[i] = float64(i)
				}
				x64[n-1] = last
				checkHasNaN(t, "hasNaNF64AVX2", hasNaNF64AVX2, x64)
				checkFastMinMax(t, "minFastF64AVX2", minFastF64AVX2, rdMinLoop[float64], x64)
				checkFastMinMax(t, "maxFastF64AVX2", maxFastF64AVX2, rdMaxLoop[float64], x64)
				x32 := rdAt[float32](mem, n, end)
				for i := range x32 {
					x32[i] = float32(i)
				}
				x32[n-1] = float32(last)
				checkHasNaN(t, "hasNaNF32AVX2", hasNaNF32AVX2, x32)
				checkFastMinMax(t, "minFastF32AVX2", minFastF32AVX2, rdMinLoop[float32], x32)
				checkFastMinMax(t, "maxFastF32AVX2", maxFastF32AVX2, rdMaxLoop[float32], x32)
				checkBitwise(t, rdBits32(x32), orI32AVX2, andI32AVX2)
				checkBitwise(t, rdBits64(x64), orI64AVX2, andI64AVX2)
			}
		}
	}
}
