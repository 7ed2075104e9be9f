package cpu

import (
	"math"

	"github.com/hpgo/hpgo/asm"
)

// The float sum and dot kernels as the registry defines a reduction: the
// fold x[0] + x[1] + ... (RegisterReduce), whose result is -0 exactly when
// every term is -0. Package asm's kernels start from +0 instead, like the
// loop `var s float32; for ... { s += v }` in their doc comments, so a sum
// of -0s comes out +0 there. In round-to-nearest a zero sum of terms that
// are not all -0 is +0 whatever the order, so the sign of a zero result
// depends only on the terms: these adapters look at them when, and only
// when, the kernel returns a zero (one comparison a call otherwise; the
// look stops at the first term that is not -0).

func sumF32(x []float32) float32 {
	if s := asm.SumF32(x); s != 0 {
		return s
	}
	return zeroSum(x)
}

func sumF64(x []float64) float64 {
	if s := asm.SumF64(x); s != 0 {
		return s
	}
	return zeroSum(x)
}

func dotF32(x, y []float32) float32 {
	if s := asm.DotF32(x, y); s != 0 {
		return s
	}
	return zeroDot(x, y)
}

func dotF64(x, y []float64) float64 {
	if s := asm.DotF64(x, y); s != 0 {
		return s
	}
	return zeroDot(x, y)
}

// zeroSum is the zero that sums x: -0 when every element is -0, else +0.
func zeroSum[T float32 | float64](x []T) T {
	for _, v := range x {
		if v != 0 || !math.Signbit(float64(v)) {
			return 0
		}
	}
	return T(math.Copysign(0, -1))
}

// zeroDot is the zero that sums the products x[i]*y[i] (each rounded, as
// the fold rounds it): -0 when every product is -0, else +0.
func zeroDot[T float32 | float64](x, y []T) T {
	y = y[:len(x)]
	for i, v := range x {
		if p := T(v * y[i]); p != 0 || !math.Signbit(float64(p)) {
			return 0
		}
	}
	return T(math.Copysign(0, -1))
}
