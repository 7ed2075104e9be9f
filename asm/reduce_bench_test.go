package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/viterin/vek"
	"github.com/viterin/vek/vek32"
)

// Benchmarks of the reductions: /type=f32/n=4096/tier=avx2 and so on, where
// tier is a kernel tier (purego, avx2, avx512) or a comparison: loop is the
// plain Go loop a user would write, vek is github.com/viterin/vek (AVX2
// assembly). Compare them with
//
//	go test ./asm -run '^$' -bench 'Sum|Dot|Min' -count 5 -benchtime 100ms > new.txt
//	benchstat -col /tier new.txt

var rdBenchSizes = []int{4 << 10, 256 << 10, 4 << 20}

var (
	rdSinkF32 float32
	rdSinkF64 float64
	rdSinkI32 int32
	rdSinkI64 int64
	rdSinkU64 uint64
	rdSinkInt int
)

// rdBenchData caches inputs by type and length.
var rdBenchData = map[string]any{}

func rdBenchSlice[T rdFloat | rdInteger | ~uint64](n int, salt uint64) []T {
	key := fmt.Sprintf("%T/%d/%d", *new(T), n, salt)
	if x, ok := rdBenchData[key]; ok {
		return x.([]T)
	}
	r := rand.New(rand.NewPCG(uint64(n), salt))
	x := make([]T, n)
	for i := range x {
		x[i] = T(r.IntN(2000) - 1000) // keeps every sum exact and every search a miss
		if i%2 == 1 {
			x[i] /= 4
		}
	}
	rdBenchData[key] = x
	return x
}

// rdBench runs one sub-benchmark per size and implementation. impls maps
// a tier name or "loop"/"vek" to the body; tiers the CPU lacks are skipped.
func rdBench(b *testing.B, typ string, size int, inputs int, impls []rdImpl) {
	for _, n := range rdBenchSizes {
		for _, im := range impls {
			b.Run(fmt.Sprintf("type=%s/n=%d/tier=%s", typ, n, im.name), func(b *testing.B) {
				if im.tier != nil {
					useTier(b, *im.tier)
				}
				run := im.setup(n)
				b.SetBytes(int64(n * size * inputs))
				b.ReportAllocs()
				for b.Loop() {
					run()
				}
			})
		}
	}
}

type rdImpl struct {
	name  string
	tier  *Tier // nil for loop and vek
	setup func(n int) func()
}

// rdImpls: the three tiers running kernel, then loop and vek when given.
func rdImpls(kernel, loop, vekFn func(n int) func()) []rdImpl {
	var ims []rdImpl
	for _, t := range []Tier{PureGo, AVX2, AVX512} {
		ims = append(ims, rdImpl{name: t.String(), tier: &t, setup: kernel})
	}
	if loop != nil {
		ims = append(ims, rdImpl{name: "loop", setup: loop})
	}
	if vekFn != nil {
		ims = append(ims, rdImpl{name: "vek", setup: vekFn})
	}
	return ims
}

// ---- plain Go loops, as a user would write them ----------------------------------

func rdPlainSum[T rdFloat | rdInteger](x []T) T {
	var s T
	for _, v := range x {
		s += v
	}
	return s
}

func rdPlainSumSquares[T rdFloat](x []T) T {
	var s T
	for _, v := range x {
		s += v * v
	}
	return s
}

func rdPlainDot[T rdFloat](x, y []T) T {
	var s T
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

func rdPlainMin[T rdFloat | rdInteger](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		m = min(m, v)
	}
	return m
}

func rdPlainMax[T rdFloat | rdInteger](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	return m
}

func rdPlainMinMax[T rdFloat | rdInteger](x []T) (lo, hi T) {
	lo, hi = x[0], x[0]
	for _, v := range x[1:] {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

func rdPlainIndex[T rdFloat | rdInteger](x []T, v T) int {
	for i, e := range x {
		if e == v {
			return i
		}
	}
	return -1
}

// ---- benchmarks ---------------------------------------------------------------

func BenchmarkSum(b *testing.B) {
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = SumF32(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = rdPlainSum(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = vek32.Sum(x) } }))
	rdBench(b, "f64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = SumF64(x) } },
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = rdPlainSum(x) } },
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = vek.Sum(x) } }))
	rdBench(b, "i32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkI32 = SumI32(x) } },
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkI32 = rdPlainSum(x) } },
		nil))
	rdBench(b, "i64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[int64](n, 1); return func() { rdSinkI64 = SumI64(x) } },
		func(n int) func() { x := rdBenchSlice[int64](n, 1); return func() { rdSinkI64 = rdPlainSum(x) } },
		nil))
}

