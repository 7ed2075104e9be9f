//go:build amd64 && !purego

package asm

import "math"

// Dispatch of the elementwise kernels on the active tier. The assembly
// kernels (elementwise_amd64.s, generated) process at most MaxStep elements
// per call; the helpers below step through longer slices.

func ewUnary[T ewNum](dst, src []T, twin, k2, k512 func(dst, src []T)) {
	var k func(dst, src []T)
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
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

func ewBinary[T ewNum](dst, a, b []T, twin, k2, k512 func(dst, a, b []T)) {
	var k func(dst, a, b []T)
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
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

func ewPrefix[T ewNum](dst, src []T, carry T, twin, k2, k512 func(dst, src []T, carry T) T) T {
	var k func(dst, src []T, carry T) T
	switch active {
	case AVX512:
		k = k512
	case AVX2:
		k = k2
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
	ewUnary(dst, src, squareGo[float32], squareF32AVX2, squareF32AVX512)
}

func absF32(dst, src []float32) { ewUnary(dst, src, absF32Go, absF32AVX2, absF32AVX512) }

func negateF32(dst, src []float32) { ewUnary(dst, src, negateF32Go, negateF32AVX2, negateF32AVX512) }

func addF32(dst, a, b []float32) { ewBinary(dst, a, b, addGo[float32], addF32AVX2, addF32AVX512) }

func mulF32(dst, a, b []float32) { ewBinary(dst, a, b, mulGo[float32], mulF32AVX2, mulF32AVX512) }

func prefixSumF32(dst, src []float32, carry float32) float32 {
	return ewPrefix(dst, src, carry, prefixSumGo[float32], prefixSumF32AVX2, prefixSumF32AVX512)
}

func fillF32(dst []float32, v float32) { ewFill(dst, v, fillF32AVX2, fillF32AVX512) }

func iotaF32(dst []float32, start float32) { iotaF32At(dst, start, 0) }

// iotaF32At sets dst[i] = start + float32(base+i).
func iotaF32At(dst []float32, start float32, base int) {
	ewIotaFloat(dst, start, base, iotaF32AVX2, iotaF32AVX512)
}

func squareF64(dst, src []float64) {
	ewUnary(dst, src, squareGo[float64], squareF64AVX2, squareF64AVX512)
}

func absF64(dst, src []float64) { ewUnary(dst, src, absF64Go, absF64AVX2, absF64AVX512) }

func negateF64(dst, src []float64) { ewUnary(dst, src, negateF64Go, negateF64AVX2, negateF64AVX512) }

func addF64(dst, a, b []float64) { ewBinary(dst, a, b, addGo[float64], addF64AVX2, addF64AVX512) }

func mulF64(dst, a, b []float64) { ewBinary(dst, a, b, mulGo[float64], mulF64AVX2, mulF64AVX512) }

func prefixSumF64(dst, src []float64, carry float64) float64 {
	return ewPrefix(dst, src, carry, prefixSumGo[float64], prefixSumF64AVX2, prefixSumF64AVX512)
}

func fillF64(dst []float64, v float64) { ewFill(dst, v, fillF64AVX2, fillF64AVX512) }

func iotaF64(dst []float64, start float64) { iotaF64At(dst, start, 0) }

// iotaF64At sets dst[i] = start + float64(base+i).
func iotaF64At(dst []float64, start float64, base int) {
	ewIotaFloat(dst, start, base, iotaF64AVX2, iotaF64AVX512)
}

func squareI32(dst, src []int32) { ewUnary(dst, src, squareGo[int32], squareI32AVX2, squareI32AVX512) }

func absI32(dst, src []int32) { ewUnary(dst, src, absIntGo[int32], absI32AVX2, absI32AVX512) }

func negateI32(dst, src []int32) {
	ewUnary(dst, src, negateIntGo[int32], negateI32AVX2, negateI32AVX512)
}

func addI32(dst, a, b []int32) { ewBinary(dst, a, b, addGo[int32], addI32AVX2, addI32AVX512) }

func mulI32(dst, a, b []int32) { ewBinary(dst, a, b, mulGo[int32], mulI32AVX2, mulI32AVX512) }

func prefixSumI32(dst, src []int32, carry int32) int32 {
	return ewPrefix(dst, src, carry, prefixSumGo[int32], prefixSumI32AVX2, prefixSumI32AVX512)
}

func fillI32(dst []int32, v int32) { ewFill(dst, v, fillI32AVX2, fillI32AVX512) }

func iotaI32(dst []int32, start int32) { ewIotaInt(dst, start, iotaI32AVX2, iotaI32AVX512) }

func squareI64(dst, src []int64) { ewUnary(dst, src, squareGo[int64], squareI64AVX2, squareI64AVX512) }

func absI64(dst, src []int64) { ewUnary(dst, src, absIntGo[int64], absI64AVX2, absI64AVX512) }

func negateI64(dst, src []int64) {
	ewUnary(dst, src, negateIntGo[int64], negateI64AVX2, negateI64AVX512)
}

func addI64(dst, a, b []int64) { ewBinary(dst, a, b, addGo[int64], addI64AVX2, addI64AVX512) }

func mulI64(dst, a, b []int64) { ewBinary(dst, a, b, mulGo[int64], mulI64AVX2, mulI64AVX512) }

func prefixSumI64(dst, src []int64, carry int64) int64 {
	return ewPrefix(dst, src, carry, prefixSumGo[int64], prefixSumI64AVX2, prefixSumI64AVX512)
}

func fillI64(dst []int64, v int64) { ewFill(dst, v, fillI64AVX2, fillI64AVX512) }

func iotaI64(dst []int64, start int64) { ewIotaInt(dst, start, iotaI64AVX2, iotaI64AVX512) }
