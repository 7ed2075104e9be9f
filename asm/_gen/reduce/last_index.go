package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// genLastIndexOf generates lastIndexOf<T><tier>, func(x []T, v T) int for
// len(x) <= MaxStep: the highest i with x[i] == v, or -1, comparing as
// genIndexOf does (floats ordered-equal: NaN matches nothing, -0 == +0).
// MinMaxElement places its last largest with it.
//
// It reads x from the end: the last len(x) mod lanes elements (masked, so
// nothing past x is read), then single vectors back to a multiple of a
// block, then blocks of vectors (8 under AVX2, 4 under AVX-512, whose lane
// bits fit one 64-bit word), and returns at the first block holding a
// match. The compare per vector is the one indexOf makes (equalTo), so it
// runs at indexOf's speed.
func genLastIndexOf(s isa, e elem) {
	searchHeader(s, e, "lastIndexOf", "the highest i with x[i] == v, or -1")
	lanes := s.lanes(e)
	unroll := searchUnroll(s)
	block := unroll * lanes

	p := Load(Param("x").Base(), GP64())
	i := Load(Param("x").Len(), GP64()) // x[i:] has been searched
	v := broadcastParamV(s, e)
	at := func(disp int) Mem { return Mem{Base: p, Index: i, Scale: uint8(e.size), Disp: disp} }
	equal := equalTo(e, v)
	bits := func(c Register, r GPVirtual) { laneBits(s, e, c, r) }
	found := GP64() // lane bits of the match, relative to x[i]

	Comment("The last len(x) mod lanes elements, masked.")
	r := GP64()
	MOVQ(i, r)
	ANDQ(U32(lanes-1), r)
	JZ(LabelRef("vectors"))
	SUBQ(r, i)
	if s.is512() {
		c := K()
		equal(at(0), c, opMask(r))
		bits(c, found)
	} else {
		mask := laneMask(e, r)
		x, c := YMM(), YMM()
		maskLoad(e, at(0), mask, x)
		equal(x, c, nil)
		VPAND(mask, c, c)
		bits(c, found)
	}
	TESTQ(found, found)
	JNZ(LabelRef("found"))

	Comment(fmt.Sprintf("Single vectors, back to a multiple of %d elements.", block))
	Label("vectors")
	TESTQ(U32(block-1), i)
	JZ(LabelRef("blocks"))
	SUBQ(U32(lanes), i)
	c := newLaneMask(s)
	equal(at(0), c, nil)
	bits(c, found)
	TESTQ(found, found)
	JNZ(LabelRef("found"))
	JMP(LabelRef("vectors"))

	Comment(fmt.Sprintf("Blocks of %d vectors, from the end.", unroll))
	Label("blocks")
	TESTQ(i, i)
	JZ(LabelRef("notfound"))
	SUBQ(U32(block), i)
	cs := make([]Register, unroll)
	for j := range cs {
		cs[j] = newLaneMask(s)
		equal(at(j*s.bytes), cs[j], nil)
	}
	testAnyLane(s, cs)
	JZ(LabelRef("blocks"))
	blockBits(s, e, cs, found)

	Label("found")
	BSRQ(found, found)
	ADDQ(i, found)
	MOVQ(found, addr(ReturnIndex(0)))
	vzeroRet()

	Label("notfound")
	MOVQ(I32(-1), addr(ReturnIndex(0)))
	vzeroRet()
}
