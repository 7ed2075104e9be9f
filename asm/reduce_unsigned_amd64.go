//go:build amd64 && !purego

package asm

func minU32(x []uint32) uint32 {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minU32Piece)
	}
	return minU32Piece(x)
}

// minU32Piece is minU32 on at most MaxStep elements, in one piece.
func minU32Piece(x []uint32) uint32 {
	switch active {
	case AVX512:
		return minU32AVX512(x)
	case AVX2:
		return minU32AVX2(x)
	}
	return minU32Go(x)
}

func minU64(x []uint64) uint64 {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minU64Piece)
	}
	return minU64Piece(x)
}

// minU64Piece is minU64 on at most MaxStep elements, in one piece.
func minU64Piece(x []uint64) uint64 {
	switch active {
	case AVX512:
		return minU64AVX512(x)
	case AVX2:
		return minU64AVX2(x)
	}
	return minU64Go(x)
}

func maxU32(x []uint32) uint32 {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxU32Piece)
	}
	return maxU32Piece(x)
}

// maxU32Piece is maxU32 on at most MaxStep elements, in one piece.
func maxU32Piece(x []uint32) uint32 {
	switch active {
	case AVX512:
		return maxU32AVX512(x)
	case AVX2:
		return maxU32AVX2(x)
	}
	return maxU32Go(x)
}

func maxU64(x []uint64) uint64 {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxU64Piece)
	}
	return maxU64Piece(x)
}

// maxU64Piece is maxU64 on at most MaxStep elements, in one piece.
func maxU64Piece(x []uint64) uint64 {
	switch active {
	case AVX512:
		return maxU64AVX512(x)
	case AVX2:
		return maxU64AVX2(x)
	}
	return maxU64Go(x)
}

// minMaxU32 takes the AVX-512 fused kernel where the CPU runs 512-bit
// vectors at full width, as minMaxI32 does.
func minMaxU32(x []uint32) (uint32, uint32) {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxU32Piece)
	}
	return minMaxU32Piece(x)
}

// minMaxU32Piece is minMaxU32 on at most MaxStep elements, in one piece.
func minMaxU32Piece(x []uint32) (uint32, uint32) {
	switch {
	case active == PureGo:
		return minMaxU32Go(x)
	case active == AVX512 && wide512:
		return minMaxU32AVX512(x)
	}
	return minMaxU32AVX2(x)
}

// minMaxU64 takes the AVX-512 fused kernel on every CPU with AVX-512, as
// minMaxI64 does; AVX2 has no fused one (see reduce_unsigned.go).
func minMaxU64(x []uint64) (uint64, uint64) {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxU64Piece)
	}
	return minMaxU64Piece(x)
}

// minMaxU64Piece is minMaxU64 on at most MaxStep elements, in one piece.
func minMaxU64Piece(x []uint64) (uint64, uint64) {
	switch active {
	case AVX512:
		return minMaxU64AVX512(x)
	case AVX2:
		return minU64AVX2(x), maxU64AVX2(x)
	}
	return minMaxU64Go(x)
}
