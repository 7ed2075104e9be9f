package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// Tests of the elementwise kernels: every tier against the Go twin, bit for
// bit (PrefixSum on floats within its documented bound), over every length
// 0..300 at start offsets 0..7, a few lengths past MaxStep, special values,
// guard elements around every output, and in-place calls.

// ewSupportedTiers lists the tiers this CPU runs.
func ewSupportedTiers() []Tier {
	var ts []Tier
	for _, t := range []Tier{PureGo, AVX2, AVX512} {
		if Supported(t) {
			ts = append(ts, t)
		}
	}
	return ts
}

func ewBits[T ewNum](v T) uint64 {
	switch x := any(v).(type) {
	case float32:
		return uint64(math.Float32bits(x))
	case float64:
		return math.Float64bits(x)
	case int32:
		return uint64(uint32(x))
	case int64:
		return uint64(x)
	}
	panic("unreachable")
}

func ewIsNaN[T ewNum](v T) bool { return v != v }

func ewIsFloat[T ewNum]() bool {
	switch any(*new(T)).(type) {
	case float32, float64:
		return true
	}
	return false
}

func ewTypeName[T ewNum]() string {
	switch any(*new(T)).(type) {
	case float32:
		return "f32"
	case float64:
		return "f64"
	case int32:
		return "i32"
	}
	return "i64"
}

// ewFmt shows a value with its bits.
func ewFmt[T ewNum](v T) string { return fmt.Sprintf("%v (%#x)", v, ewBits(v)) }

// ewSpecials are the edge values of each type.
func ewSpecials[T ewNum]() []T {
	var out []T
	switch any(*new(T)).(type) {
	case float32:
		for _, b := range []uint32{
			0x7fc00000, 0xffc00000, 0x7fc12345, 0x7f800001, 0xff812345, // NaNs (quiet, negative, payload, signalling)
			0x7f800000, 0xff800000, // ±Inf
			0x00000000, 0x80000000, // ±0
			0x00000001, 0x80000001, 0x007fffff, 0x807fffff, // denormals
			0x00800000, 0x7f7fffff, 0xff7fffff, // smallest normal, ±MaxFloat32
			0x3f800000, 0xbf800000, 0x5f800000, 0x1f800000, // ±1, 2^64, 2^-64
		} {
			out = append(out, any(math.Float32frombits(b)).(T))
		}
	case float64:
		for _, b := range []uint64{
			0x7ff8000000000000, 0xfff8000000000000, 0x7ff8000000012345, 0x7ff0000000000001, 0xfff0000000054321,
			0x7ff0000000000000, 0xfff0000000000000,
			0, 1 << 63,
			1, 1<<63 | 1, 0x000fffffffffffff, 0x800fffffffffffff,
			0x0010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
			0x3ff0000000000000, 0xbff0000000000000, 0x5ff0000000000000, 0x1ff0000000000000,
		} {
			out = append(out, any(math.Float64frombits(b)).(T))
		}
	case int32:
		for _, v := range []int32{math.MinInt32, math.MinInt32 + 1, math.MaxInt32, -1, 0, 1, 46340, 46341, -46341, 1 << 16} {
			out = append(out, any(v).(T))
		}
	case int64:
		for _, v := range []int64{math.MinInt64, math.MinInt64 + 1, math.MaxInt64, -1, 0, 1, 3037000499, 3037000500, -3037000500, 1 << 32, 1<<32 + 1} {
			out = append(out, any(v).(T))
		}
	}
	return out
}

// ewRand returns a value for the bit-exact tests: mostly ordinary numbers,
// some raw bit patterns (any NaN, denormal, huge or tiny value) and some
// specials.
func ewRand[T ewNum](r *rand.Rand) T {
	switch k := r.IntN(16); {
	case k == 0:
		specials := ewSpecials[T]()
		return specials[r.IntN(len(specials))]
	case k < 4:
		switch any(*new(T)).(type) {
		case float32:
			return any(math.Float32frombits(r.Uint32())).(T)
		case float64:
			return any(math.Float64frombits(r.Uint64())).(T)
		case int32:
			return any(int32(r.Uint32())).(T)
		default:
			return any(int64(r.Uint64())).(T)
		}
	}
	return ewModerate[T](r)
}

