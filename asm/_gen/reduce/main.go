// Command reduce generates hpgo's reduction kernels: asm/reduce_amd64.s and
// their Go declarations. Run it from asm/_gen:
//
//	go run ./reduce -out ../reduce_amd64.s -stubs ../reduce_decl_amd64.go -pkg asm
//
// Every exported reduction has AVX2 (+FMA) and AVX-512 (F, DQ, BW, VL) kernels;
// they handle any length, including 0, and any alignment, most of them as:
//
//   - a main loop over blocks of unroll vectors, one accumulator per vector;
//   - the accumulators folded into one, then a loop over single vectors;
//   - one masked vector for the last (< one vector) elements: VMASKMOV with a
//     lane mask from a table under AVX2, an opmask from a table under AVX-512
//     (masked-off lanes are never loaded, so nothing past the slice is read);
//   - a horizontal fold of the last vector into lane 0.
//
// The kernels never see more than asm.MaxStep elements per call; the Go
// side steps longer inputs and combines the partial results.
package main

import (
	"fmt"
	"math/bits"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// elem is an element type.
type elem struct {
	name   string // suffix of the Go names: F32, F64, I32, I64, U64
	gotype string
	size   int
	float  bool
}

var (
	f32 = elem{"F32", "float32", 4, true}
	f64 = elem{"F64", "float64", 8, true}
	i32 = elem{"I32", "int32", 4, false}
	i64 = elem{"I64", "int64", 8, false}
	u32 = elem{"U32", "uint32", 4, false}
	u64 = elem{"U64", "uint64", 8, false}
)

// unsigned reports whether e is an unsigned integer type, whose min and max
// compare without the sign.
func (e elem) unsigned() bool { return e.name[0] == 'U' }

func (e elem) shift() uint8 {
	if e.size == 4 {
		return 2
	}
	return 3
}

// isa is an instruction-set tier.
type isa struct {
	name  string // AVX2, AVX512
	bytes int    // vector width in bytes
}

var (
	avx2   = isa{"AVX2", 32}
	avx512 = isa{"AVX512", 64}
)

func (s isa) is512() bool      { return s.bytes == 64 }
func (s isa) lanes(e elem) int { return s.bytes / e.size }
func (s isa) vec() VecVirtual {
	if s.is512() {
		return ZMM()
	}
	return YMM()
}

// like returns a new virtual vector register as wide as r.
func like(r Register) VecVirtual {
	switch r.Size() {
	case 16:
		return XMM()
	case 32:
		return YMM()
	case 64:
		return ZMM()
	}
	panic(fmt.Sprintf("like: register %s is not a vector", r.Asm()))
}

func addr(c gotypes.Component) Mem {
	b, err := c.Resolve()
	if err != nil {
		panic(err)
	}
	return b.Addr
}

// Tables for tail masks.
var (
	// tailMask: 32 bytes of ones then 32 bytes of zeros. The 32 bytes at
	// offset 32-k hold k bytes of ones: the AVX2 lane mask for k bytes.
	tailMask Mem
	// kMask: uint16 entries (1<<i)-1 for i = 0..15: the AVX-512 opmask for
	// i lanes.
	kMask Mem
)

func tables() {
	tailMask = GLOBL("reduceTailMask", RODATA|NOPTR)
	for i := range 8 {
		DATA(4*i, U32(0xffffffff))
	}
	for i := 8; i < 16; i++ {
		DATA(4*i, U32(0))
	}
	kMask = GLOBL("reduceKMask", RODATA|NOPTR)
	for i := range 16 {
		DATA(2*i, U16(uint16(1)<<i-1))
	}
}

// laneMask returns the AVX2 lane mask for the first n elements (0 < n < lanes).
func laneMask(e elem, n Register) VecVirtual {
	off := GP64()
	MOVQ(n, off)
	SHLQ(U8(e.shift()), off)
	NEGQ(off)
	base := GP64()
	LEAQ(tailMask, base)
	m := YMM()
	VMOVDQU(Mem{Base: base, Index: off, Scale: 1, Disp: 32}, m)
	return m
}

// opMask returns the AVX-512 opmask for the first n elements (0 < n < lanes).
func opMask(n Register) OpmaskVirtual {
	base := GP64()
	LEAQ(kMask, base)
	k := K()
	KMOVW(Mem{Base: base, Index: n, Scale: 2}, k)
	return k
}

// ---- instruction selection by element type -----------------------------

func load(s isa, e elem, m, dst Op) {
	switch {
	case e.float && e.size == 4:
		VMOVUPS(m, dst)
	case e.float:
		VMOVUPD(m, dst)
	case !s.is512():
		VMOVDQU(m, dst)
	case e.size == 4:
		VMOVDQU32(m, dst)
	default:
		VMOVDQU64(m, dst)
	}
}

// maskLoad is the AVX2 masked load: lanes outside mask read as zero and are
// not accessed.
func maskLoad(e elem, m, mask, dst Op) {
	switch {
	case e.float && e.size == 4:
		VMASKMOVPS(m, mask, dst)
	case e.float:
		VMASKMOVPD(m, mask, dst)
	case e.size == 4:
		VPMASKMOVD(m, mask, dst)
	default:
		VPMASKMOVQ(m, mask, dst)
	}
}

// zLoad is the AVX-512 zero-masked load.
func zLoad(e elem, m, k, dst Op) {
	switch {
	case e.float && e.size == 4:
		VMOVUPS_Z(m, k, dst)
	case e.float:
		VMOVUPD_Z(m, k, dst)
	case e.size == 4:
		VMOVDQU32_Z(m, k, dst)
	default:
		VMOVDQU64_Z(m, k, dst)
	}
}

func broadcast(e elem, m, dst Op) {
	switch {
	case e.float && e.size == 4:
		VBROADCASTSS(m, dst)
	case e.float:
		VBROADCASTSD(m, dst)
	case e.size == 4:
		VPBROADCASTD(m, dst)
	default:
		VPBROADCASTQ(m, dst)
	}
}

func zero(s isa, r Op) {
	if s.is512() {
		VPXORQ(r, r, r)
	} else {
		VPXOR(r, r, r)
	}
}

// add: ops are (src, dst1, [k,] dst).
func add(e elem, ops ...Op) {
	switch {
	case e.float && e.size == 4:
		VADDPS(ops...)
	case e.float:
		VADDPD(ops...)
	case e.size == 4:
		VPADDD(ops...)
	default:
		VPADDQ(ops...)
	}
}

// fma: dst += a * b, ops are (b, a, [k,] dst).
func fma(e elem, ops ...Op) {
	if e.size == 4 {
		VFMADD231PS(ops...)
	} else {
		VFMADD231PD(ops...)
	}
}

// mulLo: dst = low half of a*b (integers, wrapping); a may be memory when
// the tier has a native instruction.
func mulLo(s isa, e elem, a Op, b, dst Register) {
	switch {
	case e.size == 4:
		VPMULLD(a, b, dst)
	case s.is512():
		VPMULLQ(a, b, dst)
	default:
		// 64x64 -> low 64 from 32-bit products:
		// lo(a)lo(b) + (hi(a)lo(b) + lo(a)hi(b)) << 32.
		ar, ok := a.(Register)
		if !ok {
			ar = like(b)
			VMOVDQU(a, ar)
		}
		if ar.ID() == b.ID() {
			// Square: lo² + (lo·hi) << 33.
			h := like(b)
			VPSRLQ(U8(32), b, h)
			VPMULUDQ(b, h, h)
			VPSLLQ(U8(33), h, h)
			VPMULUDQ(b, b, dst)
			VPADDQ(h, dst, dst)
			return
		}
		ah, bh := like(b), like(b)
		VPSRLQ(U8(32), ar, ah)
		VPMULUDQ(b, ah, ah)
		VPSRLQ(U8(32), b, bh)
		VPMULUDQ(ar, bh, bh)
		VPADDQ(ah, bh, bh)
		VPSLLQ(U8(32), bh, bh)
		VPMULUDQ(ar, b, dst)
		VPADDQ(bh, dst, dst)
	}
}

// ---- reductions --------------------------------------------------------

// foldSpec describes a kernel that folds its inputs into one vector
// accumulator per unrolled vector (or shape.accs of them, which take the
// block's vectors in turn).
type foldSpec struct {
	name   string
	sig    string
	doc    []string
	e      elem
	s      isa
	unroll int
	inputs int // 1: x; 2: x and y
	// shape: how many streams the blocks read and how many accumulators
	// they fold into; the zero shape is plain.
	shape shape

	// init sets the accumulators up; x points at the first element.
	init func(accs []VecVirtual, x Mem)
	// step folds one full vector at ms (one Mem per input) into acc.
	step func(acc VecVirtual, ms []Mem)
	// tail folds the first n (0 < n < lanes) elements at ms into acc.
	tail func(acc VecVirtual, ms []Mem, n Register)
	// combine folds register src into dst (any vector width).
	combine func(dst, src Register)
	// result stores lane 0 of x as the return value.
	result func(x VecVirtual)
}

func fold(f foldSpec) {
	TEXT(f.name, NOSPLIT, f.sig)
	Pragma("noescape")
	Doc(f.doc...)
	ptrs := make([]Register, f.inputs)
	for i, p := range []string{"x", "y"}[:f.inputs] {
		ptrs[i] = Load(Param(p).Base(), GP64())
	}
	n := Load(Param("x").Len(), GP64())
	at := make([]Mem, len(ptrs)) // the vector at the pointers
	for i, p := range ptrs {
		at[i] = Mem{Base: p}
	}

	accs := make([]VecVirtual, f.shape.accumulators(f.unroll))
	for i := range accs {
		accs[i] = f.s.vec()
	}
	f.init(accs, Mem{Base: ptrs[0]})

	blockLoop(f.s, f.e, f.unroll, ptrs, n, f.shape.ways, "fold", func(vec func(i int) []Mem) {
		for _, j := range blockOrder(f.unroll, f.shape.ways) {
			f.step(accs[j%len(accs)], vec(j))
		}
	})

	Label("fold")
	for d := 1; d < len(accs); d *= 2 {
		for i := 0; i+d < len(accs); i += 2 * d {
			f.combine(accs[i], accs[i+d])
		}
	}
	acc := accs[0]

	singleLoop(f.s, f.e, ptrs, n, func(at []Mem) { f.step(acc, at) })

	Comment("Masked tail.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("horizontal"))
	f.tail(acc, at, n)

	Label("horizontal")
	horizontal(f.s, f.e, acc, f.combine)
	f.result(acc)
	vzeroRet()
}

// blockLoop emits a kernel's main loop: whole blocks of unroll vectors,
// body's code once per block, with vec(i) addressing vector i (0 <= i <
// unroll) of the block in every input of ptrs. It jumps to skip when x
// holds no whole block, and leaves the pointers past the blocks and in n
// the remaining element count (< unroll·lanes).
//
// With ways > 1 the loop reads each input's b blocks as that many streams
// at once: the b·unroll vectors fall into ways equal spans, and vectors
// k·unroll/ways to (k+1)·unroll/ways-1 of a block come from span k. The
// elements read are those of the plain loop; only which accumulator meets
// each changes, so a sum is reassociated and nothing else.
//
// Why: one core streaming from DRAM can keep more lines in flight with
// more streams (the prefetchers track each stream, and each stalls at its
// own page boundaries). Whether it pays depends on the kernel and the tier
// (streamShape has the figures); 8 streams gained nothing over 4, and 2
// streams made float min/max 2-3% slower. In cache it does not pay: a
// 256Ki sum read 1-4% slower from 2 streams, a 256Ki dot 12-14% slower,
// and 4Mi inputs (in L3) 3-11% slower. So split kernels are "Stream"
// variants that the Go side calls for large inputs only (streamMin in
// asm/reduce.go); integer min and max have none.
func blockLoop(s isa, e elem, unroll int, ptrs []Register, n Register, ways int, skip string, body func(vec func(i int) []Mem)) {
	lanes := s.lanes(e)
	block := unroll * lanes // elements per iteration
	at := func(base []Register, disp int) []Mem {
		ms := make([]Mem, len(base))
		for i, p := range base {
			ms[i] = Mem{Base: p, Disp: disp}
		}
		return ms
	}
	if ways <= 1 {
		Comment(fmt.Sprintf("Blocks of %d vectors.", unroll))
		CMPQ(n, U32(block))
		JB(LabelRef(skip))
		Label("blocks")
		body(func(i int) []Mem { return at(ptrs, i*s.bytes) })
		for _, p := range ptrs {
			ADDQ(U32(unroll*s.bytes), p)
		}
		SUBQ(U32(block), n)
		CMPQ(n, U32(block))
		JAE(LabelRef("blocks"))
		return
	}

	per := unroll / ways // vectors per stream and block
	if per*ways != unroll {
		panic(fmt.Sprintf("blockLoop: %d ways do not divide %d vectors", ways, unroll))
	}
	Comment(fmt.Sprintf("Blocks of %d vectors: %d from each of %d streams.", unroll, per, ways))
	count := GP64()
	MOVQ(n, count)
	SHRQ(U8(log2(block)), count)
	JZ(LabelRef(skip))
	// streams[k][i]: where input i's span k starts, count·per vectors
	// after span k-1.
	span := GP64()
	MOVQ(count, span)
	SHLQ(U8(log2(per*s.bytes)), span)
	streams := make([][]Register, ways)
	streams[0] = ptrs
	for k := 1; k < ways; k++ {
		streams[k] = make([]Register, len(ptrs))
		for i := range ptrs {
			streams[k][i] = GP64()
			LEAQ(Mem{Base: streams[k-1][i], Index: span, Scale: 1}, streams[k][i])
		}
	}
	ANDQ(U32(block-1), n)
	Label("blocks")
	body(func(i int) []Mem { return at(streams[i/per], (i%per)*s.bytes) })
	for _, st := range streams {
		for _, p := range st {
			ADDQ(U32(per*s.bytes), p)
		}
	}
	DECQ(count)
	JNZ(LabelRef("blocks"))
	// Each span ended where the next began; go on past the last.
	for i := range ptrs {
		MOVQ(streams[ways-1][i], ptrs[i])
	}
}

// singleLoop emits the loop over the single vectors left after the
// blocks: while n holds a whole vector, body's code once with at(0)
// addressing that vector in every input of ptrs, then the pointers move on
// by one vector. It jumps to "tail" with n < lanes.
func singleLoop(s isa, e elem, ptrs []Register, n Register, body func(at []Mem)) {
	lanes := s.lanes(e)
	Comment("Single vectors.")
	CMPQ(n, U32(lanes))
	JB(LabelRef("tail"))
	Label("single")
	at := make([]Mem, len(ptrs))
	for i, p := range ptrs {
		at[i] = Mem{Base: p}
	}
	body(at)
	for _, p := range ptrs {
		ADDQ(U32(s.bytes), p)
	}
	SUBQ(U32(lanes), n)
	CMPQ(n, U32(lanes))
	JAE(LabelRef("single"))
}

// blockOrder is the order in which a loop body visits a block's vectors:
// in turn for a plain loop, taking one from each stream in turn for a split
// one.
func blockOrder(unroll, ways int) []int {
	ways = max(ways, 1)
	per := unroll / ways
	order := make([]int, 0, unroll)
	for j := range per {
		for k := range ways {
			order = append(order, k*per+j)
		}
	}
	return order
}

// shape is how a kernel's block loop reads and folds: ways streams at once
// (blockLoop), into accs vector accumulators (0: one per vector of a
// block; fewer take the block's vectors in turn).
type shape struct{ ways, accs int }

// accumulators is the number of accumulators of a block of unroll vectors.
func (sh shape) accumulators(unroll int) int {
	if sh.accs <= 0 || sh.accs > unroll {
		return unroll
	}
	return sh.accs
}

// plain is the shape of the kernels for inputs in cache: one stream, one
// accumulator per vector, for as many additions in flight as the ports
// take (a 4-cycle FMA on two ports needs 8). The zero shape is the same.
var plain = shape{ways: 1}

// streamShape is the shape of the Stream variant of a sum, sum of squares
// or dot of tier s over inputs inputs, the kernel the Go side calls for
// inputs out in DRAM (streamMin in asm/reduce.go). The shapes were timed
// against each other on the 2-core Zen 4 VM, 64Mi elements on one
// goroutine and in 8 chunks on two, in one process and in turn (ratios to
// the plain shape; "fast": the host's moments of more bandwidth):
//   - AVX2 sums and sums of squares: one stream into 4 accumulators. Sums
//     of squares 4-7% faster on one goroutine (float32, float64; int32
//     2%), 0-1% on two, 3-14% on two when fast; sums 1-2% on one
//     goroutine, 0-7% on two when fast. Four streams into 8 accumulators
//     gave 0.93-1.03.
//   - AVX2 dots and all AVX-512 folds: 4 streams, one accumulator per
//     vector. AVX2 dots 14-16% faster on one goroutine and 3% on two (9-34%
//     when fast); AVX-512 sums and sums of squares 5-9%, dots 7-25%. One
//     stream into 4 accumulators gave them no steady gain (0.96-1.10).
//
// Why 4 accumulators read DRAM faster than 8 from one AVX2 stream, and
// four streams do not help there, I could not tell on a VM without
// performance counters; hand-written loops, gcc's among them, behaved
// alike.
func streamShape(s isa, inputs int) shape {
	if s.is512() || inputs > 1 {
		return shape{ways: 4}
	}
	return shape{ways: 1, accs: 4}
}

// shapeOf is the shape of a fold kernel of tier s over inputs inputs: its
// Stream variant's or the plain one.
func shapeOf(s isa, inputs int, stream bool) shape {
	if stream {
		return streamShape(s, inputs)
	}
	return plain
}

// minMaxWays is the number of streams a float min/max kernel's block loop
// reads: 4 for its Stream variant (see streamMin in asm/reduce.go).
func minMaxWays(stream bool) int {
	if stream {
		return 4
	}
	return 1
}

// streamName is a kernel's name, with "Stream" appended for its variant
// for inputs out in DRAM.
func streamName(name string, stream bool) string {
	if stream {
		return name + "Stream"
	}
	return name
}

// streamDoc is a kernel's doc; a Stream variant's says how it differs.
func streamDoc(stream bool, sh shape, unroll int, doc ...string) []string {
	if !stream {
		return doc
	}
	var how []string
	if sh.ways > 1 {
		how = append(how, fmt.Sprintf("reads its blocks as %d streams", sh.ways))
	}
	if a := sh.accumulators(unroll); a < unroll {
		what := "its blocks"
		if len(how) > 0 {
			what = "them"
		}
		how = append(how, fmt.Sprintf("folds %s into %d accumulators, not %d", what, a, unroll))
	}
	if len(how) == 0 {
		panic("streamDoc: a Stream variant with the plain shape")
	}
	return append(doc, fmt.Sprintf("It %s, for inputs out in DRAM (streamShape in asm/_gen/reduce).", strings.Join(how, " and ")))
}

func log2(v int) int {
	if v <= 0 || v&(v-1) != 0 {
		panic(fmt.Sprintf("log2: %d is not a power of two", v))
	}
	return bits.TrailingZeros(uint(v))
}

// horizontal folds the lanes of acc into lane 0 with combine.
func horizontal(s isa, e elem, acc VecVirtual, combine func(dst, src Register)) {
	if s.is512() {
		t := YMM()
		VEXTRACTF64X4(U8(1), acc, t)
		combine(acc.AsY(), t)
		u := XMM()
		VEXTRACTF32X4(U8(1), acc.AsY(), u)
		combine(acc.AsX(), u)
	} else {
		u := XMM()
		VEXTRACTF128(U8(1), acc.AsY(), u)
		combine(acc.AsX(), u)
	}
	t := XMM()
	VPSHUFD(U8(0x4e), acc.AsX(), t)
	combine(acc.AsX(), t)
	if e.size == 4 {
		t := XMM()
		VPSHUFD(U8(0xb1), acc.AsX(), t)
		combine(acc.AsX(), t)
	}
}

// storeResult stores lane 0 of x as return value c (default: the first).
func storeResult(e elem, x VecVirtual, c ...gotypes.Component) {
	ret := addr(ReturnIndex(0))
	if len(c) > 0 {
		ret = addr(c[0])
	}
	switch {
	case e.float && e.size == 4:
		VMOVSS(x.AsX(), ret)
	case e.float:
		VMOVSD(x.AsX(), ret)
	case e.size == 4:
		r := GP32()
		VMOVD(x.AsX(), r)
		MOVL(r, ret)
	default:
		r := GP64()
		VMOVQ(x.AsX(), r)
		MOVQ(r, ret)
	}
}

func zeroInit(s isa) func([]VecVirtual, Mem) {
	return func(accs []VecVirtual, _ Mem) {
		for _, a := range accs {
			zero(s, a)
		}
	}
}

func sig1(e elem) string { return fmt.Sprintf("func(x []%s) %s", e.gotype, e.gotype) }

func genSum(s isa, e elem, stream bool) {
	name := streamName("sum"+e.name+s.name, stream)
	const unroll = 8
	sh := shapeOf(s, 1, stream)
	fold(foldSpec{
		name:   name,
		sig:    sig1(e),
		doc:    streamDoc(stream, sh, unroll, fmt.Sprintf("%s returns the sum of x (len(x) <= MaxStep).", name)),
		e:      e,
		s:      s,
		unroll: unroll,
		inputs: 1,
		shape:  sh,
		init:   zeroInit(s),
		step: func(acc VecVirtual, ms []Mem) {
			add(e, ms[0], acc, acc)
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			if s.is512() {
				add(e, ms[0], acc, opMask(n), acc)
				return
			}
			x := YMM()
			maskLoad(e, ms[0], laneMask(e, n), x)
			add(e, x, acc, acc)
		},
		combine: func(dst, src Register) { add(e, src, dst, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}

func genXor(s isa) {
	e := u64
	xor := func(ops ...Op) {
		if s.is512() {
			VPXORQ(ops...)
		} else {
			VPXOR(ops[0], ops[1], ops[2])
		}
	}
	fold(foldSpec{
		name:   "xor" + e.name + s.name,
		sig:    sig1(e),
		doc:    []string{fmt.Sprintf("xor%s%s returns the XOR of the words of x (len(x) <= MaxStep).", e.name, s.name)},
		e:      e,
		s:      s,
		unroll: 4,
		inputs: 1,
		init:   zeroInit(s),
		step: func(acc VecVirtual, ms []Mem) {
			xor(ms[0], acc, acc)
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			if s.is512() {
				VPXORQ(ms[0], acc, opMask(n), acc)
				return
			}
			x := YMM()
			maskLoad(e, ms[0], laneMask(e, n), x)
			xor(x, acc, acc)
		},
		combine: func(dst, src Register) { xor(src, dst, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}

func genSumSquares(s isa, e elem, stream bool) {
	name := streamName("sumSquares"+e.name+s.name, stream)
	unroll := 8
	if !e.float && e.size == 8 && !s.is512() {
		unroll = 4 // emulated 64-bit multiply needs temporaries
	}
	sh := shapeOf(s, 1, stream)
	if stream && sh.ways == 1 && sh.accumulators(unroll) == unroll {
		// The Stream variant would be the plain kernel again: the Go
		// side calls that one (sumSquaresI64 in reduce_amd64.go).
		return
	}
	// square folds x*x (x a register) into acc.
	square := func(acc, x VecVirtual) {
		if e.float {
			fma(e, x, x, acc)
			return
		}
		p := like(x)
		mulLo(s, e, x, x, p)
		add(e, p, acc, acc)
	}
	fold(foldSpec{
		name:   name,
		sig:    sig1(e),
		doc:    streamDoc(stream, sh, unroll, fmt.Sprintf("%s returns the sum of the squares of x (len(x) <= MaxStep).", name)),
		e:      e,
		s:      s,
		unroll: unroll,
		inputs: 1,
		shape:  sh,
		init:   zeroInit(s),
		step: func(acc VecVirtual, ms []Mem) {
			x := s.vec()
			load(s, e, ms[0], x)
			square(acc, x)
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			x := s.vec()
			if s.is512() {
				zLoad(e, ms[0], opMask(n), x)
			} else {
				maskLoad(e, ms[0], laneMask(e, n), x)
			}
			square(acc, x)
		},
		combine: func(dst, src Register) { add(e, src, dst, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}

func genDot(s isa, e elem, stream bool) {
	name := streamName("dot"+e.name+s.name, stream)
	unroll := 8
	if !e.float && e.size == 8 && !s.is512() {
		unroll = 4
	}
	sh := shapeOf(s, 2, stream)
	// mulAdd folds x*y into acc; y may be memory.
	mulAdd := func(acc, x VecVirtual, y Op) {
		if e.float {
			fma(e, y, x, acc)
			return
		}
		p := like(x)
		mulLo(s, e, y, x, p)
		add(e, p, acc, acc)
	}
	fold(foldSpec{
		name:   name,
		sig:    fmt.Sprintf("func(x, y []%s) %s", e.gotype, e.gotype),
		doc:    streamDoc(stream, sh, unroll, fmt.Sprintf("%s returns the dot product of x and y (len(y) == len(x) <= MaxStep).", name)),
		e:      e,
		s:      s,
		unroll: unroll,
		inputs: 2,
		shape:  sh,
		init:   zeroInit(s),
		step: func(acc VecVirtual, ms []Mem) {
			x := s.vec()
			load(s, e, ms[0], x)
			mulAdd(acc, x, ms[1])
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			x, y := s.vec(), s.vec()
			if s.is512() {
				k := opMask(n)
				zLoad(e, ms[0], k, x)
				zLoad(e, ms[1], k, y)
			} else {
				m := laneMask(e, n)
				maskLoad(e, ms[0], m, x)
				maskLoad(e, ms[1], m, y)
			}
			mulAdd(acc, x, y)
		},
		combine: func(dst, src Register) { add(e, src, dst, dst) },
		result:  func(x VecVirtual) { storeResult(e, x) },
	})
}

// Float min/max with Go's semantics (any NaN gives NaN, -0 < +0).
//
// VMINPS/VMAXPS return their second source when the operands are equal or
// unordered, so alone they drop NaNs and pick zero signs by position. The
// kernels use these schemes, whichever measured fastest:
//
// AVX-512 (genMinMaxRange): VRANGEPS/PD orders -0 below +0 but drops quiet
// NaNs; one unordered compare per pair of vectors finds NaNs, and the kernel
// returns at the first (the result is then NaN whatever else x holds).
// The AVX2 scheme below, on 512-bit vectors, is 15% faster on an Intel
// Xeon while the result is not a zero (75 against 88 ns for 4Ki float32s
// in L1), but when it is one it needs a second pass for the zero's sign
// (157 ns there); VRANGEPS never does (bench/README, nineteenth run). The
// fused MinMax kernel of this tier made the same choice (genMinMaxBothRange).
//
// AVX2 (genMinMaxFastAVX2): VMINPS/VMAXPS and, on the FMA ports, a
// branch-free flag that is set whenever x holds a NaN. The result is exact
// unless x holds a NaN or the result is a zero; the Go side then looks for a
// NaN (genHasNaNAVX2) or for the zero of the other sign (the OR or AND of
// the bit patterns, genBitwise). Keeping that OR in the loop instead, two
// VPORs per pair, made the kernels 15-35% slower on an Intel Xeon (AVX2
// tier forced) while the result is not a zero.

// cmpEQOQ is the VCMPPS/PD predicate "ordered and equal".
const cmpEQOQ = 0x0

// minMaxOp returns the float min (or max) instruction of tier s: under
// AVX-512 VRANGEPS/PD (imm8 bits 1:0 pick min or max, bits 3:2 = 01 take
// the sign from the comparison), which orders -0 below +0 but drops quiet
// NaNs; under AVX2 VMINPS/VMAXPS, which return the second source for a NaN
// and either zero for ±0. Operands are (src, src2, [k,] dst).
func minMaxOp(s isa, e elem, isMax bool) func(ops ...Op) {
	return func(ops ...Op) {
		imm := U8(4) // VRANGE: min, sign from the compare result
		if isMax {
			imm = U8(5)
		}
		switch {
		case s.is512() && e.size == 4:
			VRANGEPS(append([]Op{imm}, ops...)...)
		case s.is512():
			VRANGEPD(append([]Op{imm}, ops...)...)
		case e.size == 4 && isMax:
			VMAXPS(ops...)
		case e.size == 4:
			VMINPS(ops...)
		case isMax:
			VMAXPD(ops...)
		default:
			VMINPD(ops...)
		}
	}
}

// unordOp returns the compare that sets the lanes where a or b is NaN:
// operands (a, b, dst), dst a vector (AVX2) or an opmask (AVX-512).
func unordOp(e elem) func(ops ...Op) {
	return func(ops ...Op) {
		if e.size == 4 {
			VCMPPS(append([]Op{U8(3)}, ops...)...)
		} else {
			VCMPPD(append([]Op{U8(3)}, ops...)...)
		}
	}
}

// minMaxFam is the name prefix of a min or max kernel.
func minMaxFam(isMax bool) string {
	if isMax {
		return "max"
	}
	return "min"
}

// flaggedMinMaxHeader starts the float kernel <fam><variant><T><isa>,
// func(x []T) (m T, <flag> bool), for a non-empty x of at most MaxStep
// elements, documented as returning the min (max) of x and then what; it
// returns the registers holding x's base and length.
func flaggedMinMaxHeader(s isa, e elem, isMax bool, variant, flag, what string, stream bool) (p, n Register) {
	fam := minMaxFam(isMax)
	name := streamName(fam+variant+e.name+s.name, stream)
	TEXT(name, NOSPLIT, fmt.Sprintf("func(x []%s) (m %s, %s bool)", e.gotype, e.gotype, flag))
	Pragma("noescape")
	Doc(streamDoc(stream, shape{ways: minMaxWays(stream)}, 0, fmt.Sprintf("%s returns the %s of x, %s (0 < len(x) <= MaxStep).", name, fam, what))...)
	return Load(Param("x").Base(), GP64()), Load(Param("x").Len(), GP64())
}

// genMinMaxRange generates {min,max}Range<T>AVX512, func(x) (m T, nan
// bool), with VRANGEPS/PD: m is exact unless nan. NaNs are looked for with
// one unordered compare per pair of vectors, and the kernel returns at the
// first.
func genMinMaxRange(e elem, isMax, stream bool) {
	s := avx512
	p, n := flaggedMinMaxHeader(s, e, isMax, "Range", "nan",
		"exact unless nan, and whether x holds a NaN", stream)
	const unroll = 4
	op, unord := minMaxOp(s, e, isMax), unordOp(e)
	// jumpIfAny jumps to nan if opmask a (or a|b) has a lane set.
	jumpIfAny := func(a, b Register) {
		if b == nil {
			b = a
		}
		KORTESTW(a, b)
		JNZ(LabelRef("nan"))
	}

	ms := make([]VecVirtual, unroll)
	for j := range ms {
		ms[j] = s.vec()
	}
	broadcast(e, Mem{Base: p}, ms[0])
	for j := range ms[1:] {
		load(s, e, ms[0], ms[j+1])
	}

	blockLoop(s, e, unroll, []Register{p}, n, minMaxWays(stream), "fold", func(vec func(i int) []Mem) {
		xs := make([]VecVirtual, unroll)
		for _, j := range blockOrder(unroll, minMaxWays(stream)) {
			xs[j] = s.vec()
			load(s, e, vec(j)[0], xs[j])
			op(xs[j], ms[j], ms[j])
		}
		c0, c1 := K(), K()
		unord(xs[0], xs[1], c0)
		unord(xs[2], xs[3], c1)
		jumpIfAny(c0, c1)
	})

	Label("fold")
	for d := 1; d < unroll; d *= 2 {
		for i := 0; i+d < unroll; i += 2 * d {
			op(ms[i+d], ms[i], ms[i])
		}
	}

	singleLoop(s, e, []Register{p}, n, func(at []Mem) {
		x, c := s.vec(), K()
		load(s, e, at[0], x)
		op(x, ms[0], ms[0])
		unord(x, x, c)
		jumpIfAny(c, nil)
	})

	Comment("Masked tail.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("horizontal"))
	x, c := s.vec(), K()
	k := opMask(n)
	zLoad(e, Mem{Base: p}, k, x)
	op(x, ms[0], k, ms[0])
	unord(x, x, c)
	jumpIfAny(c, nil)

	Label("horizontal")
	horizontal(s, e, ms[0], func(dst, src Register) { op(src, dst, dst) })
	storeResult(e, ms[0], Return("m"))
	returnNaNFlag()
}

// returnNaNFlag ends a kernel whose result nan is false on the fall-through
// path and true at label "nan", where its loops jump at the first NaN.
func returnNaNFlag() {
	MOVB(U8(0), addr(Return("nan")))
	vzeroRet()

	Label("nan")
	MOVB(U8(1), addr(Return("nan")))
	vzeroRet()
}

// genMinMaxFastAVX2 generates {min,max}Fast<T>AVX2, the AVX2 float min/max:
// func(x) (m T, maybeNaN bool), for 0 < len(x) <= MaxStep.
//
// m is VMINPS/VMAXPS's fold of x: exact unless x holds a NaN or m is a zero
// (VMINPS does not order -0 below +0); infinities come out exact. The Go side
// looks for a NaN (hasNaN<T>AVX2) only when maybeNaN is set, and for the
// sign of a zero only when m is one.
//
// maybeNaN is set whenever x holds a NaN. On Zen 4 VMINPS, VADDPS and VCMPPS
// share one pair of vector ports and the FMAs sit on the other, so the NaN
// test is one FMA per pair of vectors on the otherwise idle pair: with a the
// vector loaded into a register and u = VMINPS(a, b) taking b from memory
// (VMINPS returns its memory operand, b, when either is a NaN), f += a*u.
// A NaN in a or in b makes the product a NaN, and a NaN flag stays one.
// Four flags keep the FMA latency off the critical path, and a block of
// eight vectors costs 8 loads (4 of them fused into VMINPS), 8 VMINPS and
// 4 FMAs: the load ports are the limit, as in a loop without the test.
// Single vectors (and the masked tail) add x*x, which is never a NaN for a
// number. The flag is a NaN test of the four flags.
//
// maybeNaN is never set for finite x: the FMA rounds a*u + f once, so
// finite inputs give a finite flag or, at worst, an infinity, and an
// infinity plus a finite product stays that infinity. Without a NaN it can
// be set only when x holds an infinity (an infinity times a zero, or
// infinities of both signs meeting in one flag); then the NaN search finds
// none and m stands: one more pass over x, never a wrong result.
func genMinMaxFastAVX2(e elem, isMax, stream bool) {
	s := avx2
	p, n := flaggedMinMaxHeader(s, e, isMax, "Fast", "maybeNaN",
		"exact unless x holds a NaN or m is a zero, and a flag that is set whenever x holds a NaN (and only then, unless x holds an infinity)", stream)
	const pairs = 4
	op, unord := minMaxOp(s, e, isMax), unordOp(e)

	ms := make([]VecVirtual, pairs)
	for j := range ms {
		ms[j] = YMM()
	}
	broadcast(e, Mem{Base: p}, ms[0])
	for j := range ms[1:] {
		VMOVUPS(ms[0], ms[j+1])
	}
	flags := make([]VecVirtual, pairs)
	for i := range flags {
		flags[i] = YMM()
		VPXOR(flags[i], flags[i], flags[i])
	}

	// Pair k folds vectors 2k and 2k+1 of a block.
	blockLoop(s, e, 2*pairs, []Register{p}, n, minMaxWays(stream), "singles", func(vec func(i int) []Mem) {
		for k := range pairs {
			a, u := YMM(), YMM()
			load(s, e, vec(2 * k)[0], a)
			op(vec(2*k + 1)[0], a, u) // u = a < b ? a : b; b if either is a NaN
			op(u, ms[k], ms[k])
			fma(e, u, a, flags[k]) // f += a*u
		}
	})

	Label("singles")
	singleLoop(s, e, []Register{p}, n, func(at []Mem) {
		x := YMM()
		load(s, e, at[0], x)
		op(x, ms[0], ms[0])
		fma(e, x, x, flags[0])
	})

	Comment("Masked tail: lanes past the end read +0 and keep the accumulator.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("horizontal"))
	mask := laneMask(e, n)
	x := YMM()
	maskLoad(e, Mem{Base: p}, mask, x)
	t := YMM()
	op(x, ms[0], t)
	VBLENDVPS(mask, t, ms[0], ms[0])
	fma(e, x, x, flags[0])

	Label("horizontal")
	for d := 1; d < len(ms); d *= 2 {
		for i := 0; i+d < len(ms); i += 2 * d {
			op(ms[i+d], ms[i], ms[i])
		}
	}
	horizontal(s, e, ms[0], func(dst, src Register) { op(src, dst, dst) })
	storeResult(e, ms[0], Return("m"))
	// The flags hold arbitrary numbers, so each is tested on its own.
	unord(flags[1], flags[0], flags[0])
	unord(flags[3], flags[2], flags[2])
	VPOR(flags[2], flags[0], flags[0])
	VPTEST(flags[0], flags[0])
	SETNE(addr(Return("maybeNaN")))
	vzeroRet()
}

// genHasNaNAVX2 generates hasNaN<T>AVX2, func(x []T) bool, for
// 0 < len(x) <= MaxStep: whether x holds a NaN. One unordered compare per
// pair of vectors (one of them read from memory), and it returns at the
// first block holding a NaN.
func genHasNaNAVX2(e elem) {
	s := avx2
	name := "hasNaN" + e.name + s.name
	TEXT(name, NOSPLIT, fmt.Sprintf("func(x []%s) bool", e.gotype))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s reports whether x holds a NaN (0 < len(x) <= MaxStep).", name))
	p := Load(Param("x").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	const pairs = 4
	unord := unordOp(e)

	blockLoop(s, e, 2*pairs, []Register{p}, n, 1, "singles", func(vec func(i int) []Mem) {
		cs := make([]VecVirtual, pairs)
		for k := range pairs {
			a := YMM()
			cs[k] = YMM()
			load(s, e, vec(2 * k)[0], a)
			unord(vec(2*k + 1)[0], a, cs[k])
		}
		VPOR(cs[1], cs[0], cs[0])
		VPOR(cs[3], cs[2], cs[2])
		VPOR(cs[2], cs[0], cs[0])
		VPTEST(cs[0], cs[0])
		JNZ(LabelRef("nan"))
	})

	Label("singles")
	singleLoop(s, e, []Register{p}, n, func(at []Mem) {
		x, c := YMM(), YMM()
		load(s, e, at[0], x)
		unord(x, x, c)
		VPTEST(c, c)
		JNZ(LabelRef("nan"))
	})

	Comment("Masked tail: lanes past the end read +0.")
	Label("tail")
	TESTQ(n, n)
	JZ(LabelRef("none"))
	mask := laneMask(e, n)
	x, c := YMM(), YMM()
	maskLoad(e, Mem{Base: p}, mask, x)
	unord(x, x, c)
	VPTEST(c, c)
	JNZ(LabelRef("nan"))

	Label("none")
	MOVB(U8(0), addr(ReturnIndex(0)))
	vzeroRet()

	Label("nan")
	MOVB(U8(1), addr(ReturnIndex(0)))
	vzeroRet()
}

// genMinMax generates the integer Min/Max kernels.
func genMinMax(s isa, e elem, isMax bool) {
	name := minMaxFam(isMax) + e.name + s.name
	if e.float {
		panic(name + ": floats use genMinMaxFastAVX2 or genMinMaxRange")
	}

	// AVX2 has no unsigned 64-bit compare: that kernel folds the elements
	// with their top bit flipped, as signed numbers, whose order is then
	// the unsigned order, and flips the result back (bias set in init).
	biased := e.unsigned() && e.size == 8 && !s.is512()
	var bias VecVirtual

	// combine: dst = op(dst, src), registers.
	var combine func(dst, src Register)
	switch {
	case e.unsigned() && e.size == 4 && isMax:
		combine = func(dst, src Register) { VPMAXUD(src, dst, dst) }
	case e.unsigned() && e.size == 4:
		combine = func(dst, src Register) { VPMINUD(src, dst, dst) }
	case e.unsigned() && s.is512() && isMax:
		combine = func(dst, src Register) { VPMAXUQ(src, dst, dst) }
	case e.unsigned() && s.is512():
		combine = func(dst, src Register) { VPMINUQ(src, dst, dst) }
	case e.size == 4 && isMax:
		combine = func(dst, src Register) { VPMAXSD(src, dst, dst) }
	case e.size == 4:
		combine = func(dst, src Register) { VPMINSD(src, dst, dst) }
	case s.is512() && isMax:
		combine = func(dst, src Register) { VPMAXSQ(src, dst, dst) }
	case s.is512():
		combine = func(dst, src Register) { VPMINSQ(src, dst, dst) }
	case isMax:
		combine = func(dst, src Register) {
			c := like(dst)
			VPCMPGTQ(dst, src, c) // src > dst
			VBLENDVPD(c, src, dst, dst)
		}
	default:
		combine = func(dst, src Register) {
			c := like(dst)
			VPCMPGTQ(src, dst, c) // dst > src
			VBLENDVPD(c, src, dst, dst)
		}
	}

	// memOp: acc = op(acc, m) with a memory operand and an optional mask,
	// where the tier has the instruction.
	memOp := func(acc VecVirtual, m Mem, k Op) {
		ops := []Op{m, acc, acc}
		if k != nil {
			ops = []Op{m, acc, k, acc}
		}
		switch {
		case e.unsigned() && e.size == 4 && isMax:
			VPMAXUD(ops...)
		case e.unsigned() && e.size == 4:
			VPMINUD(ops...)
		case e.unsigned() && isMax:
			VPMAXUQ(ops...)
		case e.unsigned():
			VPMINUQ(ops...)
		case e.size == 4 && isMax:
			VPMAXSD(ops...)
		case e.size == 4:
			VPMINSD(ops...)
		case isMax:
			VPMAXSQ(ops...)
		default:
			VPMINSQ(ops...)
		}
	}

	doc := fmt.Sprintf("%s returns the %s of x with Go's %s semantics (0 < len(x) <= MaxStep).", name, map[bool]string{false: "minimum", true: "maximum"}[isMax], minMaxFam(isMax))
	fold(foldSpec{
		name:   name,
		sig:    sig1(e),
		doc:    []string{doc},
		e:      e,
		s:      s,
		unroll: 4,
		inputs: 1,
		init: func(accs []VecVirtual, x Mem) {
			broadcast(e, x, accs[0])
			if biased {
				bias = YMM()
				VPCMPEQQ(bias, bias, bias)
				VPSLLQ(U8(63), bias, bias) // the top bit
				VPXOR(bias, accs[0], accs[0])
			}
			for _, a := range accs[1:] {
				load(s, e, accs[0], a)
			}
		},
		step: func(acc VecVirtual, ms []Mem) {
			if s.is512() || e.size == 4 {
				memOp(acc, ms[0], nil)
				return
			}
			x := s.vec()
			if biased {
				VPXOR(ms[0], bias, x)
			} else {
				load(s, e, ms[0], x)
			}
			combine(acc, x)
		},
		tail: func(acc VecVirtual, ms []Mem, n Register) {
			if s.is512() {
				memOp(acc, ms[0], opMask(n))
				return
			}
			m := laneMask(e, n)
			x := YMM()
			maskLoad(e, ms[0], m, x)
			if biased {
				VPXOR(bias, x, x)
			}
			t := YMM()
			VMOVDQU(acc, t)
			combine(t, x)
			VBLENDVPS(m, t, acc, acc)
		},
		combine: combine,
		result: func(x VecVirtual) {
			if biased {
				VPXOR(bias, x, x)
			}
			storeResult(e, x)
		},
	})
}

// broadcastParamV loads the search kernels' parameter v into every lane of
// a new vector register.
func broadcastParamV(s isa, e elem) VecVirtual {
	v := s.vec()
	if e.float || e.size == 8 {
		broadcast(e, addr(Param("v")), v)
		return v
	}
	// go vet's asmdecl reads VPBROADCASTD's operand as 8 bytes, so go
	// through a general register.
	r := Load(Param("v"), GP32())
	VMOVD(r, v.AsX())
	VPBROADCASTD(v.AsX(), v)
	return v
}

// equalTo returns cmp(x, dst, k), which sets the lanes of dst where vector
// x (register or memory) equals v: Go's ==, so floats compare
// ordered-equal (NaN matches nothing, -0 == +0). dst is a vector of lane
// masks under AVX2, an opmask under AVX-512, where k, if not nil, is a
// write mask.
func equalTo(e elem, v Register) func(x, dst, k Op) {
	return func(x, dst, k Op) {
		ops := []Op{x, v, dst}
		if k != nil {
			ops = []Op{x, v, k, dst}
		}
		switch {
		case e.float && e.size == 4:
			VCMPPS(append([]Op{U8(cmpEQOQ)}, ops...)...)
		case e.float:
			VCMPPD(append([]Op{U8(cmpEQOQ)}, ops...)...)
		case e.size == 4:
			VPCMPEQD(ops...)
		default:
			VPCMPEQQ(ops...)
		}
	}
}

// testAnyLane ORs the lane masks cs (equalTo's dsts, a power of two of
// them) in a tree and tests the root: ZF is clear when any lane is set.
func testAnyLane(s isa, cs []Register) {
	level := cs
	for len(level) > 1 {
		var next []Register
		for j := 0; j < len(level); j += 2 {
			if s.is512() {
				h := K()
				KORW(level[j], level[j+1], h)
				next = append(next, h)
			} else {
				h := YMM()
				VPOR(level[j], level[j+1], h)
				next = append(next, h)
			}
		}
		level = next
	}
	if s.is512() {
		KORTESTW(level[0], level[0])
	} else {
		VPTEST(level[0], level[0])
	}
}

// blockBits gathers the lane bits of the masks cs into r, vector j's from
// bit j·lanes on (they must fit 64 bits).
func blockBits(s isa, e elem, cs []Register, r GPVirtual) {
	XORQ(r, r)
	for j, c := range cs {
		t := GP64()
		laneBits(s, e, c, t)
		if j > 0 {
			SHLQ(U8(j*s.lanes(e)), t)
		}
		ORQ(t, r)
	}
}

// laneBits moves the lane mask c (equalTo's dst) into r, one bit per lane.
func laneBits(s isa, e elem, c Register, r GPVirtual) {
	switch {
	case s.is512():
		KMOVW(c, r.As32())
	case e.size == 4:
		VMOVMSKPS(c, r.As32())
	default:
		VMOVMSKPD(c, r.As32())
	}
}

// searchSig is the signature of the search and count kernels.
func searchSig(e elem) string { return fmt.Sprintf("func(x []%s, v %s) int", e.gotype, e.gotype) }

// searchHeader starts the search kernel <fam><T><tier>, documented as
// returning what.
func searchHeader(s isa, e elem, fam, what string) {
	name := fam + e.name + s.name
	TEXT(name, NOSPLIT, searchSig(e))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s returns %s (len(x) <= MaxStep).", name, what))
}

// searchUnroll is the number of vectors a search compares per block: 8,
// whose lane bits fit one 64-bit word (blockBits gathers them), or 4 under
// AVX-512, whose masks live in the 7 usable opmask registers.
func searchUnroll(s isa) int {
	if s.is512() {
		return 4
	}
	return 8
}

// newLaneMask returns a register for equalTo's dst: a vector under AVX2,
// an opmask under AVX-512.
func newLaneMask(s isa) Register {
	if s.is512() {
		return K()
	}
	return YMM()
}

// genIndexOf: lowest i with x[i] == v, or -1. Floats compare ordered-equal:
// NaN matches nothing and -0 == +0.
func genIndexOf(s isa, e elem) {
	searchHeader(s, e, "indexOf", "the lowest i with x[i] == v, or -1")
	lanes := s.lanes(e)
	unroll := searchUnroll(s)
	p := Load(Param("x").Base(), GP64())
	n := Load(Param("x").Len(), GP64())
	i := GP64()
	XORQ(i, i)
	v := broadcastParamV(s, e)
	ret := addr(ReturnIndex(0))
	cmpVec := equalTo(e, v)
	bits := func(c Register, r GPVirtual) { laneBits(s, e, c, r) }
	found := func(r GPVirtual) {
		ADDQ(i, r)
		MOVQ(r, ret)
		vzeroRet()
	}

	Comment(fmt.Sprintf("Blocks of %d vectors, while i < the last multiple of %d elements.", unroll, unroll*lanes))
	end := GP64()
	MOVQ(n, end)
	ANDQ(I32(-unroll*lanes), end)
	CMPQ(i, end)
	JAE(LabelRef("vectors"))
	Label("blocks")
	cs := make([]Register, unroll)
	for j := range cs {
		cs[j] = newLaneMask(s)
		cmpVec(Mem{Base: p, Disp: j * s.bytes}, cs[j], nil)
	}
	testAnyLane(s, cs)
	JNZ(LabelRef("blockfound"))
	ADDQ(U32(unroll*s.bytes), p)
	ADDQ(U32(unroll*lanes), i)
	CMPQ(i, end)
	JB(LabelRef("blocks"))
	JMP(LabelRef("vectors"))

	Label("blockfound")
	r := GP64()
	blockBits(s, e, cs, r)
	BSFQ(r, r)
	found(r)

	Comment("Single vectors.")
	Label("vectors")
	rem := GP64()
	MOVQ(n, rem)
	SUBQ(i, rem)
	CMPQ(rem, U32(lanes))
	JB(LabelRef("tail"))
	c := newLaneMask(s)
	cmpVec(Mem{Base: p}, c, nil)
	r = GP64()
	bits(c, r)
	TESTQ(r, r)
	JNZ(LabelRef("vectorfound"))
	ADDQ(U32(s.bytes), p)
	ADDQ(U32(lanes), i)
	JMP(LabelRef("vectors"))
	Label("vectorfound")
	BSFQ(r, r)
	found(r)

	Comment("Masked tail.")
	Label("tail")
	TESTQ(rem, rem)
	JZ(LabelRef("notfound"))
	r = GP64()
	if s.is512() {
		k := opMask(rem)
		c := K()
		cmpVec(Mem{Base: p}, c, k)
		KMOVW(c, r.As32())
	} else {
		m := laneMask(e, rem)
		x := YMM()
		maskLoad(e, Mem{Base: p}, m, x)
		c := YMM()
		cmpVec(x, c, nil)
		VPAND(m, c, c)
		bits(c, r)
	}
	TESTQ(r, r)
	JZ(LabelRef("notfound"))
	BSFQ(r, r)
	found(r)

	Label("notfound")
	MOVQ(I32(-1), ret)
	vzeroRet()
}

func main() {
	ConstraintExpr("amd64,!purego")
	tables()
	for _, s := range []isa{avx2, avx512} {
		for _, e := range []elem{f32, f64, i32, i64} {
			for _, stream := range []bool{false, true} {
				genSum(s, e, stream)
				genSumSquares(s, e, stream)
				genDot(s, e, stream)
			}
			switch {
			case e.float && s.is512():
				for _, stream := range []bool{false, true} {
					genMinMaxRange(e, false, stream)
					genMinMaxRange(e, true, stream)
				}
				genMaxNonNaN(s, e)
			case e.float:
				for _, stream := range []bool{false, true} {
					genMinMaxFastAVX2(e, false, stream)
					genMinMaxFastAVX2(e, true, stream)
				}
				genHasNaNAVX2(e)
				genMaxNonNaN(s, e)
			case !s.is512():
				genMinMax(s, e, false)
				genMinMax(s, e, true)
				genBitwise(e, false)
				genBitwise(e, true)
			default:
				genMinMax(s, e, false)
				genMinMax(s, e, true)
			}
			if e.float && s.is512() {
				genMinMaxBothRange(e)
			} else {
				genMinMaxBoth(s, e)
			}
			genIndexOf(s, e)
			genLastIndexOf(s, e)
			genCount(s, e)
		}
		for _, e := range []elem{u32, u64} {
			genMinMax(s, e, false)
			genMinMax(s, e, true)
			if s.is512() || e.size == 4 {
				genMinMaxBoth(s, e) // AVX2 MinMaxU64 runs MinU64 and MaxU64
			}
		}
		genXor(s)
	}
	Generate()
}

// vzeroRet returns from a kernel with the upper halves of the vector registers
// cleared: Go's own float code is SSE, and on AMD Zen 4 SSE instructions
// after a kernel that leaves them dirty cost ~50 ns per call (measured: a
// 4Ki float32 min went from ~150 ns to ~94 ns with it).
func vzeroRet() {
	VZEROUPPER()
	RET()
}
