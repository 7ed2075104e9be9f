package asm

// Min, Max and MinMax of unsigned integers. Their order is not the signed
// one (1<<31 is the greatest uint32 and the least int32), so they have
// kernels of their own: VPMINUD and VPMAXUD on both tiers for uint32,
// VPMINUQ and VPMAXUQ under AVX-512 for uint64, and on AVX2, which has no
// unsigned 64-bit compare, a signed compare of the elements with their top
// bit flipped (one VPXOR more per vector). The AVX2 MinMaxU64 runs MinU64 and
// MaxU64 in turn, MaxStep elements at a time, the second from cache.

// MinU32 returns the least element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinU32(x []uint32) uint32 {
	if len(x) == 0 {
		panic("hpgo: asm.MinU32: empty slice")
	}
	return minU32(x)
}

// MinU64 returns the least element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinU64(x []uint64) uint64 {
	if len(x) == 0 {
		panic("hpgo: asm.MinU64: empty slice")
	}
	return minU64(x)
}

// MaxU32 returns the greatest element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxU32(x []uint32) uint32 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxU32: empty slice")
	}
	return maxU32(x)
}

// MaxU64 returns the greatest element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxU64(x []uint64) uint64 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxU64: empty slice")
	}
	return maxU64(x)
}

// MinMaxU32 returns (MinU32(x), MaxU32(x)) from one pass over x. It panics if
// x is empty.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxU32(x []uint32) (lo, hi uint32) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxU32: empty slice")
	}
	return minMaxU32(x)
}

// MinMaxU64 returns (MinU64(x), MaxU64(x)). It panics if x is empty. Under
// AVX-512 it reads x once; under AVX2 it reads each MaxStep piece twice,
// the second time from cache.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxU64(x []uint64) (lo, hi uint64) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxU64: empty slice")
	}
	return minMaxU64(x)
}

// The pure-Go twins.

func minU32Go(x []uint32) uint32             { return rdMinLoop(x) }
func minU64Go(x []uint64) uint64             { return rdMinLoop(x) }
func maxU32Go(x []uint32) uint32             { return rdMaxLoop(x) }
func maxU64Go(x []uint64) uint64             { return rdMaxLoop(x) }
func minMaxU32Go(x []uint32) (lo, hi uint32) { return rdMinMaxLoop(x) }
func minMaxU64Go(x []uint64) (lo, hi uint64) { return rdMinMaxLoop(x) }