// ewModerate returns a value whose sums cannot overflow: floats of magnitude
// below 2^10 (some ±0 and denormals), ints of any size (they wrap).
func ewModerate[T ewNum](r *rand.Rand) T {
	switch any(*new(T)).(type) {
	case float32:
		if r.IntN(32) == 0 {
			return any([]float32{0, float32(math.Copysign(0, -1)), math.Float32frombits(3), -math.Float32frombits(0x7ffff)}[r.IntN(4)]).(T)
		}
		return any(float32(math.Ldexp(r.Float64()*2-1, r.IntN(21)-10))).(T)
	case float64:
		if r.IntN(32) == 0 {
			return any([]float64{0, math.Copysign(0, -1), math.Float64frombits(3), -math.Float64frombits(0x7ffff)}[r.IntN(4)]).(T)
		}
		return any(math.Ldexp(r.Float64()*2-1, r.IntN(21)-10)).(T)
	case int32:
		return any(int32(r.Uint32())).(T)
	default:
		return any(int64(r.Uint64())).(T)
	}
}

func ewFillRand[T ewNum](r *rand.Rand, s []T, gen func(*rand.Rand) T) {
	for i := range s {
		s[i] = gen(r)
	}
}

// ewGuard is the number of guard elements around every output region.
const ewGuard = 24

// ewOut is a dst region of n elements at offset off inside a buffer of
// random guard values: dst(extra) returns the region plus extra elements
// (which must stay untouched too).
type ewOut[T ewNum] struct {
	buf, orig []T
	off, n    int
}

// ewPool is a source of random values for guards, made once per type.
var ewPool = map[string]any{}

// newEwOut places dst at off elements past a 64-byte boundary (plus 32
// bytes for 4-byte types when n is odd, so that offsets 0..7 reach every
// alignment class of both AVX2 and AVX-512 vectors).
func newEwOut[T ewNum](r *rand.Rand, off, n, extra int) *ewOut[T] {
	size := ewSizeof[T]()
	if size == 4 && n%2 == 1 {
		off += 8
	}
	buf := make([]T, ewGuard+64/size+off+n+extra+ewGuard)
	lead := ewGuard
	for uintptr(unsafe.Pointer(&buf[lead]))%64 != 0 {
		lead++
	}
	o := &ewOut[T]{buf: buf, off: lead + off, n: n}
	pool, ok := ewPool[ewTypeName[T]()].([]T)
	if !ok {
		pool = make([]T, 1<<12)
		ewFillRand(rand.New(rand.NewPCG(9, 9)), pool, ewRand[T])
		ewPool[ewTypeName[T]()] = pool
	}
	for i := 0; i < len(o.buf); {
		i += copy(o.buf[i:], pool[r.IntN(len(pool)):])
	}
	o.orig = append([]T(nil), o.buf...)
	return o
}

// ewSame reports whether got and want have the same bits, quickly when they
// are equal and nonzero.
func ewSame[T ewNum](got, want T) bool {
	return got == want && got != 0 || ewBits(got) == ewBits(want)
}

func (o *ewOut[T]) dst(extra int) []T { return o.buf[o.off : o.off+o.n+extra] }

// check reports the first difference from want in the region and any change
// outside it; same decides equality of a result and want.
func (o *ewOut[T]) check(t *testing.T, what func() string, want []T, same func(i int, got, want T) bool) {
	t.Helper()
	for i, v := range o.buf {
		j := i - o.off
		if j >= 0 && j < o.n {
			if !same(j, v, want[j]) {
				t.Fatalf("%s: dst[%d] = %s, want %s", what(), j, ewFmt(v), ewFmt(want[j]))
			}
			continue
		}
		if !ewSame(v, o.orig[i]) {
			t.Fatalf("%s: guard element at %d (relative to dst[0]) changed from %s to %s", what(), j, ewFmt(o.orig[i]), ewFmt(v))
		}
	}
}

func ewSameBits[T ewNum](_ int, got, want T) bool { return ewSame(got, want) }

