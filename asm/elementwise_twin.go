package asm

import "math"

// Pure-Go twins of the elementwise kernels. They are the reference semantics
// that every tier is tested against, and the kernels of the PureGo tier. The
// callers have checked the lengths: len(dst) >= len(src) (or len(a)), and
// len(a) == len(b).

// ewNum is the element types the elementwise kernels support.
type ewNum interface {
	~int32 | ~int64 | ~float32 | ~float64
}

type ewInt interface{ ~int32 | ~int64 }

func squareGo[T ewNum](dst, src []T) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = v * v
	}
}

func absF32Go(dst, src []float32) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float32frombits(math.Float32bits(v) &^ (1 << 31))
	}
}

func absF64Go(dst, src []float64) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float64frombits(math.Float64bits(v) &^ (1 << 63))
	}
}

func absIntGo[T ewInt](dst, src []T) {
	dst = dst[:len(src)]
	for i, v := range src {
		if v < 0 {
			v = -v
		}
		dst[i] = v
	}
}

func negateF32Go(dst, src []float32) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float32frombits(math.Float32bits(v) ^ (1 << 31))
	}
}

func negateF64Go(dst, src []float64) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float64frombits(math.Float64bits(v) ^ (1 << 63))
	}
}

func negateIntGo[T ewInt](dst, src []T) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = -v
	}
}

func addGo[T ewNum](dst, a, b []T) {
	dst, b = dst[:len(a)], b[:len(a)]
	for i, v := range a {
		dst[i] = v + b[i]
	}
}

func mulGo[T ewNum](dst, a, b []T) {
	dst, b = dst[:len(a)], b[:len(a)]
	for i, v := range a {
		dst[i] = v * b[i]
	}
}

func prefixSumGo[T ewNum](dst, src []T, carry T) T {
	dst = dst[:len(src)]
	for i, v := range src {
		carry += v
		dst[i] = carry
	}
	return carry
}

func fillGo[T ewNum](dst []T, v T) {
	for i := range dst {
		dst[i] = v
	}
}

// iotaGo sets dst[i] = start + T(base+i); the exported Iota is base 0.
func iotaGo[T ewNum](dst []T, start T, base int) {
	for i := range dst {
		dst[i] = start + T(base+i)
	}
}
