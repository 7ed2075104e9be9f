package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// The fused min+max kernels: both extremes of x in one pass, for
// MinMaxElement, which otherwise reads each block twice.
//
// genMinMaxBoth generates minMax<T><tier> for 0 < len(x) <= MaxStep:
// func(x []T) (lo, hi T) for integers, exact, and func(x []T) (lo, hi T,
// maybeNaN bool) for floats, with the contract of the fast single kernels
// (genMinMaxFastAVX2): lo and hi are VMINPS/VMAXPS folds, exact unless x
// holds a NaN or the value is a zero, and maybeNaN is set whenever x holds
// a NaN (and otherwise only when it holds an infinity). The Go side settles
// them as it settles the single kernels.
//
// A block of four vectors is read as two pairs (a, b), both loaded once:
// u = min(a, b) and v = max(a, b) go into one of two min and two max
// accumulators, and, for floats, f += a*u into one of two NaN flags (u is b
// when either is a NaN, so a NaN in a or b makes the product a NaN). That
// is 4 loads, 8 min/max and 2 FMAs a block: two min/max per vector, the
// least a fold of both extremes can do, on the pair of ports that VMINPS
// and VMAXPS share on Zen 4.
//
// The AVX-512 integer forms (for CPUs with full-width 512-bit units, see
// wide512 in asm/reduce_amd64.go, and for int64 and uint64 on every CPU)
// are the same loop on 512-bit vectors, with VPMINSQ/VPMAXSQ for int64
// (VPMINUQ/VPMAXUQ for uint64) and a tail under an opmask. The AVX-512
// float forms are genMinMaxBothRange's. uint32 uses VPMINUD/VPMAXUD on
// both tiers; uint64 has no AVX2 form (no unsigned 64-bit compare there).
func genMinMaxBoth(s isa, e elem) {
	name := "minMax" + e.name + s.name
	sig := fmt.Sprintf("func(x []%s) (lo, hi %s)", e.gotype, e.gotype)
	what := "exact"
	if e.float {
		sig = fmt.Sprintf("func(x []%s) (lo, hi %s, maybeNaN bool)", e.gotype, e.gotype)
		what = "each exact unless x holds a NaN or it is a zero, and a flag that is set whenever x holds a NaN (and only then, unless x holds an infinity)"
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(fmt.Sprintf("%s returns the min and the max of x, %s (0 < len(x) <= MaxStep).", name, what))
	p := Load(Param("x").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	vmin, vmax := minMaxPair(s, e, false), minMaxPair(s, e, true)
	mov := func(src, dst Op) {
		if s.is512() {
			VMOVDQU64(src, dst)
		} else {
			VMOVDQU(src, dst)
		}
	}

	const pairs = 2
	mins, maxs, flags := make([]VecVirtual, pairs), make([]VecVirtual, pairs), make([]VecVirtual, pairs)
	for k := range pairs {
		mins[k], maxs[k] = s.vec(), s.vec()
	}
	broadcast(e, Mem{Base: p}, mins[0])
	for k := range pairs {
		if k > 0 {
			mov(mins[0], mins[k])
		}
		mov(mins[0], maxs[k])
	}
	if e.float {
		for k := range flags {
			flags[k] = s.vec()
			zero(s, flags[k])
		}
	}

	blockLoop(s, e, 2*pairs, []Register{p}, n, 1, "singles", func(vec func(i int) []Mem) {
		for k := range pairs {
			a, b, u, v := s.vec(), s.vec(), s.vec(), s.vec()
			load(s, e, vec(2 * k)[0], a)
			load(s, e, vec(2*k + 1)[0], b)
			vmin(b, a, u) // floats: b if either is a NaN
			vmax(b, a, v)
			vmin(u, mins[k], mins[k])
			vmax(v, maxs[k], maxs[k])
			if e.float {
				fma(e, u, a, flags[k]) // f += a*u
			}
		}
	})

	Label("singles")
	singleLoop(s, e, []Register{p}, n, func(at []Mem) {
		x := s.vec()
		load(s, e, at[0], x)
		vmin(x, mins[0], mins[0])
		vmax(x, maxs[0], maxs[0])
		if e.float {
			fma(e, x, x, flags[0])
		}
	})

	Comment("Masked tail: lanes past the end read 0 and keep the accumulators.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("horizontal"))
	var x VecVirtual
	if s.is512() {
		// Zero-masked load, merge-masked folds: lanes past the end keep
		// the accumulators (and add 0·0 to the flag).
		k := opMask(n)
		x = ZMM()
		zLoad(e, Mem{Base: p}, k, x)
		vmin(x, mins[0], mins[0], k)
		vmax(x, maxs[0], maxs[0], k)
	} else {
		mask := laneMask(e, n)
		x = YMM()
		maskLoad(e, Mem{Base: p}, mask, x)
		t, w := YMM(), YMM()
		vmin(x, mins[0], t)
		VBLENDVPS(mask, t, mins[0], mins[0])
		vmax(x, maxs[0], w)
		VBLENDVPS(mask, w, maxs[0], maxs[0])
	}
	if e.float {
		fma(e, x, x, flags[0])
	}

	Label("horizontal")
	storeBoth(s, e, mins, maxs,
		func(dst, src Register) { vmin(src, dst, dst) },
		func(dst, src Register) { vmax(src, dst, dst) })
	if e.float {
		// The flags hold arbitrary numbers, so each is tested on its own.
		if s.is512() {
			c := K()
			unordOp(e)(flags[1], flags[0], c)
			KORTESTW(c, c)
		} else {
			unordOp(e)(flags[1], flags[0], flags[0])
			VPTEST(flags[0], flags[0])
		}
		SETNE(addr(Return("maybeNaN")))
	}
	vzeroRet()
}

// minMaxPair returns the min (or max) of element type e under tier s as
// f(b, a, dst[, k]): dst = min(a, b) (max), b a register or, except for
// AVX2 int64, memory; k, under AVX-512 only, a merge mask. For floats it
// is VMINPS/VMAXPS, which give b when either is a NaN and either zero for
// ±0; AVX2 has no int64 instruction, so there it is a compare and a blend,
// and no unsigned 64-bit compare at all: it panics for AVX2 uint64.
func minMaxPair(s isa, e elem, isMax bool) func(b Op, a, dst Register, k ...Op) {
	with := func(op func(ops ...Op)) func(b Op, a, dst Register, k ...Op) {
		return func(b Op, a, dst Register, k ...Op) {
			op(append(append([]Op{b, a}, k...), dst)...)
		}
	}
	switch {
	case e.float:
		return with(minMaxOp(avx2, e, isMax)) // VMINPS/VMAXPS at any width
	case e.unsigned() && e.size == 4 && isMax:
		return with(VPMAXUD)
	case e.unsigned() && e.size == 4:
		return with(VPMINUD)
	case e.unsigned() && s.is512() && isMax:
		return with(VPMAXUQ)
	case e.unsigned() && s.is512():
		return with(VPMINUQ)
	case e.unsigned():
		panic("minMaxPair: AVX2 has no unsigned 64-bit min/max")
	case e.size == 4 && isMax:
		return with(VPMAXSD)
	case e.size == 4:
		return with(VPMINSD)
	case s.is512() && isMax:
		return with(VPMAXSQ)
	case s.is512():
		return with(VPMINSQ)
	case isMax:
		return func(b Op, a, dst Register, _ ...Op) {
			c := like(a)
			VPCMPGTQ(a, b, c) // b > a
			VBLENDVPD(c, b, a, dst)
		}
	default:
		return func(b Op, a, dst Register, _ ...Op) {
			c := like(a)
			VPCMPGTQ(b, a, c) // a > b
			VBLENDVPD(c, b, a, dst)
		}
	}
}

// genMinMaxBothRange generates minMaxRange<T>AVX512 for a float T and
// 0 < len(x) <= MaxStep: func(x []T) (lo, hi T, nan bool), the fused min
// and max with VRANGEPS/PD, as the AVX-512 Min and Max kernels (see
// genMinMaxRange): lo and hi are exact, the sign of a zero included, unless
// nan, which reports whether x holds a NaN; the kernel returns at the first
// block that holds one.
//
// A block of four vectors is read as two pairs (a, b): u = min(a, b) and
// v = max(a, b) go into one of two min and two max accumulators, and one
// unordered compare of a with b per pair finds NaNs. That is the VMINPS
// loop of genMinMaxBoth with a compare in place of its FMA flag. On the
// Intel Xeon of the runs since the sixteenth (bench/README; BenchmarkMinMax
// and BenchmarkMinZero in asm, -count 6, benchstat) it is 7-8% slower than
// the VMINPS loop on 512-bit vectors for 4Ki elements in L1 (float32 131
// against 123 ns) and no slower from L2, and it never needs the second pass
// that a zero result costs the VMINPS loop: 130 against 270 ns for 4Ki
// float32s whose min is a +0, 8.7 against 10.2 µs for 256Ki. Four pairs
// per block instead of two were no faster.
func genMinMaxBothRange(e elem) {
	if !e.float {
		panic("genMinMaxBothRange: floats only")
	}
	s := avx512
	name := "minMaxRange" + e.name + s.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(x []%s) (lo, hi %s, nan bool)", e.gotype, e.gotype))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s returns the min and the max of x, exact unless nan, and whether x holds a NaN (0 < len(x) <= MaxStep).", name))
	p := Load(Param("x").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	vmin, vmax, unord := minMaxOp(s, e, false), minMaxOp(s, e, true), unordOp(e)

	const pairs = 2
	mins, maxs := make([]VecVirtual, pairs), make([]VecVirtual, pairs)
	for k := range pairs {
		mins[k], maxs[k] = s.vec(), s.vec()
	}
	broadcast(e, Mem{Base: p}, mins[0])
	for k := range pairs {
		if k > 0 {
			load(s, e, mins[0], mins[k])
		}
		load(s, e, mins[0], maxs[k])
	}

	blockLoop(s, e, 2*pairs, []Register{p}, n, 1, "singles", func(vec func(i int) []Mem) {
		cs := make([]OpmaskVirtual, pairs)
		for k := range pairs {
			a, b, u, v := s.vec(), s.vec(), s.vec(), s.vec()
			load(s, e, vec(2 * k)[0], a)
			load(s, e, vec(2*k + 1)[0], b)
			vmin(b, a, u)
			vmax(b, a, v)
			vmin(u, mins[k], mins[k])
			vmax(v, maxs[k], maxs[k])
			cs[k] = K()
			unord(b, a, cs[k])
		}
		KORTESTW(cs[0], cs[1])
		JNZ(LabelRef("nan"))
	})

	Label("singles")
	singleLoop(s, e, []Register{p}, n, func(at []Mem) {
		x, c := s.vec(), K()
		load(s, e, at[0], x)
		vmin(x, mins[0], mins[0])
		vmax(x, maxs[0], maxs[0])
		unord(x, x, c)
		KORTESTW(c, c)
		JNZ(LabelRef("nan"))
	})

	Comment("Masked tail: lanes past the end read 0 and keep the accumulators.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("horizontal"))
	k := opMask(n)
	x, c := ZMM(), K()
	zLoad(e, Mem{Base: p}, k, x)
	vmin(x, mins[0], k, mins[0])
	vmax(x, maxs[0], k, maxs[0])
	unord(x, x, c)
	KORTESTW(c, c)
	JNZ(LabelRef("nan"))

	Label("horizontal")
	storeBoth(s, e, mins, maxs,
		func(dst, src Register) { vmin(src, dst, dst) },
		func(dst, src Register) { vmax(src, dst, dst) })
	returnNaNFlag()
}

// storeBoth folds the two min and the two max accumulators of a fused
// kernel into lane 0, with minInto and maxInto (dst = min(dst, src) and
// max), and stores them as its results lo and hi.
func storeBoth(s isa, e elem, mins, maxs []VecVirtual, minInto, maxInto func(dst, src Register)) {
	minInto(mins[0], mins[1])
	maxInto(maxs[0], maxs[1])
	horizontal(s, e, mins[0], minInto)
	horizontal(s, e, maxs[0], maxInto)
	storeResult(e, mins[0], Return("lo"))
	storeResult(e, maxs[0], Return("hi"))
}
