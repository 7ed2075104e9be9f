package cpu

import (
	"cmp"
	"context"
	"slices"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/sched"
)

// MergeMin is the shortest run the parallel merge sort splits its input
// into: inputs shorter than two runs (2·MergeMin elements) are sorted in one
// piece in the calling goroutine.
const MergeMin = 1 << 13

// Merge sort tuning.
const (
	runsPerWorker   = 1       // sorted runs per worker before the merge rounds
	piecesPerWorker = 2       // pieces each merge round is split into, per worker
	minPiece        = 1 << 12 // smallest merge piece worth a fork
	insertionRun    = 24      // stableSort: insertion-sorted block length
)

// MergeSortFunc sorts xs by cmp (a three-way comparison, as slices.SortFunc
// takes) with a parallel merge sort, and is stable when stable is set.
//
// Under Par and ParUnseq, xs is cut into about one run per worker; the runs
// are sorted concurrently (slices.SortFunc, or a buffered bottom-up merge
// sort when stable), then merged pairwise in rounds, ping-ponging between xs
// and a scratch buffer. Every merge is cut into pieces of equal output
// length by a binary search on both inputs (co-ranking), so all workers
// share even the last merge. Seq and Unseq, and inputs shorter than
// 2·MergeMin, sort in the calling goroutine in one piece (slices.SortFunc, or
// the buffered stable merge sort).
//
// Work is O(n log n) comparisons; extra memory is a scratch buffer of n
// elements (none for an unstable sort in one piece).
//
// A panic in cmp stops the pieces not yet started and re-panics in the
// caller as a *future.PanicError (see MapChunks); when ctx is done the sort
// stops at the next piece or round boundary and returns ctx.Err(). Either
// way xs holds a permutation of its elements: none is lost or duplicated,
// since a merge only reads the buffer that holds the complete data, and
// that buffer is copied back into xs when it is the scratch one.
func MergeSortFunc[T any](ctx context.Context, p execution.Policy, xs []T, cmp func(a, b T) int, stable bool) error {
	if stable {
		return mergeSort(ctx, p, xs, cmp, func(run, buf []T) { stableSort(run, buf, cmp) }, true)
	}
	return mergeSort(ctx, p, xs, cmp, func(run, _ []T) { slices.SortFunc(run, cmp) }, false)
}

// MergeSortOrdered is MergeSortFunc with cmp.Compare, sorting the runs with
// slices.Sort (which compares with < directly). Equal cmp.Ordered values
// other than floats are indistinguishable, so the result is also stable for
// strings and integers.
func MergeSortOrdered[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T) error {
	return mergeSort(ctx, p, xs, cmp.Compare[T], func(run, _ []T) { slices.Sort(run) }, false)
}

// mergeSort sorts runs of xs with sortRun (given the run and an equally long
// piece of scratch space it may use when bufRuns is set), then merges them.
func mergeSort[T any](ctx context.Context, p execution.Policy, xs []T, cmp func(a, b T) int,
	sortRun func(run, buf []T), bufRuns bool) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	n := len(xs)
	workers := 1
	if p.Parallel() {
		workers = sched.NumWorkers()
	}
	runs := min(workers*runsPerWorker, n/MergeMin)
	if runs <= 1 {
		var buf []T
		if bufRuns {
			buf = make([]T, n)
		}
		callInline(func(_, _ int) struct{} { sortRun(xs, buf); return struct{}{} }, 0, n)
		return nil
	}
	tp := execution.Par.With(execution.DynamicChunk(1)).On(p.Backend())
	if p.Chunk().Kind() == execution.ChunkStatic {
		tp = execution.Par.With(execution.StaticChunk(1)).On(p.Backend())
	}

	buf := make([]T, n)
	// bounds[i] is where run i starts; runs stay as equal as n allows.
	bounds := make([]int, runs+1)
	for i := range bounds {
		bounds[i] = int(int64(n) * int64(i) / int64(runs))
	}
	err = ForContext(ctx, tp, runs, 1, func(a, b int) {
		for i := a; i < b; i++ {
			lo, hi := bounds[i], bounds[i+1]
			sortRun(xs[lo:hi], buf[lo:hi])
		}
	})
	if err != nil {
		return err
	}

	// Merge rounds: src always holds the complete data; when it is the
	// scratch buffer, a panic or cancellation copies it back.
	src, dst := xs, buf
	inBuf := false
	defer func() {
		if inBuf {
			copy(xs, src)
		}
	}()
	pieceLen := max(minPiece, (n+workers*piecesPerWorker-1)/(workers*piecesPerWorker))
	for len(bounds) > 2 {
		// Pair runs (2k, 2k+1); an odd last run is copied through.
		s, d := src, dst
		var pieces []mergePiece
		next := []int{0}
		callInline(func(_, _ int) struct{} {
			for i := 0; i+1 < len(bounds); i += 2 {
				lo := bounds[i]
				mid, hi := bounds[i+1], bounds[i+1]
				if i+2 < len(bounds) {
					hi = bounds[i+2]
				}
				pieces = appendPieces(pieces, s, lo, mid, hi, pieceLen, cmp)
				next = append(next, hi)
			}
			return struct{}{}
		}, 0, 0)
		err = ForContext(ctx, tp, len(pieces), 1, func(a, b int) {
			for _, pc := range pieces[a:b] {
				merge(d[pc.lo+pc.k0:pc.lo+pc.k1], s[pc.lo+pc.i0:pc.lo+pc.i1], s[pc.mid+pc.k0-pc.i0:pc.mid+pc.k1-pc.i1], cmp)
			}
		})
		if err != nil {
			return err
		}
		src, dst = dst, src
		inBuf = !inBuf
		bounds = next
	}
	if inBuf {
		s := src
		For(tp, (n+pieceLen-1)/pieceLen, 1, func(a, b int) {
			copy(xs[a*pieceLen:min(b*pieceLen, n)], s[a*pieceLen:min(b*pieceLen, n)])
		})
		inBuf = false
	}
	return nil
}