func BenchmarkSumSquares(b *testing.B) {
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = SumSquaresF32(x) } },
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32 = rdPlainSumSquares(x) }
		},
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = vek32.Dot(x, x) } }))
	rdBench(b, "f64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = SumSquaresF64(x) } },
		func(n int) func() {
			x := rdBenchSlice[float64](n, 1)
			return func() { rdSinkF64 = rdPlainSumSquares(x) }
		},
		nil))
}

func BenchmarkDot(b *testing.B) {
	rdBench(b, "f32", 4, 2, rdImpls(
		func(n int) func() {
			x, y := rdBenchSlice[float32](n, 1), rdBenchSlice[float32](n, 2)
			return func() { rdSinkF32 = DotF32(x, y) }
		},
		func(n int) func() {
			x, y := rdBenchSlice[float32](n, 1), rdBenchSlice[float32](n, 2)
			return func() { rdSinkF32 = rdPlainDot(x, y) }
		},
		func(n int) func() {
			x, y := rdBenchSlice[float32](n, 1), rdBenchSlice[float32](n, 2)
			return func() { rdSinkF32 = vek32.Dot(x, y) }
		}))
	rdBench(b, "f64", 8, 2, rdImpls(
		func(n int) func() {
			x, y := rdBenchSlice[float64](n, 1), rdBenchSlice[float64](n, 2)
			return func() { rdSinkF64 = DotF64(x, y) }
		},
		func(n int) func() {
			x, y := rdBenchSlice[float64](n, 1), rdBenchSlice[float64](n, 2)
			return func() { rdSinkF64 = rdPlainDot(x, y) }
		},
		func(n int) func() {
			x, y := rdBenchSlice[float64](n, 1), rdBenchSlice[float64](n, 2)
			return func() { rdSinkF64 = vek.Dot(x, y) }
		}))
}

func BenchmarkMin(b *testing.B) {
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = MinF32(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = rdPlainMin(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = vek32.Min(x) } }))
	rdBench(b, "f64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = MinF64(x) } },
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = rdPlainMin(x) } },
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = vek.Min(x) } }))
	rdBench(b, "i32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkI32 = MinI32(x) } },
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkI32 = rdPlainMin(x) } },
		nil))
	rdBench(b, "i64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[int64](n, 1); return func() { rdSinkI64 = MinI64(x) } },
		func(n int) func() { x := rdBenchSlice[int64](n, 1); return func() { rdSinkI64 = rdPlainMin(x) } },
		nil))
}

func BenchmarkMax(b *testing.B) {
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = MaxF32(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = rdPlainMax(x) } },
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkF32 = vek32.Max(x) } }))
	rdBench(b, "f64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = MaxF64(x) } },
		func(n int) func() { x := rdBenchSlice[float64](n, 1); return func() { rdSinkF64 = rdPlainMax(x) } },
		nil))
}

// BenchmarkMinZero: Min and MinMax over non-negative inputs whose minimum
// is a zero (as after a ReLU or in counts), where a fold with VMINPS cannot
// tell -0 from +0 and settles the sign in a second pass (AVX2), and the
// VRANGE kernels of the AVX-512 tier need none.
func BenchmarkMinZero(b *testing.B) {
	for _, op := range []string{"min", "minmax"} {
		rdBench(b, "f32/op="+op, 4, 1, rdImpls(
			func(n int) func() {
				x := rdBenchZeroMin[float32](n)
				if op == "min" {
					return func() { rdSinkF32 = MinF32(x) }
				}
				return func() { rdSinkF32, rdSinkF32 = MinMaxF32(x) }
			},
			nil,
			func(n int) func() {
				x := rdBenchZeroMin[float32](n)
				if op == "min" {
					return func() { rdSinkF32 = vek32.Min(x) }
				}
				return func() { rdSinkF32, rdSinkF32 = vek32.Min(x), vek32.Max(x) }
			}))
		rdBench(b, "f64/op="+op, 8, 1, rdImpls(
			func(n int) func() {
				x := rdBenchZeroMin[float64](n)
				if op == "min" {
					return func() { rdSinkF64 = MinF64(x) }
				}
				return func() { rdSinkF64, rdSinkF64 = MinMaxF64(x) }
			},
			nil,
			func(n int) func() {
				x := rdBenchZeroMin[float64](n)
				if op == "min" {
					return func() { rdSinkF64 = vek.Min(x) }
				}
				return func() { rdSinkF64, rdSinkF64 = vek.Min(x), vek.Max(x) }
			}))
	}
}

// rdBenchZeroMin is rdBenchSlice's input made non-negative, with a +0 in
// the middle (and no -0).
func rdBenchZeroMin[F float32 | float64](n int) []F {
	x := slices.Clone(rdBenchSlice[F](n, 1))
	for i, v := range x {
		x[i] = 1 + F(math.Abs(float64(v)))
	}
	x[n/2] = 0
	return x
}

func BenchmarkMaxNonNaN(b *testing.B) {
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32, _ = MaxNonNaNF32(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32, _ = rdMaxNonNaNLoop(x) }
		},
		nil))
}

