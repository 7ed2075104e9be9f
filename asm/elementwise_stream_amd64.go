//go:build amd64 && !purego

package asm

import "github.com/hpgo/hpgo/internal/ntstore"

// The always-non-temporal forms of the element-wise Transform kernels and
// of the prefix sums, for backend/cpu (through internal/ntstore): a parallel
// call whose whole output is streamMin bytes or more and overlaps no input
// runs them on every chunk, where each exported kernel would decide from its
// chunk's length alone.
// They check their arguments as the exported kernels do, and take the NT
// kernels whatever the length (short pieces run their plain loops: see the
// generator).

func init() {
	ntstore.SetMinBytes(func() int { return streamMin })

	ntstore.Register(SquareF32, streamUnary("SquareF32", squareGo[float32], squareF32AVX2NT, squareF32AVX512NT))
	ntstore.Register(AbsF32, streamUnary("AbsF32", absF32Go, absF32AVX2NT, absF32AVX512NT))
	ntstore.Register(NegateF32, streamUnary("NegateF32", negateF32Go, negateF32AVX2NT, negateF32AVX512NT))
	ntstore.Register(AddF32, streamBinary("AddF32", addGo[float32], addF32AVX2NT, addF32AVX512NT))
	ntstore.Register(MulF32, streamBinary("MulF32", mulGo[float32], mulF32AVX2NT, mulF32AVX512NT))

	ntstore.Register(SquareF64, streamUnary("SquareF64", squareGo[float64], squareF64AVX2NT, squareF64AVX512NT))
	ntstore.Register(AbsF64, streamUnary("AbsF64", absF64Go, absF64AVX2NT, absF64AVX512NT))
	ntstore.Register(NegateF64, streamUnary("NegateF64", negateF64Go, negateF64AVX2NT, negateF64AVX512NT))
	ntstore.Register(AddF64, streamBinary("AddF64", addGo[float64], addF64AVX2NT, addF64AVX512NT))
	ntstore.Register(MulF64, streamBinary("MulF64", mulGo[float64], mulF64AVX2NT, mulF64AVX512NT))

	ntstore.Register(SquareI32, streamUnary("SquareI32", squareGo[int32], squareI32AVX2NT, squareI32AVX512NT))
	ntstore.Register(AbsI32, streamUnary("AbsI32", absIntGo[int32], absI32AVX2NT, absI32AVX512NT))
	ntstore.Register(NegateI32, streamUnary("NegateI32", negateIntGo[int32], negateI32AVX2NT, negateI32AVX512NT))
	ntstore.Register(AddI32, streamBinary("AddI32", addGo[int32], addI32AVX2NT, addI32AVX512NT))
	ntstore.Register(MulI32, streamBinary("MulI32", mulGo[int32], mulI32AVX2NT, mulI32AVX512NT))

	ntstore.Register(SquareI64, streamUnary("SquareI64", squareGo[int64], squareI64AVX2NT, squareI64AVX512NT))
	ntstore.Register(AbsI64, streamUnary("AbsI64", absIntGo[int64], absI64AVX2NT, absI64AVX512NT))
	ntstore.Register(NegateI64, streamUnary("NegateI64", negateIntGo[int64], negateI64AVX2NT, negateI64AVX512NT))
	ntstore.Register(AddI64, streamBinary("AddI64", addGo[int64], addI64AVX2NT, addI64AVX512NT))
	ntstore.Register(MulI64, streamBinary("MulI64", mulGo[int64], mulI64AVX2NT, mulI64AVX512NT))

	ntstore.Register(PrefixSumF32, streamScan("PrefixSumF32", prefixSumGo[float32], prefixSumF32AVX2NT, prefixSumF32AVX512NT))
	ntstore.Register(PrefixSumF64, streamScan("PrefixSumF64", prefixSumGo[float64], prefixSumF64AVX2NT, prefixSumF64AVX512NT))
	ntstore.Register(PrefixSumI32, streamScan("PrefixSumI32", prefixSumGo[int32], prefixSumI32AVX2NT, prefixSumI32AVX512NT))
	ntstore.Register(PrefixSumI64, streamScan("PrefixSumI64", prefixSumGo[int64], prefixSumI64AVX2NT, prefixSumI64AVX512NT))
}

// streamUnary is the always-non-temporal form of the unary kernel name.
func streamUnary[T ewNum](name string, twin, k2NT, k512NT func(dst, src []T)) func(dst, src []T) {
	return func(dst, src []T) {
		if len(dst) < len(src) {
			ewPanicLen(name, len(dst), len(src))
		}
		ewUnary(dst[:len(src)], src, twin, k2NT, k512NT, k2NT, k512NT)
	}
}

// streamBinary is the always-non-temporal form of the binary kernel name.
func streamBinary[T ewNum](name string, twin, k2NT, k512NT func(dst, a, b []T)) func(dst, a, b []T) {
	return func(dst, a, b []T) {
		if len(a) != len(b) {
			ewPanicAB(name, len(a), len(b))
		}
		if len(dst) < len(a) {
			ewPanicLen(name, len(dst), len(a))
		}
		ewBinary(dst[:len(a)], a, b, twin, k2NT, k512NT, k2NT, k512NT)
	}
}

// streamScan is the always-non-temporal form of the prefix-sum kernel name.
func streamScan[T ewNum](name string, twin, k2NT, k512NT func(dst, src []T, carry T) T) func(dst, src []T, carry T) T {
	return func(dst, src []T, carry T) T {
		if len(dst) < len(src) {
			ewPanicLen(name, len(dst), len(src))
		}
		return ewPrefix(dst[:len(src)], src, carry, twin, k2NT, k512NT, k2NT, k512NT)
	}
}
