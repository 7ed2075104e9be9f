package inproc_test

import (
	"fmt"

	"github.com/hpgo/hpgo/bench/peers/inproc"
)

// Exact small sums: every loop agrees with the plain arithmetic.
var x, y = []float64{1, 2, 3, 4, 5}, []float64{2, 2, 2, 2, 2}

func ExampleSum() {
	fmt.Println(inproc.Sum(x), inproc.Sum([]float32{0.5, 0.25}), inproc.Sum([]float64{}))
	// Output: 15 0.75 0
}

func ExampleSumSquares() {
	fmt.Println(inproc.SumSquares(x))
	// Output: 55
}

func ExampleDot() {
	fmt.Println(inproc.Dot(x, y))
	// Output: 30
}

// The cpp-omp peer's loop on two OpenMP threads of its own.
func ExampleOMPSum() {
	fmt.Println(inproc.OMPSum(x, 2))
	// Output: 15
}

func ExampleOMPSumSquares() {
	fmt.Println(inproc.OMPSumSquares(x, 2))
	// Output: 55
}

func ExampleOMPDot() {
	fmt.Println(inproc.OMPDot(x, y, 2))
	// Output: 30
}
