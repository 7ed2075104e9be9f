package parallel_test

import (
	"math"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/parallel"
)

// A whole kernel block (32Ki) of NaNs before the numbers of the same
// chunk: NaN orders below every number (cmp.Less), so the max is the first
// largest number and the min the first NaN.
func TestMaxElementNaNBlockFirst(t *testing.T) {
	const block = 1 << 15
	xs := make([]float64, 3*block)
	for i := range block {
		xs[i] = math.NaN()
	}
	for i := block; i < len(xs); i++ {
		xs[i] = float64(i % 1000)
	}
	want := block + 999 - block%1000 // the first 999 after the NaNs
	for xs[want] != 999 {
		want++
	}
	for _, p := range []execution.Policy{execution.Seq, execution.Par, execution.Par.On(execution.PureGo)} {
		if got := parallel.MaxElement(p, xs); got != want {
			t.Errorf("%v: MaxElement = %d, want %d", p, got, want)
		}
		if got, _ := parallel.MinMaxElement(p, xs); got != 0 {
			t.Errorf("%v: MinMaxElement min = %d, want 0", p, got)
		}
	}
	f32 := make([]float32, len(xs))
	for i, v := range xs {
		f32[i] = float32(v)
	}
	if got := parallel.MaxElement(execution.Seq, f32); got != want {
		t.Errorf("float32: MaxElement = %d, want %d", got, want)
	}
}
