package asm_test

import (
	"fmt"
	"math"
	"slices"

	"github.com/hpgo/hpgo/asm"
)

func ExampleSquareF64() {
	src := []float64{-3, 0.5, 1e200}
	dst := make([]float64, len(src))
	asm.SquareF64(dst, src)
	fmt.Println(dst) // 1e200 squared overflows to +Inf
	// Output: [9 0.25 +Inf]
}

func ExampleSquareI32() {
	// Products wrap: 65536² = 2^32 ≡ 0 (mod 2^32).
	x := []int32{-7, 46341, 65536}
	asm.SquareI32(x, x) // in place
	fmt.Println(x)
	// Output: [49 -2147479015 0]
}

func ExampleSquareI64() {
	src := []int64{-12, 1 << 31, 1 << 32}
	dst := make([]int64, len(src))
	asm.SquareI64(dst, src) // (2^32)² = 2^64 wraps to 0
	fmt.Println(dst)
	// Output: [144 4611686018427387904 0]
}

func ExampleAbsF32() {
	negZero := float32(math.Copysign(0, -1))
	src := []float32{-1.5, negZero, float32(math.Inf(-1)), 2}
	dst := make([]float32, len(src))
	asm.AbsF32(dst, src)
	fmt.Println(dst, math.Signbit(float64(dst[1])))
	// Output: [1.5 0 +Inf 2] false
}

func ExampleAbsF64() {
	x := []float64{-0.25, math.Copysign(0, -1), math.Inf(-1), math.NaN()}
	asm.AbsF64(x, x) // in place
	fmt.Println(x, math.Signbit(x[1]))
	// Output: [0.25 0 +Inf NaN] false
}

func ExampleAbsI32() {
	// The negation wraps: math.MinInt32 has no positive counterpart.
	src := []int32{-5, 7, math.MinInt32}
	dst := make([]int32, len(src))
	asm.AbsI32(dst, src)
	fmt.Println(dst)
	// Output: [5 7 -2147483648]
}

func ExampleAbsI64() {
	src := []int64{-1 << 40, 0, math.MinInt64}
	dst := make([]int64, len(src))
	asm.AbsI64(dst, src)
	fmt.Println(dst)
	// Output: [1099511627776 0 -9223372036854775808]
}

func ExampleNegateF32() {
	src := []float32{1.5, 0, float32(math.Inf(1))}
	dst := make([]float32, len(src))
	asm.NegateF32(dst, src) // +0 becomes -0
	fmt.Println(dst)
	// Output: [-1.5 -0 -Inf]
}

func ExampleNegateF64() {
	x := []float64{-2.5, math.Copysign(0, -1), 1e-300}
	asm.NegateF64(x, x) // in place; -0 becomes +0
	fmt.Println(x)
	// Output: [2.5 0 -1e-300]
}

func ExampleNegateI32() {
	src := []int32{3, -9, math.MinInt32}
	dst := make([]int32, len(src))
	asm.NegateI32(dst, src) // -math.MinInt32 wraps to itself
	fmt.Println(dst)
	// Output: [-3 9 -2147483648]
}

func ExampleNegateI64() {
	src := []int64{1 << 50, 0, math.MinInt64}
	dst := make([]int64, len(src))
	asm.NegateI64(dst, src)
	fmt.Println(dst)
	// Output: [-1125899906842624 0 -9223372036854775808]
}

func ExampleAddF32() {
	a := []float32{1, 0.5, float32(math.Inf(1))}
	b := []float32{2, -0.5, 1}
	dst := make([]float32, len(a))
	asm.AddF32(dst, a, b)
	fmt.Println(dst)
	// Output: [3 0 +Inf]
}

func ExampleAddI32() {
	a := []int32{10, -3, math.MaxInt32}
	b := []int32{5, 3, 1}
	asm.AddI32(a, a, b) // in place; MaxInt32 + 1 wraps
	fmt.Println(a)
	// Output: [15 0 -2147483648]
}

func ExampleAddI64() {
	a := []int64{1 << 40, -7, math.MaxInt64}
	b := []int64{1, 7, 1}
	dst := make([]int64, len(a))
	asm.AddI64(dst, a, b)
	fmt.Println(dst)
	// Output: [1099511627777 0 -9223372036854775808]
}

func ExampleMulF32() {
	a := []float32{1.5, -2, 3}
	b := []float32{4, 0.25, 0}
	dst := make([]float32, len(a))
	asm.MulF32(dst, a, b)
	fmt.Println(dst)
	// Output: [6 -0.5 0]
}