// ewLengths are the lengths every kernel is tested at: 0..300 and three
// past MaxStep (several pieces plus an odd tail, one of them random).
func ewLengths(r *rand.Rand) []int {
	ls := make([]int, 0, 304)
	for n := 0; n <= 300; n++ {
		ls = append(ls, n)
	}
	return append(ls, MaxStep+1, 3*MaxStep+17, 2*MaxStep+1+2*r.IntN(MaxStep/2))
}

// ewOffsets returns the start offsets for length n: 0..7 for the short ones,
// one for each long one.
func ewOffsets(n int) []int {
	if n > 300 {
		return []int{n % 8}
	}
	return []int{0, 1, 2, 3, 4, 5, 6, 7}
}

// ewAt returns a copy of s that starts off elements into a fresh buffer.
func ewAt[T ewNum](s []T, off int) []T {
	buf := make([]T, off+len(s))
	copy(buf[off:], s)
	return buf[off:]
}

type ewUnaryCase[T ewNum] struct {
	name       string
	api, twin  func(dst, src []T)
	sameResult func(i int, got, want T) bool
}

type ewBinaryCase[T ewNum] struct {
	name      string
	api, twin func(dst, a, b []T)
}

func ewUnaryCases() []any {
	return []any{
		[]ewUnaryCase[float32]{{"SquareF32", SquareF32, squareGo[float32], nil}, {"AbsF32", AbsF32, absF32Go, nil}, {"NegateF32", NegateF32, negateF32Go, nil}},
		[]ewUnaryCase[float64]{{"SquareF64", SquareF64, squareGo[float64], nil}, {"AbsF64", AbsF64, absF64Go, nil}, {"NegateF64", NegateF64, negateF64Go, nil}},
		[]ewUnaryCase[int32]{{"SquareI32", SquareI32, squareGo[int32], nil}, {"AbsI32", AbsI32, absIntGo[int32], nil}, {"NegateI32", NegateI32, negateIntGo[int32], nil}},
		[]ewUnaryCase[int64]{{"SquareI64", SquareI64, squareGo[int64], nil}, {"AbsI64", AbsI64, absIntGo[int64], nil}, {"NegateI64", NegateI64, negateIntGo[int64], nil}},
	}
}

func ewBinaryCases() []any {
	return []any{
		[]ewBinaryCase[float32]{{"AddF32", AddF32, addGo[float32]}, {"MulF32", MulF32, mulGo[float32]}},
		[]ewBinaryCase[float64]{{"AddF64", AddF64, addGo[float64]}, {"MulF64", MulF64, mulGo[float64]}},
		[]ewBinaryCase[int32]{{"AddI32", AddI32, addGo[int32]}, {"MulI32", MulI32, mulGo[int32]}},
		[]ewBinaryCase[int64]{{"AddI64", AddI64, addGo[int64]}, {"MulI64", MulI64, mulGo[int64]}},
	}
}

func TestElementwiseUnary(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		for _, cs := range ewUnaryCases() {
			switch cs := cs.(type) {
			case []ewUnaryCase[float32]:
				ewTestUnary(t, cs)
			case []ewUnaryCase[float64]:
				ewTestUnary(t, cs)
			case []ewUnaryCase[int32]:
				ewTestUnary(t, cs)
			case []ewUnaryCase[int64]:
				ewTestUnary(t, cs)
			}
		}
	})
}

func ewTestUnary[T ewNum](t *testing.T, cases []ewUnaryCase[T]) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range cases {
		for _, n := range ewLengths(r) {
			s := make([]T, n)
			ewFillRand(r, s, ewRand[T])
			want := make([]T, n)
			c.twin(want, s)
			for _, off := range ewOffsets(n) {
				what := func() string { return fmt.Sprintf("%s(n=%d, off=%d)", c.name, n, off) }
				src := ewAt(s, (off*3+1)%8) // misaligned relative to dst
				o := newEwOut[T](r, off, n, off%3)
				c.api(o.dst(off%3), src)
				o.check(t, what, want, ewSameBits[T])
				if off == 0 {
					for i := range src {
						if !ewSame(src[i], s[i]) {
							t.Fatalf("%s: src[%d] changed", what(), i)
						}
					}
				}
				// In place.
				d := o.dst(0)
				copy(d, s)
				c.api(d, d)
				o.check(t, func() string { return what() + " in place" }, want, ewSameBits[T])
			}
		}
	}
}

