package cpu_test

import (
	"math"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// TestFloatSumKernelsSignOfZero: the float sum and dot kernels the registry
// hands out give a zero result the sign the fold x[0] + x[1] + ... gives:
// -0 exactly when every term is -0, a product that underflows included.
func TestFloatSumKernelsSignOfZero(t *testing.T) {
	nz := float32(math.Copysign(0, -1))
	sum := cpu.LookupReduce(execution.Unseq, op.Add[float32])
	dot := cpu.LookupTransformReduce2(execution.Unseq, op.Add[float32], op.Mul[float32])
	sum64 := cpu.LookupTransformReduce(execution.Unseq, op.Add[float64], op.Identity[float64])
	dot64 := cpu.LookupTransformReduce2(execution.Unseq, op.Add[float64], op.Mul[float64])
	tiny := float32(1e-30) // tiny*tiny underflows to 0
	negZeros := make([]float32, 100)
	for i := range negZeros {
		negZeros[i] = nz
	}
	for _, c := range []struct {
		name string
		got  float64
		neg  bool
	}{
		{"sum [-0]", float64(sum([]float32{nz})), true},
		{"sum 100 × -0", float64(sum(negZeros)), true},
		{"sum [-0, +0]", float64(sum([]float32{nz, 0})), false},
		{"sum [1, -1, -0]", float64(sum([]float32{1, -1, nz})), false},
		{"dot [-tiny]·[tiny] (underflows to -0)", float64(dot([]float32{-tiny}, []float32{tiny})), true},
		{"dot [-tiny, tiny]·[tiny, tiny]", float64(dot([]float32{-tiny, tiny}, []float32{tiny, tiny})), false},
		{"dot [-0, 0]·[1, -1]", float64(dot([]float32{nz, 0}, []float32{1, -1})), true},
		{"dot [-0]·[-1]", float64(dot([]float32{nz}, []float32{-1})), false},
		{"sum64 [-0, -0, -0]", sum64([]float64{math.Copysign(0, -1), math.Copysign(0, -1), math.Copysign(0, -1)}), true},
		{"dot64 [-1e-200]·[1e-200]", dot64([]float64{-1e-200}, []float64{1e-200}), true},
	} {
		if c.got != 0 || math.Signbit(c.got) != c.neg {
			t.Errorf("%s = %v, want %s", c.name, c.got, map[bool]string{true: "-0", false: "+0"}[c.neg])
		}
	}
	if g := sum([]float32{float32(math.NaN()), nz}); g == g {
		t.Errorf("sum [NaN, -0] = %v, want NaN", g)
	}
}
