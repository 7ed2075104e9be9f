//go:build amd64 && !purego

package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Direct tests of the internal float Min/Max kernels whose exported callers
// only reach some of their behaviour (the AVX2 float64 exact kernels run
// only when the fast one found a NaN or an infinity, and the fast ones' flag
// is folded into the result).
func TestReduceInternalMinMaxKernels(t *testing.T) {
	if !Supported(AVX2) {
		t.Skipf("tier %s not exercised: CPU supports at most %s", AVX2, Hardware())
	}
	r := rand.New(rand.NewPCG(15, 16))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0, 1e-310}
	for n := 1; n <= 200; n++ {
		for trial := 0; trial < 4; trial++ {
			x := rdFloats[float64](r, n)
			for k := r.IntN(3); k > 0; k-- {
				x[r.IntN(n)] = specials[r.IntN(len(specials))]
			}
			if got, want := minF64AVX2(x), rdMinLoop(x); !rdSameFloat(got, want) {
				t.Fatalf("minF64AVX2(%v) = %v, want %v", x, got, want)
			}
			if got, want := maxF64AVX2(x), rdMaxLoop(x); !rdSameFloat(got, want) {
				t.Fatalf("maxF64AVX2(%v) = %v, want %v", x, got, want)
			}
			hasNaN := false
			for _, v := range x {
				hasNaN = hasNaN || v != v
			}
			checkFastMinMax(t, "minFastF64AVX2", minFastF64AVX2, rdMinLoop[float64], x, hasNaN)
			checkFastMinMax(t, "maxFastF64AVX2", maxFastF64AVX2, rdMaxLoop[float64], x, hasNaN)
			x32 := make([]float32, n)
			for i, v := range x {
				x32[i] = float32(v)
			}
			checkFastMinMax(t, "minFastF32AVX2", minFastF32AVX2, rdMinLoop[float32], x32, hasNaN)
			checkFastMinMax(t, "maxFastF32AVX2", maxFastF32AVX2, rdMaxLoop[float32], x32, hasNaN)
			u, s, l := minMaxBitsF32AVX2(x32)
			wu, ws, wl := uint32(0), int32(math.MinInt32), uint32(math.MaxUint32)
			for _, v := range x32 {
				b := math.Float32bits(v)
				wu, ws, wl = max(wu, b), max(ws, int32(b)), min(wl, b)
			}
			if u != wu || int32(s) != ws || l != wl {
				t.Fatalf("minMaxBitsF32AVX2(%v) = %#x %#x %#x, want %#x %#x %#x", x32, u, s, l, wu, ws, wl)
			}
		}
	}
}

// checkFastMinMax checks a fast float min/max kernel: its flag is set
// exactly when x holds a NaN or an infinity, and its value is the reference
// (up to the sign of a zero) whenever the flag is clear.
func checkFastMinMax[F float32 | float64](t *testing.T, name string, fast func([]F) (F, bool), ref func([]F) F, x []F, hasNaN bool) {
	t.Helper()
	nonfinite := hasNaN
	for _, v := range x {
		nonfinite = nonfinite || math.IsInf(float64(v), 0)
	}
	m, flag := fast(x)
	if flag != nonfinite {
		t.Fatalf("%s(%v): nonfinite = %v, want %v", name, x, flag, nonfinite)
	}
	if want := ref(x); !flag && m != want {
		t.Fatalf("%s(%v) = %v, want %v (up to the sign of 0)", name, x, m, want)
	}
}