func TestElementwiseBinary(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		for _, cs := range ewBinaryCases() {
			switch cs := cs.(type) {
			case []ewBinaryCase[float32]:
				ewTestBinary(t, cs)
			case []ewBinaryCase[float64]:
				ewTestBinary(t, cs)
			case []ewBinaryCase[int32]:
				ewTestBinary(t, cs)
			case []ewBinaryCase[int64]:
				ewTestBinary(t, cs)
			}
		}
	})
}

// ewSameBinary compares bits, except that when both operands are NaN any
// NaN is right (which payload survives is not specified).
func ewSameBinary[T ewNum](a, b []T) func(i int, got, want T) bool {
	return func(i int, got, want T) bool {
		if ewIsNaN(a[i]) && ewIsNaN(b[i]) {
			return ewIsNaN(got)
		}
		return ewSame(got, want)
	}
}

func ewTestBinary[T ewNum](t *testing.T, cases []ewBinaryCase[T]) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, c := range cases {
		for _, n := range ewLengths(r) {
			a0, b0 := make([]T, n), make([]T, n)
			ewFillRand(r, a0, ewRand[T])
			ewFillRand(r, b0, ewRand[T])
			want, wantAA := make([]T, n), make([]T, n)
			c.twin(want, a0, b0)
			c.twin(wantAA, a0, a0)
			same := ewSameBinary(a0, b0)
			for _, off := range ewOffsets(n) {
				what := func() string { return fmt.Sprintf("%s(n=%d, off=%d)", c.name, n, off) }
				a, b := ewAt(a0, (off*5)%8), ewAt(b0, (off+3)%8)
				o := newEwOut[T](r, off, n, off%2)
				c.api(o.dst(off%2), a, b)
				o.check(t, what, want, same)
				// In place: dst is a, b, or both.
				d := o.dst(0)
				switch off % 3 {
				case 0:
					copy(d, a)
					c.api(d, d, b)
				case 1:
					copy(d, b)
					c.api(d, a, d)
				default:
					copy(d, a)
					c.api(d, d, d)
					o.check(t, func() string { return what() + " dst=a=b" }, wantAA, ewSameBinary(a0, a0))
					continue
				}
				o.check(t, func() string { return what() + " in place" }, want, same)
			}
		}
	}
}

// ewGamma is γ(k) = k·u/(1-k·u).
func ewGamma(k int, u float64) float64 { return float64(k) * u / (1 - float64(k)*u) }

// ewTwoSum returns s = fl(a+b) and the exact error e, a+b = s+e.
func ewTwoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// ewCheckPrefix checks a PrefixSum result: ints bit for bit against the
// twin; floats within γ(i+1)·(|carry|+Σ|src[0..i]|) of the exact sum,
// with the twin's NaN, ±Inf and -0. The inputs must not overflow.
func ewCheckPrefix[T ewNum](carry T, src, twin []T, twinRet T) (func(i int, got, want T) bool, func(got T) bool) {
	if !ewIsFloat[T]() {
		return ewSameBits[T], func(got T) bool { return ewBits(got) == ewBits(twinRet) }
	}
	u := 0x1p-24
	if _, ok := any(carry).(float64); ok {
		u = 0x1p-53
	}
	// Double-double running sums.
	refHi := make([]float64, len(src))
	refLo := make([]float64, len(src))
	abs := make([]float64, len(src))
	hi, lo, sa := float64(carry), 0.0, math.Abs(float64(carry))
	for i, v := range src {
		var e float64
		hi, e = ewTwoSum(hi, float64(v))
		lo += e
		sa += math.Abs(float64(v))
		refHi[i], refLo[i], abs[i] = hi, lo, sa
	}
	sameFloat := func(got, want T) bool {
		switch g, w := float64(got), float64(want); {
		case w != w:
			return g != g
		case math.IsInf(w, 0) || w == 0 && math.Signbit(w):
			return ewBits(got) == ewBits(want)
		}
		return true
	}
	same := func(i int, got, want T) bool {
		if !sameFloat(got, want) {
			return false
		}
		w := float64(want)
		if w != w || math.IsInf(w, 0) {
			return true
		}
		g := float64(got)
		if g != g || math.IsInf(g, 0) {
			return false
		}
		d := math.Abs((g - refHi[i]) - refLo[i])
		return d <= ewGamma(i+1, u)*abs[i]*(1+1e-9)
	}
	ret := func(got T) bool {
		if len(src) == 0 {
			return ewBits(got) == ewBits(carry)
		}
		return sameFloat(got, twinRet) && (ewIsNaN(got) || same(len(src)-1, got, twinRet))
	}
	return same, ret
}

