package asm_test

import (
	"fmt"
	"math"

	"github.com/hpgo/hpgo/asm"
)

func ExampleSumF32() {
	fmt.Println(asm.SumF32([]float32{1, 2, 3, 4.5}))
	// Output: 10.5
}

func ExampleSumF64() {
	fmt.Println(asm.SumF64([]float64{0.5, 0.25, 0.125}), asm.SumF64(nil))
	// Output: 0.875 0
}

func ExampleSumI32() {
	// Wraps around like the Go loop.
	fmt.Println(asm.SumI32([]int32{math.MaxInt32, 1}), asm.SumI32([]int32{-4, 9}))
	// Output: -2147483648 5
}

func ExampleSumI64() {
	fmt.Println(asm.SumI64([]int64{1 << 40, 1 << 40, -3}))
	// Output: 2199023255549
}

func ExampleSumSquaresF32() {
	fmt.Println(asm.SumSquaresF32([]float32{3, 4}))
	// Output: 25
}

func ExampleSumSquaresF64() {
	x := []float64{1, 2, 2}
	fmt.Println(math.Sqrt(asm.SumSquaresF64(x))) // the Euclidean norm
	// Output: 3
}

func ExampleSumSquaresI32() {
	fmt.Println(asm.SumSquaresI32([]int32{-3, 4, 12}))
	// Output: 169
}

func ExampleSumSquaresI64() {
	fmt.Println(asm.SumSquaresI64([]int64{1 << 20, 1}))
	// Output: 1099511627777
}

func ExampleDotF32() {
	fmt.Println(asm.DotF32([]float32{1, 2, 3}, []float32{4, 5, 6}))
	// Output: 32
}

func ExampleDotF64() {
	// Only y[:len(x)] is used.
	fmt.Println(asm.DotF64([]float64{1, -1}, []float64{10, 3, 99}))
	// Output: 7
}

func ExampleDotI32() {
	fmt.Println(asm.DotI32([]int32{2, 3}, []int32{-1, 7}))
	// Output: 19
}

func ExampleDotI64() {
	fmt.Println(asm.DotI64([]int64{1 << 31, 5}, []int64{1 << 31, 5}))
	// Output: 4611686018427387929
}

func ExampleMinF32() {
	negZero := float32(math.Copysign(0, -1))
	fmt.Println(asm.MinF32([]float32{3, -1.5, 2}))
	fmt.Println(asm.MinF32([]float32{0, negZero}))                // -0 < +0
	fmt.Println(asm.MinF32([]float32{1, float32(math.NaN()), 0})) // NaN wins
	// Output:
	// -1.5
	// -0
	// NaN
}

func ExampleMinF64() {
	fmt.Println(asm.MinF64([]float64{math.Inf(1), 7, 2}))
	// Output: 2
}

func ExampleMinI32() {
	fmt.Println(asm.MinI32([]int32{5, math.MinInt32, 0}))
	// Output: -2147483648
}

func ExampleMinI64() {
	fmt.Println(asm.MinI64([]int64{9, -9, 8}))
	// Output: -9
}

func ExampleMaxF32() {
	negZero := float32(math.Copysign(0, -1))
	fmt.Println(asm.MaxF32([]float32{negZero, 0, -2})) // +0 > -0
	// Output: 0
}

func ExampleMaxF64() {
	fmt.Println(asm.MaxF64([]float64{1, math.NaN(), 3}), asm.MaxF64([]float64{-1, -0.5}))
	// Output: NaN -0.5
}

func ExampleMaxI32() {
	fmt.Println(asm.MaxI32([]int32{-5, 17, 3}))
	// Output: 17
}

func ExampleMaxI64() {
	fmt.Println(asm.MaxI64([]int64{math.MinInt64, -1}))
	// Output: -1
}

func ExampleMaxNonNaNF32() {
	nan := float32(math.NaN())
	fmt.Println(asm.MaxNonNaNF32([]float32{1, nan, 3, nan}))
	fmt.Println(asm.MaxNonNaNF32([]float32{nan, nan})) // no number
	// Output:
	// 3 true
	// -Inf false
}

