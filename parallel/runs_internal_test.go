package parallel

import (
	"strconv"
	"testing"
)

// affine is x ↦ a·x + b over int64 (wrapping); composing affine maps is
// associative but not commutative, so a fold of them shows any element
// folded out of order, twice or not at all.
type affine struct{ a, b int64 }

func compose(f, g affine) affine { return affine{f.a * g.a, f.b*g.a + g.b} } // g after f

func leftFold[T any](xs []T, reduce func(T, T) T) T {
	acc := xs[0]
	for _, x := range xs[1:] {
		acc = reduce(acc, x)
	}
	return acc
}

// The runs give the left fold's result for an associative, non-commutative
// operation at every length, with len-1 calls; so do the transform forms.
func TestFoldRuns(t *testing.T) {
	lengths := []int{1, 2, 3, 31, 32, 33, 34, 35, 36, 63, 64, 65, 127, 1000, 1003, 4097}
	for n := 4; n < 200; n += 7 {
		lengths = append(lengths, n)
	}
	for _, n := range lengths {
		xs := make([]affine, n)
		idx := make([]int, n)
		for i := range xs {
			xs[i] = affine{int64(2*i + 3), int64(i*i - 7)}
			idx[i] = i
		}
		want := leftFold(xs, compose)
		calls := 0
		counted := func(f, g affine) affine { calls++; return compose(f, g) }
		if got := foldRuns(xs, counted); got != want || calls != n-1 {
			t.Fatalf("n=%d: foldRuns = %v with %d calls, want %v with %d", n, got, calls, want, n-1)
		}
		calls = 0
		if got := transformFoldRuns(idx, counted, func(i int) affine { return xs[i] }); got != want || calls != n-1 {
			t.Fatalf("n=%d: transformFoldRuns = %v with %d calls, want %v with %d", n, got, calls, want, n-1)
		}
		calls = 0
		names := make([]string, n)
		for i := range names {
			names[i] = strconv.Itoa(i)
		}
		pair := func(i int, s string) affine {
			if strconv.Itoa(i) != s {
				t.Fatalf("n=%d: transform got xs[%d] with ys %q", n, i, s)
			}
			return xs[i]
		}
		if got := transformFoldRuns2(idx, names, counted, pair); got != want || calls != n-1 {
			t.Fatalf("n=%d: transformFoldRuns2 = %v with %d calls, want %v with %d", n, got, calls, want, n-1)
		}
	}
}
