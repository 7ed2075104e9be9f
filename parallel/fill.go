package parallel

import (
	"context"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/op"
)

// Fill sets every element of xs to v. The types package asm covers use a
// SIMD kernel (except On(PureGo)); under Par and ParUnseq chunks are filled
// concurrently.
//
// Work O(n), span O(n/P + chunk), extra memory O(chunks).
func Fill[T any](p execution.Policy, xs []T, v T) {
	defer guard()
	_ = fillCtx(context.Background(), p, xs, v)
}

// FillTask is the asynchronous form of Fill.
func FillTask[T any](tp execution.TaskPolicy, xs []T, v T) *future.Future[struct{}] {
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return fillCtx(ctx, p, xs, v)
	})
}

func fillCtx[T any](ctx context.Context, p execution.Policy, xs []T, v T) error {
	n := len(xs)
	if n == 0 {
		return nil
	}
	k := cpu.LookupFill[T](p)
	if k == nil {
		k = func(dst []T, v T) {
			for i := range dst {
				dst[i] = v
			}
		}
	}
	if inline(p, n, cpu.GrainKernel) {
		k(xs, v)
		return nil
	}
	return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { k(xs[lo:hi], v) })
}

// Iota sets xs[i] = start + T(i) for every i: start, start+1, start+2, ...
// Integers wrap. For floats each element is start + T(i) exactly as Go
// computes it, T(i) and the sum each rounded (T(i) is exact below 2^24 for
// float32, 2^53 for float64), never an accumulated start+1+1+...; the two
// agree while the values are exactly representable. The result is the same under
// every policy; the types package asm covers use a SIMD kernel (except
// On(PureGo)).
//
// Work O(n), span O(n/P + chunk), extra memory O(chunks).
func Iota[T op.Number](p execution.Policy, xs []T, start T) {
	defer guard()
	_ = iotaCtx(context.Background(), p, xs, start)
}

// IotaTask is the asynchronous form of Iota.
func IotaTask[T op.Number](tp execution.TaskPolicy, xs []T, start T) *future.Future[struct{}] {
	return runVoidTask(tp, func(ctx context.Context, p execution.Policy) error {
		return iotaCtx(ctx, p, xs, start)
	})
}

func iotaCtx[T op.Number](ctx context.Context, p execution.Policy, xs []T, start T) error {
	n := len(xs)
	if n == 0 {
		return nil
	}
	if k := cpu.LookupIota[T](p); k != nil {
		if inline(p, n, cpu.GrainKernel) {
			k(xs, start)
			return nil
		}
		if isInteger[T]() {
			// (start + lo) + j == start + (lo + j) in wrapping arithmetic.
			return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { k(xs[lo:hi], start+T(lo)) })
		}
		// For floats (start + lo) + j may round differently: each chunk
		// computes start + T(lo+j), rounded once.
		if ko := cpu.LookupIotaOffset[T](p); ko != nil {
			return cpu.ForContext(ctx, p, n, cpu.GrainKernel, func(lo, hi int) { ko(xs[lo:hi], start, lo) })
		}
	}
	body := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			xs[i] = start + T(i)
		}
	}
	if inline(p, n, cpu.GrainKernel) {
		body(0, n)
		return nil
	}
	return cpu.ForContext(ctx, p, n, cpu.GrainKernel, body)
}

// isInteger reports whether T is an integer type.
func isInteger[T op.Number]() bool {
	var h T = 1
	h /= 2
	return h == 0
}
