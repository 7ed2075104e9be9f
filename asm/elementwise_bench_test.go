package asm

import (
	"fmt"
	"testing"
)

// Benchmarks of the elementwise kernels per type, size and tier; the purego
// tier is the plain Go loop. Compare with benchstat:
//
//	go test ./asm -run '^$' -bench 'Square|Add|PrefixSum|Fill' -count 5 -benchtime 100ms > new.txt
//	benchstat -col /tier new.txt

var ewBenchSizes = []int{4 << 10, 256 << 10, 4 << 20}

// ewBenchData returns n ordinary values (no denormals, no overflow when
// squared or multiplied).
func ewBenchData[T ewNum](n int, seed int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T((i*7+seed)%1000) - 500
		if ewIsFloat[T]() {
			s[i] /= 64
		}
	}
	return s
}

// ewBench runs fn under each tier as sub-benchmarks type=/n=/tier=, moving
// bytesPerElem bytes per element.
func ewBench[T ewNum](b *testing.B, bytesPerElem int, setup func(n int) func()) {
	b.Run("type="+ewTypeName[T](), func(b *testing.B) {
		for _, n := range ewBenchSizes {
			b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
				fn := setup(n)
				for _, tier := range []Tier{PureGo, AVX2, AVX512} {
					b.Run("tier="+tier.String(), func(b *testing.B) {
						useTier(b, tier)
						b.SetBytes(int64(n * bytesPerElem))
						b.ReportAllocs()
						for b.Loop() {
							fn()
						}
					})
				}
			})
		}
	})
}

func ewBenchUnary[T ewNum](b *testing.B, kernel func(dst, src []T)) {
	ewBench[T](b, 2*ewSizeof[T](), func(n int) func() {
		src, dst := ewBenchData[T](n, 1), make([]T, n)
		return func() { kernel(dst, src) }
	})
}

func ewBenchBinary[T ewNum](b *testing.B, kernel func(dst, a, c []T)) {
	ewBench[T](b, 3*ewSizeof[T](), func(n int) func() {
		x, y, dst := ewBenchData[T](n, 1), ewBenchData[T](n, 2), make([]T, n)
		return func() { kernel(dst, x, y) }
	})
}

func ewSizeof[T ewNum]() int {
	switch any(*new(T)).(type) {
	case float64, int64:
		return 8
	}
	return 4
}

func BenchmarkSquare(b *testing.B) {
	ewBenchUnary(b, SquareF32)
	ewBenchUnary(b, SquareF64)
	ewBenchUnary(b, SquareI32)
	ewBenchUnary(b, SquareI64)
}

func BenchmarkAbs(b *testing.B) {
	ewBenchUnary(b, AbsF32)
	ewBenchUnary(b, AbsF64)
	ewBenchUnary(b, AbsI32)
	ewBenchUnary(b, AbsI64)
}

func BenchmarkNegate(b *testing.B) {
	ewBenchUnary(b, NegateF32)
	ewBenchUnary(b, NegateF64)
	ewBenchUnary(b, NegateI32)
	ewBenchUnary(b, NegateI64)
}

func BenchmarkAdd(b *testing.B) {
	ewBenchBinary(b, AddF32)
	ewBenchBinary(b, AddF64)
	ewBenchBinary(b, AddI32)
	ewBenchBinary(b, AddI64)
}

func BenchmarkMul(b *testing.B) {
	ewBenchBinary(b, MulF32)
	ewBenchBinary(b, MulF64)
	ewBenchBinary(b, MulI32)
	ewBenchBinary(b, MulI64)
}

func ewBenchPrefix[T ewNum](b *testing.B, kernel func(dst, src []T, carry T) T) {
	ewBench[T](b, 2*ewSizeof[T](), func(n int) func() {
		src, dst := ewBenchData[T](n, 1), make([]T, n)
		return func() { kernel(dst, src, 1) }
	})
}

func BenchmarkPrefixSum(b *testing.B) {
	ewBenchPrefix(b, PrefixSumF32)
	ewBenchPrefix(b, PrefixSumF64)
	ewBenchPrefix(b, PrefixSumI32)
	ewBenchPrefix(b, PrefixSumI64)
}

func ewBenchFill[T ewNum](b *testing.B, kernel func(dst []T, v T)) {
	ewBench[T](b, ewSizeof[T](), func(n int) func() {
		dst := make([]T, n)
		return func() { kernel(dst, 3) }
	})
}

func BenchmarkFill(b *testing.B) {
	ewBenchFill(b, FillF32)
	ewBenchFill(b, FillF64)
	ewBenchFill(b, FillI32)
	ewBenchFill(b, FillI64)
}

func BenchmarkIota(b *testing.B) {
	ewBenchFill(b, IotaF32)
	ewBenchFill(b, IotaF64)
	ewBenchFill(b, IotaI32)
	ewBenchFill(b, IotaI64)
}
