package op_test

import (
	"fmt"
	"math"

	"github.com/hpgo/hpgo/op"
)

func ExampleAdd() {
	fmt.Println(op.Add(2, 3), op.Add[int8](127, 1))
	// Output: 5 -128
}

func ExampleMul() {
	fmt.Println(op.Mul(4.0, 2.5), op.Mul[uint8](16, 16))
	// Output: 10 0
}

func ExampleMin() {
	fmt.Println(op.Min(3, 1), op.Min(1.0, math.NaN()), op.Min("pear", "apple"))
	// Output: 1 NaN apple
}

func ExampleMax() {
	fmt.Println(op.Max(3, 1), op.Max(math.Copysign(0, -1), 0))
	// Output: 3 0
}

func ExampleSquare() {
	fmt.Println(op.Square(-3), op.Square(1.5))
	// Output: 9 2.25
}

func ExampleAbs() {
	fmt.Println(op.Abs(-2.5), op.Abs(math.Copysign(0, -1)), op.Abs[int8](-128))
	// Output: 2.5 0 -128
}

func ExampleNegate() {
	fmt.Println(op.Negate(2), op.Negate(0.0))
	// Output: -2 -0
}

func ExampleIdentity() {
	fmt.Println(op.Identity("unchanged"))
	// Output: unchanged
}
