package parallel_test

import (
	"math"
	"testing"
	"time"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

type kelvin float32

// A slice of a named type runs the kernels of its underlying type through
// every algorithm that has one: the same bits as the underlying slice,
// under every policy.
func TestNamedElementTypes(t *testing.T) {
	const n = 50_001
	xf := make([]float32, n)
	for i := range xf {
		xf[i] = float32(math.Sin(float64(i))) * 100
	}
	xk := make([]kelvin, n)
	for i, v := range xf {
		xk[i] = kelvin(v)
	}
	ds := make([]time.Duration, n)
	is := make([]int64, n)
	for i := range ds {
		is[i] = int64(i*7919%1000) - 500
		ds[i] = time.Duration(is[i])
	}
	for _, p := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq} {
		if a, b := parallel.Reduce(p, xk, 0, op.Add), parallel.Reduce(p, xf, 0, op.Add); !sameBits(float32(a), b) {
			t.Errorf("%v: sum of kelvin %v, of float32 %v", p, a, b)
		}
		if a, b := parallel.TransformReduce(p, xk, 0, op.Add, op.Square), parallel.TransformReduce(p, xf, 0, op.Add, op.Square); !sameBits(float32(a), b) {
			t.Errorf("%v: sum of squares of kelvin %v, of float32 %v", p, a, b)
		}
		if a, b := parallel.TransformReduce2(p, ds, ds, 0, op.Add, op.Mul), parallel.TransformReduce2(p, is, is, 0, op.Add, op.Mul); int64(a) != b {
			t.Errorf("%v: dot of durations %v, of int64 %v", p, a, b)
		}
		if a, b := parallel.MinElement(p, xk), parallel.MinElement(p, xf); a != b {
			t.Errorf("%v: MinElement of kelvin %d, of float32 %d", p, a, b)
		}
		if a, b := parallel.Find(p, ds, 499), parallel.Find(p, is, 499); a != b {
			t.Errorf("%v: Find in durations %d, in int64 %d", p, a, b)
		}
		sk, sf := make([]kelvin, n), make([]float32, n)
		parallel.InclusiveScan(p, sk, xk, op.Add)
		parallel.InclusiveScan(p, sf, xf, op.Add)
		for i := range sk {
			if !sameBits(float32(sk[i]), sf[i]) {
				t.Fatalf("%v: scan of kelvin [%d] = %v, of float32 %v", p, i, sk[i], sf[i])
			}
		}
		ad, ai := make([]time.Duration, n), make([]int64, n)
		parallel.Transform(p, ad, ds, op.Abs)
		parallel.Transform(p, ai, is, op.Abs)
		for i := range ad {
			if int64(ad[i]) != ai[i] {
				t.Fatalf("%v: abs of durations [%d] = %d, of int64 %d", p, i, ad[i], ai[i])
			}
		}
	}
}