type ewPrefixCase[T ewNum] struct {
	name      string
	api, twin func(dst, src []T, carry T) T
}

func TestElementwisePrefixSum(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		ewTestPrefix(t, ewPrefixCase[float32]{"PrefixSumF32", PrefixSumF32, prefixSumGo[float32]})
		ewTestPrefix(t, ewPrefixCase[float64]{"PrefixSumF64", PrefixSumF64, prefixSumGo[float64]})
		ewTestPrefix(t, ewPrefixCase[int32]{"PrefixSumI32", PrefixSumI32, prefixSumGo[int32]})
		ewTestPrefix(t, ewPrefixCase[int64]{"PrefixSumI64", PrefixSumI64, prefixSumGo[int64]})
	})
}

func ewTestPrefix[T ewNum](t *testing.T, c ewPrefixCase[T]) {
	r := rand.New(rand.NewPCG(5, 6))
	specials := ewSpecials[T]()
	for _, n := range ewLengths(r) {
		src0 := make([]T, 8+n)
		ewFillRand(r, src0, ewModerate[T])
		want := make([]T, n)
		for _, off := range ewOffsets(n) {
			src := src0[(off*3)%8:][:n]
			carry := ewModerate[T](r)
			if off == 7 && n > 0 && ewIsFloat[T]() {
				// A non-finite value somewhere: NaN, or ±Inf (one sign or both).
				src = append([]T(nil), src...)
				for k := 0; k < 1+r.IntN(2); k++ {
					src[r.IntN(n)] = specials[r.IntN(7)]
				}
			}
			wantRet := c.twin(want, src, carry)
			same, sameRet := ewCheckPrefix(carry, src, want, wantRet)
			what := func() string { return fmt.Sprintf("%s(n=%d, off=%d, carry=%v)", c.name, n, off, carry) }
			o := newEwOut[T](r, off, n, off%2)
			got := c.api(o.dst(off%2), src, carry)
			o.check(t, what, want, same)
			if !sameRet(got) {
				t.Fatalf("%s returned %s, want %s", what(), ewFmt(got), ewFmt(wantRet))
			}
			// In place, and the returned carry continues a split scan.
			d := o.dst(0)
			copy(d, src)
			h := n / 3
			carry2 := c.api(d[:h], d[:h], carry)
			c.api(d[h:], d[h:], carry2)
			o.check(t, func() string { return what() + " in place, split" }, want, same)
		}
	}
}

// TestElementwisePrefixSumSignedZero checks that -0 sums stay -0: the scan
// pads with -0, the identity of addition.
func TestElementwisePrefixSumSignedZero(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		nz32, nz64 := float32(math.Copysign(0, -1)), math.Copysign(0, -1)
		for n := 0; n <= 70; n++ {
			s32, d32 := make([]float32, n), make([]float32, n)
			s64, d64 := make([]float64, n), make([]float64, n)
			for i := range s32 {
				s32[i], s64[i] = nz32, nz64
			}
			r32 := PrefixSumF32(d32, s32, nz32)
			r64 := PrefixSumF64(d64, s64, nz64)
			if !math.Signbit(float64(r32)) || !math.Signbit(r64) {
				t.Fatalf("n=%d: returned %v, %v; want -0", n, r32, r64)
			}
			for i := range d32 {
				if math.Float32bits(d32[i]) != 1<<31 || math.Float64bits(d64[i]) != 1<<63 {
					t.Fatalf("n=%d: dst[%d] = %v, %v; want -0", n, i, d32[i], d64[i])
				}
			}
			// With a +0 carry every sum is +0.
			PrefixSumF32(d32, s32, 0)
			for i := range d32 {
				if math.Float32bits(d32[i]) != 0 {
					t.Fatalf("n=%d: dst[%d] = -0 with carry +0", n, i)
				}
			}
		}
	})
}

