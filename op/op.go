// Package op holds the operations every hpgo backend understands, as plain
// generic Go functions. Pass them to the algorithms of package parallel:
//
//	sum := parallel.TransformReduce(execution.Par, xs, 0, op.Add, op.Square)
//
// A backend recognises an instantiation of these functions (op.Add[float32],
// say) by its code pointer and runs a SIMD kernel for it; any other
// function, a closure doing the same included, runs on the generic path with
// the same results up to floating-point reassociation. So does op.Add[T]
// written inside a generic function of type parameter T: Go instantiates it
// there as a closure around shared code. Name the instantiation in
// non-generic code (op.Add[float32], or let a call infer it) for the kernel.
package op

import "math"

// Number is the set of types the arithmetic operations accept.
type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// Signed is the set of types Abs and Negate accept.
type Signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

// Ordered is the set of types Min and Max accept.
type Ordered interface {
	Number | ~string
}

// Add returns a + b (integers wrap on overflow).
func Add[T Number](a, b T) T { return a + b }

// Mul returns a * b (integers wrap on overflow).
func Mul[T Number](a, b T) T { return a * b }

// Min returns the smaller of a and b, like the builtin min: for floats a NaN
// operand gives NaN, and min(-0, +0) is -0.
func Min[T Ordered](a, b T) T { return min(a, b) }

// Max returns the larger of a and b, like the builtin max: for floats a NaN
// operand gives NaN, and max(-0, +0) is +0.
func Max[T Ordered](a, b T) T { return max(a, b) }

// Square returns x * x.
func Square[T Number](x T) T { return x * x }

// Abs returns the absolute value of x. For floats it clears the sign bit
// (Abs(-0) is +0, Abs(NaN) is NaN); for integers the most negative value
// stays as it is (it wraps).
func Abs[T Signed](x T) T {
	if x < 0 || (x == 0 || x != x) && math.Signbit(float64(x)) {
		return -x
	}
	return x
}

// Negate returns -x (integers wrap; for floats the sign bit flips).
func Negate[T Signed](x T) T { return -x }

// Identity returns x.
func Identity[T any](x T) T { return x }
