package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
)

// ---- kernel tables ----------------------------------------------------------

// eachTierLoop runs f under every tier (eachTier) and, under a SIMD tier,
// again as subtest loop=stream with every input sent to the stream kernels
// and every elementwise output to the NT kernels (streamMin 0), whatever
// its length.
func eachTierLoop(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	eachTier(t, func(t *testing.T) {
		f(t)
		if active == PureGo {
			return
		}
		t.Run("loop=stream", func(t *testing.T) {
			defer rdForceStream()()
			f(t)
		})
	})
}

// rdForceStream sends every input to the stream kernels until restore.
func rdForceStream() (restore func()) {
	old := streamMin
	streamMin = 0
	return func() { streamMin = old }
}

// rdFloatKernels are the float kernels of one type with their twins.
type rdFloatKernels[T rdFloat] struct {
	sum, sumTwin     func([]T) T
	sumSq, sumSqTwin func([]T) T
	dot, dotTwin     func(x, y []T) T
	min, max         func([]T) T
	minMax           func([]T) (T, T)
	maxNonNaN        func([]T) (T, bool)
	index, lastIndex func([]T, T) int
	count            func([]T, T) int
	u                float64 // unit roundoff
	tiny             float64 // absolute error of one underflowing product
	maxFinite        float64
}

var rdF32 = rdFloatKernels[float32]{
	sum: SumF32, sumTwin: sumF32Go,
	sumSq: SumSquaresF32, sumSqTwin: sumSquaresF32Go,
	dot: DotF32, dotTwin: dotF32Go,
	min: MinF32, max: MaxF32, minMax: MinMaxF32, maxNonNaN: MaxNonNaNF32, index: IndexOfF32, lastIndex: LastIndexOfF32, count: CountF32,
	u: 0x1p-24, tiny: 0x1p-150, maxFinite: math.MaxFloat32,
}

var rdF64 = rdFloatKernels[float64]{
	sum: SumF64, sumTwin: sumF64Go,
	sumSq: SumSquaresF64, sumSqTwin: sumSquaresF64Go,
	dot: DotF64, dotTwin: dotF64Go,
	min: MinF64, max: MaxF64, minMax: MinMaxF64, maxNonNaN: MaxNonNaNF64, index: IndexOfF64, lastIndex: LastIndexOfF64, count: CountF64,
	u: 0x1p-53, tiny: 0x1p-1075, maxFinite: math.MaxFloat64,
}

type rdInteger interface{ ~int32 | ~int64 }

type rdIntKernels[T rdInteger] struct {
	sum, sumSq, min, max func([]T) T
	dot                  func(x, y []T) T
	index                func([]T, T) int
	minMax               func([]T) (T, T)
	lastIndex            func([]T, T) int
	count                func([]T, T) int
}

var rdI32 = rdIntKernels[int32]{SumI32, SumSquaresI32, MinI32, MaxI32, DotI32, IndexOfI32, MinMaxI32, LastIndexOfI32, CountI32}
var rdI64 = rdIntKernels[int64]{SumI64, SumSquaresI64, MinI64, MaxI64, DotI64, IndexOfI64, MinMaxI64, LastIndexOfI64, CountI64}

// ---- references ---------------------------------------------------------------

// rdRef returns a compensated (nearly exact) float64 sum of the terms x[i]
// (y == nil) or x[i]*y[i], and the sum of their magnitudes. Products are
// split exactly with FMA.
func rdRef[T rdFloat](x, y []T) (sum, abs float64) {
	var t rdTwoSum
	for i, v := range x {
		a, b := float64(v), 1.0
		if y != nil {
			b = float64(y[i])
		}
		p := a * b
		t.add(p)
		if !math.IsInf(p, 0) {
			t.add(math.FMA(a, b, -p))
		}
		abs += math.Abs(p)
	}
	return t.sum(), abs
}

// rdBound is the documented error bound c·u·Σ|tᵢ| plus the reference's own
// error and the underflow allowance.
func rdBound[T rdFloat](k rdFloatKernels[T], n int, ref, abs float64, products bool) float64 {
	c := float64(min(n, MaxStep))/8 + 20
	b := c*k.u*abs + 2*0x1p-53*math.Abs(ref) + float64(n*n)*0x1p-105*abs
	if products {
		b += 2 * float64(n) * k.tiny
	}
	return b
}

// rdExpect is what is certain about a float sum of the terms x[i] (y ==
// nil) or x[i]*y[i], whatever the order of the additions: NaN for a NaN term,
// Inf·0 or +Inf meeting -Inf among the terms; the infinity (or NaN) for
// infinite terms of one sign; and the documented bound around a nearly exact
// reference when nothing can overflow.
type rdExpect struct {
	n                     int
	nan, posInf, negInf   bool
	finAbs                float64 // Σ|t| over the finite terms, in float64
	ref, abs              float64 // reference sum and Σ|t|, when finite
	products, mayOverflow bool
}

func rdExpectSum[T rdFloat](k rdFloatKernels[T], x, y []T, products bool) rdExpect {
	e := rdExpect{n: len(x), products: products}
	for i, v := range x {
		a, b := float64(v), 1.0
		if y != nil {
			b = float64(y[i])
		}
		switch {
		case a != a || b != b:
			e.nan = true
		case math.IsInf(a, 0) || math.IsInf(b, 0):
			if a == 0 || b == 0 {
				e.nan = true
			} else if (a < 0) != (b < 0) {
				e.negInf = true
			} else {
				e.posInf = true
			}
		default:
			e.finAbs += math.Abs(a * b)
		}
	}
	e.nan = e.nan || e.posInf && e.negInf
	e.mayOverflow = e.finAbs > k.maxFinite/2
	if !e.nan && !e.posInf && !e.negInf && !e.mayOverflow {
		e.ref, e.abs = rdRef(x, y)
	}
	return e
}

