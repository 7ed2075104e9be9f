package parallel

import "unsafe"

// memSpan is the memory [lo, hi) that the first n elements of s occupy; it
// is empty for n == 0 and for zero-size elements.
func memSpan[T any](s []T, n int) (lo, hi uintptr) {
	var z T
	lo = uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	return lo, lo + uintptr(n)*unsafe.Sizeof(z)
}

// overlap reports whether the memory of a and b overlaps.
func overlap[T, U any](a []T, b []U) bool {
	alo, ahi := memSpan(a, len(a))
	blo, bhi := memSpan(b, len(b))
	return alo < ahi && blo < bhi && alo < bhi && blo < ahi
}

// checkAlias panics unless the n elements an algorithm writes to dst either
// lie apart from the n it reads from src or are exactly those elements
// (dst[i] at src[i]: an in-place call). Any other overlap would let a write
// land on an element not read yet, and the result would depend on the
// policy, the chunking and the SIMD tier. It costs a few compares.
func checkAlias[T, U any](name, srcName string, dst []U, src []T, n int) {
	dst, src = dst[:n], src[:n]
	if !overlap(dst, src) {
		return
	}
	dlo, dhi := memSpan(dst, len(dst))
	slo, shi := memSpan(src, len(src))
	if dlo == slo && dhi == shi {
		return // in place
	}
	badArg(name, "dst overlaps %s without being %s itself (dst[0] is at byte offset %d from %s[0])",
		srcName, srcName, int(dlo-slo), srcName)
}

// checkFilterAlias is checkAlias for CopyIf, which writes dst[w] only after
// reading src[i] for some i >= w: a dst that starts at src or before it in
// the same array is safe, as in slices.DeleteFunc, and only a dst that
// starts inside src, after its first element, would overwrite elements not
// read yet.
func checkFilterAlias[T any](name string, dst, src []T) {
	dlo, _ := memSpan(dst, len(dst))
	slo, _ := memSpan(src, len(src))
	if dlo > slo && overlap(dst, src) {
		badArg(name, "dst starts inside src, %d bytes after src[0]: a filter in place needs dst at or before src", int(dlo-slo))
	}
}
