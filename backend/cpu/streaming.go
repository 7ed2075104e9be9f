package cpu

import (
	"reflect"
	"unsafe"

	"github.com/hpgo/hpgo/internal/ntstore"
)

// Streaming returns the form of the element-wise or scan kernel k (as
// LookupTransform, LookupTransform2 or LookupScan return it) that writes
// every piece with non-temporal stores, for a call whose whole output,
// outBytes long, no cache holds: outBytes at least the size from which
// package asm's kernels store past the caches by themselves (more than half
// the last-level cache, at least 4 MiB, and 16 MiB for a cache above 32
// MiB). Otherwise, and
// where k has no such form (On(PureGo), a kernel some other package
// registered), it returns k. The Square, Abs, Negate, Add and Mul kernels
// and the prefix sums this package registers have one, and so do those it
// derives from them for named element types.
//
// A parallel call runs k on chunks, each of which would decide from its
// own length; so the chunks of a large output on many workers would all
// store through the caches. The caller passes outBytes 0 for an output in
// place, whose lines the input's loads bring into cache anyway.
func Streaming[K any](k K, outBytes int) K {
	if outBytes == 0 || outBytes < ntstore.MinBytes() {
		return k
	}
	nt, ok := ntstore.Lookup(k)
	if !ok {
		return k
	}
	if f, typed := nt.(K); typed {
		return f
	}
	// k was derived for a named element type from the kernel nt is the
	// form of (derive.go): the same func value under a type of the same ABI.
	if !sameABI(reflect.TypeOf(nt), reflect.TypeFor[K]()) {
		return k
	}
	var f K
	*(*unsafe.Pointer)(unsafe.Pointer(&f)) = funcWord(nt)
	return f
}

// mapAsStreaming is MapAs that also registers, for the adapter it returns,
// the adapted streaming form of k where k has one, so that Streaming finds
// it. For this package's own registrations at initialization only: the
// forms are never dropped.
func mapAsStreaming[T, K any](k func(dst, src []K)) func(dst, src []T) {
	return withStreamingForm(k, MapAs[T, K])
}

// map2AsStreaming is mapAsStreaming for binary kernels (Map2As).
func map2AsStreaming[T, K any](k func(dst, a, b []K)) func(dst, a, b []T) {
	return withStreamingForm(k, Map2As[T, K])
}

// scanAsStreaming is mapAsStreaming for scan kernels (ScanAs).
func scanAsStreaming[T, K any](k func(dst, src []K, carry K) K) func(dst, src []T, carry T) T {
	return withStreamingForm(k, ScanAs[T, K])
}

// withStreamingForm returns adapt(k) and registers adapt of k's streaming
// form as that adapter's, where k has one.
func withStreamingForm[K, F any](k K, adapt func(K) F) F {
	f := adapt(k)
	if reflect.ValueOf(f).IsNil() {
		return f // the adapter does not apply on this platform
	}
	if nt, ok := ntstore.Lookup(k); ok {
		if ntk, typed := nt.(K); typed {
			ntstore.Register(f, adapt(ntk))
		}
	}
	return f
}
