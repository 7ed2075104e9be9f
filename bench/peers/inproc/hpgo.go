package inproc

import (
	"unsafe"

	"github.com/hpgo/hpgo/asm"
)

// hpgo's kernels for T, called directly (no policy, no lookup).

func hpgoSum[T Float](x []T) T {
	if isF32[T]() {
		return T(asm.SumF32(cast[float32](x)))
	}
	return T(asm.SumF64(cast[float64](x)))
}

func hpgoSumSquares[T Float](x []T) T {
	if isF32[T]() {
		return T(asm.SumSquaresF32(cast[float32](x)))
	}
	return T(asm.SumSquaresF64(cast[float64](x)))
}

func hpgoDot[T Float](x, y []T) T {
	if isF32[T]() {
		return T(asm.DotF32(cast[float32](x), cast[float32](y)))
	}
	return T(asm.DotF64(cast[float64](x), cast[float64](y)))
}

func cast[To, From any](x []From) []To {
	return unsafe.Slice((*To)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

func unsafeSizeof[T any](v T) uintptr { return unsafe.Sizeof(v) }
