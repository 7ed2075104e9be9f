package parallel

import (
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// scanBlock is the block an exclusive scan kernel works in, in place: the
// kernel writes the inclusive scan of a block, which is then shifted by one
// while it is still in cache.
const scanBlock = 1 << 12

// InclusiveScan sets dst[i] = src[0] op src[1] op ... op src[i] for every i
// < len(src). dst must be at least as long as src, and dst may be src (in
// place) but must not overlap it otherwise: InclusiveScan panics if either
// rule is broken.
//
// Under Seq it is the exact left fold, element after element. Under Par and
// ParUnseq op must be associative; the scan runs in two parallel passes over
// the same chunks: the first chunk is scanned and every other chunk but the
// last reduces its part of src, an exclusive scan of the chunk totals (in the
// caller) gives each later chunk its carry, and each later chunk scans its
// part starting from its carry. With the default chunking there are W+1
// chunks for W workers, so each pass keeps every worker busy once: span
// 2n/(W+1) calls of op, against n sequentially: at best 1.5× on two
// workers for a closure, and little for a kernel scan, which is bound by
// memory bandwidth. Each element then carries about n/chunks + chunks
// rounding steps instead of i (floats).
//
// op.Add (and the other scans package asm covers) runs as a SIMD prefix-sum
// kernel except On(PureGo): for integers under every policy (bit-identical),
// for floats under Unseq, Par and ParUnseq. As with Transform, the kernel
// writes an output of more than half the last-level cache (16 MiB where that
// is larger) that is not in place with non-temporal stores, on every chunk.
//
// Work O(n) sequentially, about 2n·W/(W+1) calls of op under Par; span
// O(n/(W+1) + chunks); extra memory O(chunks).
func InclusiveScan[T any](p execution.Policy, dst, src []T, op func(T, T) T) {
	checkFunc("InclusiveScan", "op", op == nil)
	checkScan("InclusiveScan", dst, src)
	defer guard()
	var zero T
	_ = scanCtx(context.Background(), p, dst, src, zero, false, op)
}

// InclusiveScanTask is the asynchronous form of InclusiveScan. Cancelling
// the future skips the chunks not yet started (dst is then partly written).
func InclusiveScanTask[T any](tp execution.TaskPolicy, dst, src []T, op func(T, T) T) *future.Future[struct{}] {
	checkFunc("InclusiveScanTask", "op", op == nil)
	checkScan("InclusiveScanTask", dst, src)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		var zero T
		return scanCtx(ctx, p, dst, src, zero, false, op)
	})
}

// ExclusiveScan sets dst[0] = init and dst[i] = init op src[0] op ... op
// src[i-1] for 0 < i < len(src): element i is left out of its own sum. The
// lengths, aliasing, policies, kernels and costs are those of InclusiveScan;
// under Seq it is the exact left fold starting from init. op is never
// applied to the last element of src, whose result no output holds.
func ExclusiveScan[T any](p execution.Policy, dst, src []T, init T, op func(T, T) T) {
	checkFunc("ExclusiveScan", "op", op == nil)
	checkScan("ExclusiveScan", dst, src)
	defer guard()
	_ = scanCtx(context.Background(), p, dst, src, init, true, op)
}

// ExclusiveScanTask is the asynchronous form of ExclusiveScan.
func ExclusiveScanTask[T any](tp execution.TaskPolicy, dst, src []T, init T, op func(T, T) T) *future.Future[struct{}] {
	checkFunc("ExclusiveScanTask", "op", op == nil)
	checkScan("ExclusiveScanTask", dst, src)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return scanCtx(ctx, p, dst, src, init, true, op)
	})
}

func checkScan[T any](name string, dst, src []T) {
	if len(dst) < len(src) {
		badArg(name, "dst has %d elements, src %d: dst must be at least as long as src", len(dst), len(src))
	}
	checkAlias(name, "src", dst, src, len(src))
}

// scanner scans one stretch of src into dst from a carry.
type scanner[T any] struct {
	op func(T, T) T
	k  func(dst, src []T, carry T) T // a prefix-sum kernel, or nil
	// inPlace: dst is src, so an exclusive scan by the kernel cannot write
	// dst[i+1] from src[i] (it would overwrite src[i+1] before reading it).
	inPlace bool
}

// inclusive scans src into dst with no carry (the first stretch) and
// returns the last value.
func (s scanner[T]) inclusive(dst, src []T) T {
	x0 := src[0]
	dst[0] = x0
	return s.inclusiveFrom(dst[1:], src[1:], x0)
}

// inclusiveFrom sets dst[i] = carry op src[0] op ... op src[i] and returns
// the last value (carry for an empty src).
func (s scanner[T]) inclusiveFrom(dst, src []T, carry T) T {
	if s.k != nil {
		return s.k(dst, src, carry)
	}
	dst = dst[:len(src)]
	for i, x := range src {
		carry = s.op(carry, x)
		dst[i] = carry
	}
	return carry
}

