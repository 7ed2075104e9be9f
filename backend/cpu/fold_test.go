package cpu_test

import (
	"math"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// The sequential folds must give the bits of the generic left fold, which
// calls the op through a function value per element.
func TestSequentialFoldsMatchTheLeftFold(t *testing.T) {
	add, sq, mul := op.Add[float32], op.Square[float32], op.Mul[float32]
	fold := cpu.LookupFold(execution.Seq, add)
	tfold := cpu.LookupTransformFold(execution.Seq, add, sq)
	tfold2 := cpu.LookupTransformFold2(execution.Seq, add, mul)
	if fold == nil || tfold == nil || tfold2 == nil {
		t.Fatal("no sequential fold registered for op.Add, (op.Add, op.Square) or (op.Add, op.Mul) on float32")
	}
	specials := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Copysign(0, -1)), 1e-45, 3e38}
	for n := 0; n <= 67; n++ {
		x, y := make([]float32, n), make([]float32, n+1) // a longer y is allowed
		for i := range x {
			x[i] = float32(math.Sin(float64(7*i+1))) * 1e3
			y[i] = float32(math.Cos(float64(3*i + 2)))
		}
		if n > 5 {
			x[n/2] = specials[n%len(specials)]
		}
		var want, wantT, wantT2 float32 = 0.1, 0.1, 0.1
		for i, v := range x {
			want = add(want, v)
			wantT = add(wantT, float32(sq(v))) // rounded: the inlined ops must not fuse
			wantT2 = add(wantT2, float32(mul(v, y[i])))
		}
		for _, c := range []struct {
			name      string
			got, want float32
		}{
			{"fold", fold(0.1, x), want},
			{"transform fold", tfold(0.1, x), wantT},
			{"transform fold2", tfold2(0.1, x, y), wantT2},
		} {
			if math.Float32bits(c.got) != math.Float32bits(c.want) {
				t.Fatalf("n=%d %s: got %v, want the left fold %v", n, c.name, c.got, c.want)
			}
		}
	}
	if cpu.LookupFold(execution.Seq.On(execution.PureGo), add) != nil {
		t.Error("a policy on PureGo got a sequential fold")
	}
	if cpu.LookupFold(execution.Seq, func(a, b float32) float32 { return a + b }) != nil {
		t.Error("a closure was taken for op.Add")
	}
}
