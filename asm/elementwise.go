package asm

// Elementwise kernels: Square, Abs, Negate, Add, Mul, PrefixSum, Fill and
// Iota for float32, float64, int32 and int64.
//
// Each kernel processes len(src) elements (len(a) for binary kernels, which
// must equal len(b); len(dst) for Fill and Iota). dst must hold at least that
// many, else the kernel panics with a message that starts with
// "hpgo: asm.<Name>: "; elements of dst past them are never touched. dst may
// be the very same slice as an input (in place: same first element), but any
// other overlap of dst with an input gives unspecified results, which may
// differ between tiers. The doc comment of each kernel shows its reference
// loop, which is also its PureGo implementation. Apart from PrefixSum on
// floats, every tier returns bit-identical results: no fused multiply-add,
// integers wrap (two's complement). When both operands of a float Add or
// Mul are NaN, the result is a NaN either way; which payload it keeps is not
// specified.
//
// Cost: one pass over memory. The AVX2 and AVX-512 tiers handle 32 or 64
// bytes per instruction, four vectors per loop iteration, with dst aligned
// by one masked step and the tail done by one masked step (no scalar loop);
// calls are split in MaxStep pieces. Square, Abs, Negate, Add, Mul and
// PrefixSum write an output of more than half the last-level cache (at
// least 4 MiB, and 16 MiB for a cache above 32 MiB) that shares no memory
// with an input (see streamMin) with non-temporal stores, which skip
// reading each line of dst before writing it: about 1.5x the throughput on
// DRAM, and dst is not left in cache.

import "fmt"

// ewPanicLen panics for a dst shorter than the input.
//
//go:noinline
func ewPanicLen(name string, dst, n int) {
	panic(fmt.Sprintf("hpgo: asm.%s: len(dst) = %d is less than the %d elements to write", name, dst, n))
}

// ewPanicAB panics for binary inputs of different lengths.
//
//go:noinline
func ewPanicAB(name string, a, b int) {
	panic(fmt.Sprintf("hpgo: asm.%s: len(a) = %d differs from len(b) = %d", name, a, b))
}

// SquareF32 sets dst[i] = src[i] * src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = v * v
//	}
//
// dst must hold at least len(src) elements, else SquareF32 panics; dst may be
// src itself.
//
// The product is rounded once, as in the loop, in every tier (no fused
// multiply-add), so all tiers agree bit for bit.
func SquareF32(dst, src []float32) {
	if len(dst) < len(src) {
		ewPanicLen("SquareF32", len(dst), len(src))
	}
	squareF32(dst[:len(src)], src)
}

// AbsF32 sets dst[i] = |src[i]| for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = math.Float32frombits(math.Float32bits(v) &^ (1 << 31))
//	}
//
// dst must hold at least len(src) elements, else AbsF32 panics; dst may be
// src itself.
//
// That is math.Abs: the sign bit is cleared, so -0 becomes +0, -Inf becomes
// +Inf and a NaN stays a NaN (with its payload).
func AbsF32(dst, src []float32) {
	if len(dst) < len(src) {
		ewPanicLen("AbsF32", len(dst), len(src))
	}
	absF32(dst[:len(src)], src)
}

// NegateF32 sets dst[i] = -src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = math.Float32frombits(math.Float32bits(v) ^ (1 << 31))
//	}
//
// dst must hold at least len(src) elements, else NegateF32 panics; dst may be
// src itself.
//
// That is -v: the sign bit flips, so +0 becomes -0 and a NaN stays a NaN
// (with its payload, sign flipped).
func NegateF32(dst, src []float32) {
	if len(dst) < len(src) {
		ewPanicLen("NegateF32", len(dst), len(src))
	}
	negateF32(dst[:len(src)], src)
}

