package asm

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// Fuzz targets: arbitrary bytes reinterpreted as elements (so every NaN
// payload, infinity, denormal and signed zero shows up), checked under every
// tier the CPU supports against the pure-Go reference loops and, for float
// sums, against the documented error bound. The seed corpus runs as a unit
// test under plain `go test`.

// rdDecode reinterprets b as elements of T, dropping a ragged end.
func rdDecode[T any](b []byte) []T {
	size := int(unsafe.Sizeof(*new(T)))
	x := make([]T, len(b)/size)
	if len(x) > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&x[0])), len(x)*size), b)
	}
	return x
}

// rdMode is a tier, and for a SIMD tier whether every input goes to the
// stream kernels; it prints as "avx2" or "avx2/stream".
type rdMode struct {
	tier   Tier
	stream bool
}

func (m rdMode) String() string {
	if m.stream {
		return m.tier.String() + "/stream"
	}
	return m.tier.String()
}

// rdEachTier runs f with each supported tier active and, for a SIMD tier,
// once more with every input sent to the stream kernels.
func rdEachTier(t *testing.T, f func(mode rdMode)) {
	t.Helper()
	for _, tier := range []Tier{PureGo, AVX2, AVX512} {
		if !Supported(tier) {
			continue
		}
		restore, err := Use(tier)
		if err != nil {
			t.Fatal(err)
		}
		f(rdMode{tier: tier})
		if tier != PureGo {
			unforce := rdForceStream()
			f(rdMode{tier: tier, stream: true})
			unforce()
		}
		restore()
	}
}

// rdSeed adds seeds: empty, short, lengths around vector and block sizes,
// a MaxStep-crossing one, and some with NaN, ±Inf, -0 and denormal bits.
func rdSeed(f *testing.F, size int) {
	r := rand.New(rand.NewPCG(uint64(size), 99))
	for _, n := range []int{0, 1, 3, 7, 8, 9, 16, 31, 33, 64, 65, 127, 130, 257, 1000, MaxStep + 3} {
		b := make([]byte, n*size)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		f.Add(b, uint8(r.Uint32()))
	}
	specials := [][]byte{}
	if size == 4 {
		for _, v := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Copysign(0, -1)), 0, 1e-40, 1, -2, 3} {
			specials = append(specials, unsafe.Slice((*byte)(unsafe.Pointer(&v)), 4))
		}
	} else {
		for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0, 1e-310, 1, -2, 3} {
			specials = append(specials, unsafe.Slice((*byte)(unsafe.Pointer(&v)), 8))
		}
	}
	for _, n := range []int{1, 5, 17, 40, 100} {
		var b []byte
		for range n {
			b = append(b, specials[r.IntN(len(specials))]...)
		}
		f.Add(b, uint8(r.Uint32()))
	}
}

func rdOffset[T any](x []T, off uint8) []T { return x[min(len(x), int(off%8)):] }

func FuzzSumF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[float32](b), off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF32, "SumF32", SumF32(x), x, nil, false) })
	})
}

func FuzzSumF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[float64](b), off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF64, "SumF64", SumF64(x), x, nil, false) })
	})
}

func FuzzSumI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[int32](b), off)
		want := rdSumLoop(x)
		rdEachTier(t, func(tier rdMode) {
			if got := SumI32(x); got != want {
				t.Fatalf("%s: SumI32 = %d, want %d", tier, got, want)
			}
		})
	})
}

func FuzzSumI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[int64](b), off)
		want := rdSumLoop(x)
		rdEachTier(t, func(tier rdMode) {
			if got := SumI64(x); got != want {
				t.Fatalf("%s: SumI64 = %d, want %d", tier, got, want)
			}
		})
	})
}

func FuzzSumSquaresF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[float32](b), off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF32, "SumSquaresF32", SumSquaresF32(x), x, x, true) })
	})
}

func FuzzSumSquaresF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[float64](b), off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF64, "SumSquaresF64", SumSquaresF64(x), x, x, true) })
	})
}

func FuzzSumSquaresI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[int32](b), off)
		want := rdSumSquaresLoop(x)
		rdEachTier(t, func(tier rdMode) {
			if got := SumSquaresI32(x); got != want {
				t.Fatalf("%s: SumSquaresI32 = %d, want %d", tier, got, want)
			}
		})
	})
}

func FuzzSumSquaresI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[int64](b), off)
		want := rdSumSquaresLoop(x)
		rdEachTier(t, func(tier rdMode) {
			if got := SumSquaresI64(x); got != want {
				t.Fatalf("%s: SumSquaresI64 = %d, want %d", tier, got, want)
			}
		})
	})
}

// rdHalves splits the elements of b into x and y of equal length.
func rdHalves[T any](b []byte, off uint8) (x, y []T) {
	e := rdDecode[T](b)
	h := len(e) / 2
	return rdOffset(e[:h], off), e[h : 2*h][:len(rdOffset(e[:h], off))]
}