func rdCheckExpect[T rdFloat](t *testing.T, k rdFloatKernels[T], what string, got T, e rdExpect) {
	t.Helper()
	g := float64(got)
	switch {
	case e.nan:
		if !math.IsNaN(g) {
			t.Fatalf("%s: got %v, want NaN", what, got)
		}
	case e.posInf || e.negInf:
		want := math.Inf(1)
		if e.negInf {
			want = math.Inf(-1)
		}
		if !e.mayOverflow && g != want || !math.IsNaN(g) && g != want {
			t.Fatalf("%s: got %v, want %v", what, got, want)
		}
	case e.mayOverflow:
		// The finite terms may overflow, differently in different orders.
	default:
		if d, b := math.Abs(g-e.ref), rdBound(k, e.n, e.ref, e.abs, e.products); !(d <= b) {
			t.Fatalf("%s: got %v, reference %v: error %g > bound %g (n=%d, Σ|t|=%g)", what, got, e.ref, d, b, e.n, e.abs)
		}
	}
}

// rdCheckFloatSum checks one float sum of x (y == nil) or x·y.
func rdCheckFloatSum[T rdFloat](t *testing.T, k rdFloatKernels[T], what string, got T, x, y []T, products bool) {
	t.Helper()
	rdCheckExpect(t, k, what, got, rdExpectSum(k, x, y, products))
}

// rdCheckMinMax checks the fused kernel against the min and max loops: the
// same bits, or NaN for both.
func rdCheckMinMax[T rdFloat](t *testing.T, minMax func([]T) (T, T), x []T) {
	t.Helper()
	lo, hi := minMax(x)
	if wlo, whi := rdMinLoop(x), rdMaxLoop(x); !rdSameFloat(lo, wlo) || !rdSameFloat(hi, whi) {
		t.Fatalf("MinMax(n=%d) = (%v, %v), want (%v, %v)", len(x), lo, hi, wlo, whi)
	}
}

// rdCheckMaxNonNaN checks MaxNonNaN against its loop: the same bits and
// the same ok.
func rdCheckMaxNonNaN[T rdFloat](t *testing.T, maxNonNaN func([]T) (T, bool), x []T) {
	t.Helper()
	m, ok := maxNonNaN(x)
	if wm, wok := rdMaxNonNaNLoop(x); !rdSameFloat(m, wm) || ok != wok {
		t.Fatalf("MaxNonNaN(n=%d) = %v, %v, want %v, %v", len(x), m, ok, wm, wok)
	}
}

func rdSameFloat[T rdFloat](a, b T) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b))
}

// rdCheckFloats runs every float kernel of k on x (and y) and checks it.
func rdCheckFloats[T rdFloat](t *testing.T, k rdFloatKernels[T], x, y []T, probes []T) {
	t.Helper()
	n := len(x)
	e := rdExpectSum(k, x, nil, false)
	rdCheckExpect(t, k, fmt.Sprintf("Sum(n=%d)", n), k.sum(x), e)
	rdCheckExpect(t, k, fmt.Sprintf("sum twin(n=%d)", n), k.sumTwin(x), e)
	e = rdExpectSum(k, x, x, true)
	rdCheckExpect(t, k, fmt.Sprintf("SumSquares(n=%d)", n), k.sumSq(x), e)
	rdCheckExpect(t, k, fmt.Sprintf("sumSquares twin(n=%d)", n), k.sumSqTwin(x), e)
	e = rdExpectSum(k, x, y[:n], true)
	rdCheckExpect(t, k, fmt.Sprintf("Dot(n=%d)", n), k.dot(x, y), e)
	rdCheckExpect(t, k, fmt.Sprintf("dot twin(n=%d)", n), k.dotTwin(x, y[:n]), e)
	if n > 0 {
		if got, want := k.min(x), rdMinLoop(x); !rdSameFloat(got, want) {
			t.Fatalf("Min(n=%d) = %v, want %v", n, got, want)
		}
		if got, want := k.max(x), rdMaxLoop(x); !rdSameFloat(got, want) {
			t.Fatalf("Max(n=%d) = %v, want %v", n, got, want)
		}
		rdCheckMinMax(t, k.minMax, x)
	}
	rdCheckMaxNonNaN(t, k.maxNonNaN, x)
	for _, v := range probes {
		if got, want := k.index(x, v), rdIndexLoop(x, v); got != want {
			t.Fatalf("IndexOf(n=%d, %v) = %d, want %d", n, v, got, want)
		}
		if got, want := k.lastIndex(x, v), rdLastIndexLoop(x, v); got != want {
			t.Fatalf("LastIndexOf(n=%d, %v) = %d, want %d", n, v, got, want)
		}
		if got, want := k.count(x, v), rdCountLoop(x, v); got != want {
			t.Fatalf("Count(n=%d, %v) = %d, want %d", n, v, got, want)
		}
	}
}

// rdCheckInts runs every integer kernel of k on x (and y): exact equality
// with the reference loops.
func rdCheckInts[T rdInteger](t *testing.T, k rdIntKernels[T], x, y []T, probes []T) {
	t.Helper()
	n := len(x)
	if got, want := k.sum(x), rdSumLoop(x); got != want {
		t.Fatalf("Sum(n=%d) = %d, want %d", n, got, want)
	}
	if got, want := k.sumSq(x), rdSumSquaresLoop(x); got != want {
		t.Fatalf("SumSquares(n=%d) = %d, want %d", n, got, want)
	}
	if got, want := k.dot(x, y), rdDotLoop(x, y); got != want {
		t.Fatalf("Dot(n=%d) = %d, want %d", n, got, want)
	}
	if n > 0 {
		if got, want := k.min(x), rdMinLoop(x); got != want {
			t.Fatalf("Min(n=%d) = %d, want %d", n, got, want)
		}
		if got, want := k.max(x), rdMaxLoop(x); got != want {
			t.Fatalf("Max(n=%d) = %d, want %d", n, got, want)
		}
		if lo, hi := k.minMax(x); lo != rdMinLoop(x) || hi != rdMaxLoop(x) {
			t.Fatalf("MinMax(n=%d) = (%d, %d), want (%d, %d)", n, lo, hi, rdMinLoop(x), rdMaxLoop(x))
		}
	}
	for _, v := range probes {
		if got, want := k.index(x, v), rdIndexLoop(x, v); got != want {
			t.Fatalf("IndexOf(n=%d, %d) = %d, want %d", n, v, got, want)
		}
		if got, want := k.lastIndex(x, v), rdLastIndexLoop(x, v); got != want {
			t.Fatalf("LastIndexOf(n=%d, %d) = %d, want %d", n, v, got, want)
		}
		if got, want := k.count(x, v), rdCountLoop(x, v); got != want {
			t.Fatalf("Count(n=%d, %d) = %d, want %d", n, v, got, want)
		}
	}
}

