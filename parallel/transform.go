package parallel

import (
	"context"
	"unsafe"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// Transform sets dst[i] = fn(src[i]) for every i < len(src). dst must be at
// least as long as src, and dst may be src (in place) but must not overlap
// it otherwise: Transform panics if either rule is broken.
//
// The known element-wise operations of package op (op.Square, op.Abs,
// op.Negate, ...) run as SIMD kernels under every policy except On(PureGo):
// they give the same bits as the loop. Other functions run as a Go loop, in
// order under Seq and in concurrent chunks under Par and ParUnseq. A kernel
// writes an output of more than half the last-level cache (16 MiB where that
// is larger) that is not in place with non-temporal stores, under every
// policy (see package asm and cpu.Streaming): such a dst comes back from
// DRAM, not from cache, on its next read.
//
// Work O(n), span O(n/P + chunk), extra memory O(chunks).
func Transform[T, U any](p execution.Policy, dst []U, src []T, fn func(T) U) {
	checkFunc("Transform", "fn", fn == nil)
	checkTransform("Transform", dst, src)
	defer guard()
	_ = transformCtx(context.Background(), p, dst, src, fn)
}

// TransformTask is the asynchronous form of Transform. Cancelling the future
// skips the chunks not yet started (dst is then partly written).
func TransformTask[T, U any](tp execution.TaskPolicy, dst []U, src []T, fn func(T) U) *future.Future[struct{}] {
	checkFunc("TransformTask", "fn", fn == nil)
	checkTransform("TransformTask", dst, src)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return transformCtx(ctx, p, dst, src, fn)
	})
}

func checkTransform[T, U any](name string, dst []U, src []T) {
	if len(dst) < len(src) {
		badArg(name, "dst has %d elements, src %d: dst must be at least as long as src", len(dst), len(src))
	}
	checkAlias(name, "src", dst, src, len(src))
}

func transformCtx[T, U any](ctx context.Context, p execution.Policy, dst []U, src []T, fn func(T) U) error {
	n := len(src)
	if n == 0 {
		return nil
	}
	dst = dst[:n]
	if k := cpu.LookupTransform(p, fn); k != nil {
		if inline(p, n, cpu.GrainKernel) {
			k(dst, src)
			return nil
		}
		k = cpu.Streaming(k, outBytes(dst, overlap(dst, src)))
		return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { k(dst[lo:hi], src[lo:hi]) })
	}
	if !p.Parallel() {
		for i, x := range src {
			dst[i] = fn(x)
		}
		return nil
	}
	return cpu.ForContext(ctx, p, n, cpu.GrainLoop, func(lo, hi int) {
		d, s := dst[lo:hi], src[lo:hi]
		for i, x := range s {
			d[i] = fn(x)
		}
	})
}

// Transform2 sets dst[i] = fn(a[i], b[i]) for every i < len(a). a and b must
// have the same length and dst must be at least as long; dst may be a or b
// (in place) but must not overlap them otherwise. Transform2 panics if any
// of these rules is broken. op.Add, op.Mul, ... of the same element type
// run as SIMD kernels (bit-identical to the loop) except On(PureGo), with
// non-temporal stores for a large output as in Transform.
//
// Work O(n), span O(n/P + chunk), extra memory O(chunks).
func Transform2[T, U, V any](p execution.Policy, dst []V, a []T, b []U, fn func(T, U) V) {
	checkFunc("Transform2", "fn", fn == nil)
	checkTransform2("Transform2", dst, a, b)
	defer guard()
	_ = transform2Ctx(context.Background(), p, dst, a, b, fn)
}

// Transform2Task is the asynchronous form of Transform2.
func Transform2Task[T, U, V any](tp execution.TaskPolicy, dst []V, a []T, b []U, fn func(T, U) V) *future.Future[struct{}] {
	checkFunc("Transform2Task", "fn", fn == nil)
	checkTransform2("Transform2Task", dst, a, b)
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return transform2Ctx(ctx, p, dst, a, b, fn)
	})
}

func checkTransform2[T, U, V any](name string, dst []V, a []T, b []U) {
	if len(a) != len(b) {
		badArg(name, "inputs of different lengths %d and %d", len(a), len(b))
	}
	if len(dst) < len(a) {
		badArg(name, "dst has %d elements, inputs %d: dst must be at least as long", len(dst), len(a))
	}
	checkAlias(name, "a", dst, a, len(a))
	checkAlias(name, "b", dst, b, len(b))
}

func transform2Ctx[T, U, V any](ctx context.Context, p execution.Policy, dst []V, a []T, b []U, fn func(T, U) V) error {
	n := len(a)
	if n == 0 {
		return nil
	}
	dst = dst[:n]
	if k := cpu.LookupTransform2(p, fn); k != nil {
		if inline(p, n, cpu.GrainKernel) {
			k(dst, a, b)
			return nil
		}
		k = cpu.Streaming(k, outBytes(dst, overlap(dst, a) || overlap(dst, b)))
		return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { k(dst[lo:hi], a[lo:hi], b[lo:hi]) })
	}
	if !p.Parallel() {
		for i := range dst {
			dst[i] = fn(a[i], b[i])
		}
		return nil
	}
	return cpu.ForContext(ctx, p, n, cpu.GrainLoop, func(lo, hi int) {
		d, x, y := dst[lo:hi], a[lo:hi], b[lo:hi]
		for i := range d {
			d[i] = fn(x[i], y[i])
		}
	})
}

// outBytes is the size of dst in bytes for cpu.Streaming, or 0 when dst is
// written in place.
func outBytes[T any](dst []T, inPlace bool) int {
	if inPlace {
		return 0
	}
	return len(dst) * int(unsafe.Sizeof(*new(T)))
}