func FuzzDotF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x, y := rdHalves[float32](b, off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF32, "DotF32", DotF32(x, y), x, y, true) })
	})
}

func FuzzDotF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x, y := rdHalves[float64](b, off)
		rdEachTier(t, func(rdMode) { rdCheckFloatSum(t, rdF64, "DotF64", DotF64(x, y), x, y, true) })
	})
}

func FuzzDotI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x, y := rdHalves[int32](b, off)
		want := rdDotLoop(x, y)
		rdEachTier(t, func(tier rdMode) {
			if got := DotI32(x, y); got != want {
				t.Fatalf("%s: DotI32 = %d, want %d", tier, got, want)
			}
		})
	})
}

func FuzzDotI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x, y := rdHalves[int64](b, off)
		want := rdDotLoop(x, y)
		rdEachTier(t, func(tier rdMode) {
			if got := DotI64(x, y); got != want {
				t.Fatalf("%s: DotI64 = %d, want %d", tier, got, want)
			}
		})
	})
}

// rdSameBits reports whether a and b are equal with the same sign (a zero's
// sign counts), or both NaN.
func rdSameBits[T rdFloat | rdInteger | rdUnsigned](a, b T) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b))
}

// rdFuzzMinMax checks Min and Max of x (bits equal, or both NaN).
func rdFuzzMinMax[T rdFloat | rdInteger | rdUnsigned](t *testing.T, x []T, minK, maxK func([]T) T, doMin bool) {
	if len(x) == 0 {
		return
	}
	want := rdMaxLoop(x)
	k := maxK
	if doMin {
		want, k = rdMinLoop(x), minK
	}
	rdEachTier(t, func(tier rdMode) {
		if got := k(x); !rdSameBits(got, want) {
			t.Fatalf("%s: min=%v: got %v, want %v", tier, doMin, got, want)
		}
	})
}

func FuzzMinF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[float32](b), off), MinF32, MaxF32, true)
	})
}

func FuzzMinF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[float64](b), off), MinF64, MaxF64, true)
	})
}

func FuzzMinI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[int32](b), off), MinI32, MaxI32, true)
	})
}

func FuzzMinI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[int64](b), off), MinI64, MaxI64, true)
	})
}

func FuzzMaxF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[float32](b), off), MinF32, MaxF32, false)
	})
}

func FuzzMaxF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[float64](b), off), MinF64, MaxF64, false)
	})
}

func FuzzMaxI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[int32](b), off), MinI32, MaxI32, false)
	})
}

func FuzzMaxI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMax(t, rdOffset(rdDecode[int64](b), off), MinI64, MaxI64, false)
	})
}

// rdFuzzMinMaxBoth checks MinMax of x against the min and max loops.
func rdFuzzMinMaxBoth[T rdFloat | rdInteger | rdUnsigned](t *testing.T, x []T, k func([]T) (T, T)) {
	if len(x) == 0 {
		return
	}
	wlo, whi := rdMinLoop(x), rdMaxLoop(x)
	rdEachTier(t, func(tier rdMode) {
		if lo, hi := k(x); !rdSameBits(lo, wlo) || !rdSameBits(hi, whi) {
			t.Fatalf("%s: got (%v, %v), want (%v, %v)", tier, lo, hi, wlo, whi)
		}
	})
}

func FuzzMinMaxF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMaxBoth(t, rdOffset(rdDecode[float32](b), off), MinMaxF32)
	})
}

func FuzzMinMaxF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMaxBoth(t, rdOffset(rdDecode[float64](b), off), MinMaxF64)
	})
}

func FuzzMinMaxI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMaxBoth(t, rdOffset(rdDecode[int32](b), off), MinMaxI32)
	})
}

func FuzzMinMaxI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMinMaxBoth(t, rdOffset(rdDecode[int64](b), off), MinMaxI64)
	})
}

// The unsigned kernels: Min, Max and MinMax on the same input.

func FuzzMinMaxU32(f *testing.F) { rdFuzzUnsigned(f, 4, MinU32, MaxU32, MinMaxU32) }

func FuzzMinMaxU64(f *testing.F) { rdFuzzUnsigned(f, 8, MinU64, MaxU64, MinMaxU64) }

// rdFuzzUnsigned checks Min, Max and MinMax of one unsigned type of size
// bytes on the same input.
func rdFuzzUnsigned[T rdUnsigned](f *testing.F, size int, minK, maxK func([]T) T, minMaxK func([]T) (T, T)) {
	rdSeed(f, size)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[T](b), off)
		rdFuzzMinMax(t, x, minK, maxK, true)
		rdFuzzMinMax(t, x, minK, maxK, false)
		rdFuzzMinMaxBoth(t, x, minMaxK)
	})
}

