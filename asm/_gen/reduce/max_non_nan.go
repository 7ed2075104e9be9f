package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// genMaxNonNaN generates maxNonNaN<T><tier>, func(x []T) T for a float
// type and len(x) <= MaxStep: the greatest element of x that is not a NaN,
// -Inf when there is none, and exact but for the sign of a zero result,
// which the Go side settles (as for Max). MaxElement and MinMaxElement use
// it on a block that holds a NaN, where the max is NaN but the order they
// follow (cmp.Compare's: a NaN below everything) wants the greatest number.
//
// The accumulators start at -Inf and fold each vector x as
// acc = VMAXPS(x, acc) with acc as the second source, which VMAXPS returns
// when either operand is a NaN: a NaN in x leaves acc as it was, and acc is
// never a NaN. One load and one max per vector, as the Max kernels. The
// AVX-512 form is the same fold on 512-bit vectors (VMAXPS, not the VRANGE
// of the AVX-512 Max kernels, whose NaN rule differs), its tail a
// zero-masked load and a merge-masked max.
func genMaxNonNaN(s isa, e elem) {
	if !e.float {
		panic("genMaxNonNaN: integers have no NaN")
	}
	name := "maxNonNaN" + e.name + s.name
	op := minMaxOp(avx2, e, true) // VMAXPS/VMAXPD at any width
	// max(acc, x) into acc, acc as the second source (returned for a NaN).
	fold(foldSpec{
		name:   name,
		sig:    sig1(e),
		doc:    []string{fmt.Sprintf("%s returns the greatest element of x that is not a NaN, or -Inf when there is none; a zero result may have either sign (len(x) <= MaxStep).", name)},
		e:      e,
		s:      s,
		unroll: 4,
		inputs: 1,
		init: func(accs []VecVirtual, _ Mem) {
			// -Inf: all ones shifted left past the mantissa.
			if s.is512() {
				VPTERNLOGD(U8(0xff), accs[0], accs[0], accs[0])
			} else {
				VPCMPEQD(accs[0], accs[0], accs[0])
			}
			if e.size == 4 {
				VPSLLD(U8(23), accs[0], accs[0])
			} else {
				VPSLLQ(U8(52), accs[0], accs[0])
			}
			for _, a := range accs[1:] {
				if s.is512() {
					VMOVDQU64(accs[0], a)
				} else {
					VMOVDQU(accs[0], a)
				}
			}
		},
		step: func(acc VecVirtual, ms []Mem) {
			x := s.vec()
			load(s, e, ms[0], x)
			op(acc, x, acc) // x > acc ? x : acc, acc for a NaN
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			if s.is512() {
				k := opMask(n)
				x := ZMM()
				zLoad(e, ms[0], k, x)
				op(acc, x, k, acc) // lanes past the end keep acc
				return
			}
			m := laneMask(e, n)
			x, t := YMM(), YMM()
			maskLoad(e, ms[0], m, x)
			op(acc, x, t)
			VBLENDVPS(m, t, acc, acc)
		},
		combine: func(dst, src Register) { op(dst, src, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}
