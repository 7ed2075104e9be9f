package cpu

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hpgo/hpgo/execution"
)

// Explicit chunk sizes whose last chunk holds a single element still tile
// [0, n).
func TestChunksSingleElementTail(t *testing.T) {
	for _, c := range []execution.Chunk{execution.StaticChunk(7), execution.DynamicChunk(7)} {
		for _, n := range []int{8, 15, 22, 10_001} {
			chunks(t, execution.Par.With(c), n, GrainLoop) // fails unless the chunks tile [0, n)
		}
	}
}

// A digit that all keys but one share still needs its pass: only a digit
// that all keys share may be skipped.
func TestRadixSortDigitAllButOneShare(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, p := range []execution.Policy{execution.Seq, execution.Par} {
		xs := make([]int64, RadixMin)
		for i := range xs {
			xs[i] = int64(r.IntN(1<<20)) << 8 // digit 0 is 0 everywhere...
		}
		xs[5], xs[6] = 777<<8|1, 777<<8 // ...but here, before an equal-but-for-it key
		want := slices.Clone(xs)
		slices.Sort(want)
		if _, err := RadixSort(context.Background(), p, xs, false); err != nil || !slices.Equal(xs, want) {
			t.Fatalf("%v: not sorted (err %v)", p, err)
		}
	}
}