func ExampleMulF64() {
	// Scale a vector by per-element weights, in place.
	x := []float64{2, 4, -8}
	w := []float64{0.5, 0.25, 0.125}
	asm.MulF64(x, x, w)
	fmt.Println(x)
	// Output: [1 1 -1]
}

func ExampleMulI32() {
	a := []int32{6, -4, 1 << 16}
	b := []int32{7, 5, 1 << 16}
	dst := make([]int32, len(a))
	asm.MulI32(dst, a, b) // 2^16 * 2^16 = 2^32 wraps to 0
	fmt.Println(dst)
	// Output: [42 -20 0]
}

func ExampleMulI64() {
	a := []int64{1 << 31, -3, math.MaxInt64}
	b := []int64{1 << 31, 1 << 40, 2}
	dst := make([]int64, len(a))
	asm.MulI64(dst, a, b) // MaxInt64 * 2 wraps to -2
	fmt.Println(dst)
	// Output: [4611686018427387904 -3298534883328 -2]
}

func ExamplePrefixSumF32() {
	// Halves and small integers: every partial sum is exact on every tier.
	src := []float32{0.5, 1, 1.5, 2}
	dst := make([]float32, len(src))
	last := asm.PrefixSumF32(dst, src, 10)
	fmt.Println(dst, last)
	// Output: [10.5 11.5 13 15] 15
}

func ExamplePrefixSumF64() {
	src := []float64{1, 2, 3, 4, 5}
	dst := make([]float64, len(src))
	// Scan in two pieces: the first call's result carries into the second.
	carry := asm.PrefixSumF64(dst[:2], src[:2], 0.5)
	last := asm.PrefixSumF64(dst[2:], src[2:], carry)
	fmt.Println(dst, carry, last)
	// Output: [1.5 3.5 6.5 10.5 15.5] 3.5 15.5
}

func ExamplePrefixSumI32() {
	// Turn per-bucket counts into the end offset of each bucket (its
	// exclusive start is the previous end, or 0).
	counts := []int32{3, 0, 2, 5}
	ends := make([]int32, len(counts))
	total := asm.PrefixSumI32(ends, counts, 0)
	fmt.Println(ends, total)
	fmt.Println(asm.PrefixSumI32(nil, nil, 42)) // empty src: carry comes back
	// Output:
	// [3 3 5 10] 10
	// 42
}

func ExampleFillF32() {
	dst := make([]float32, 5)
	asm.FillF32(dst[1:4], -0.5) // elements outside dst[1:4] stay untouched
	fmt.Println(dst)
	// Output: [0 -0.5 -0.5 -0.5 0]
}

func ExampleFillF64() {
	dst := []float64{1, 2, 3}
	asm.FillF64(dst, math.Inf(-1))
	fmt.Println(dst)
	// Output: [-Inf -Inf -Inf]
}

func ExampleFillI64() {
	dst := make([]int64, 4)
	asm.FillI64(dst, 1<<40)
	fmt.Println(dst)
	// Output: [1099511627776 1099511627776 1099511627776 1099511627776]
}

func ExampleIotaF64() {
	dst := make([]float64, 4)
	asm.IotaF64(dst, -1.5)
	fmt.Println(dst)
	// Output: [-1.5 -0.5 0.5 1.5]
}

// Two pieces filled apart agree with IotaF32 on the whole, bit for bit:
// start + float32(offset+i) is rounded once.
func ExampleIotaOffsetF32() {
	whole := make([]float32, 6)
	asm.IotaF32(whole, 0.1)
	pieces := make([]float32, 6)
	asm.IotaOffsetF32(pieces[:3], 0.1, 0)
	asm.IotaOffsetF32(pieces[3:], 0.1, 3)
	fmt.Println(pieces, slices.Equal(pieces, whole))
	// Output: [0.1 1.1 2.1 3.1 4.1 5.1] true
}

// Elements 10 to 12 of the iota that starts at 0.5.
func ExampleIotaOffsetF64() {
	dst := make([]float64, 3)
	asm.IotaOffsetF64(dst, 0.5, 10)
	fmt.Println(dst)
	// Output: [10.5 11.5 12.5]
}

func ExampleIotaI32() {
	// The sum wraps past math.MaxInt32.
	dst := make([]int32, 4)
	asm.IotaI32(dst, math.MaxInt32-1)
	fmt.Println(dst)
	// Output: [2147483646 2147483647 -2147483648 -2147483647]
}

func ExampleIotaI64() {
	dst := make([]int64, 5)
	asm.IotaI64(dst, 1<<40)
	fmt.Println(dst[0], dst[4])
	// Output: 1099511627776 1099511627780
}
