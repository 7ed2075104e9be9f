//go:build amd64 && !purego

package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Direct tests of the internal AVX2 float Min/Max kernels, whose exported
// callers fold the fast kernels' flag and the NaN search into their result
// and so cannot show what each part does on its own.
func TestReduceInternalMinMaxKernels(t *testing.T) {
	useTier(t, AVX2)
	r := rand.New(rand.NewPCG(15, 16))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0, 1e-310,
		1e200, -1e200, math.MaxFloat32, -math.MaxFloat32}
	for n := 1; n <= 200; n++ {
		for range 4 {
			x := rdFloats[float64](r, n)
			for k := r.IntN(3); k > 0; k-- {
				x[r.IntN(n)] = specials[r.IntN(len(specials))]
			}
			checkAllFastF64(t, x)
			checkHasNaN(t, "hasNaNF64AVX2", hasNaNF64AVX2, x)
			x32 := make([]float32, n)
			for i, v := range x {
				x32[i] = float32(v) // 1e200 becomes +Inf, 1e-310 +0
			}
			checkAllFastF32(t, x32)
			checkHasNaN(t, "hasNaNF32AVX2", hasNaNF32AVX2, x32)
		}
	}
	// The largest finite values, of both signs: the flag's FMAs round their
	// sums to infinities, which never make a NaN, so the flag stays clear.
	for n := 1; n <= 300; n++ {
		x, x32 := make([]float64, n), make([]float32, n)
		for i := range x {
			x[i], x32[i] = math.MaxFloat64, math.MaxFloat32
			if r.IntN(2) == 0 {
				x[i], x32[i] = -x[i], -x32[i]
			}
		}
		checkAllFastF64(t, x)
		checkAllFastF32(t, x32)
	}
}

// TestReduceFastMinMaxFlagsEveryNaN puts one NaN at every position of
// every length up to 300 (both vectors of a pair, single vectors and the
// masked tail): the fast kernels must flag it and the search must find it.
func TestReduceFastMinMaxFlagsEveryNaN(t *testing.T) {
	useTier(t, AVX2)
	r := rand.New(rand.NewPCG(17, 18))
	for n := 1; n <= 300; n++ {
		x64, x32 := rdFloats[float64](r, n), rdFloats[float32](r, n)
		for i := range n {
			x64[i], x32[i] = math.NaN(), float32(math.NaN())
			checkAllFastF64(t, x64)
			checkHasNaN(t, "hasNaNF64AVX2", hasNaNF64AVX2, x64)
			checkAllFastF32(t, x32)
			checkHasNaN(t, "hasNaNF32AVX2", hasNaNF32AVX2, x32)
			x64[i], x32[i] = rdFiniteFloat[float64](r), rdFiniteFloat[float32](r)
		}
	}
}

// TestReduceFastMinMaxFalseAlarm feeds the fast kernels infinities of both
// signs, and infinities beside zeros, without a NaN: the flag goes up, the
// search finds no NaN, and the exported Min and Max still return the exact
// result.
func TestReduceFastMinMaxFalseAlarm(t *testing.T) {
	useTier(t, AVX2)
	r := rand.New(rand.NewPCG(19, 20))
	values := []float32{float32(math.Inf(1)), float32(math.Inf(-1)), 0, float32(math.Copysign(0, -1)), 1, -1}
	raised := 0
	for range 50 {
		n := 1 + r.IntN(300)
		x := make([]float32, n)
		for i := range x {
			x[i] = values[r.IntN(len(values))]
		}
		if _, flag := minFastF32AVX2(x); flag {
			raised++
		}
		if got, want := MinF32(x), rdMinLoop(x); !rdSameFloat(got, want) {
			t.Fatalf("MinF32(%v) = %v, want %v", x, got, want)
		}
		if got, want := MaxF32(x), rdMaxLoop(x); !rdSameFloat(got, want) {
			t.Fatalf("MaxF32(%v) = %v, want %v", x, got, want)
		}
	}
	if raised == 0 {
		t.Fatalf("no input raised the fast kernel's NaN flag: the false-alarm path went untested")
	}
}

// checkAllFastF64 and checkAllFastF32 run checkFastMinMax on the four AVX2
// fast kernels of their type: min and max, plain and stream.
func checkAllFastF64(t *testing.T, x []float64) {
	t.Helper()
	checkFastMinMax(t, "minFastF64AVX2", minFastF64AVX2, rdMinLoop[float64], x)
	checkFastMinMax(t, "minFastF64AVX2Stream", minFastF64AVX2Stream, rdMinLoop[float64], x)
	checkFastMinMax(t, "maxFastF64AVX2", maxFastF64AVX2, rdMaxLoop[float64], x)
	checkFastMinMax(t, "maxFastF64AVX2Stream", maxFastF64AVX2Stream, rdMaxLoop[float64], x)
}

func checkAllFastF32(t *testing.T, x []float32) {
	t.Helper()
	checkFastMinMax(t, "minFastF32AVX2", minFastF32AVX2, rdMinLoop[float32], x)
	checkFastMinMax(t, "minFastF32AVX2Stream", minFastF32AVX2Stream, rdMinLoop[float32], x)
	checkFastMinMax(t, "maxFastF32AVX2", maxFastF32AVX2, rdMaxLoop[float32], x)
	checkFastMinMax(t, "maxFastF32AVX2Stream", maxFastF32AVX2Stream, rdMaxLoop[float32], x)
}

