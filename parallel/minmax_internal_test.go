package parallel

import (
	"cmp"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
)

// TestMinMaxSplitKernels runs MinMaxElement's block logic on the min and
// max kernels in turn and on the forward find kernel alone, which it falls
// back on for an element type that has them but no fused, backward find or
// NaN-skipping max kernel (every type hpgo registers has those), and on all
// of them, against the loop; MaxElement's likewise, with and without the
// NaN-skipping max. Many ties, NaNs (a block of NaNs only, too), signed
// zeros and infinities, over ranges that start and end inside blocks.
func TestMinMaxSplitKernels(t *testing.T) {
	p := execution.Unseq
	index := cpu.LookupIndexOf[float64](p)
	kernels := map[string]valueKernels[float64]{
		"split": {min: cpu.LookupMinValue[float64](p), max: cpu.LookupMaxValue[float64](p), index: index},
		"fused": {both: cpu.LookupMinMaxValue[float64](p), index: index},
		"fused, backward find": {both: cpu.LookupMinMaxValue[float64](p), index: index,
			last: cpu.LookupLastIndexOf[float64](p), maxNum: cpu.LookupMaxNonNaN[float64](p)},
	}
	maxKernels := map[string]valueKernels[float64]{
		"max":                   {max: cpu.LookupMaxValue[float64](p), index: index},
		"max, NaN-skipping max": {max: cpu.LookupMaxValue[float64](p), index: index, maxNum: cpu.LookupMaxNonNaN[float64](p)},
	}
	for name, k := range kernels {
		if k.index == nil || (k.both == nil && (k.min == nil || k.max == nil)) || (name == "fused, backward find" && (k.last == nil || k.maxNum == nil)) {
			t.Fatalf("%s: kernels missing", name)
		}
	}
	specials := []float64{math.NaN(), math.Copysign(0, -1), 0, math.Inf(1), math.Inf(-1)}
	r := rand.New(rand.NewPCG(17, 18))
	n := 3*valueBlock + 5
	xs := make([]float64, n)
	for trial := range 40 {
		for i := range xs {
			xs[i] = float64(r.IntN(50)) // ties everywhere
		}
		for range trial % 4 * (1 + trial%3*20) {
			xs[r.IntN(n)] = specials[r.IntN(len(specials))]
		}
		if trial%10 == 9 { // a block of NaNs only
			for i := valueBlock; i < 2*valueBlock; i++ {
				xs[i] = math.NaN()
			}
		}
		lo := r.IntN(n / 2)
		hi := n/2 + 1 + r.IntN(n/2)
		want := minMax(xs, lo, hi, cmp.Less[float64])
		for name, k := range kernels {
			if got := k.minMax(xs, lo, hi); got != want {
				t.Fatalf("trial %d, %s kernels, [%d, %d): got %v, want %v", trial, name, lo, hi, got, want)
			}
		}
		wantMax := firstMin(xs, lo, hi, greater[float64])
		for name, k := range maxKernels {
			if got := k.firstMax(xs, lo, hi); got != wantMax {
				t.Fatalf("trial %d, %s kernels, [%d, %d): first max %d, want %d", trial, name, lo, hi, got, wantMax)
			}
		}
	}
}