// mergePiece is the output range [k0, k1) of merging src[lo:mid] with
// src[mid:hi] into dst[lo:hi] (k0, k1 relative to lo): a[i0:i1] with
// b[k0-i0:k1-i1], a = src[lo:mid], b = src[mid:hi].
type mergePiece struct {
	lo, mid, hi int
	k0, k1      int
	i0, i1      int
}

// appendPieces splits the merge of src[lo:mid] and src[mid:hi] into pieces
// of pieceLen outputs. Each boundary's co-rank is computed once, shared by
// the two pieces beside it, and kept monotone (neither input goes back), so
// the pieces consume every element exactly once whatever cmp does: a
// comparator that is no strict weak order (a NaN key, say) leaves the
// output unsorted, but a permutation of the input, as slices.SortFunc does.
func appendPieces[T any](pieces []mergePiece, src []T, lo, mid, hi, pieceLen int, cmp func(a, b T) int) []mergePiece {
	a, b := src[lo:mid], src[mid:hi]
	k0, i0 := 0, 0
	for k0 < hi-lo {
		k1 := min(k0+pieceLen, hi-lo)
		i1 := coRank(k1, a, b, cmp)
		i1 = min(max(i1, i0), i0+(k1-k0)) // a and b both only advance
		pieces = append(pieces, mergePiece{lo, mid, hi, k0, k1, i0, i1})
		k0, i0 = k1, i1
	}
	return pieces
}

// coRank returns how many of the first k elements of the stable merge of a
// and b come from a.
func coRank[T any](k int, a, b []T, cmp func(a, b T) int) int {
	lo, hi := max(0, k-len(b)), min(k, len(a))
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		// a[mid] is among the first k unless b[k-1-mid] goes before it.
		if cmp(b[k-1-mid], a[mid]) < 0 {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// merge writes the stable merge of a and b into dst (len(a)+len(b) long).
func merge[T any](dst, a, b []T, cmp func(a, b T) int) {
	if len(a) == 0 || len(b) == 0 || cmp(b[0], a[len(a)-1]) >= 0 {
		copy(dst[copy(dst, a):], b)
		return
	}
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

// stableSort sorts xs stably by cmp in the calling goroutine: insertion
// sort on blocks, then bottom-up merge passes between xs and buf (as long
// as xs). A panic in cmp leaves xs a permutation of its elements.
func stableSort[T any](xs, buf []T, cmp func(a, b T) int) {
	n := len(xs)
	for lo := 0; lo < n; lo += insertionRun {
		insertionSort(xs[lo:min(lo+insertionRun, n)], cmp)
	}
	if n <= insertionRun {
		return
	}
	src, dst := xs, buf[:n]
	inBuf := false
	defer func() {
		if inBuf {
			copy(xs, src)
		}
	}()
	for w := insertionRun; w < n; w *= 2 {
		for lo := 0; lo < n; lo += 2 * w {
			mid, hi := min(lo+w, n), min(lo+2*w, n)
			merge(dst[lo:hi], src[lo:mid], src[mid:hi], cmp)
		}
		src, dst = dst, src
		inBuf = !inBuf
	}
}

// insertionSort sorts xs stably by cmp with swaps only, so a panic in cmp
// leaves a permutation.
func insertionSort[T any](xs []T, cmp func(a, b T) int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && cmp(xs[j], xs[j-1]) < 0; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
