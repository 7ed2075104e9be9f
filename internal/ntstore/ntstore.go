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
	"unsafe"
)

var (
	// forms maps a kernel, by its func value (the pointer to its closure
	// record), to its always-non-temporal form (a func of the same type).
	// Keyed by func value rather than by code, so that each closure (an
	// adapter of a kernel to another element type, say) can have a form of
	// its own while all of them share their code. Written by package
	// initialization only.
	forms = map[unsafe.Pointer]any{}
	// minBytes returns the output size from which a whole call should store
	// non-temporally.
	minBytes = func() int { return math.MaxInt }
	// forced, when not negative, is what MinBytes returns (ForceForTest).
	forced atomic.Int64
)

func init() { forced.Store(-1) }

// Register records nt as the always-non-temporal form of kernel, a func
// value. It is for package initialization only.
func Register[F any](kernel, nt F) {
	if t := reflect.TypeFor[F](); t.Kind() != reflect.Func {
		panic("hpgo: ntstore.Register: " + t.String() + " is not a func type")
	}
	forms[funcValue(kernel)] = nt
}

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

// Lookup returns the always-non-temporal form registered for kernel, a
// func value, as it was registered: usually an F, but another func type of
// the same ABI where kernel is a copy of a registered func value under
// another type (backend/cpu's kernels for named element types).
func Lookup[F any](kernel F) (form any, ok bool) {
	if reflect.TypeFor[F]().Kind() != reflect.Func {
		return nil, false
	}
	form, ok = forms[funcValue(kernel)]
	return form, ok
}

// funcValue is the pointer that func value f holds: its closure record, the
// same for every use of a top-level function.
func funcValue[F any](f F) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&f)) }

// ForceForTest makes MinBytes return n until restore is called, so that
// tests can send short outputs through the streaming forms.
func ForceForTest(n int) (restore func()) {
	old := forced.Swap(int64(n))
	return func() { forced.Store(old) }
}