// BenchmarkMinMax: the fused kernel against the plain loop, vek's Min and
// Max in turn, and (tier=min+max) MinF32 and MaxF32 in turn on the default
// tier, which is what it replaces.
func BenchmarkMinMax(b *testing.B) {
	impls := rdImpls(
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32, rdSinkF32 = MinMaxF32(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32, rdSinkF32 = rdPlainMinMax(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkF32, rdSinkF32 = vek32.Min(x), vek32.Max(x) }
		})
	impls = append(impls, rdImpl{name: "min+max", setup: func(n int) func() {
		x := rdBenchSlice[float32](n, 1)
		return func() { rdSinkF32, rdSinkF32 = MinF32(x), MaxF32(x) }
	}})
	rdBench(b, "f32", 4, 1, impls)
	rdBench(b, "f64", 8, 1, rdImpls(
		func(n int) func() {
			x := rdBenchSlice[float64](n, 1)
			return func() { rdSinkF64, rdSinkF64 = MinMaxF64(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[float64](n, 1)
			return func() { rdSinkF64, rdSinkF64 = rdPlainMinMax(x) }
		},
		nil))
	rdBench(b, "i32", 4, 1, rdImpls(
		func(n int) func() {
			x := rdBenchSlice[int32](n, 1)
			return func() { rdSinkI32, rdSinkI32 = MinMaxI32(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[int32](n, 1)
			return func() { rdSinkI32, rdSinkI32 = rdPlainMinMax(x) }
		},
		nil))
	rdBench(b, "i64", 8, 1, rdImpls(
		func(n int) func() {
			x := rdBenchSlice[int64](n, 1)
			return func() { rdSinkI64, rdSinkI64 = MinMaxI64(x) }
		},
		func(n int) func() {
			x := rdBenchSlice[int64](n, 1)
			return func() { rdSinkI64, rdSinkI64 = rdPlainMinMax(x) }
		},
		nil))
}

func BenchmarkIndexOf(b *testing.B) {
	// The value is absent: a full scan.
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkInt = IndexOfF32(x, 1e9) } },
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkInt = rdPlainIndex(x, 1e9) }
		},
		func(n int) func() { x := rdBenchSlice[float32](n, 1); return func() { rdSinkInt = vek32.Find(x, 1e9) } }))
	rdBench(b, "i32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkInt = IndexOfI32(x, 1e9) } },
		func(n int) func() { x := rdBenchSlice[int32](n, 1); return func() { rdSinkInt = rdPlainIndex(x, 1e9) } },
		nil))
}

func BenchmarkLastIndexOf(b *testing.B) {
	// The value is absent: a full scan, from the end.
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkInt = LastIndexOfF32(x, 1e9) }
		},
		func(n int) func() {
			x := rdBenchSlice[float32](n, 1)
			return func() { rdSinkInt = rdLastIndexLoop(x, 1e9) }
		},
		nil))
}

func BenchmarkCount(b *testing.B) {
	// One element in 8 matches.
	rdBench(b, "f32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchCountSlice[float32](n); return func() { rdSinkInt = CountF32(x, 1) } },
		func(n int) func() {
			x := rdBenchCountSlice[float32](n)
			return func() { rdSinkInt = rdCountLoop(x, 1) }
		},
		nil))
	rdBench(b, "i32", 4, 1, rdImpls(
		func(n int) func() { x := rdBenchCountSlice[int32](n); return func() { rdSinkInt = CountI32(x, 1) } },
		func(n int) func() { x := rdBenchCountSlice[int32](n); return func() { rdSinkInt = rdCountLoop(x, 1) } },
		nil))
	rdBench(b, "i64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchCountSlice[int64](n); return func() { rdSinkInt = CountI64(x, 1) } },
		func(n int) func() { x := rdBenchCountSlice[int64](n); return func() { rdSinkInt = rdCountLoop(x, 1) } },
		nil))
}

// rdBenchCountSlice returns n elements, one in 8 of them (at random) a 1,
// the others 0.
func rdBenchCountSlice[T rdFloat | rdInteger](n int) []T {
	r := rand.New(rand.NewPCG(uint64(n), 8))
	x := make([]T, n)
	for i := range x {
		if r.IntN(8) == 0 {
			x[i] = 1
		}
	}
	return x
}

func BenchmarkXorU64(b *testing.B) {
	rdBench(b, "u64", 8, 1, rdImpls(
		func(n int) func() { x := rdBenchSlice[uint64](n, 1); return func() { rdSinkU64 = XorU64(x) } },
		func(n int) func() {
			x := rdBenchSlice[uint64](n, 1)
			return func() {
				var s uint64
				for _, v := range x {
					s ^= v
				}
				rdSinkU64 = s
			}
		},
		nil))
}
