package op_test

import (
	"math"
	"testing"

	"github.com/hpgo/hpgo/op"
)

func same64(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func TestArithmetic(t *testing.T) {
	if op.Add(2, 3) != 5 || op.Mul(4, 5) != 20 || op.Add[float32](0.5, 0.25) != 0.75 {
		t.Error("Add/Mul")
	}
	// Integers wrap.
	if op.Add[int8](127, 1) != -128 || op.Mul[uint8](16, 16) != 0 || op.Add[uint32](math.MaxUint32, 2) != 1 {
		t.Error("integer wrap-around")
	}
	if op.Square(-3) != 9 || op.Square[float64](1.5) != 2.25 || op.Square[int8](16) != 0 {
		t.Error("Square")
	}
	if !math.IsNaN(op.Add(math.Inf(1), math.Inf(-1))) || !math.IsInf(op.Mul(math.Inf(1), -2), -1) {
		t.Error("float specials")
	}
	if op.Identity("x") != "x" || op.Identity(7) != 7 {
		t.Error("Identity")
	}
}

func TestMinMax(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		a, b, min, max float64
	}{
		{1, 2, 1, 2},
		{2, 1, 1, 2},
		{math.Inf(-1), math.Inf(1), math.Inf(-1), math.Inf(1)},
		{math.Copysign(0, -1), 0, math.Copysign(0, -1), 0},
		{0, math.Copysign(0, -1), math.Copysign(0, -1), 0},
		{nan, 1, nan, nan},
		{1, nan, nan, nan},
	} {
		if got := op.Min(tc.a, tc.b); !same64(got, tc.min) && !(math.IsNaN(got) && math.IsNaN(tc.min)) {
			t.Errorf("Min(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.min)
		}
		if got := op.Max(tc.a, tc.b); !same64(got, tc.max) && !(math.IsNaN(got) && math.IsNaN(tc.max)) {
			t.Errorf("Max(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.max)
		}
	}
	if op.Min("b", "a") != "a" || op.Max("b", "a") != "b" || op.Min[uint](3, 9) != 3 {
		t.Error("strings/unsigned")
	}
}

func TestAbsNegate(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, tc := range []struct{ x, abs, neg float64 }{
		{-2, 2, 2},
		{3, 3, -3},
		{negZero, 0, 0},
		{0, 0, negZero},
		{math.Inf(-1), math.Inf(1), math.Inf(1)},
	} {
		if got := op.Abs(tc.x); !same64(got, tc.abs) {
			t.Errorf("Abs(%v) = %v, want %v", tc.x, got, tc.abs)
		}
		if got := op.Negate(tc.x); !same64(got, tc.neg) {
			t.Errorf("Negate(%v) = %v, want %v", tc.x, got, tc.neg)
		}
	}
	if !math.IsNaN(op.Abs(math.NaN())) || math.Signbit(op.Abs(math.Copysign(math.NaN(), -1))) {
		t.Error("Abs(NaN) must be a NaN with the sign bit cleared")
	}
	if got := op.Abs[float32](float32(math.Copysign(0, -1))); math.Signbit(float64(got)) {
		t.Error("Abs[float32](-0) kept the sign")
	}
	// The most negative integer wraps.
	if op.Abs[int8](math.MinInt8) != math.MinInt8 || op.Abs(-5) != 5 || op.Abs[int64](math.MinInt64) != math.MinInt64 {
		t.Error("integer Abs")
	}
	if op.Negate[int32](math.MinInt32) != math.MinInt32 || op.Negate(7) != -7 {
		t.Error("integer Negate")
	}
}

// A named type with a numeric underlying type is accepted.
type celsius float32

func TestNamedTypes(t *testing.T) {
	if op.Add[celsius](1.5, 2) != 3.5 || op.Abs[celsius](-1) != 1 || op.Max[celsius](1, 2) != 2 {
		t.Error("named type")
	}
}
