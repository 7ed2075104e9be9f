package parallel_test

import (
	"cmp"
	"fmt"
	"math"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/parallel"
)

// The cmp.Ordered forms of MinElement, MaxElement and MinMaxElement read a
// long input in blocks of 1<<15 elements (valueBlock in minmax.go) and place
// the answer within one block afterwards. These inputs put ties, NaNs and
// signed zeros in different blocks, and chunk boundaries off the block
// boundaries, where an off-by-one block or a tie resolved the wrong way
// would show.

const valueBlock = 1 << 15

// blockCase builds an input of n elements equal to fill, with the given
// values at the given positions.
type blockCase struct {
	name string
	set  map[int]float64
}

func blockCases(n int) []blockCase {
	B := valueBlock
	nan, inf := math.NaN(), math.Inf(1)
	negZero := math.Copysign(0, -1)
	return []blockCase{
		{"min tie, later block first", map[int]float64{3*B + 1: 0.5, B + 3: 0.5}},
		{"min tie, same block", map[int]float64{B + 9: 0.5, B + 3: 0.5, 2*B - 1: 0.5}},
		{"min on block edges", map[int]float64{B: 0.25, B - 1: 0.5, 2 * B: 0.25}},
		{"max ties in three blocks", map[int]float64{5: 9, 2*B + 9: 9, n - 1: 9}},
		{"max ties in one block", map[int]float64{2*B + 1: 9, 2*B + 2: 9, 3*B - 1: 9}},
		{"max at both ends", map[int]float64{0: 9, n - 1: 9}},
		{"max ties, seven in one span", map[int]float64{2*B + 100: 9, 2*B + 103: 9, 2*B + 105: 9, 2*B + 108: 9, 2*B + 113: 9, 2*B + 121: 9, 2*B + 134: 9}},
		{"max ties, five in one span", map[int]float64{B + 500: 9, B + 501: 9, B + 700: 9, B + 900: 9, B + 901: 9}},
		{"max ties, four in one span", map[int]float64{B + 500: 9, B + 501: 9, B + 700: 9, B + 900: 9}},
		{"NaNs in two blocks", map[int]float64{2*B + 100: nan, 3*B + 5: nan, 7: 0.5, 4*B + 1: 9}},
		{"NaN beside the max", map[int]float64{B + 7: nan, B + 8: 9, 3 * B: 9, 10: 0.5}},
		{"NaN at the end", map[int]float64{n - 1: nan, 4: 9, 6: 9}},
		{"infinities", map[int]float64{B + 1: -inf, 3*B + 2: inf, 2*B + 2: -inf, 2: inf}},
		{"signed zeros", map[int]float64{3 * B: 0, B + 1: negZero, 2*B + 5: negZero}},
		{"zeros, +0 first", map[int]float64{2: 0, B + 1: negZero}},
	}
}

func TestMinMaxElementAcrossBlocks(t *testing.T) {
	n := 4*valueBlock + 17
	pols := []execution.Policy{
		execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq,
		execution.Par.With(execution.StaticChunk(valueBlock + 4097)),
		execution.Par.With(execution.DynamicChunk(5000)),
		execution.Par.On(execution.PureGo),
	}
	for _, c := range blockCases(n) {
		f64 := make([]float64, n)
		r := rng(n)
		for i := range f64 {
			f64[i] = 1 + r.Float64() // in [1, 2): the cases' 0.5 and 9 are extremes
		}
		for i, v := range c.set {
			f64[i] = v
		}
		f32 := make([]float32, n)
		for i, v := range f64 {
			f32[i] = float32(v)
		}
		var i64 []int64
		if !hasNaN(f64) {
			i64 = make([]int64, n)
			for i, v := range f64 {
				i64[i] = int64(math.Max(-1e18, math.Min(1e18, v*1e6)))
			}
		}
		for _, p := range pols {
			what := fmt.Sprintf("%s, %v", c.name, p)
			checkMinMaxOnly(t, what+", float64", p, f64)
			checkMinMaxOnly(t, what+", float32", p, f32)
			if i64 != nil {
				checkMinMaxOnly(t, what+", int64", p, i64)
				i32 := make([]int32, n)
				for i, v := range i64 {
					i32[i] = int32(v / 1000)
				}
				checkMinMaxOnly(t, what+", int32", p, i32)
			}
		}
	}
	// Every element NaN: the first is the smallest and the largest, the
	// last the last largest.
	nans := make([]float64, n)
	for i := range nans {
		nans[i] = math.NaN()
	}
	for _, p := range pols {
		checkMinMaxOnly(t, fmt.Sprintf("all NaN, %v", p), p, nans)
	}
}

func hasNaN(xs []float64) bool {
	for _, x := range xs {
		if x != x {
			return true
		}
	}
	return false
}

// checkMinMaxOnly compares the three cmp.Ordered forms with minMaxRef.
func checkMinMaxOnly[T cmp.Ordered](t *testing.T, what string, p execution.Policy, xs []T) {
	t.Helper()
	mn, mx, lmx := minMaxRef(xs, cmp.Compare[T])
	if got := parallel.MinElement(p, xs); got != mn {
		t.Errorf("%s: MinElement = %d, want %d", what, got, mn)
	}
	if got := parallel.MaxElement(p, xs); got != mx {
		t.Errorf("%s: MaxElement = %d, want %d", what, got, mx)
	}
	if a, b := parallel.MinMaxElement(p, xs); a != mn || b != lmx {
		t.Errorf("%s: MinMaxElement = %d, %d, want %d, %d", what, a, b, mn, lmx)
	}
}
