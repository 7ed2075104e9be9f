package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// genBitwise generates or<T>AVX2 and and<T>AVX2 (T int32 or int64),
// func(x []T) T for 0 < len(x) <= MaxStep: the bitwise OR (AND) of x's
// elements. The Go side runs them on the bit patterns of a float slice
// whose min (max) fold came out a zero, to give the zero its sign:
//
//	r := x[0]
//	for _, v := range x[1:] {
//		r |= v // r &= v for and
//	}
//	return r
//
// One load and one VPOR (VPAND) per vector, folded into four accumulators:
// the loads are the limit, where the search for a -0 it replaces (an
// indexOf kernel) compared, merged and tested its way through x at about
// two thirds of the speed.
func genBitwise(e elem, isAnd bool) {
	if e.float {
		panic("genBitwise: integer elements only")
	}
	s := avx2
	fam, op := "or", VPOR
	if isAnd {
		fam, op = "and", VPAND
	}
	name := fam + e.name + s.name
	word := map[bool]string{false: "OR", true: "AND"}[isAnd]
	fold(foldSpec{
		name:   name,
		sig:    sig1(e),
		doc:    []string{fmt.Sprintf("%s returns the bitwise %s of the elements of x (0 < len(x) <= MaxStep).", name, word)},
		e:      e,
		s:      s,
		unroll: 4,
		inputs: 1,
		init: func(accs []VecVirtual, _ Mem) {
			for _, a := range accs {
				if isAnd {
					VPCMPEQD(a, a, a) // all ones
				} else {
					VPXOR(a, a, a)
				}
			}
		},
		step: func(acc VecVirtual, ms []Mem) { op(ms[0], acc, acc) },
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			m := laneMask(e, n)
			x := YMM()
			maskLoad(e, ms[0], m, x) // lanes past the end read 0
			if isAnd {
				t := YMM()
				VPAND(x, acc, t)
				VBLENDVPS(m, t, acc, acc) // lanes past the end keep acc
				return
			}
			VPOR(x, acc, acc)
		},
		combine: func(dst, src Register) { op(src, dst, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}