func ExampleMaxNonNaNF64() {
	fmt.Println(asm.MaxNonNaNF64([]float64{math.Copysign(0, -1), math.NaN(), 0}))
	// Output: 0 true
}

func ExampleMinMaxF32() {
	negZero := float32(math.Copysign(0, -1))
	fmt.Println(asm.MinMaxF32([]float32{3, -1.5, 2}))
	fmt.Println(asm.MinMaxF32([]float32{0, negZero}))                // -0 < +0
	fmt.Println(asm.MinMaxF32([]float32{1, float32(math.NaN()), 0})) // NaN wins
	// Output:
	// -1.5 3
	// -0 0
	// NaN NaN
}

func ExampleMinMaxF64() {
	fmt.Println(asm.MinMaxF64([]float64{math.Inf(1), 7, math.Inf(-1)}))
	// Output: -Inf +Inf
}

func ExampleMinMaxI32() {
	fmt.Println(asm.MinMaxI32([]int32{5, math.MinInt32, 0}))
	// Output: -2147483648 5
}

func ExampleMinMaxI64() {
	fmt.Println(asm.MinMaxI64([]int64{9, -9, 8}))
	// Output: -9 9
}

func ExampleLastIndexOfF32() {
	x := []float32{2, 0, 1, 2, float32(math.NaN())}
	negZero := float32(math.Copysign(0, -1))
	fmt.Println(asm.LastIndexOfF32(x, 2), asm.LastIndexOfF32(x, negZero), asm.LastIndexOfF32(x, float32(math.NaN())))
	// Output: 3 1 -1
}

func ExampleLastIndexOfF64() {
	fmt.Println(asm.LastIndexOfF64([]float64{0.5, 1.5, 0.5}, 0.5))
	// Output: 2
}

func ExampleLastIndexOfI32() {
	fmt.Println(asm.LastIndexOfI32([]int32{7, 7, 3}, 7), asm.LastIndexOfI32([]int32{7, 7, 3}, 4))
	// Output: 1 -1
}

func ExampleLastIndexOfI64() {
	fmt.Println(asm.LastIndexOfI64([]int64{math.MinInt64, 5, math.MinInt64, 6}, math.MinInt64))
	// Output: 2
}

func ExampleCountF32() {
	x := []float32{0, 2, float32(math.Copysign(0, -1)), 2, float32(math.NaN())}
	fmt.Println(asm.CountF32(x, 2), asm.CountF32(x, 0), asm.CountF32(x, float32(math.NaN())))
	// Output: 2 2 0
}

func ExampleCountF64() {
	fmt.Println(asm.CountF64([]float64{0.5, 1.5, 0.5}, 0.5))
	// Output: 2
}

func ExampleCountI32() {
	x := []int32{7, 3, 7, 7}
	fmt.Println(asm.CountI32(x, 7), asm.CountI32(x, 4))
	// Output: 3 0
}

func ExampleCountI64() {
	fmt.Println(asm.CountI64([]int64{math.MaxInt64, -1, math.MaxInt64}, math.MaxInt64))
	// Output: 2
}

func ExampleIndexOfF32() {
	x := []float32{1, float32(math.NaN()), 0, 2}
	negZero := float32(math.Copysign(0, -1))
	fmt.Println(asm.IndexOfF32(x, 2), asm.IndexOfF32(x, negZero), asm.IndexOfF32(x, float32(math.NaN())))
	// Output: 3 2 -1
}

func ExampleIndexOfF64() {
	fmt.Println(asm.IndexOfF64([]float64{0.5, 1.5, 0.5}, 0.5))
	// Output: 0
}

func ExampleIndexOfI32() {
	x := []int32{4, 8, 15, 16, 23, 42}
	fmt.Println(asm.IndexOfI32(x, 23), asm.IndexOfI32(x, 7))
	// Output: 4 -1
}

func ExampleIndexOfI64() {
	fmt.Println(asm.IndexOfI64([]int64{-1, 1 << 50}, 1<<50))
	// Output: 1
}

func ExampleXorU64() {
	fmt.Printf("%#x\n", asm.XorU64([]uint64{0xff00, 0x0ff0, 0x000f}))
	// Output: 0xf0ff
}