func TestElementwiseFillIota(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		ewTestFillIota(t, "F32", FillF32, IotaF32)
		ewTestFillIota(t, "F64", FillF64, IotaF64)
		ewTestFillIota(t, "I32", FillI32, IotaI32)
		ewTestFillIota(t, "I64", FillI64, IotaI64)
	})
}

func ewTestFillIota[T ewNum](t *testing.T, suffix string, fill, iota func(dst []T, v T)) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range ewLengths(r) {
		want := make([]T, n)
		for _, off := range ewOffsets(n) {
			v := ewRand[T](r)
			if off == 0 && n > 300 {
				// Large start: float32(i) rounding, int wrap-around.
				switch any(v).(type) {
				case float32, float64:
					v = T(1 << 23)
				case int32:
					v = any(int32(math.MaxInt32 - 1000)).(T)
				default:
					v = any(int64(math.MaxInt64 - 1000)).(T)
				}
			}
			fillGo(want, v)
			o := newEwOut[T](r, off, n, 0)
			fill(o.dst(0), v)
			o.check(t, func() string { return fmt.Sprintf("Fill%s(n=%d, off=%d, v=%v)", suffix, n, off, v) }, want, ewSameBits[T])
			iotaGo(want, v, 0)
			o = newEwOut[T](r, off, n, 0)
			iota(o.dst(0), v)
			o.check(t, func() string { return fmt.Sprintf("Iota%s(n=%d, off=%d, start=%v)", suffix, n, off, v) }, want, ewSameBits[T])
		}
	}
}

// TestElementwiseIotaBase checks the float Iota kernels' base argument near
// the int32 limit, where float32(i) rounds.
func TestElementwiseIotaBase(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		tier := active
		k32, k64 := iotaF32At, iotaF64At
		for _, base := range []int{0, 1 << 24, 1<<24 + 3, math.MaxInt32 - 300, math.MaxInt - 40} {
			for _, start := range []float32{0, 0.5, -3, float32(math.Inf(-1))} {
				for _, n := range []int{1, 7, 64, 300} {
					got, want := make([]float32, n), make([]float32, n)
					k32(got, start, base)
					iotaGo(want, start, base)
					for i := range got {
						if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
							t.Fatalf("%s: iotaF32(base=%d, start=%v)[%d] = %v, want %v", tier, base, start, i, got[i], want[i])
						}
					}
					got64, want64 := make([]float64, n), make([]float64, n)
					k64(got64, float64(start)/3, base)
					iotaGo(want64, float64(start)/3, base)
					for i := range got64 {
						if math.Float64bits(got64[i]) != math.Float64bits(want64[i]) {
							t.Fatalf("%s: iotaF64(base=%d)[%d] = %v, want %v", tier, base, i, got64[i], want64[i])
						}
					}
				}
			}
		}
	})
}

// Every element-wise entry point panics at the call, with the exact
// message, for a dst shorter than its input and (binary ones) for inputs of
// different lengths; a dst of exactly the input's length is fine.
func TestElementwisePanics(t *testing.T) {
	var cases []ewPanicCase
	cases = append(cases, ewPanics("F32", SquareF32, AbsF32, NegateF32, AddF32, MulF32, PrefixSumF32)...)
	cases = append(cases, ewPanics("F64", SquareF64, AbsF64, NegateF64, AddF64, MulF64, PrefixSumF64)...)
	cases = append(cases, ewPanics("I32", SquareI32, AbsI32, NegateI32, AddI32, MulI32, PrefixSumI32)...)
	cases = append(cases, ewPanics("I64", SquareI64, AbsI64, NegateI64, AddI64, MulI64, PrefixSumI64)...)
	if len(cases) != 4*(3*2+2*3+2) {
		t.Fatalf("%d cases", len(cases))
	}
	cases = append(cases,
		ewPanicCase{"IotaOffsetF32/negative", func() { IotaOffsetF32(make([]float32, 2), 0, -1) }, "hpgo: asm.IotaOffsetF32: negative offset"},
		ewPanicCase{"IotaOffsetF64/negative", func() { IotaOffsetF64(make([]float64, 2), 0, -1) }, "hpgo: asm.IotaOffsetF64: negative offset"},
		ewPanicCase{"IotaOffsetF32/empty", func() { IotaOffsetF32(nil, 0, 5) }, ""},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.msg == "" {
				assert.NotPanics(t, c.call)
				return
			}
			assert.PanicsWithValue(t, c.msg, c.call)
		})
	}
}