func rdCheckXor(t *testing.T, x []uint64) {
	t.Helper()
	if got, want := XorU64(x), rdXorLoop(x); got != want {
		t.Fatalf("XorU64(n=%d) = %#x, want %#x", len(x), got, want)
	}
}

// ---- data -----------------------------------------------------------------------

// rdFiniteFloat returns a random finite value: mixed signs and magnitudes
// over 2^±20, with a sprinkling of ±0, denormals and repeats.
func rdFiniteFloat[T rdFloat](r *rand.Rand) T {
	switch r.IntN(40) {
	case 0:
		return 0
	case 1:
		return T(math.Copysign(0, -1))
	case 2:
		var d T = 1e-40 // float32 denormal
		if _, ok := any(d).(float64); ok {
			d = T(1e-310)
		}
		return d * T(r.IntN(7)-3)
	case 3:
		return T(r.IntN(5) - 2)
	}
	m := r.Float64() + 1
	if r.IntN(2) == 0 {
		m = -m
	}
	return T(math.Ldexp(m, r.IntN(41)-20))
}

func rdFloats[T rdFloat](r *rand.Rand, n int) []T {
	x := make([]T, n)
	for i := range x {
		x[i] = rdFiniteFloat[T](r)
	}
	return x
}

func rdInts[T rdInteger](r *rand.Rand, n int) []T {
	x := make([]T, n)
	for i := range x {
		switch r.IntN(4) {
		case 0: // small: sums that do not wrap
			x[i] = T(r.IntN(2001) - 1000)
		default: // full range: wrap-around everywhere
			x[i] = T(r.Uint64())
		}
	}
	return x
}

// rdProbes picks values to search for: some present (first, last, random),
// one absent, zero.
func rdProbes[T rdFloat | rdInteger](r *rand.Rand, x []T, absent T) []T {
	p := []T{absent, 0}
	if len(x) > 0 {
		p = append(p, x[0], x[len(x)-1], x[r.IntN(len(x))])
	}
	return p
}

// rdWindow returns buf[off:off+n] of a fresh buffer whose elements outside
// the window hold guard.
func rdWindow[T any](src []T, off int, guard T) []T {
	buf := make([]T, off+len(src)+17)
	for i := range buf {
		buf[i] = guard
	}
	copy(buf[off:], src)
	return buf[off : off+len(src)]
}

// ---- tests ------------------------------------------------------------------

// TestReduceLengthsOffsets: every length 0..300 at start offsets 0..7, the
// window surrounded by guard values that would change any result.
func TestReduceLengthsOffsets(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		nan32, nan64 := float32(math.NaN()), math.NaN()
		for n := 0; n <= 300; n++ {
			fx, fy := rdFloats[float32](r, n), rdFloats[float32](r, n)
			dx, dy := rdFloats[float64](r, n), rdFloats[float64](r, n)
			ix, iy := rdInts[int32](r, n), rdInts[int32](r, n)
			lx, ly := rdInts[int64](r, n), rdInts[int64](r, n)
			ux := make([]uint64, n)
			for i := range ux {
				ux[i] = r.Uint64()
			}
			for off := range 8 {
				// Guards: NaN spoils float sums and min/max; a found
				// absent value spoils IndexOf; the int guard spoils
				// sums and min.
				x, y := rdWindow(fx, off, nan32), rdWindow(fy, 7-off, nan32)
				rdCheckFloats(t, rdF32, x, y, rdProbes(r, x, 3.5e30))
				if off%4 == 1 {
					rdCheckFloats(t, rdF32, rdWindow(fx, off, 3.5e30), y, []float32{3.5e30})
				}
				x64, y64 := rdWindow(dx, off, nan64), rdWindow(dy, 7-off, nan64)
				rdCheckFloats(t, rdF64, x64, y64, rdProbes(r, x64, 3.5e300))
				if off%4 == 2 {
					rdCheckFloats(t, rdF64, rdWindow(dx, off, 3.5e300), y64, []float64{3.5e300})
				}
				rdCheckInts(t, rdI32, rdWindow(ix, off, math.MinInt32+1), rdWindow(iy, off, 1), rdProbes(r, ix, math.MinInt32+1))
				rdCheckInts(t, rdI32, rdWindow(ix, off, math.MaxInt32), rdWindow(iy, off, 1), nil)
				rdCheckInts(t, rdI64, rdWindow(lx, off, math.MinInt64+1), rdWindow(ly, off, 1), rdProbes(r, lx, math.MinInt64+1))
				rdCheckInts(t, rdI64, rdWindow(lx, off, math.MaxInt64), rdWindow(ly, off, 1), nil)
				rdCheckXor(t, rdWindow(ux, off, 0x5a5a5a5a5a5a5a5a))
			}
		}
	})
}

// TestReduceLarge: lengths around and over MaxStep, several MaxSteps plus odd.
func TestReduceLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	lengths := []int{MaxStep - 1, MaxStep + 1, 2*MaxStep + 5, 3*MaxStep + 17, 1 + r.IntN(4*MaxStep)}
	type data struct {
		fx, fy []float32
		dx, dy []float64
		ix, iy []int32
		lx, ly []int64
		ux     []uint64
	}
	ds := make([]data, len(lengths))
	for i, n := range lengths {
		off := r.IntN(8)
		d := &ds[i]
		d.fx, d.fy = rdFloats[float32](r, n+off)[off:], rdFloats[float32](r, n)
		d.dx, d.dy = rdFloats[float64](r, n+off)[off:], rdFloats[float64](r, n)
		d.ix, d.iy = rdInts[int32](r, n+off)[off:], rdInts[int32](r, n)
		d.lx, d.ly = rdInts[int64](r, n+off)[off:], rdInts[int64](r, n)
		d.ux = make([]uint64, n)
		for j := range d.ux {
			d.ux[j] = r.Uint64()
		}
	}
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(5, 6))
		for _, d := range ds {
			rdCheckFloats(t, rdF32, d.fx, d.fy, rdProbes(r, d.fx, 3.5e30))
			rdCheckFloats(t, rdF64, d.dx, d.dy, rdProbes(r, d.dx, 3.5e300))
			rdCheckInts(t, rdI32, d.ix, d.iy, rdProbes(r, d.ix, 0x7eadbeef))
			rdCheckInts(t, rdI64, d.lx, d.ly, rdProbes(r, d.lx, 0x7eadbeef))
			rdCheckXor(t, d.ux)
		}
	})
}