// exclusiveFrom sets dst[i] = carry op src[0] op ... op src[i-1] and, with
// total set, returns carry op src[0] op ... op src[len(src)-1]. Without
// total, op is not called on the last element, whose result no output
// holds: n-1 calls for n elements, as the sequential loop needs (an op
// that checks for overflow must not fail on a value nobody asked for).
func (s scanner[T]) exclusiveFrom(dst, src []T, carry T, total bool) T {
	if s.k != nil && !s.inPlace && len(src) > 0 {
		// Out of place, the exclusive scan is the inclusive one of
		// src[:n-1] from carry, written one element further on: one pass,
		// each element of dst written once.
		n := len(src)
		dst[0] = carry
		last := s.k(dst[1:n], src[:n-1], carry)
		if total {
			last = s.op(last, src[n-1])
		}
		return last
	}
	if s.k != nil {
		for b := 0; b < len(src); b += scanBlock {
			e := min(b+scanBlock, len(src))
			next := s.k(dst[b:e], src[b:e], carry)
			copy(dst[b+1:e], dst[b:e-1])
			dst[b] = carry
			carry = next
		}
		return carry
	}
	dst = dst[:len(src)]
	last := len(src) - 1
	for i, x := range src {
		dst[i] = carry
		if i < last || total {
			carry = s.op(carry, x)
		}
	}
	return carry
}

func scanCtx[T any](ctx context.Context, p execution.Policy, dst, src []T, init T, exclusive bool, op func(T, T) T) error {
	n := len(src)
	if n == 0 {
		return nil
	}
	dst = dst[:n]
	inPlace := overlap(dst, src)
	s := scanner[T]{op: op, k: cpu.LookupScan(p, op), inPlace: inPlace}
	grain := cpu.GrainLoop
	if s.k != nil {
		grain = cpu.GrainKernel
	}
	whole := func() {
		if exclusive {
			s.exclusiveFrom(dst, src, init, false)
		} else {
			s.inclusive(dst, src)
		}
	}
	// Two passes over the data pay off from two grains: below that the
	// scan runs whole in the caller.
	if inline(p, n, 2*grain) {
		whole()
		return nil
	}
	// Out of place, a scan writes each chunk of dst once, so a large one
	// takes the kernel's non-temporal form on every chunk (see Transform).
	if s.k != nil {
		s.k = cpu.Streaming(s.k, outBytes(dst, inPlace))
	}

	// Pass 1: the total of each chunk, and the chunk bounds (auto chunking
	// is timed, so the second pass reuses these bounds instead of asking the
	// runner again). The first chunk, whose carry is known, is scanned at
	// once, and the last chunk's total is never needed. With the default
	// chunking there are W+1 equal chunks for W workers, so that each pass
	// gives every worker one chunk: a span of 2n/(W+1) against n for the
	// sequential scan.
	type part struct {
		lo, hi int
		total  T
	}
	q := p
	if p.Chunk().Kind() == execution.ChunkDefault {
		w := execution.NumWorkers()
		q = p.With(execution.StaticChunk(max(grain, (n+w)/(w+1))))
	}
	reduce := cpu.LookupReduce(p, op)
	parts, err := cpu.MapChunks(ctx, q, n, grain, func(lo, hi int) part {
		switch {
		case lo == 0:
			if exclusive {
				return part{lo, hi, s.exclusiveFrom(dst[:hi], src[:hi], init, hi < n)}
			}
			return part{lo, hi, s.inclusive(dst[:hi], src[:hi])}
		case hi == n:
			return part{lo: lo, hi: hi} // its total is never needed
		case reduce != nil:
			return part{lo, hi, reduce(src[lo:hi])}
		}
		acc := src[lo]
		for _, x := range src[lo+1 : hi] {
			acc = op(acc, x)
		}
		return part{lo, hi, acc}
	})
	if err != nil || len(parts) == 1 {
		return err
	}

	// The carry into each later chunk: an exclusive scan of the totals,
	// starting from what the first chunk ended with.
	carries := make([]T, len(parts))
	carries[1] = parts[0].total
	for k := 2; k < len(parts); k++ {
		carries[k] = op(carries[k-1], parts[k-1].total)
	}

	// Pass 2: every chunk but the first scans its part from its carry.
	return cpu.ForContext(ctx, p.With(execution.DynamicChunk(1)), len(parts)-1, 1, func(a, b int) {
		for k := a + 1; k < b+1; k++ {
			lo, hi := parts[k].lo, parts[k].hi
			if exclusive {
				s.exclusiveFrom(dst[lo:hi], src[lo:hi], carries[k], false)
			} else {
				s.inclusiveFrom(dst[lo:hi], src[lo:hi], carries[k])
			}
		}
	})
}
