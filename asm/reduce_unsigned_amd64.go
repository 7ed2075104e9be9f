//go:build amd64 && !purego

package asm

func minU32(x []uint32) uint32 {
	if len(x) > MaxStep {
		return rdStepMin(x, minU32)
	}
	switch active {
	case AVX512:
		return minU32AVX512(x)
	case AVX2:
		return minU32AVX2(x)
	}
	return minU32Go(x)
}

func minU64(x []uint64) uint64 {
	if len(x) > MaxStep {
		return rdStepMin(x, minU64)
	}
	switch active {
	case AVX512:
		return minU64AVX512(x)
	case AVX2:
		return minU64AVX2(x)
	}
	return minU64Go(x)
}

func maxU32(x []uint32) uint32 {
	if len(x) > MaxStep {
		return rdStepMax(x, maxU32)
	}
	switch active {
	case AVX512:
		return maxU32AVX512(x)
	case AVX2:
		return maxU32AVX2(x)
	}
	return maxU32Go(x)
}

func maxU64(x []uint64) uint64 {
	if len(x) > MaxStep {
		return rdStepMax(x, maxU64)
	}
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
	if len(x) > MaxStep {
		return rdStepMinMax(x, minMaxU32)
	}
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
	if len(x) > MaxStep {
		return rdStepMinMax(x, minMaxU64)
	}
	switch active {
	case AVX512:
		return minMaxU64AVX512(x)
	case AVX2:
		return minU64AVX2(x), maxU64AVX2(x)
	}
	return minMaxU64Go(x)
}
