//go:build amd64 && !purego

package asm

import (
	"math"
	"unsafe"
)

// Dispatch of the elementwise kernels on the active tier. The assembly
// kernels (elementwise_amd64.s, generated) process at most MaxStep elements
// per call; the helpers below step through longer slices.

// nontemporal reports whether an elementwise call that writes dst from the
// input a (and b, where not nil) should run its NT kernel, whose stores
// bypass the caches. A cached store reads each line before it writes it; a
// non-temporal one does not, so a Transform over DRAM moves a third fewer
// bytes (64Mi float32 on the 2-core Zen 4 VM: 1.3-1.6x under Unseq, 1.4-1.5x
// under Par). That pays only when
//   - dst shares no memory with an input: in place, the input's load has
//     brought the line in already, and a cached store leaves it in L3 for
//     the next call (5Mi float32 negated in place, 20 MiB: 102 GB/s with
//     cached stores, 47 with non-temporal ones);
//   - dst has streamMin bytes or more: with its input of the same size it
//     then does not fit L3.
func nontemporal[T any](dst, a, b []T) bool {
	return len(dst)*int(unsafe.Sizeof(*new(T))) >= streamMin && !ewOverlap(dst, a) && !ewOverlap(dst, b)
}

// ewOverlap reports whether x and y share memory.
func ewOverlap[T any](x, y []T) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	size := unsafe.Sizeof(*new(T))
	x0, y0 := uintptr(unsafe.Pointer(&x[0])), uintptr(unsafe.Pointer(&y[0]))
	return x0 < y0+uintptr(len(y))*size && y0 < x0+uintptr(len(x))*size
}

// pickNT returns kNT if nt, else k.
func pickNT[K any](nt bool, k, kNT K) K {
	if nt {
		return kNT
	}
	return k
}

func ewUnary[T ewNum](dst, src []T, twin, k2, k512, k2NT, k512NT func(dst, src []T)) {
	var k func(dst, src []T)
	switch active {
	case AVX512:
		k = pickNT(nontemporal(dst, src, nil), k512, k512NT)
	case AVX2:
		k = pickNT(nontemporal(dst, src, nil), k2, k2NT)
	default:
		twin(dst, src)
		return
	}
	for len(src) > MaxStep {
		k(dst[:MaxStep], src[:MaxStep])
		dst, src = dst[MaxStep:], src[MaxStep:]
	}
	k(dst, src)
}

func ewBinary[T ewNum](dst, a, b []T, twin, k2, k512, k2NT, k512NT func(dst, a, b []T)) {
	var k func(dst, a, b []T)
	switch active {
	case AVX512:
		k = pickNT(nontemporal(dst, a, b), k512, k512NT)
	case AVX2:
		k = pickNT(nontemporal(dst, a, b), k2, k2NT)
	default:
		twin(dst, a, b)
		return
	}
	for len(a) > MaxStep {
		k(dst[:MaxStep], a[:MaxStep], b[:MaxStep])
		dst, a, b = dst[MaxStep:], a[MaxStep:], b[MaxStep:]
	}
	k(dst, a, b)
}

func ewPrefix[T ewNum](dst, src []T, carry T, twin, k2, k512, k2NT, k512NT func(dst, src []T, carry T) T) T {
	var k func(dst, src []T, carry T) T
	switch active {
	case AVX512:
		k = pickNT(nontemporal(dst, src, nil), k512, k512NT)
	case AVX2:
		k = pickNT(nontemporal(dst, src, nil), k2, k2NT)
	default:
		return twin(dst, src, carry)
	}
	for len(src) > MaxStep {
		carry = k(dst[:MaxStep], src[:MaxStep], carry)
		dst, src = dst[MaxStep:], src[MaxStep:]
	}
	return k(dst, src, carry)
}