// TestReduceIllConditioned: heavy cancellation, where the bound is tight
// relative to the result.
func TestReduceIllConditioned(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	mk32 := func(n int) []float32 {
		x := make([]float32, n)
		for i := 0; i < n; i += 2 {
			v := float32(math.Ldexp(r.Float64()+1, r.IntN(30)))
			x[i] = v
			if i+1 < n {
				x[i+1] = -v * (1 + float32(r.NormFloat64())*1e-6)
			}
		}
		r.Shuffle(n, func(i, j int) { x[i], x[j] = x[j], x[i] })
		return x
	}
	xs := [][]float32{mk32(1000), mk32(MaxStep + 3), mk32(3*MaxStep + 1)}
	eachTierLoop(t, func(t *testing.T) {
		for _, x := range xs {
			x64 := make([]float64, len(x))
			for i, v := range x {
				x64[i] = float64(v) * (1 + 1e-12*float64(i%7))
			}
			rdCheckFloatSum(t, rdF32, "Sum", SumF32(x), x, nil, false)
			rdCheckFloatSum(t, rdF32, "Dot", DotF32(x[:len(x)-1], x[1:]), x[:len(x)-1], x[1:], true)
			rdCheckFloatSum(t, rdF64, "Sum", SumF64(x64), x64, nil, false)
			rdCheckFloatSum(t, rdF64, "Dot", DotF64(x64[:len(x64)-1], x64[1:]), x64[:len(x64)-1], x64[1:], true)
		}
	})
}

// TestReduceSpecials: NaN, ±Inf, -0, denormals and extremes at every position
// of short inputs and a few long ones, so that they land in every lane, block,
// vector and tail position.
func TestReduceSpecials(t *testing.T) {
	negZero := math.Copysign(0, -1)
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), negZero, 0, 1e-310, -1e-310, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64}
	specials32 := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), float32(negZero), 0, 1e-40, -1e-40, math.MaxFloat32, -math.MaxFloat32, math.SmallestNonzeroFloat32}
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(9, 10))
		for _, n := range []int{1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 129, 257, 1000} {
			base32, base64 := rdFloats[float32](r, n), rdFloats[float64](r, n)
			y32, y64 := rdFloats[float32](r, n), rdFloats[float64](r, n)
			step := max(1, n/24)
			for pos := 0; pos < n; pos += step {
				for si := range specials {
					x := append([]float32(nil), base32...)
					x[pos] = specials32[si]
					rdCheckFloats(t, rdF32, x, y32, []float32{specials32[si], 0, float32(negZero), x[0]})
					x64 := append([]float64(nil), base64...)
					x64[pos] = specials[si]
					rdCheckFloats(t, rdF64, x64, y64, []float64{specials[si], 0, negZero, x64[0]})
				}
				// Two specials at once: Inf meets -Inf, NaN after Inf.
				x := append([]float32(nil), base32...)
				x[pos] = float32(math.Inf(1))
				x[r.IntN(n)] = float32(math.Inf(-1))
				rdCheckFloats(t, rdF32, x, y32, nil)
				x64 := append([]float64(nil), base64...)
				x64[pos] = math.Inf(-1)
				x64[r.IntN(n)] = math.NaN()
				rdCheckFloats(t, rdF64, x64, y64, nil)
			}
		}
		for _, n := range []int{MaxStep + 9, 2*MaxStep + 1} {
			x := rdFloats[float32](r, n)
			x64 := rdFloats[float64](r, n)
			for _, pos := range []int{MaxStep - 1, MaxStep, n - 1} {
				for si := range specials[:4] {
					old, old64 := x[pos], x64[pos]
					x[pos], x64[pos] = specials32[si], specials[si]
					rdCheckFloats(t, rdF32, x, x, []float32{specials32[si]})
					rdCheckFloats(t, rdF64, x64, x64, []float64{specials[si]})
					x[pos], x64[pos] = old, old64
				}
			}
		}
	})
}

