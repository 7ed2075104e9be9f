package cpu

import "github.com/hpgo/hpgo/internal/ntstore"

// Streaming returns the form of the element-wise kernel k (as
// LookupTransform or LookupTransform2 return it) that writes every piece
// with non-temporal stores, for a call whose whole output, outBytes long,
// no cache holds: outBytes at least the size from which package asm's
// kernels store past the caches by themselves (more than half the
// last-level cache). Otherwise, and where k has no such form (a kernel
// registered for a named element type, On(PureGo)), it returns k.
//
// A parallel call runs k on chunks, each of which would decide from its
// own length; so the chunks of a large output on many workers would all
// store through the caches. The caller passes outBytes 0 for an output in
// place, whose lines the input's loads bring into cache anyway.
func Streaming[K any](k K, outBytes int) K {
	if outBytes < ntstore.MinBytes() {
		return k
	}
	if nt, ok := ntstore.Lookup(k); ok {
		return nt
	}
	return k
}