func ewFill[T ewNum](dst []T, v T, k2, k512 func(dst []T, v T)) {
	var k func(dst []T, v T)
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
	default:
		fillGo(dst, v)
		return
	}
	for len(dst) > MaxStep {
		k(dst[:MaxStep], v)
		dst = dst[MaxStep:]
	}
	k(dst, v)
}

// ewIotaInt passes each piece its start, start + T(offset) (wrapping).
func ewIotaInt[T ewInt](dst []T, start T, k2, k512 func(dst []T, start T)) {
	var k func(dst []T, start T)
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
	default:
		iotaGo(dst, start, 0)
		return
	}
	for len(dst) > MaxStep {
		k(dst[:MaxStep], start)
		dst, start = dst[MaxStep:], start+MaxStep
	}
	k(dst, start)
}

// ewIotaFloat sets dst[i] = start + T(base+i), passing each piece its first
// index; the kernels convert int32 indices, so pieces whose indices reach
// 2^31 run the Go loop.
func ewIotaFloat[T float32 | float64](dst []T, start T, base int, k2, k512 func(dst []T, start T, base int)) {
	var k func(dst []T, start T, base int)
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
	default:
		iotaGo(dst, start, base)
		return
	}
	for ; len(dst) > 0; base += MaxStep {
		m := min(len(dst), MaxStep)
		if base > math.MaxInt32-m { // not base+m: that can wrap
			iotaGo(dst, start, base)
			return
		}
		k(dst[:m], start, base)
		dst = dst[m:]
	}
}

func squareF32(dst, src []float32) {
	ewUnary(dst, src, squareGo[float32], squareF32AVX2, squareF32AVX512, squareF32AVX2NT, squareF32AVX512NT)
}

func absF32(dst, src []float32) {
	ewUnary(dst, src, absF32Go, absF32AVX2, absF32AVX512, absF32AVX2NT, absF32AVX512NT)
}

func negateF32(dst, src []float32) {
	ewUnary(dst, src, negateF32Go, negateF32AVX2, negateF32AVX512, negateF32AVX2NT, negateF32AVX512NT)
}

func addF32(dst, a, b []float32) {
	ewBinary(dst, a, b, addGo[float32], addF32AVX2, addF32AVX512, addF32AVX2NT, addF32AVX512NT)
}

func mulF32(dst, a, b []float32) {
	ewBinary(dst, a, b, mulGo[float32], mulF32AVX2, mulF32AVX512, mulF32AVX2NT, mulF32AVX512NT)
}

func prefixSumF32(dst, src []float32, carry float32) float32 {
	return ewPrefix(dst, src, carry, prefixSumGo[float32], prefixSumF32AVX2, prefixSumF32AVX512, prefixSumF32AVX2NT, prefixSumF32AVX512NT)
}

func fillF32(dst []float32, v float32) {
	ewFill(dst, v, fillF32AVX2, fillF32AVX512)
}

func iotaF32(dst []float32, start float32) { iotaF32At(dst, start, 0) }

// iotaF32At sets dst[i] = start + float32(base+i).
func iotaF32At(dst []float32, start float32, base int) {
	ewIotaFloat(dst, start, base, iotaF32AVX2, iotaF32AVX512)
}

func squareF64(dst, src []float64) {
	ewUnary(dst, src, squareGo[float64], squareF64AVX2, squareF64AVX512, squareF64AVX2NT, squareF64AVX512NT)
}

func absF64(dst, src []float64) {
	ewUnary(dst, src, absF64Go, absF64AVX2, absF64AVX512, absF64AVX2NT, absF64AVX512NT)
}

func negateF64(dst, src []float64) {
	ewUnary(dst, src, negateF64Go, negateF64AVX2, negateF64AVX512, negateF64AVX2NT, negateF64AVX512NT)
}

func addF64(dst, a, b []float64) {
	ewBinary(dst, a, b, addGo[float64], addF64AVX2, addF64AVX512, addF64AVX2NT, addF64AVX512NT)
}