type ewPanicCase struct {
	name string
	call func()
	msg  string // "" for a call that must not panic
}

// ewPanics builds the cases for the kernels of one element type, named by
// suffix (F32, ...).
func ewPanics[T any](suffix string, square, abs, negate func(dst, src []T), add, mul func(dst, a, b []T), prefix func(dst, src []T, carry T) T) []ewPanicCase {
	var cs []ewPanicCase
	short := "hpgo: asm.%s: len(dst) = 2 is less than the 3 elements to write"
	for name, f := range map[string]func(dst, src []T){"Square": square, "Abs": abs, "Negate": negate} {
		name += suffix
		cs = append(cs,
			ewPanicCase{name + "/short dst", func() { f(make([]T, 2), make([]T, 3)) }, fmt.Sprintf(short, name)},
			ewPanicCase{name + "/exact dst", func() { f(make([]T, 3), make([]T, 3)) }, ""})
	}
	for name, f := range map[string]func(dst, a, b []T){"Add": add, "Mul": mul} {
		name += suffix
		cs = append(cs,
			ewPanicCase{name + "/short dst", func() { f(make([]T, 2), make([]T, 3), make([]T, 3)) }, fmt.Sprintf(short, name)},
			ewPanicCase{name + "/a and b differ", func() { f(make([]T, 9), make([]T, 3), make([]T, 4)) },
				fmt.Sprintf("hpgo: asm.%s: len(a) = 3 differs from len(b) = 4", name)},
			ewPanicCase{name + "/exact dst", func() { f(make([]T, 3), make([]T, 3), make([]T, 3)) }, ""})
	}
	name := "PrefixSum" + suffix
	var zero T
	cs = append(cs,
		ewPanicCase{name + "/short dst", func() { prefix(make([]T, 2), make([]T, 3), zero) }, fmt.Sprintf(short, name)},
		ewPanicCase{name + "/exact dst", func() { prefix(make([]T, 3), make([]T, 3), zero) }, ""})
	return cs
}

func TestElementwiseNoAllocs(t *testing.T) {
	src := make([]float64, 100)
	dst := make([]float64, 100)
	eachTierLoop(t, func(t *testing.T) {
		allocs := testing.AllocsPerRun(10, func() {
			SquareF64(dst, src)
			AddF64(dst, dst, src)
			PrefixSumF64(dst, src, 1)
			IotaF64(dst, 2)
			FillF64(dst, 3)
		})
		if allocs != 0 {
			t.Errorf("tier %s: %v allocations per call, want 0", active, allocs)
		}
	})
}

func ExampleSquareF32() {
	src := []float32{1, -2, 3.5, 0.1}
	dst := make([]float32, len(src))
	SquareF32(dst, src)
	fmt.Println(dst)
	// Output: [1 4 12.25 0.010000001]
}

func ExampleAddF64() {
	a := []float64{1, 2, 3}
	b := []float64{0.5, -2, 1e10}
	AddF64(a, a, b) // in place
	fmt.Println(a)
	// Output: [1.5 0 1.0000000003e+10]
}

func ExamplePrefixSumI64() {
	src := []int64{1, 2, 3, 4, 5, 6}
	dst := make([]int64, len(src))
	// Scan in two pieces: the first call's result carries into the second.
	carry := PrefixSumI64(dst[:4], src[:4], 100)
	last := PrefixSumI64(dst[4:], src[4:], carry)
	fmt.Println(dst, carry, last)
	// Output: [101 103 106 110 115 121] 110 121
}

func ExampleIotaF32() {
	dst := make([]float32, 5)
	IotaF32(dst, 0.5)
	fmt.Println(dst)
	// Output: [0.5 1.5 2.5 3.5 4.5]
}

func ExampleFillI32() {
	dst := make([]int32, 6)
	FillI32(dst[1:5], -7)
	fmt.Println(dst)
	// Output: [0 -7 -7 -7 -7 0]
}