// AddF32 sets dst[i] = a[i] + b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] + b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// AddF32 panics; dst may be a or b itself.
//
// Each sum is rounded once, as in the loop, in every tier, so all tiers
// agree bit for bit.
func AddF32(dst, a, b []float32) {
	if len(a) != len(b) {
		ewPanicAB("AddF32", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("AddF32", len(dst), len(a))
	}
	addF32(dst[:len(a)], a, b)
}

// MulF32 sets dst[i] = a[i] * b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] * b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// MulF32 panics; dst may be a or b itself.
//
// Each product is rounded once, as in the loop, in every tier, so all tiers
// agree bit for bit.
func MulF32(dst, a, b []float32) {
	if len(a) != len(b) {
		ewPanicAB("MulF32", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("MulF32", len(dst), len(a))
	}
	mulF32(dst[:len(a)], a, b)
}

// PrefixSumF32 sets dst[i] = carry + src[0] + ... + src[i] (an inclusive scan)
// for every i < len(src) and returns the last value written, or carry when
// src is empty; pass the result as the next call's carry to scan a slice
// piece by piece.
//
//	for i, v := range src {
//		carry += v
//		dst[i] = carry
//	}
//	return carry
//
// dst must hold at least len(src) elements, else PrefixSumF32 panics; dst may be
// src itself.
//
// The AVX2 and AVX-512 tiers reassociate. Each vector of L lanes (L = 8 with
// AVX2, 16 with AVX-512) is scanned in log2(L) steps (x += x shifted by 1,
// 2, 4, ... lanes, with -0 shifted in) and added to a running carry, so
// dst[i] is carry + src[0] + ... + src[i] summed along another binary tree
// (adding -0 is exact and does not count). Like any summation order, it obeys
//
//	|dst[i] - s(i)| <= γ(i+1) * (|carry| + |src[0]| + ... + |src[i]|)
//
// where s(i) is the exact sum, γ(k) = k*u / (1 - k*u) and u = 2^-24: the same
// bound as the loop above, so two tiers differ by at most twice it. In
// practice a term goes through about i/L + log2(L) roundings, not up to i+1.
// Special values behave as in the loop: a NaN, or both +Inf and -Inf,
// among carry and src[0..i] make dst[i] NaN; an infinity alone gives that
// infinity; dst[i] is -0 exactly when every term is -0. Only when finite
// partial sums overflow can the order decide between ±Inf and a finite
// value.
func PrefixSumF32(dst, src []float32, carry float32) float32 {
	if len(dst) < len(src) {
		ewPanicLen("PrefixSumF32", len(dst), len(src))
	}
	return prefixSumF32(dst[:len(src)], src, carry)
}

// FillF32 sets every element of dst to v.
//
//	for i := range dst {
//		dst[i] = v
//	}
func FillF32(dst []float32, v float32) {
	fillF32(dst, v)
}

// IotaF32 sets dst[i] = start + float32(i) for every i < len(dst).
//
//	for i := range dst {
//		dst[i] = start + float32(i)
//	}
//
// float32(i) is rounded to nearest (inexact above 2^24) and the sum is rounded
// once, exactly as in the loop, so every tier agrees bit for bit. (The SIMD
// tiers convert int32 indices; a piece of dst whose indices reach 2^31 is
// done by the loop.)
func IotaF32(dst []float32, start float32) {
	iotaF32(dst, start)
}

// SquareF64 sets dst[i] = src[i] * src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = v * v
//	}
//
// dst must hold at least len(src) elements, else SquareF64 panics; dst may be
// src itself.
//
// The product is rounded once, as in the loop, in every tier (no fused
// multiply-add), so all tiers agree bit for bit.
func SquareF64(dst, src []float64) {
	if len(dst) < len(src) {
		ewPanicLen("SquareF64", len(dst), len(src))
	}
	squareF64(dst[:len(src)], src)
}

// AbsF64 sets dst[i] = |src[i]| for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = math.Float64frombits(math.Float64bits(v) &^ (1 << 63))
//	}
//
// dst must hold at least len(src) elements, else AbsF64 panics; dst may be
// src itself.
//
// That is math.Abs: the sign bit is cleared, so -0 becomes +0, -Inf becomes
// +Inf and a NaN stays a NaN (with its payload).
func AbsF64(dst, src []float64) {
	if len(dst) < len(src) {
		ewPanicLen("AbsF64", len(dst), len(src))
	}
	absF64(dst[:len(src)], src)
}

// NegateF64 sets dst[i] = -src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = math.Float64frombits(math.Float64bits(v) ^ (1 << 63))
//	}
//
// dst must hold at least len(src) elements, else NegateF64 panics; dst may be
// src itself.
//
// That is -v: the sign bit flips, so +0 becomes -0 and a NaN stays a NaN
// (with its payload, sign flipped).
func NegateF64(dst, src []float64) {
	if len(dst) < len(src) {
		ewPanicLen("NegateF64", len(dst), len(src))
	}
	negateF64(dst[:len(src)], src)
}

// AddF64 sets dst[i] = a[i] + b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] + b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// AddF64 panics; dst may be a or b itself.
//
// Each sum is rounded once, as in the loop, in every tier, so all tiers
// agree bit for bit.
func AddF64(dst, a, b []float64) {
	if len(a) != len(b) {
		ewPanicAB("AddF64", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("AddF64", len(dst), len(a))
	}
	addF64(dst[:len(a)], a, b)
}

// MulF64 sets dst[i] = a[i] * b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] * b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// MulF64 panics; dst may be a or b itself.
//
// Each product is rounded once, as in the loop, in every tier, so all tiers
// agree bit for bit.
func MulF64(dst, a, b []float64) {
	if len(a) != len(b) {
		ewPanicAB("MulF64", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("MulF64", len(dst), len(a))
	}
	mulF64(dst[:len(a)], a, b)
}

// PrefixSumF64 sets dst[i] = carry + src[0] + ... + src[i] (an inclusive scan)
// for every i < len(src) and returns the last value written, or carry when
// src is empty; pass the result as the next call's carry to scan a slice
// piece by piece.
//
//	for i, v := range src {
//		carry += v
//		dst[i] = carry
//	}
//	return carry
//
// dst must hold at least len(src) elements, else PrefixSumF64 panics; dst may be
// src itself.
//
// The AVX2 and AVX-512 tiers reassociate. Each vector of L lanes (L = 4 with
// AVX2, 8 with AVX-512) is scanned in log2(L) steps (x += x shifted by 1,
// 2, 4, ... lanes, with -0 shifted in) and added to a running carry, so
// dst[i] is carry + src[0] + ... + src[i] summed along another binary tree
// (adding -0 is exact and does not count). Like any summation order, it obeys
//
//	|dst[i] - s(i)| <= γ(i+1) * (|carry| + |src[0]| + ... + |src[i]|)
//
// where s(i) is the exact sum, γ(k) = k*u / (1 - k*u) and u = 2^-53: the same
// bound as the loop above, so two tiers differ by at most twice it. In
// practice a term goes through about i/L + log2(L) roundings, not up to i+1.
// Special values behave as in the loop: a NaN, or both +Inf and -Inf,
// among carry and src[0..i] make dst[i] NaN; an infinity alone gives that
// infinity; dst[i] is -0 exactly when every term is -0. Only when finite
// partial sums overflow can the order decide between ±Inf and a finite
// value.
func PrefixSumF64(dst, src []float64, carry float64) float64 {
	if len(dst) < len(src) {
		ewPanicLen("PrefixSumF64", len(dst), len(src))
	}
	return prefixSumF64(dst[:len(src)], src, carry)
}

// FillF64 sets every element of dst to v.
//
//	for i := range dst {
//		dst[i] = v
//	}
func FillF64(dst []float64, v float64) {
	fillF64(dst, v)
}

// IotaF64 sets dst[i] = start + float64(i) for every i < len(dst).
//
//	for i := range dst {
//		dst[i] = start + float64(i)
//	}
//
// float64(i) is rounded to nearest (inexact above 2^53) and the sum is rounded
// once, exactly as in the loop, so every tier agrees bit for bit. (The SIMD
// tiers convert int32 indices; a piece of dst whose indices reach 2^31 is
// done by the loop.)
func IotaF64(dst []float64, start float64) {
	iotaF64(dst, start)
}

// IotaOffsetF32 sets dst[i] = start + float32(offset+i) for every
// i < len(dst): the piece of IotaF32's output that starts at index offset.
//
//	for i := range dst {
//		dst[i] = start + float32(offset+i)
//	}
//
// Filling a long slice piece by piece (in parallel, say) with IotaF32 on
// each piece and start + float32(offset) would round twice, and could differ
// from IotaF32 on the whole; IotaOffsetF32 rounds once, as the loop does, so
// the pieces agree with the whole bit for bit. It panics if offset < 0.
func IotaOffsetF32(dst []float32, start float32, offset int) {
	if offset < 0 {
		panic("hpgo: asm.IotaOffsetF32: negative offset")
	}
	iotaF32At(dst, start, offset)
}

// IotaOffsetF64 sets dst[i] = start + float64(offset+i) for every
// i < len(dst); see IotaOffsetF32.
//
//	for i := range dst {
//		dst[i] = start + float64(offset+i)
//	}
//
// It panics if offset < 0.
func IotaOffsetF64(dst []float64, start float64, offset int) {
	if offset < 0 {
		panic("hpgo: asm.IotaOffsetF64: negative offset")
	}
	iotaF64At(dst, start, offset)
}

// SquareI32 sets dst[i] = src[i] * src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = v * v
//	}
//
// dst must hold at least len(src) elements, else SquareI32 panics; dst may be
// src itself.
//
// Products wrap (two's complement), as in the loop.
func SquareI32(dst, src []int32) {
	if len(dst) < len(src) {
		ewPanicLen("SquareI32", len(dst), len(src))
	}
	squareI32(dst[:len(src)], src)
}

// AbsI32 sets dst[i] = |src[i]| for every i < len(src).
//
//	for i, v := range src {
//		if v < 0 {
//			v = -v
//		}
//		dst[i] = v
//	}
//
// dst must hold at least len(src) elements, else AbsI32 panics; dst may be
// src itself.
//
// The negation wraps: math.MinInt32 stays math.MinInt32.
func AbsI32(dst, src []int32) {
	if len(dst) < len(src) {
		ewPanicLen("AbsI32", len(dst), len(src))
	}
	absI32(dst[:len(src)], src)
}

// NegateI32 sets dst[i] = -src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = -v // 0 - v
//	}
//
// dst must hold at least len(src) elements, else NegateI32 panics; dst may be
// src itself.
//
// The negation wraps: math.MinInt32 stays math.MinInt32.
func NegateI32(dst, src []int32) {
	if len(dst) < len(src) {
		ewPanicLen("NegateI32", len(dst), len(src))
	}
	negateI32(dst[:len(src)], src)
}

// AddI32 sets dst[i] = a[i] + b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] + b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// AddI32 panics; dst may be a or b itself.
//
// Sums wrap (two's complement), as in the loop.
func AddI32(dst, a, b []int32) {
	if len(a) != len(b) {
		ewPanicAB("AddI32", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("AddI32", len(dst), len(a))
	}
	addI32(dst[:len(a)], a, b)
}

// MulI32 sets dst[i] = a[i] * b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] * b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// MulI32 panics; dst may be a or b itself.
//
// Products wrap (two's complement), as in the loop.
func MulI32(dst, a, b []int32) {
	if len(a) != len(b) {
		ewPanicAB("MulI32", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("MulI32", len(dst), len(a))
	}
	mulI32(dst[:len(a)], a, b)
}

// PrefixSumI32 sets dst[i] = carry + src[0] + ... + src[i] (an inclusive scan)
// for every i < len(src) and returns the last value written, or carry when
// src is empty; pass the result as the next call's carry to scan a slice
// piece by piece.
//
//	for i, v := range src {
//		carry += v
//		dst[i] = carry
//	}
//	return carry
//
// dst must hold at least len(src) elements, else PrefixSumI32 panics; dst may be
// src itself.
//
// Sums wrap (two's complement); every tier agrees bit for bit.
func PrefixSumI32(dst, src []int32, carry int32) int32 {
	if len(dst) < len(src) {
		ewPanicLen("PrefixSumI32", len(dst), len(src))
	}
	return prefixSumI32(dst[:len(src)], src, carry)
}

// FillI32 sets every element of dst to v.
//
//	for i := range dst {
//		dst[i] = v
//	}
func FillI32(dst []int32, v int32) {
	fillI32(dst, v)
}

// IotaI32 sets dst[i] = start + int32(i) for every i < len(dst).
//
//	for i := range dst {
//		dst[i] = start + int32(i)
//	}
//
// int32(i) and the sum wrap (two's complement), as in the loop.
func IotaI32(dst []int32, start int32) {
	iotaI32(dst, start)
}

// SquareI64 sets dst[i] = src[i] * src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = v * v
//	}
//
// dst must hold at least len(src) elements, else SquareI64 panics; dst may be
// src itself.
//
// Products wrap (two's complement), as in the loop.
// AVX-512 uses VPMULLQ; AVX2, which has no 64-bit multiply, computes
// lo(v)*lo(v) + (hi(v)*lo(v) << 33) with VPMULUDQ (mod 2^64).
func SquareI64(dst, src []int64) {
	if len(dst) < len(src) {
		ewPanicLen("SquareI64", len(dst), len(src))
	}
	squareI64(dst[:len(src)], src)
}

// AbsI64 sets dst[i] = |src[i]| for every i < len(src).
//
//	for i, v := range src {
//		if v < 0 {
//			v = -v
//		}
//		dst[i] = v
//	}
//
// dst must hold at least len(src) elements, else AbsI64 panics; dst may be
// src itself.
//
// The negation wraps: math.MinInt64 stays math.MinInt64.
func AbsI64(dst, src []int64) {
	if len(dst) < len(src) {
		ewPanicLen("AbsI64", len(dst), len(src))
	}
	absI64(dst[:len(src)], src)
}

// NegateI64 sets dst[i] = -src[i] for every i < len(src).
//
//	for i, v := range src {
//		dst[i] = -v // 0 - v
//	}
//
// dst must hold at least len(src) elements, else NegateI64 panics; dst may be
// src itself.
//
// The negation wraps: math.MinInt64 stays math.MinInt64.
func NegateI64(dst, src []int64) {
	if len(dst) < len(src) {
		ewPanicLen("NegateI64", len(dst), len(src))
	}
	negateI64(dst[:len(src)], src)
}

// AddI64 sets dst[i] = a[i] + b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] + b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// AddI64 panics; dst may be a or b itself.
//
// Sums wrap (two's complement), as in the loop.
func AddI64(dst, a, b []int64) {
	if len(a) != len(b) {
		ewPanicAB("AddI64", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("AddI64", len(dst), len(a))
	}
	addI64(dst[:len(a)], a, b)
}

// MulI64 sets dst[i] = a[i] * b[i] for every i < len(a).
//
//	for i := range a {
//		dst[i] = a[i] * b[i]
//	}
//
// len(a) must equal len(b) and dst must hold at least len(a) elements, else
// MulI64 panics; dst may be a or b itself.
//
// Products wrap (two's complement), as in the loop.
// AVX-512 uses VPMULLQ; AVX2, which has no 64-bit multiply, emulates it
// with three VPMULUDQ (32x32->64) partial products:
// lo(a)*lo(b) + (hi(a)*lo(b) + lo(a)*hi(b)) << 32 (mod 2^64).
func MulI64(dst, a, b []int64) {
	if len(a) != len(b) {
		ewPanicAB("MulI64", len(a), len(b))
	}
	if len(dst) < len(a) {
		ewPanicLen("MulI64", len(dst), len(a))
	}
	mulI64(dst[:len(a)], a, b)
}

// PrefixSumI64 sets dst[i] = carry + src[0] + ... + src[i] (an inclusive scan)
// for every i < len(src) and returns the last value written, or carry when
// src is empty; pass the result as the next call's carry to scan a slice
// piece by piece.
//
//	for i, v := range src {
//		carry += v
//		dst[i] = carry
//	}
//	return carry
//
// dst must hold at least len(src) elements, else PrefixSumI64 panics; dst may be
// src itself.
//
// Sums wrap (two's complement); every tier agrees bit for bit.
func PrefixSumI64(dst, src []int64, carry int64) int64 {
	if len(dst) < len(src) {
		ewPanicLen("PrefixSumI64", len(dst), len(src))
	}
	return prefixSumI64(dst[:len(src)], src, carry)
}

// FillI64 sets every element of dst to v.
//
//	for i := range dst {
//		dst[i] = v
//	}
func FillI64(dst []int64, v int64) {
	fillI64(dst, v)
}

// IotaI64 sets dst[i] = start + int64(i) for every i < len(dst).
//
//	for i := range dst {
//		dst[i] = start + int64(i)
//	}
//
// int64(i) and the sum wrap (two's complement), as in the loop.
func IotaI64(dst []int64, start int64) {
	iotaI64(dst, start)
}