// TestReduceSignedZeros: Min/Max over mixes of -0 and +0 (and NaN) at every
// length up to 70: min is -0 exactly when a -0 is present, max is +0 exactly
// when a +0 is present.
func TestReduceSignedZeros(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(11, 12))
		for n := 1; n <= 70; n++ {
			for trial := range 12 {
				x32, x64 := make([]float32, n), make([]float64, n)
				anyNeg, anyPos := false, false
				for i := range x32 {
					// Mostly one sign, so that the other shows up alone.
					neg := r.IntN(n+1) != 0
					if trial%2 == 1 {
						neg = !neg
					}
					if neg {
						x32[i], x64[i] = float32(math.Copysign(0, -1)), math.Copysign(0, -1)
						anyNeg = true
					} else {
						anyPos = true
					}
				}
				wantMin, wantMax := 0.0, math.Copysign(0, -1)
				if anyNeg {
					wantMin = math.Copysign(0, -1)
				}
				if anyPos {
					wantMax = 0
				}
				if g := MinF32(x32); !rdSameFloat(float64(g), wantMin) {
					t.Fatalf("MinF32(%v) = %v, want %v", x32, g, wantMin)
				}
				if g := MaxF32(x32); !rdSameFloat(float64(g), wantMax) {
					t.Fatalf("MaxF32(%v) = %v, want %v", x32, g, wantMax)
				}
				if g := MinF64(x64); !rdSameFloat(g, wantMin) {
					t.Fatalf("MinF64(%v) = %v, want %v", x64, g, wantMin)
				}
				if g := MaxF64(x64); !rdSameFloat(g, wantMax) {
					t.Fatalf("MaxF64(%v) = %v, want %v", x64, g, wantMax)
				}
				rdCheckMinMax(t, MinMaxF32, x32)
				rdCheckMinMax(t, MinMaxF64, x64)
				rdCheckMaxNonNaN(t, MaxNonNaNF32, x32)
				rdCheckMaxNonNaN(t, MaxNonNaNF64, x64)
				if IndexOfF32(x32, 0) != 0 || IndexOfF64(x64, math.Copysign(0, -1)) != 0 {
					t.Fatalf("IndexOf: -0 and +0 must compare equal")
				}
				// A NaN anywhere wins over the zeros.
				p := r.IntN(n)
				x32[p], x64[p] = float32(math.NaN()), math.NaN()
				if g := MinF32(x32); g == g {
					t.Fatalf("MinF32(%v) = %v, want NaN", x32, g)
				}
				if g := MaxF32(x32); g == g {
					t.Fatalf("MaxF32(%v) = %v, want NaN", x32, g)
				}
				if g := MinF64(x64); g == g {
					t.Fatalf("MinF64(%v) = %v, want NaN", x64, g)
				}
				if g := MaxF64(x64); g == g {
					t.Fatalf("MaxF64(%v) = %v, want NaN", x64, g)
				}
				rdCheckMinMax(t, MinMaxF32, x32)
				rdCheckMinMax(t, MinMaxF64, x64)
				// The NaN aside, the zeros decide.
				rdCheckMaxNonNaN(t, MaxNonNaNF32, x32)
				rdCheckMaxNonNaN(t, MaxNonNaNF64, x64)
				if g := IndexOfF32(x32, float32(math.NaN())); g != -1 {
					t.Fatalf("IndexOfF32(NaN) = %d, want -1", g)
				}
			}
		}
	})
}

// TestReduceLoneZero puts one zero of the other sign at every position of
// inputs of zeros spanning several blocks: Min is -0 and Max is +0 whichever
// vector, lane or stream the lone zero lands in. A kernel whose lane
// min/max does not order -0 below +0 (VMINPS, VMAXPS) fails it.
func TestReduceLoneZero(t *testing.T) {
	negZero := math.Copysign(0, -1)
	eachTierLoop(t, func(t *testing.T) {
		for _, n := range []int{63, 64, 65, 129, 200, 257} {
			for p := range n {
				for _, lone := range []float64{0, negZero} {
					x64 := make([]float64, n)
					x32 := make([]float32, n)
					for i := range x64 {
						x64[i] = -lone // the zero of the other sign
						x32[i] = float32(x64[i])
					}
					x64[p], x32[p] = lone, float32(lone)
					if g := MinF32(x32); !rdSameFloat(float64(g), negZero) {
						t.Fatalf("n=%d, lone %v at %d: MinF32 = %v, want -0", n, lone, p, g)
					}
					if g := MaxF32(x32); !rdSameFloat(float64(g), 0) {
						t.Fatalf("n=%d, lone %v at %d: MaxF32 = %v, want +0", n, lone, p, g)
					}
					if g := MinF64(x64); !rdSameFloat(g, negZero) {
						t.Fatalf("n=%d, lone %v at %d: MinF64 = %v, want -0", n, lone, p, g)
					}
					if g := MaxF64(x64); !rdSameFloat(g, 0) {
						t.Fatalf("n=%d, lone %v at %d: MaxF64 = %v, want +0", n, lone, p, g)
					}
					if lo, hi := MinMaxF32(x32); !rdSameFloat(float64(lo), negZero) || !rdSameFloat(float64(hi), 0) {
						t.Fatalf("n=%d, lone %v at %d: MinMaxF32 = (%v, %v), want (-0, +0)", n, lone, p, lo, hi)
					}
					if lo, hi := MinMaxF64(x64); !rdSameFloat(lo, negZero) || !rdSameFloat(hi, 0) {
						t.Fatalf("n=%d, lone %v at %d: MinMaxF64 = (%v, %v), want (-0, +0)", n, lone, p, lo, hi)
					}
				}
			}
		}
	})
}

// TestReduceZeroExtremes: Min over non-negative inputs whose minimum is a
// zero, and Max over non-positive ones whose maximum is a zero, with zeros of
// random signs at random places, across blocks and MaxStep pieces: the
// result is -0 (min) or +0 (max) exactly when one is present.
func TestReduceZeroExtremes(t *testing.T) {
	negZero := math.Copysign(0, -1)
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(21, 22))
		lengths := []int{1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 300, MaxStep + 5, 2*MaxStep + 3}
		for _, n := range lengths {
			for range 8 {
				x32, x64 := make([]float32, n), make([]float64, n)
				for i := range x64 {
					x64[i] = 1 + r.Float64()
					x32[i] = float32(x64[i])
				}
				anyNeg := false
				for k := 1 + r.IntN(3); k > 0; k-- {
					i := r.IntN(n)
					if r.IntN(2) == 0 {
						x32[i], x64[i] = float32(negZero), negZero
					} else {
						x32[i], x64[i] = 0, 0
					}
				}
				for _, v := range x64 {
					anyNeg = anyNeg || (v == 0 && math.Signbit(v))
				}
				wantMin := 0.0
				if anyNeg {
					wantMin = negZero
				}
				if g := MinF32(x32); !rdSameFloat(float64(g), wantMin) {
					t.Fatalf("n=%d: MinF32 = %v, want %v", n, g, wantMin)
				}
				if g := MinF64(x64); !rdSameFloat(g, wantMin) {
					t.Fatalf("n=%d: MinF64 = %v, want %v", n, g, wantMin)
				}
				if lo, _ := MinMaxF32(x32); !rdSameFloat(float64(lo), wantMin) {
					t.Fatalf("n=%d: MinMaxF32 min = %v, want %v", n, lo, wantMin)
				}
				if lo, _ := MinMaxF64(x64); !rdSameFloat(lo, wantMin) {
					t.Fatalf("n=%d: MinMaxF64 min = %v, want %v", n, lo, wantMin)
				}
				// Negate: the non-zero values turn negative, each zero
				// changes sign, so the max is +0 exactly when the min
				// above was -0.
				for i := range x64 {
					x32[i], x64[i] = -x32[i], -x64[i]
				}
				wantMax := negZero
				if anyNeg {
					wantMax = 0
				}
				if g := MaxF32(x32); !rdSameFloat(float64(g), wantMax) {
					t.Fatalf("n=%d: MaxF32 = %v, want %v", n, g, wantMax)
				}
				if g := MaxF64(x64); !rdSameFloat(g, wantMax) {
					t.Fatalf("n=%d: MaxF64 = %v, want %v", n, g, wantMax)
				}
				if _, hi := MinMaxF32(x32); !rdSameFloat(float64(hi), wantMax) {
					t.Fatalf("n=%d: MinMaxF32 max = %v, want %v", n, hi, wantMax)
				}
				if _, hi := MinMaxF64(x64); !rdSameFloat(hi, wantMax) {
					t.Fatalf("n=%d: MinMaxF64 max = %v, want %v", n, hi, wantMax)
				}
				if m, ok := MaxNonNaNF32(x32); !ok || !rdSameFloat(float64(m), wantMax) {
					t.Fatalf("n=%d: MaxNonNaNF32 = %v, %v, want %v", n, m, ok, wantMax)
				}
				if m, ok := MaxNonNaNF64(x64); !ok || !rdSameFloat(m, wantMax) {
					t.Fatalf("n=%d: MaxNonNaNF64 = %v, %v, want %v", n, m, ok, wantMax)
				}
			}
		}
	})
}