// checkFastMinMax checks a fast float min/max kernel: its flag is set
// whenever x holds a NaN and clear whenever every element is finite (huge
// ones included); without a NaN its value is the reference up to the sign of
// a zero.
func checkFastMinMax[F float32 | float64](t *testing.T, name string, fast func([]F) (F, bool), ref func([]F) F, x []F) {
	t.Helper()
	hasNaN, finite := false, true
	for _, v := range x {
		hasNaN = hasNaN || v != v
		finite = finite && !math.IsInf(float64(v), 0) && v == v
	}
	m, flag := fast(x)
	switch {
	case hasNaN && !flag:
		t.Fatalf("%s(%v): the NaN flag is clear", name, x)
	case finite && flag:
		t.Fatalf("%s(%v): the NaN flag is set for finite values", name, x)
	}
	if want := ref(x); !hasNaN && m != want {
		t.Fatalf("%s(%v) = %v, want %v (up to the sign of 0)", name, x, m, want)
	}
}

// checkHasNaN checks a NaN search against a loop.
func checkHasNaN[F float32 | float64](t *testing.T, name string, hasNaN func([]F) bool, x []F) {
	t.Helper()
	want := false
	for _, v := range x {
		want = want || v != v
	}
	if got := hasNaN(x); got != want {
		t.Fatalf("%s(%v) = %v, want %v", name, x, got, want)
	}
}

// TestMinMaxWide512: under the AVX-512 tier, MinMax gives the loops'
// results with either choice of kernel (wide512: the AVX-512 fused kernels,
// or the AVX2 ones for floats, int32 and uint32), on inputs with NaNs, signed
// zeros and infinities at random places, across MaxStep pieces.
func TestMinMaxWide512(t *testing.T) {
	useTier(t, AVX512)
	defer func(old bool) { wide512 = old }(wide512)
	r := rand.New(rand.NewPCG(17, 18))
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0, 1e-310}
	for _, wide := range []bool{false, true} {
		wide512 = wide
		for _, n := range []int{1, 2, 7, 16, 17, 100, 300, 4096, 4099, 3*MaxStep + 5} {
			for trial := range 6 {
				x := rdFloats[float64](r, n)
				for k := trial % 3; k > 0; k-- {
					x[r.IntN(n)] = specials[r.IntN(len(specials))]
				}
				x32 := make([]float32, n)
				i32 := make([]int32, n)
				i64 := make([]int64, n)
				for i, v := range x {
					x32[i] = float32(v)
					i64[i] = int64(r.Uint64())
					i32[i] = int32(i64[i])
				}
				rdCheckMinMax(t, MinMaxF64, x)
				rdCheckMinMax(t, MinMaxF32, x32)
				if lo, hi := MinMaxI32(i32); lo != rdMinLoop(i32) || hi != rdMaxLoop(i32) {
					t.Fatalf("wide512=%v: MinMaxI32(n=%d) = %d, %d", wide, n, lo, hi)
				}
				if lo, hi := MinMaxI64(i64); lo != rdMinLoop(i64) || hi != rdMaxLoop(i64) {
					t.Fatalf("wide512=%v: MinMaxI64(n=%d) = %d, %d", wide, n, lo, hi)
				}
				u32, u64 := make([]uint32, n), make([]uint64, n)
				for i, v := range i64 {
					u32[i], u64[i] = uint32(v), uint64(v)
				}
				if lo, hi := MinMaxU32(u32); lo != rdMinLoop(u32) || hi != rdMaxLoop(u32) {
					t.Fatalf("wide512=%v: MinMaxU32(n=%d) = %d, %d", wide, n, lo, hi)
				}
				if lo, hi := MinMaxU64(u64); lo != rdMinLoop(u64) || hi != rdMaxLoop(u64) {
					t.Fatalf("wide512=%v: MinMaxU64(n=%d) = %d, %d", wide, n, lo, hi)
				}
			}
		}
	}
}

// TestReduceBitwiseKernels checks the OR and AND kernels that give a zero
// min or max its sign, at every length up to 300 and start offsets 0 to 7:
// on random bits, and with one element that alone sets (OR) or clears
// (AND) a bit, at every position (blocks, single vectors, the masked tail).
func TestReduceBitwiseKernels(t *testing.T) {
	useTier(t, AVX2)
	r := rand.New(rand.NewPCG(41, 42))
	b32, b64 := make([]int32, 300+8), make([]int64, 300+8)
	for n := 1; n <= 300; n++ {
		for off := range 8 {
			x32, x64 := b32[off:off+n], b64[off:off+n]
			for i := range n {
				x32[i], x64[i] = int32(r.Uint32()), int64(r.Uint64())
			}
			checkBitwise(t, x32, orI32AVX2, andI32AVX2)
			checkBitwise(t, x64, orI64AVX2, andI64AVX2)
		}
		x32, x64 := b32[:n], b64[:n]
		for p := range n {
			bit := uint(p % 32)
			clear(x32)
			clear(x64)
			x32[p], x64[p] = int32(1)<<bit, int64(1)<<(2*bit)
			checkBitwise(t, x32, orI32AVX2, andI32AVX2)
			checkBitwise(t, x64, orI64AVX2, andI64AVX2)
			for i := range n {
				x32[i], x64[i] = -1, -1
			}
			x32[p], x64[p] = ^(int32(1) << bit), ^(int64(1) << (2*bit + 1))
			checkBitwise(t, x32, orI32AVX2, andI32AVX2)
			checkBitwise(t, x64, orI64AVX2, andI64AVX2)
		}
	}
}

func checkBitwise[T int32 | int64](t *testing.T, x []T, or, and func([]T) T) {
	t.Helper()
	wantOr, wantAnd := x[0], x[0]
	for _, v := range x[1:] {
		wantOr, wantAnd = wantOr|v, wantAnd&v
	}
	if got := or(x); got != wantOr {
		t.Fatalf("or(n=%d) = %#x, want %#x", len(x), got, wantOr)
	}
	if got := and(x); got != wantAnd {
		t.Fatalf("and(n=%d) = %#x, want %#x", len(x), got, wantAnd)
	}
}
