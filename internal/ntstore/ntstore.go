// Package ntstore hands the dispatch layer (backend/cpu) the forms of
// package asm's elementwise kernels that always write with non-temporal
// stores, without making them part of asm's API.
//
// An asm kernel decides for itself, from the length of the output it is
// given, whether to store past the caches. A parallel call gives each
// kernel call one chunk of the output, which can be far shorter than the
// whole: the chunks of a 64 MiB output on 8 chunks are 8 MiB each, below
// the threshold, though no cache holds the whole output. The caller that
// sees the whole output asks for the streaming form instead, for every
// chunk.
package ntstore

import (
	"math"
	"reflect"
	"sync/atomic"
)

var (
	// forms maps the code pointer of a kernel to its always-non-temporal
	// form (a func of the same type). Written by package asm's init only.
	forms = map[uintptr]any{}
	// minBytes returns the output size from which a whole call should store
	// non-temporally.
	minBytes = func() int { return math.MaxInt }
	// forced, when not negative, is what MinBytes returns (ForceForTest).
	forced atomic.Int64
)

func init() { forced.Store(-1) }

// Register records nt as the always-non-temporal form of kernel. It is for
// package initialization only.
func Register[F any](kernel, nt F) { forms[reflect.ValueOf(kernel).Pointer()] = nt }

// SetMinBytes sets the function that gives the output size, in bytes, from
// which a whole call should store non-temporally. It is for package
// initialization only.
func SetMinBytes(f func() int) { minBytes = f }

// MinBytes is the output size, in bytes, from which a whole call should
// store non-temporally (math.MaxInt where no kernel has such a form).
func MinBytes() int {
	if n := forced.Load(); n >= 0 {
		return int(n)
	}
	return minBytes()
}

// Lookup returns the always-non-temporal form of kernel, if it has one.
func Lookup[F any](kernel F) (F, bool) {
	nt, ok := forms[reflect.ValueOf(kernel).Pointer()].(F)
	return nt, ok
}

// ForceForTest makes MinBytes return n until restore is called, so that
// tests can send short outputs through the streaming forms.
func ForceForTest(n int) (restore func()) {
	old := forced.Swap(int64(n))
	return func() { forced.Store(old) }
}