// TestReduceMaxNonNaN: inputs full of NaNs, with the numbers at every
// place: all NaN, one number among NaNs, -Inf among NaNs (a number, not
// "none"), NaNs with every bit pattern a quiet or signalling NaN can have
// in its sign, and empty inputs.
func TestReduceMaxNonNaN(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(31, 32))
		nan32s := []float32{float32(math.NaN()), math.Float32frombits(0xffc00001), math.Float32frombits(0x7f800001)}
		nan64s := []float64{math.NaN(), math.Float64frombits(0xfff8000000000001), math.Float64frombits(0x7ff0000000000001)}
		for _, n := range []int{0, 1, 2, 7, 8, 9, 31, 33, 64, 65, 130, 257, MaxStep + 3} {
			x32, x64 := make([]float32, n), make([]float64, n)
			for i := range x32 {
				x32[i], x64[i] = nan32s[r.IntN(3)], nan64s[r.IntN(3)]
			}
			rdCheckMaxNonNaN(t, MaxNonNaNF32, x32)
			rdCheckMaxNonNaN(t, MaxNonNaNF64, x64)
			if n == 0 {
				continue
			}
			for _, v := range []float64{math.Inf(-1), -5, math.Copysign(0, -1), 0, 3, math.Inf(1)} {
				p := r.IntN(n)
				x32[p], x64[p] = float32(v), v
				rdCheckMaxNonNaN(t, MaxNonNaNF32, x32)
				rdCheckMaxNonNaN(t, MaxNonNaNF64, x64)
				x32[p], x64[p] = nan32s[0], nan64s[0]
			}
		}
	})
}

// TestReduceIndexOfPositions: the first (and the last) match at every
// position, with another match near it, in short inputs and across MaxStep
// pieces.
func TestReduceIndexOfPositions(t *testing.T) {
	eachTier(t, func(t *testing.T) {
		for _, n := range []int{1, 5, 8, 16, 31, 64, 100, 257, 3*MaxStep + 5} {
			x32 := make([]float32, n)
			x64 := make([]float64, n)
			i32 := make([]int32, n)
			i64 := make([]int64, n)
			for i := range x32 {
				x32[i], x64[i], i32[i], i64[i] = float32(i+1), float64(i+1), int32(i+1), int64(i+1)
			}
			step := max(1, n/300)
			for p := 0; p < n; p += step {
				q := min(n-1, p+1+p%5)
				x32[p], x64[p], i32[p], i64[p] = -7, -7, -7, -7
				x32[q], x64[q], i32[q], i64[q] = -7, -7, -7, -7
				for _, c := range []struct {
					name      string
					got, want int
				}{
					{"IndexOfF32", IndexOfF32(x32, -7), p},
					{"IndexOfF64", IndexOfF64(x64, -7), p},
					{"IndexOfI32", IndexOfI32(i32, -7), p},
					{"IndexOfI64", IndexOfI64(i64, -7), p},
					{"LastIndexOfF32", LastIndexOfF32(x32, -7), q},
					{"LastIndexOfF64", LastIndexOfF64(x64, -7), q},
					{"LastIndexOfI32", LastIndexOfI32(i32, -7), q},
					{"LastIndexOfI64", LastIndexOfI64(i64, -7), q},
				} {
					if c.got != c.want {
						t.Fatalf("%s n=%d: got %d, want %d", c.name, n, c.got, c.want)
					}
				}
				x32[p], x64[p], i32[p], i64[p] = float32(p+1), float64(p+1), int32(p+1), int64(p+1)
				x32[q], x64[q], i32[q], i64[q] = float32(q+1), float64(q+1), int32(q+1), int64(q+1)
			}
			if IndexOfF32(x32, -7) != -1 || IndexOfF64(x64, -7) != -1 || IndexOfI32(i32, -7) != -1 || IndexOfI64(i64, -7) != -1 ||
				LastIndexOfF32(x32, -7) != -1 || LastIndexOfF64(x64, -7) != -1 || LastIndexOfI32(i32, -7) != -1 || LastIndexOfI64(i64, -7) != -1 {
				t.Fatalf("n=%d: absent value found", n)
			}
		}
		if IndexOfF32(nil, 0) != -1 || IndexOfI64(nil, 0) != -1 || LastIndexOfF64(nil, 0) != -1 || LastIndexOfI32(nil, 0) != -1 {
			t.Fatal("IndexOf(nil) != -1")
		}
	})
}

