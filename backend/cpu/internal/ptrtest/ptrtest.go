// Package ptrtest names instantiations of package op from a package other
// than the one that registers kernels for them, for the registry's tests.
package ptrtest

import "github.com/hpgo/hpgo/op"

// AddF32 returns op.Add[float32] as instantiated here.
func AddF32() func(float32, float32) float32 { return op.Add[float32] }

// SquareF32 returns op.Square[float32] as instantiated here.
func SquareF32() func(float32) float32 { return op.Square[float32] }

// MulI64 returns op.Mul[int64] as instantiated here.
func MulI64() func(int64, int64) int64 { return op.Mul[int64] }

// AddClosure returns a closure that adds like op.Add[float32].
func AddClosure() func(float32, float32) float32 {
	return func(a, b float32) float32 { return a + b }
}

// AddOf returns op.Add[T] instantiated inside a generic function: Go builds
// a closure around the shared shape code there, so its code pointer is not
// that of op.Add[float32].
func AddOf[T op.Number]() func(T, T) T { return op.Add[T] }
