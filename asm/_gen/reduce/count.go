package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// genCount generates count<T><tier>, func(x []T, v T) int for len(x) <=
// MaxStep: the number of i with x[i] == v, comparing as genIndexOf does
// (floats ordered-equal: NaN matches nothing, -0 == +0).
//
// It is a fold (foldSpec) whose accumulators count per lane, in integers
// as wide as the elements. Under AVX2 the compare leaves -1 in each lane
// that matches and acc -= c counts it: one compare (its load fused) and one
// integer subtract per vector, on different ports. Under AVX-512 the
// compare writes an opmask and a merge-masked subtract of -1 counts it. A
// lane counts at most MaxStep/lanes matches, far from overflowing.
//
// The masked tail loads zeros past x, which would match v = 0, so under
// AVX2 its compare is ANDed with the lane mask, and under AVX-512 the
// opmask of the tail's lanes is the compare's write mask.
func genCount(s isa, e elem) {
	name := "count" + e.name + s.name
	// The counters are integers as wide as the elements, whatever T.
	counter := elem{e.name, e.gotype, e.size, false}
	var (
		equal   func(x, dst, k Op)
		minus1s VecVirtual // AVX-512: -1 in every lane
	)
	sub := func(c, acc Register, k Op) {
		ops := []Op{c, acc, acc}
		if k != nil {
			ops = []Op{c, acc, k, acc}
		}
		if counter.size == 4 {
			VPSUBD(ops...)
		} else {
			VPSUBQ(ops...)
		}
	}
	// count adds to acc one for each lane of vector x (register or memory)
	// equal to v, among the lanes of write mask k (AVX-512) if not nil.
	count := func(acc VecVirtual, x Op, k Op) {
		if s.is512() {
			c := K()
			equal(x, c, k)
			sub(minus1s, acc, c)
			return
		}
		c := YMM()
		equal(x, c, nil)
		sub(c, acc, nil)
	}
	fold(foldSpec{
		name: name,
		sig:  searchSig(e),
		doc:  []string{fmt.Sprintf("%s returns the number of i with x[i] == v (len(x) <= MaxStep).", name)},
		e:    e,
		s:    s,
		// 8 vectors a block: 8 independent counters keep the subtracts
		// off each other's latency.
		unroll: 8,
		inputs: 1,
		shape:  plain,
		init: func(accs []VecVirtual, _ Mem) {
			equal = equalTo(e, broadcastParamV(s, e))
			if s.is512() {
				minus1s = ZMM()
				VPTERNLOGD(U8(0xff), minus1s, minus1s, minus1s)
			}
			for _, a := range accs {
				zero(s, a)
			}
		},
		step: func(acc VecVirtual, ms []Mem) { count(acc, ms[0], nil) },
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			if s.is512() {
				count(acc, ms[0], opMask(n))
				return
			}
			m := laneMask(e, n)
			x, c := YMM(), YMM()
			maskLoad(e, ms[0], m, x)
			equal(x, c, nil)
			VPAND(m, c, c)
			sub(c, acc, nil)
		},
		combine: func(dst, src Register) { add(counter, src, dst, dst) },
		result: func(x VecVirtual) {
			r := GP64()
			if counter.size == 4 {
				VMOVD(x.AsX(), r.As32()) // zero-extends: a count is never negative
			} else {
				VMOVQ(x.AsX(), r)
			}
			MOVQ(r, addr(ReturnIndex(0)))
		},
	})
}