// TestReduceCount: inputs where each element is the value counted or
// not, at densities from none to all, at every length 0..300 and offsets
// 0..7 (the window's guards are the value itself, so a read past x counts
// too many), and across MaxStep pieces; the value 0 (which the masked
// tail's unread lanes hold), -0 against +0, and NaN, which is never
// counted.
func TestReduceCount(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	lengths := []int{MaxStep - 1, MaxStep, 2*MaxStep + 77, 5*MaxStep + 3}
	for n := range 301 {
		lengths = append(lengths, n)
	}
	negZero := math.Copysign(0, -1)
	eachTier(t, func(t *testing.T) {
		for _, n := range lengths {
			for _, density := range []int{0, 1, 4, 8} { // eighths
				match := make([]bool, n)
				want := 0
				for i := range match {
					match[i] = r.IntN(8) < density
					if match[i] {
						want++
					}
				}
				offs := []int{0, 1, 2, 3, 4, 5, 6, 7}
				if n > 300 {
					offs = offs[:2]
				}
				for _, off := range offs {
					rdCheckCount(t, "CountF32", n, off, match, want, CountF32, 0, 1, float32(negZero))
					rdCheckCount(t, "CountF64", n, off, match, want, CountF64, 0, 1, negZero)
					rdCheckCount(t, "CountF64 of 3", n, off, match, want, CountF64, 3, 0, 3)
					rdCheckCount(t, "CountI32", n, off, match, want, CountI32, 0, 1, 0)
					rdCheckCount(t, "CountI64", n, off, match, want, CountI64, math.MinInt64, math.MaxInt64, math.MinInt64)
					rdCheckCount(t, "CountI32 of -1", n, off, match, want, CountI32, -1, 0, -1)
				}
			}
		}
		nan32, nan64 := float32(math.NaN()), math.NaN()
		for _, n := range []int{0, 1, 7, 8, 9, 300, MaxStep + 1} {
			x32 := make([]float32, n)
			x64 := make([]float64, n)
			for i := range x32 {
				x32[i], x64[i] = nan32, nan64
			}
			if got := CountF32(x32, nan32); got != 0 {
				t.Fatalf("CountF32(%d NaNs, NaN) = %d, want 0", n, got)
			}
			if got := CountF64(x64, nan64); got != 0 {
				t.Fatalf("CountF64(%d NaNs, NaN) = %d, want 0", n, got)
			}
		}
	})
}

// rdCheckCount counts v in an input of n elements at offset off of its
// buffer, holding v where match says and other elsewhere, guarded by v's
// twin (equal to v, to be counted only if read): the kernel must say want.
func rdCheckCount[T rdFloat | rdInteger](t *testing.T, name string, n, off int, match []bool, want int, count func([]T, T) int, v, other, twin T) {
	t.Helper()
	src := make([]T, n)
	for i := range src {
		src[i] = other
		if match[i] {
			src[i] = v
		}
	}
	x := rdWindow(src, off, twin)
	if got := count(x, v); got != want {
		t.Fatalf("%s(n=%d, off=%d) = %d, want %d", name, n, off, got, want)
	}
	if got := count(x, twin); got != want {
		t.Fatalf("%s(n=%d, off=%d, the twin of %v) = %d, want %d", name, n, off, v, got, want)
	}
}

// TestReduceIntWrap: sums and products that overflow wrap like the Go loop.
func TestReduceIntWrap(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		for _, n := range []int{1, 3, 8, 9, 33, 100, 1000, MaxStep + 1} {
			i32 := make([]int32, n)
			i64 := make([]int64, n)
			for i := range i32 {
				i32[i] = math.MaxInt32 - int32(i%3)
				i64[i] = math.MaxInt64 - int64(i%3)
				if i%5 == 4 {
					i32[i], i64[i] = math.MinInt32, math.MinInt64
				}
			}
			rdCheckInts(t, rdI32, i32, i32, []int32{math.MinInt32, math.MaxInt32})
			rdCheckInts(t, rdI64, i64, i64, []int64{math.MinInt64, math.MaxInt64})
			// 3037000500² overflows int64; 46341² overflows int32.
			for i := range i64 {
				i32[i], i64[i] = 46341-int32(i%2), 3037000500-int64(i%2)
			}
			rdCheckInts(t, rdI32, i32, i32, nil)
			rdCheckInts(t, rdI64, i64, i64, nil)
		}
		if got := SumI32([]int32{math.MaxInt32, 1}); got != math.MinInt32 {
			t.Fatalf("SumI32 overflow = %d", got)
		}
		if got := SumSquaresI64([]int64{1 << 32, 3}); got != 9 {
			t.Fatalf("SumSquaresI64([2^32, 3]) = %d, want 9", got)
		}
	})
}

func TestReduceEmpty(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		if SumF32(nil) != 0 || SumF64([]float64{}) != 0 || SumI32(nil) != 0 || SumI64(nil) != 0 ||
			SumSquaresF32(nil) != 0 || SumSquaresI64(nil) != 0 || DotF64(nil, nil) != 0 ||
			DotI32(nil, []int32{1}) != 0 || XorU64(nil) != 0 || IndexOfF64(nil, 1) != -1 {
			t.Fatal("empty input: want 0 (or -1 for IndexOf)")
		}
		// Sum of -0 values is +0, as for the loop starting from 0.
		if s := SumF32([]float32{float32(math.Copysign(0, -1))}); math.Signbit(float64(s)) {
			t.Fatal("SumF32([-0]) = -0, want +0")
		}
	})
}

