package cpu

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

type mrec struct{ key, idx int }

func mcmp(a, b mrec) int { return cmp.Compare(a.key, b.key) }

func mrecs(r *rand.Rand, n, distinct int) []mrec {
	xs := make([]mrec, n)
	for i := range xs {
		xs[i] = mrec{r.IntN(distinct), i}
	}
	return xs
}

// checkPermutation fails unless xs holds every idx in [0, len(xs)) once.
func checkPermutation(t *testing.T, what string, xs []mrec) {
	t.Helper()
	seen := make([]bool, len(xs))
	for _, x := range xs {
		if seen[x.idx] {
			t.Fatalf("%s: record %d twice", what, x.idx)
		}
		seen[x.idx] = true
	}
}

// TestMergePieces cuts stable merges into pieces of every length and
// merges the pieces apart, as a merge round does.
func TestMergePieces(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		a := mrecs(r, r.IntN(20), 6)
		b := mrecs(r, r.IntN(20), 6)
		for i := range b {
			b[i].idx += 100
		}
		slices.SortStableFunc(a, mcmp)
		slices.SortStableFunc(b, mcmp)
		src := append(slices.Clone(a), b...)
		want := slices.SortedStableFunc(slices.Values(src), mcmp)
		n := len(src)
		for pieceLen := 1; pieceLen <= n+1; pieceLen++ {
			got := make([]mrec, n)
			for _, pc := range appendPieces(nil, src, 0, len(a), n, pieceLen, mcmp) {
				merge(got[pc.k0:pc.k1], src[pc.i0:pc.i1], src[pc.mid+pc.k0-pc.i0:pc.mid+pc.k1-pc.i1], mcmp)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("pieces of %d: merge(%v, %v) = %v, want %v", pieceLen, a, b, got, want)
			}
		}
	}
}

// With a comparator that is no strict weak order (here: random answers,
// different at every call) the pieces still take every element exactly
// once: the output is unsorted but a permutation.
func TestMergePiecesBadComparator(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	random := func(a, b mrec) int { return r.IntN(3) - 1 }
	for range 300 {
		src := mrecs(r, r.IntN(60), 1<<20)
		mid := r.IntN(len(src) + 1)
		for pieceLen := 1; pieceLen <= len(src)+1; pieceLen += 1 + r.IntN(5) {
			got := make([]mrec, len(src))
			for _, pc := range appendPieces(nil, src, 0, mid, len(src), pieceLen, random) {
				merge(got[pc.k0:pc.k1], src[pc.i0:pc.i1], src[pc.mid+pc.k0-pc.i0:pc.mid+pc.k1-pc.i1], random)
			}
			byIdx := func(x, y mrec) int { return x.idx - y.idx }
			if !slices.Equal(slices.SortedFunc(slices.Values(got), byIdx), slices.SortedFunc(slices.Values(src), byIdx)) {
				t.Fatalf("pieces of %d: the output is not a permutation of the input", pieceLen)
			}
		}
	}
}

func TestMergeStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	for _, n := range []int{0, 1, 2, 23, 24, 25, 100, 1000, 4099} {
		for _, distinct := range []int{1, 5, 1 << 20} {
			xs := mrecs(r, n, distinct)
			want := slices.SortedStableFunc(slices.Values(xs), mcmp)
			stableSort(xs, make([]mrec, n), mcmp)
			if !slices.Equal(xs, want) {
				t.Fatalf("stableSort n=%d distinct=%d differs from slices.SortStableFunc", n, distinct)
			}
		}
	}
}

func TestMergeSortFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	policies := []execution.Policy{
		execution.Seq,
		execution.Par,
		execution.Par.With(execution.StaticChunk(1000)),
		execution.ParUnseq.With(execution.GuidedChunk()),
	}
	for _, p := range policies {
		for _, n := range []int{0, 1, 5, MergeMin - 1, MergeMin, 2*MergeMin + 1, 5*MergeMin + 3} {
			xs := mrecs(r, n, n/4+1)
			want := slices.SortedStableFunc(slices.Values(xs), mcmp)
			got := slices.Clone(xs)
			if err := MergeSortFunc(context.Background(), p, got, mcmp, true); err != nil || !slices.Equal(got, want) {
				t.Fatalf("MergeSortFunc(%v, stable) n=%d: err %v, or differs from slices.SortStableFunc", p, n, err)
			}
			got = slices.Clone(xs)
			if err := MergeSortFunc(context.Background(), p, got, mcmp, false); err != nil || !slices.IsSortedFunc(got, mcmp) {
				t.Fatalf("MergeSortFunc(%v) n=%d: err %v, or not sorted", p, n, err)
			}
			checkPermutation(t, "MergeSortFunc", got)
		}
	}
	ints := make([]int, 3*MergeMin+1)
	for i := range ints {
		ints[i] = r.IntN(100)
	}
	got := slices.Clone(ints)
	if err := MergeSortOrdered(context.Background(), execution.Par, got); err != nil || !slices.Equal(got, slices.Sorted(slices.Values(ints))) {
		t.Fatalf("MergeSortOrdered: err %v, or differs from slices.Sort", err)
	}
}

// TestMergeSortPanicAndCancel stops the sort at every check in turn, by a
// panic in cmp or by its context, and checks that no element is lost.
func TestMergeSortPanicAndCancel(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	xs := mrecs(r, 4*MergeMin+1, 1000)
	for _, p := range []execution.Policy{execution.Seq, execution.Par} {
		for _, stable := range []bool{false, true} {
			for k := int64(1); k < 1<<20; k += 1 + k/2 {
				got := slices.Clone(xs)
				var calls atomic.Int64
				v := func() (v any) {
					defer func() { v = recover() }()
					_ = MergeSortFunc(context.Background(), p, got, func(a, b mrec) int {
						if calls.Add(1) == k {
							panic("boom")
						}
						return mcmp(a, b)
					}, stable)
					return nil
				}()
				if pe, ok := v.(*future.PanicError); v != nil && (!ok || pe.Value != "boom") {
					t.Fatalf("%v: recovered %v, want a *future.PanicError", p, v)
				}
				checkPermutation(t, "after a panic", got)
			}
			for k := 1; ; k += 1 + k/3 {
				got := slices.Clone(xs)
				err := MergeSortFunc(newCountdown(k), p, got, mcmp, stable)
				checkPermutation(t, "after a cancel", got)
				if err == nil {
					break
				}
			}
		}
	}
}