// rdFuzzValue is the value a search fuzz target looks for, chosen by
// pick: one of x's elements (a NaN never matches), or for one pick in four
// x[at] minus that element, often absent and sometimes 0 or -0.
func rdFuzzValue[T rdFloat | rdInteger](x []T, pick uint8, at func(n int) int) T {
	var v T
	if len(x) > 0 {
		v = x[int(pick)%len(x)]
		if pick%4 == 3 {
			v = x[at(len(x))] - v
		}
	}
	return v
}

func rdFirst(int) int  { return 0 }
func rdLast(n int) int { return n - 1 }

// rdFuzzIndex searches x for a value chosen by pick.
func rdFuzzIndex[T rdFloat | rdInteger](t *testing.T, x []T, pick uint8, k func([]T, T) int) {
	rdFuzzSearch(t, x, rdFuzzValue(x, pick, rdFirst), "IndexOf", k, rdIndexLoop[T])
}

// rdFuzzLastIndex is rdFuzzIndex for LastIndexOf, its absent values taken
// from the end.
func rdFuzzLastIndex[T rdFloat | rdInteger](t *testing.T, x []T, pick uint8, k func([]T, T) int) {
	rdFuzzSearch(t, x, rdFuzzValue(x, pick, rdLast), "LastIndexOf", k, rdLastIndexLoop[T])
}

// rdFuzzCount is rdFuzzIndex for Count.
func rdFuzzCount[T rdFloat | rdInteger](t *testing.T, x []T, pick uint8, k func([]T, T) int) {
	rdFuzzSearch(t, x, rdFuzzValue(x, pick, rdFirst), "Count", k, rdCountLoop[T])
}

// rdFuzzSearch checks search kernel k, named what, against the loop ref.
func rdFuzzSearch[T rdFloat | rdInteger](t *testing.T, x []T, v T, what string, k, ref func([]T, T) int) {
	want := ref(x, v)
	rdEachTier(t, func(tier rdMode) {
		if got := k(x, v); got != want {
			t.Fatalf("%s: %s(n=%d, %v) = %d, want %d", tier, what, len(x), v, got, want)
		}
	})
}

func FuzzIndexOfF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzIndex(t, rdDecode[float32](b), pick, IndexOfF32)
	})
}

func FuzzIndexOfF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzIndex(t, rdDecode[float64](b), pick, IndexOfF64)
	})
}

func FuzzIndexOfI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzIndex(t, rdDecode[int32](b), pick, IndexOfI32)
	})
}

func FuzzIndexOfI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzIndex(t, rdDecode[int64](b), pick, IndexOfI64)
	})
}

func FuzzLastIndexOfF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzLastIndex(t, rdDecode[float32](b), pick, LastIndexOfF32)
	})
}

func FuzzLastIndexOfF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzLastIndex(t, rdDecode[float64](b), pick, LastIndexOfF64)
	})
}

func FuzzLastIndexOfI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzLastIndex(t, rdDecode[int32](b), pick, LastIndexOfI32)
	})
}

func FuzzLastIndexOfI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzLastIndex(t, rdDecode[int64](b), pick, LastIndexOfI64)
	})
}

// rdFuzzMaxNonNaN checks MaxNonNaN of x against its loop.
func rdFuzzMaxNonNaN[T rdFloat](t *testing.T, x []T, k func([]T) (T, bool)) {
	wm, wok := rdMaxNonNaNLoop(x)
	rdEachTier(t, func(tier rdMode) {
		if m, ok := k(x); !rdSameBits(m, wm) || ok != wok {
			t.Fatalf("%s: MaxNonNaN(n=%d) = %v, %v, want %v, %v", tier, len(x), m, ok, wm, wok)
		}
	})
}

func FuzzMaxNonNaNF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMaxNonNaN(t, rdOffset(rdDecode[float32](b), off), MaxNonNaNF32)
	})
}

func FuzzMaxNonNaNF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		rdFuzzMaxNonNaN(t, rdOffset(rdDecode[float64](b), off), MaxNonNaNF64)
	})
}

func FuzzXorU64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		x := rdOffset(rdDecode[uint64](b), off)
		want := rdXorLoop(x)
		rdEachTier(t, func(tier rdMode) {
			if got := XorU64(x); got != want {
				t.Fatalf("%s: XorU64 = %#x, want %#x", tier, got, want)
			}
		})
	})
}

func FuzzCountF32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzCount(t, rdDecode[float32](b), pick, CountF32)
	})
}

func FuzzCountF64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzCount(t, rdDecode[float64](b), pick, CountF64)
	})
}

func FuzzCountI32(f *testing.F) {
	rdSeed(f, 4)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzCount(t, rdDecode[int32](b), pick, CountI32)
	})
}

func FuzzCountI64(f *testing.F) {
	rdSeed(f, 8)
	f.Fuzz(func(t *testing.T, b []byte, pick uint8) {
		rdFuzzCount(t, rdDecode[int64](b), pick, CountI64)
	})
}