func TestReducePanics(t *testing.T) {
	cases := []struct {
		name, want string
		f          func()
	}{
		{"DotF32", "hpgo: asm.DotF32: len(y) < len(x)", func() { DotF32(make([]float32, 3), make([]float32, 2)) }},
		{"DotF64", "hpgo: asm.DotF64: len(y) < len(x)", func() { DotF64(make([]float64, 1), nil) }},
		{"DotI32", "hpgo: asm.DotI32: len(y) < len(x)", func() { DotI32(make([]int32, 9), make([]int32, 8)) }},
		{"DotI64", "hpgo: asm.DotI64: len(y) < len(x)", func() { DotI64(make([]int64, 1), nil) }},
		{"MinF32", "hpgo: asm.MinF32: empty slice", func() { MinF32(nil) }},
		{"MinF64", "hpgo: asm.MinF64: empty slice", func() { MinF64([]float64{}) }},
		{"MinI32", "hpgo: asm.MinI32: empty slice", func() { MinI32(nil) }},
		{"MinI64", "hpgo: asm.MinI64: empty slice", func() { MinI64(nil) }},
		{"MaxF32", "hpgo: asm.MaxF32: empty slice", func() { MaxF32(nil) }},
		{"MaxF64", "hpgo: asm.MaxF64: empty slice", func() { MaxF64(nil) }},
		{"MaxI32", "hpgo: asm.MaxI32: empty slice", func() { MaxI32(nil) }},
		{"MaxI64", "hpgo: asm.MaxI64: empty slice", func() { MaxI64(nil) }},
		{"MinMaxF32", "hpgo: asm.MinMaxF32: empty slice", func() { MinMaxF32(nil) }},
		{"MinMaxF64", "hpgo: asm.MinMaxF64: empty slice", func() { MinMaxF64(nil) }},
		{"MinMaxI32", "hpgo: asm.MinMaxI32: empty slice", func() { MinMaxI32(nil) }},
		{"MinMaxI64", "hpgo: asm.MinMaxI64: empty slice", func() { MinMaxI64([]int64{}) }},
		{"MinU32", "hpgo: asm.MinU32: empty slice", func() { MinU32(nil) }},
		{"MinU64", "hpgo: asm.MinU64: empty slice", func() { MinU64([]uint64{}) }},
		{"MaxU32", "hpgo: asm.MaxU32: empty slice", func() { MaxU32(nil) }},
		{"MaxU64", "hpgo: asm.MaxU64: empty slice", func() { MaxU64(nil) }},
		{"MinMaxU32", "hpgo: asm.MinMaxU32: empty slice", func() { MinMaxU32(nil) }},
		{"MinMaxU64", "hpgo: asm.MinMaxU64: empty slice", func() { MinMaxU64(nil) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != c.want {
					t.Fatalf("panic %v, want %q", got, c.want)
				}
			}()
			c.f()
		})
	}
	// A longer y is fine: only y[:len(x)] is used.
	if got := DotI64([]int64{2}, []int64{3, 100}); got != 6 {
		t.Fatalf("DotI64 with longer y = %d, want 6", got)
	}
}

// TestAVX2KernelsAvoidAVX512 checks the generated AVX2 kernels, the
// reductions, their DRAM stream variants and the element-wise ones with
// their non-temporal (NT) variants: an AVX2-only CPU has neither opmask
// registers nor X/Y/Z16-31, and the assembler would silently pick an EVEX
// encoding for them. The machine
// running the tests may have AVX-512, so running the kernels proves nothing.
func TestAVX2KernelsAvoidAVX512(t *testing.T) {
	bad := regexp.MustCompile(`\b(Z\d+|K[1-7]|[XY](1[6-9]|2\d|3[01]))\b|\.Z\b|VPTERNLOG|VRANGE|VPMINSQ|VPMAXSQ|VPMINUQ|VPMAXUQ|VPMULLQ|VPERMT2|VPERMI2|VALIGN|VEXPAND|VCOMPRESS|VPMOVM2|VPMOV[BWDQ]2M|\bKMOV`)
	avx2 := regexp.MustCompile(`AVX2(Stream|NT)?\(SB\)`)
	for file, want := range map[string]int{"reduce_amd64.s": 65, "elementwise_amd64.s": 56} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var fn string
		kernels := 0
		for line := range strings.SplitSeq(string(src), "\n") {
			if strings.HasPrefix(line, "TEXT ") {
				fn = line
				if avx2.MatchString(fn) {
					kernels++
				}
				continue
			}
			if avx2.MatchString(fn) && bad.MatchString(line) {
				t.Errorf("%s: %s uses an AVX-512 feature: %s", file, fn, strings.TrimSpace(line))
			}
		}
		if kernels != want {
			t.Errorf("%s: found %d AVX2 kernels, want %d", file, kernels, want)
		}
	}
}

// The pure-Go twin rounds every product, as the loop does, whatever the
// build: a product that overflows is an infinity, and two of opposite
// signs in one accumulator make a NaN. A twin that fused them (Go may, on
// arm64 or with GOAMD64=v3) would give +Inf.
func TestTwinRoundsProducts(t *testing.T) {
	x := make([]float32, 16)
	y := make([]float32, 16)
	x[0], y[0], x[8], y[8] = 1e20, 1e20, 1e20, -1e20 // both in s0
	if got := dotF32Go(x, y); !math.IsNaN(float64(got)) {
		t.Errorf("dotF32Go = %v, want NaN: +Inf and -Inf products", got)
	}
	x64 := make([]float64, 16)
	x64[0], x64[8] = 1e200, 1e200
	if got := sumSquaresF64Go(x64); !math.IsInf(got, 1) {
		t.Errorf("sumSquaresF64Go = %v, want +Inf", got)
	}
}

// TestStreamThreshold: the stream kernels start above half the L3 (32 MiB
// assumed when unknown or larger), never below 4 MiB, so an L3-resident
// 4Mi float32 input (16 MiB here) stays on the plain kernels.
func TestStreamThreshold(t *testing.T) {
	for _, c := range []struct{ l3, want int }{
		{32 << 20, 16<<20 + 1},
		{0, 16<<20 + 1},
		{-1, 16<<20 + 1},
		{24 << 20, 12<<20 + 1},
		{96 << 20, 16<<20 + 1},
		{260 << 20, 16<<20 + 1},
		{2 << 20, 4 << 20},
	} {
		if got := streamThreshold(c.l3); got != c.want {
			t.Errorf("streamThreshold(%d) = %d, want %d", c.l3, got, c.want)
		}
	}
	if bytes := (4 << 20) * 4; bytes >= streamThreshold(32<<20) {
		t.Errorf("a 4Mi float32 input (%d bytes) would stream with a 32 MiB L3", bytes)
	}
}
