package parallel

import (
	"context"
	"errors"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// Copy copies src into dst[:len(src)]. dst must be at least as long as src
// (it panics otherwise). Under Par and ParUnseq chunks are copied
// concurrently; overlapping dst and src are copied as the built-in copy does
// (in one memmove in the calling goroutine), so the result is that of copy
// under every policy.
//
// Work O(n), span O(n/P + chunk), extra memory O(chunks).
func Copy[T any](p execution.Policy, dst, src []T) {
	checkCopy("Copy", len(dst), len(src))
	_ = copyCtx(context.Background(), p, dst, src)
}

// CopyTask is the asynchronous form of Copy.
func CopyTask[T any](tp execution.TaskPolicy, dst, src []T) *future.Future[struct{}] {
	checkCopy("CopyTask", len(dst), len(src))
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return copyCtx(ctx, p, dst, src)
	})
}

func checkCopy(name string, nd, ns int) {
	if nd < ns {
		badArg(name, "dst has %d elements, src %d: dst must be at least as long as src", nd, ns)
	}
}

func copyCtx[T any](ctx context.Context, p execution.Policy, dst, src []T) error {
	n := len(src)
	if n == 0 {
		return nil
	}
	dst = dst[:n]
	if inline(p, n, cpu.GrainKernel) || overlap(dst, src) {
		copy(dst, src)
		return nil
	}
	return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { copy(dst[lo:hi], src[lo:hi]) })
}

// CopyIf copies the elements of src for which pred holds to the front of
// dst, keeping their order, and returns how many it wrote. dst must have
// room for every match; when it has not, CopyIf panics, and dst holds the
// matches that fitted; only a parallel run (Par or ParUnseq, on an input
// long enough to split, dst not overlapping src) counts first and then
// leaves dst unwritten. A dst as
// long as src always suffices. dst may be src, or start before src in the
// same array (an in-place filter, as slices.DeleteFunc does; under Par and
// ParUnseq overlapping slices are filtered in the calling goroutine), but
// a dst that starts inside src after its first element panics. dst beyond
// the returned count is left as it was.
//
// pred is called exactly once per element, concurrently under Par and
// ParUnseq, which then run two passes: each chunk marks its matches and
// counts them, an exclusive scan of the counts gives each chunk its place in
// dst, and each chunk copies its marked elements there.
//
// Work O(n), span O(n/P + chunks), extra memory n bytes of marks (under Par
// and ParUnseq) plus O(chunks).
func CopyIf[T any](p execution.Policy, dst, src []T, pred func(T) bool) int {
	checkFunc("CopyIf", "pred", pred == nil)
	checkFilterAlias("CopyIf", dst, src)
	n, err := copyIfSync(p, dst, src, pred)
	if err == errDstShort {
		copyIfShort("CopyIf", len(dst))
	}
	return n
}

func copyIfSync[T any](p execution.Policy, dst, src []T, pred func(T) bool) (int, error) {
	defer guard()
	return copyIfCtx(context.Background(), p, dst, src, pred)
}

// CopyIfTask is the asynchronous form of CopyIf; the future resolves with
// the number of elements written. A dst without room for every match makes
// the future resolve with a *future.PanicError.
func CopyIfTask[T any](tp execution.TaskPolicy, dst, src []T, pred func(T) bool) *future.Future[int] {
	checkFunc("CopyIfTask", "pred", pred == nil)
	checkFilterAlias("CopyIfTask", dst, src)
	return runTask(tp, func(ctx context.Context, p execution.Policy) (int, error) {
		n, err := copyIfCtx(ctx, p, dst, src, pred)
		if err == errDstShort {
			copyIfShort("CopyIfTask", len(dst))
		}
		return n, err
	})
}

// errDstShort tells CopyIf's callers to panic: dst is too short.
var errDstShort = errors.New("dst too short")

func copyIfShort(fn string, nd int) {
	badArg(fn, "dst has %d elements, too few for the matches", nd)
}

func copyIfCtx[T any](ctx context.Context, p execution.Policy, dst, src []T, pred func(T) bool) (int, error) {
	n := len(src)
	if n == 0 {
		return 0, nil
	}
	if inline(p, n, cpu.GrainLoop) || overlap(dst, src) {
		w := 0
		for _, x := range src {
			if pred(x) {
				if w == len(dst) {
					return w, errDstShort
				}
				dst[w] = x
				w++
			}
		}
		return w, nil
	}
	type part struct{ lo, hi, count int }
	marks := make([]bool, n)
	parts, err := cpu.MapChunks(ctx, p, n, cpu.GrainLoop, func(lo, hi int) part {
		c := 0
		m := marks[lo:hi]
		for i, x := range src[lo:hi] {
			if pred(x) {
				m[i] = true
				c++
			}
		}
		return part{lo, hi, c}
	})
	if err != nil {
		return 0, err
	}
	offsets := make([]int, len(parts))
	total := 0
	for i, pt := range parts {
		offsets[i] = total
		total += pt.count
	}
	if total > len(dst) {
		return 0, errDstShort
	}
	err = cpu.ForContext(ctx, p.With(execution.DynamicChunk(1)), len(parts), 1, func(a, b int) {
		for k := a; k < b; k++ {
			pt := parts[k]
			w := offsets[k]
			for i, m := range marks[pt.lo:pt.hi] {
				if m {
					dst[w] = src[pt.lo+i]
					w++
				}
			}
		}
	})
	return total, err
}