func mulF64(dst, a, b []float64) {
	ewBinary(dst, a, b, mulGo[float64], mulF64AVX2, mulF64AVX512, mulF64AVX2NT, mulF64AVX512NT)
}

func prefixSumF64(dst, src []float64, carry float64) float64 {
	return ewPrefix(dst, src, carry, prefixSumGo[float64], prefixSumF64AVX2, prefixSumF64AVX512, prefixSumF64AVX2NT, prefixSumF64AVX512NT)
}

func fillF64(dst []float64, v float64) {
	ewFill(dst, v, fillF64AVX2, fillF64AVX512)
}

func iotaF64(dst []float64, start float64) { iotaF64At(dst, start, 0) }

// iotaF64At sets dst[i] = start + float64(base+i).
func iotaF64At(dst []float64, start float64, base int) {
	ewIotaFloat(dst, start, base, iotaF64AVX2, iotaF64AVX512)
}

func squareI32(dst, src []int32) {
	ewUnary(dst, src, squareGo[int32], squareI32AVX2, squareI32AVX512, squareI32AVX2NT, squareI32AVX512NT)
}

func absI32(dst, src []int32) {
	ewUnary(dst, src, absIntGo[int32], absI32AVX2, absI32AVX512, absI32AVX2NT, absI32AVX512NT)
}

func negateI32(dst, src []int32) {
	ewUnary(dst, src, negateIntGo[int32], negateI32AVX2, negateI32AVX512, negateI32AVX2NT, negateI32AVX512NT)
}

func addI32(dst, a, b []int32) {
	ewBinary(dst, a, b, addGo[int32], addI32AVX2, addI32AVX512, addI32AVX2NT, addI32AVX512NT)
}

func mulI32(dst, a, b []int32) {
	ewBinary(dst, a, b, mulGo[int32], mulI32AVX2, mulI32AVX512, mulI32AVX2NT, mulI32AVX512NT)
}

func prefixSumI32(dst, src []int32, carry int32) int32 {
	return ewPrefix(dst, src, carry, prefixSumGo[int32], prefixSumI32AVX2, prefixSumI32AVX512, prefixSumI32AVX2NT, prefixSumI32AVX512NT)
}

func fillI32(dst []int32, v int32) {
	ewFill(dst, v, fillI32AVX2, fillI32AVX512)
}

func iotaI32(dst []int32, start int32) {
	ewIotaInt(dst, start, iotaI32AVX2, iotaI32AVX512)
}

func squareI64(dst, src []int64) {
	ewUnary(dst, src, squareGo[int64], squareI64AVX2, squareI64AVX512, squareI64AVX2NT, squareI64AVX512NT)
}

func absI64(dst, src []int64) {
	ewUnary(dst, src, absIntGo[int64], absI64AVX2, absI64AVX512, absI64AVX2NT, absI64AVX512NT)
}

func negateI64(dst, src []int64) {
	ewUnary(dst, src, negateIntGo[int64], negateI64AVX2, negateI64AVX512, negateI64AVX2NT, negateI64AVX512NT)
}

func addI64(dst, a, b []int64) {
	ewBinary(dst, a, b, addGo[int64], addI64AVX2, addI64AVX512, addI64AVX2NT, addI64AVX512NT)
}

func mulI64(dst, a, b []int64) {
	ewBinary(dst, a, b, mulGo[int64], mulI64AVX2, mulI64AVX512, mulI64AVX2NT, mulI64AVX512NT)
}

func prefixSumI64(dst, src []int64, carry int64) int64 {
	return ewPrefix(dst, src, carry, prefixSumGo[int64], prefixSumI64AVX2, prefixSumI64AVX512, prefixSumI64AVX2NT, prefixSumI64AVX512NT)
}

func fillI64(dst []int64, v int64) {
	ewFill(dst, v, fillI64AVX2, fillI64AVX512)
}

func iotaI64(dst []int64, start int64) {
	ewIotaInt(dst, start, iotaI64AVX2, iotaI64AVX512)
}
