//go:build amd64 && !purego

package asm

import "math"

// The assembly kernels take at most MaxStep elements a call, so that a call
// never holds off preemption or the GC for long. These helpers run a kernel
// over a longer input, one MaxStep piece at a time, and fold the pieces'
// results. (The float sums' stepping, rdStepSumF32 and the like, sits with
// the twins, which step the same way.)

// rdStepSum sums x with k, MaxStep elements at a time, wrapping around.
func rdStepSum[T rdInt](x []T, k func([]T) T) T {
	var s T
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s += k(x[:n])
		x = x[n:]
	}
	return s
}

// rdStepDot is rdStepSum for two inputs of equal length.
func rdStepDot[T rdInt](x, y []T, k func(x, y []T) T) T {
	var s T
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s += k(x[:n], y[:n])
		x, y = x[n:], y[n:]
	}
	return s
}

// rdStepXor XORs the results of k over MaxStep pieces of x.
func rdStepXor(x []uint64, k func([]uint64) uint64) uint64 {
	var s uint64
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		s ^= k(x[:n])
		x = x[n:]
	}
	return s
}

// rdStepMin folds min over the results of k on MaxStep pieces of a non-empty x.
func rdStepMin[T rdOrdered](x []T, k func([]T) T) T {
	n := min(len(x), MaxStep)
	m := k(x[:n])
	for x = x[n:]; len(x) > 0; x = x[n:] {
		n = min(len(x), MaxStep)
		m = min(m, k(x[:n]))
	}
	return m
}

// rdStepMax folds max over the results of k on MaxStep pieces of a non-empty x.
func rdStepMax[T rdOrdered](x []T, k func([]T) T) T {
	n := min(len(x), MaxStep)
	m := k(x[:n])
	for x = x[n:]; len(x) > 0; x = x[n:] {
		n = min(len(x), MaxStep)
		m = max(m, k(x[:n]))
	}
	return m
}

// rdStepMinMax folds min and max over the results of k on MaxStep pieces of
// a non-empty x.
func rdStepMinMax[T rdOrdered](x []T, k func([]T) (T, T)) (lo, hi T) {
	n := min(len(x), MaxStep)
	lo, hi = k(x[:n])
	for x = x[n:]; len(x) > 0; x = x[n:] {
		n = min(len(x), MaxStep)
		l, h := k(x[:n])
		lo, hi = min(lo, l), max(hi, h)
	}
	return lo, hi
}

// rdStepMaxNonNaN folds MaxNonNaN's results of k on MaxStep pieces of x.
func rdStepMaxNonNaN[F rdFloat](x []F, k func([]F) (F, bool)) (m F, ok bool) {
	m = F(math.Inf(-1))
	for len(x) > 0 {
		n := min(len(x), MaxStep)
		if v, found := k(x[:n]); found {
			m, ok = max(m, v), true
		}
		x = x[n:]
	}
	return m, ok
}

// rdStepIndex searches x for v with k, MaxStep elements at a time.
func rdStepIndex[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	for base := 0; base < len(x); base += MaxStep {
		if i := k(x[base:min(len(x), base+MaxStep)], v); i >= 0 {
			return base + i
		}
	}
	return -1
}

// rdStepLastIndex searches x for v with k, MaxStep elements at a time from
// the end.
func rdStepLastIndex[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	for end := len(x); end > 0; end -= MaxStep {
		base := max(0, end-MaxStep)
		if i := k(x[base:end], v); i >= 0 {
			return base + i
		}
	}
	return -1
}

// rdStepCount counts v in x with k, MaxStep elements at a time.
func rdStepCount[T rdOrdered](x []T, v T, k func([]T, T) int) int {
	c := 0
	for base := 0; base < len(x); base += MaxStep {
		c += k(x[base:min(len(x), base+MaxStep)], v)
	}
	return c
}
