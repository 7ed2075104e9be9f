package parallel_test

import (
	"fmt"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/ntstore"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// A parallel Transform, Transform2, InclusiveScan or ExclusiveScan whose
// whole output is large and out of place runs the kernels' non-temporal
// forms on every chunk. Here every output counts as large, so chunks of
// every length and alignment go through them; in-place calls keep the
// cached stores.
func TestTransformStreaming(t *testing.T) {
	defer ntstore.ForceForTest(0)()
	pols := []execution.Policy{
		execution.Par, execution.ParUnseq,
		execution.Par.With(execution.StaticChunk(1000)),
		execution.Par.With(execution.DynamicChunk(37)),
	}
	for _, p := range pols {
		for _, n := range []int{1, 31, 1000, 3*1000 + 7, 1<<18 + 5, 1<<20 + 3} {
			checkStreamed(t, p, n, 1)
			checkStreamed(t, p, n, 3) // dst and the inputs at other alignments
		}
	}
}

func checkStreamed(t *testing.T, p execution.Policy, n, off int) {
	t.Helper()
	x, y := randFloats[float32](n + off)[off:], randFloats[float32](n + 1)[1:]
	i := randInts[int64](n+off, 1<<31)[off:]
	// Guards: the element after each output must stay as it was.
	d32 := make([]float32, n+off+1)[off:]
	d64 := make([]int64, n+off+1)[off:]
	d32[n], d64[n] = 42, 42
	what := fmt.Sprintf("%v n=%d off=%d", p, n, off)

	parallel.Transform(p, d32[:n], x, op.Square)
	for k := range n {
		if d32[k] != x[k]*x[k] {
			t.Fatalf("%s: Square[%d] = %v, want %v", what, k, d32[k], x[k]*x[k])
		}
	}
	parallel.Transform2(p, d32[:n], x, y, op.Mul)
	for k := range n {
		if d32[k] != x[k]*y[k] {
			t.Fatalf("%s: Mul[%d] = %v, want %v", what, k, d32[k], x[k]*y[k])
		}
	}
	parallel.Transform(p, d64[:n], i, op.Negate)
	for k := range n {
		if d64[k] != -i[k] {
			t.Fatalf("%s: Negate[%d] = %v, want %v", what, k, d64[k], -i[k])
		}
	}
	// int runs an adapter of the int64 kernel, kelvin the float32 kernel
	// under its own type: each has its streaming form too.
	ii := randInts[int](n+off, 1<<31)[off:]
	dI := make([]int, n+off+1)[off:]
	dI[n] = 42
	parallel.Transform2(p, dI[:n], ii, ii, op.Mul)
	for k := range n {
		if dI[k] != ii[k]*ii[k] {
			t.Fatalf("%s: Mul[int][%d] = %v, want %v", what, k, dI[k], ii[k]*ii[k])
		}
	}
	xk := make([]kelvin, n)
	for k, v := range x {
		xk[k] = kelvin(v)
	}
	dK := make([]kelvin, n+1)
	dK[n] = 42
	parallel.Transform(p, dK[:n], xk, op.Abs)
	for k := range n {
		if want := kelvin(max(x[k], -x[k])); dK[k] != want {
			t.Fatalf("%s: Abs[kelvin][%d] = %v, want %v", what, k, dK[k], want)
		}
	}
	// Scans (integers: exact under every association).
	parallel.InclusiveScan(p, d64[:n], i, op.Add)
	var acc int64
	for k := range n {
		acc += i[k]
		if d64[k] != acc {
			t.Fatalf("%s: InclusiveScan[int64][%d] = %v, want %v", what, k, d64[k], acc)
		}
	}
	parallel.InclusiveScan(p, dI[:n], ii, op.Add)
	accI := 0
	for k := range n {
		accI += ii[k]
		if dI[k] != accI {
			t.Fatalf("%s: InclusiveScan[int][%d] = %v, want %v", what, k, dI[k], accI)
		}
	}
	// Exclusive scans: out of place, the kernel writes one element on.
	parallel.ExclusiveScan(p, d64[:n], i, 5, op.Add)
	acc = 5
	for k := range n {
		if d64[k] != acc {
			t.Fatalf("%s: ExclusiveScan[int64][%d] = %v, want %v", what, k, d64[k], acc)
		}
		acc += i[k]
	}
	parallel.ExclusiveScan(p, dI[:n], ii, -3, op.Add)
	accI = -3
	for k := range n {
		if dI[k] != accI {
			t.Fatalf("%s: ExclusiveScan[int][%d] = %v, want %v", what, k, dI[k], accI)
		}
		accI += ii[k]
	}
	if d32[n] != 42 || d64[n] != 42 || dI[n] != 42 || dK[n] != 42 {
		t.Fatalf("%s: an element past the output changed", what)
	}
	// In place.
	want := make([]float32, n)
	for k, v := range x {
		want[k] = v + y[k]
	}
	parallel.Transform2(p, x, x, y, op.Add)
	for k := range n {
		if x[k] != want[k] {
			t.Fatalf("%s: Add in place [%d] = %v, want %v", what, k, x[k], want[k])
		}
	}
}
