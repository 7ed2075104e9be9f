package asm

import (
	"math"
	"testing"
)

// A lone match at every MaxStep edge, counted from either end: the
// backward steps of LastIndexOf must not skip or repeat an element.
func TestIndexOfAtStepEdges(t *testing.T) {
	eachTier(t, func(t *testing.T) {
		for _, n := range []int{MaxStep + 9, 2*MaxStep + 1, 3*MaxStep + 5} {
			x := make([]int32, n)
			for k := 0; k*MaxStep <= n; k++ {
				for _, pos := range []int{n - k*MaxStep - 1, n - k*MaxStep, n - k*MaxStep + 1, k*MaxStep - 1, k * MaxStep, k*MaxStep + 1} {
					if pos < 0 || pos >= n {
						continue
					}
					x[pos] = 1
					if got := LastIndexOfI32(x, 1); got != pos {
						t.Fatalf("n=%d: LastIndexOfI32 = %d, want %d", n, got, pos)
					}
					if got := IndexOfI32(x, 1); got != pos {
						t.Fatalf("n=%d: IndexOfI32 = %d, want %d", n, got, pos)
					}
					x[pos] = 0
				}
			}
		}
	})
}

// The partial sums of MaxStep steps are added with compensation, as
// SumF64's doc comment promises: 1e16 + 1 - 1e16 across three steps is 1.
func TestSumF64CompensatesAcrossSteps(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		x := make([]float64, 3*MaxStep)
		x[0], x[MaxStep], x[2*MaxStep] = 1e16, 1, -1e16
		ones := make([]float64, len(x))
		for i := range ones {
			ones[i] = 1
		}
		if got := SumF64(x); got != 1 {
			t.Fatalf("SumF64 = %v, want 1", got)
		}
		if got := DotF64(x, ones); got != 1 {
			t.Fatalf("DotF64 = %v, want 1", got)
		}
	})
}

// Float iota steps whose indices pass 2^31 (IotaOffset takes any offset)
// give the Go loop's values.
func TestIotaNearInt32Limit(t *testing.T) {
	eachTier(t, func(t *testing.T) {
		for _, base := range []int{math.MaxInt32 - 100, math.MaxInt32 - 1, math.MaxInt32} {
			g64, w64 := make([]float64, 300), make([]float64, 300)
			iotaF64At(g64, 0.5, base)
			iotaGo(w64, 0.5, base)
			g32, w32 := make([]float32, 300), make([]float32, 300)
			iotaF32At(g32, 0.5, base)
			iotaGo(w32, 0.5, base)
			for i := range g64 {
				if g64[i] != w64[i] || g32[i] != w32[i] {
					t.Fatalf("base %d, i %d: got %v/%v, want %v/%v", base, i, g64[i], g32[i], w64[i], w32[i])
				}
			}
		}
	})
}
