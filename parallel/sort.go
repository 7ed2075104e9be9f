package parallel

import (
	"cmp"
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// Sort sorts xs in ascending order: the order slices.Sort gives, with NaNs
// first (whatever their sign or payload) and -0 and +0 equal (their order
// among themselves, like that of the NaNs, is unspecified).
//
// For integer and floating-point element types, named ones included, it is
// a parallel radix sort with 8-bit digits (see cpu.RadixSort):
//
//   - a pre-pass finds the digits that differ between keys, so that a digit
//     the same in every key costs nothing, and returns at once for sorted
//     input;
//   - a pass counts the digits of every chunk, takes a prefix over (digit,
//     chunk) for each chunk's output offsets, and scatters the chunks
//     stably into a scratch buffer that then swaps roles with xs;
//   - the first pass goes by the most significant differing digit, and
//     each of the 256 buckets it makes is then LSD-sorted by the remaining
//     digits in one worker's cache, the buckets shared among the workers;
//     inputs of up to 2^18 elements take LSD passes only;
//   - 8- and 16-bit integers are counting-sorted instead, and floats are
//     sorted by their bits as signed integers, the negative run then
//     reversed, with every NaN moved first.
//
// Work is O(n·passes), at most 8 passes (4 for 32-bit types); extra memory
// is n elements (a scratch buffer reused from sort to sort), plus one per
// NaN.
//
// Other element types (strings) go through the parallel merge sort of
// SortFunc, with runs sorted by slices.Sort: O(n log n) comparisons, n
// elements of extra memory.
//
// Under Par and ParUnseq the chunks run on the runtime's workers, about two
// per worker; the chunk spec of p picks static or dynamic scheduling, not
// the chunk size. Under Seq and Unseq the same sort runs in the calling
// goroutine. Inputs shorter than 16384 elements (cpu.RadixMin) are sorted
// with slices.Sort in the calling goroutine under every policy. Every
// backend runs this CPU sort.
func Sort[T cmp.Ordered](p execution.Policy, xs []T) {
	defer guard()
	_ = sortCtx(context.Background(), p, xs, false)
}

// SortTask is the asynchronous form of Sort. Cancelling the future stops
// the sort at the next chunk, pass or bucket boundary and resolves it with
// the context's error; xs is then an unspecified permutation of its
// elements (none is lost or duplicated). xs must not be touched until the
// future resolves.
func SortTask[T cmp.Ordered](tp execution.TaskPolicy, xs []T) *future.Future[struct{}] {
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return sortCtx(ctx, p, xs, false)
	})
}

// StableSort sorts xs like Sort, keeping elements that compare equal under
// cmp.Compare in their input order. For integers and strings that is what
// Sort does (equal values are indistinguishable). For floats it keeps the
// NaNs (all equal to each other) and the zeros (-0 == +0) in input order:
// the radix sort sets them aside and writes them back in order, at one
// extra element of memory per NaN and per zero. Float inputs shorter than
// 16384 elements go to slices.SortStableFunc with cmp.Compare.
func StableSort[T cmp.Ordered](p execution.Policy, xs []T) {
	defer guard()
	_ = sortCtx(context.Background(), p, xs, true)
}

// StableSortTask is the asynchronous form of StableSort; cancelling it
// behaves as for SortTask.
func StableSortTask[T cmp.Ordered](tp execution.TaskPolicy, xs []T) *future.Future[struct{}] {
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return sortCtx(ctx, p, xs, true)
	})
}

func sortCtx[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T, stable bool) error {
	if ok, err := cpu.RadixSort(ctx, p, xs, stable); ok {
		return err
	}
	return cpu.MergeSortOrdered(ctx, p, xs)
}

// SortFunc sorts xs in ascending order as determined by cmp, which must be
// a strict weak ordering as for slices.SortFunc (cmp(a, b) < 0 when a goes
// before b, 0 when they are equivalent). The sort is not stable. With a
// cmp that is not (a float key holding NaNs, say) xs ends up in some order
// but, as with slices.SortFunc, a permutation of its elements.
//
// Under Par and ParUnseq it is a parallel merge sort: xs is cut into one run
// per worker, the runs are sorted concurrently with slices.SortFunc, and the
// sorted runs are merged pairwise in rounds between xs and a scratch buffer;
// each merge is split by binary search into pieces of equal length, so all
// workers share even the last merge. Work is O(n log n) comparisons, extra
// memory n elements. Under Seq and Unseq, and for fewer than 16384 elements
// (2·cpu.MergeMin), it is slices.SortFunc in the calling goroutine.
//
// A panic in cmp re-panics in the caller as a *future.PanicError; xs is then
// an unspecified permutation of its elements (none is lost or duplicated).
func SortFunc[T any](p execution.Policy, xs []T, cmp func(a, b T) int) {
	checkFunc("SortFunc", "cmp", cmp == nil)
	defer guard()
	_ = cpu.MergeSortFunc(context.Background(), p, xs, cmp, false)
}

// SortFuncTask is the asynchronous form of SortFunc. Cancelling the future
// stops a parallel sort at the next piece or round boundary; xs is then an
// unspecified permutation of its elements. Where the sort is one call of
// slices.SortFunc (SeqTask, UnseqTask, a short xs), a cancel that comes
// after it has started lets it finish, and the future resolves as if no
// cancel had come. A panic in cmp resolves the
// future with a *future.PanicError.
func SortFuncTask[T any](tp execution.TaskPolicy, xs []T, cmp func(a, b T) int) *future.Future[struct{}] {
	checkFunc("SortFuncTask", "cmp", cmp == nil)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return cpu.MergeSortFunc(ctx, p, xs, cmp, false)
	})
}

// StableSortFunc sorts xs like SortFunc, keeping elements that cmp reports
// equal in their input order, as slices.SortStableFunc does.
//
// Runs are sorted with a buffered bottom-up merge sort (insertion-sorted
// blocks of 24, then merge passes), and merged as in SortFunc; under Seq and
// Unseq, and for short inputs, that merge sort runs in the calling
// goroutine on the whole input. Work is O(n log n) comparisons and moves,
// extra memory n elements (slices.SortStableFunc needs none but does
// O(n log² n) moves). A panic in cmp behaves as for SortFunc.
func StableSortFunc[T any](p execution.Policy, xs []T, cmp func(a, b T) int) {
	checkFunc("StableSortFunc", "cmp", cmp == nil)
	defer guard()
	_ = cpu.MergeSortFunc(context.Background(), p, xs, cmp, true)
}

// StableSortFuncTask is the asynchronous form of StableSortFunc; cancelling
// it behaves as for SortFuncTask.
func StableSortFuncTask[T any](tp execution.TaskPolicy, xs []T, cmp func(a, b T) int) *future.Future[struct{}] {
	checkFunc("StableSortFuncTask", "cmp", cmp == nil)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return cpu.MergeSortFunc(ctx, p, xs, cmp, true)
	})
}
