// Command elementwise generates hpgo's elementwise AVX2 and AVX-512 kernels
// (Square, Abs, Negate, Add, Mul, PrefixSum, Fill, Iota for float32, float64,
// int32 and int64) with avo. Run it from asm/_gen:
//
//	go run ./elementwise -out ../elementwise_amd64.s -stubs ../elementwise_decl_amd64.go -pkg asm
//
// Every kernel has the same shape: load the arguments, build the constants it
// needs in registers, align dst to the vector size with one masked step when
// the input is long enough, run a loop of four vectors per iteration, a loop
// of single vectors, and finish with one masked step for the tail. Each
// kernel with an input has an NT twin whose loop of four stores with
// non-temporal hints (VMOVNTPS, VMOVNTPD, VMOVNTDQ on the aligned dst) and
// which ends with SFENCE: an output larger than the caches then costs no
// read of its lines before they are written. Fill and Iota have none: on
// the Zen 4 VM their cached stores wrote 64Mi float32 as fast as
// non-temporal ones (27-28 GB/s), and kept part of a 48 MiB output in L3
// for the next call (32-48 GB/s against 25). Masked
// steps never read or write outside the slices (AVX2 VMASKMOV*/VPMASKMOV*,
// AVX-512 opmask registers), so the Go side needs no scalar head or tail, and
// in-place calls (dst == src) are safe because every element is loaded before
// it is stored and is stored exactly once.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// elem describes an element type.
type elem struct {
	suffix string // F32
	gotype string // float32
	size   int    // bytes
	float  bool
}

var (
	f32   = elem{"F32", "float32", 4, true}
	f64   = elem{"F64", "float64", 8, true}
	i32   = elem{"I32", "int32", 4, false}
	i64   = elem{"I64", "int64", 8, false}
	elems = []elem{f32, f64, i32, i64}
)

func (e elem) shift() uint8 {
	if e.size == 4 {
		return 2
	}
	return 3
}

// tier describes a vector instruction set.
type tier struct {
	name  string // AVX2, AVX512
	bytes int    // vector width in bytes
}

var (
	avx2   = tier{"AVX2", 32}
	avx512 = tier{"AVX512", 64}
	tiers  = []tier{avx2, avx512}
)

func (t tier) wide() bool { return t.bytes == 64 }

func (t tier) vec() VecVirtual {
	if t.wide() {
		return ZMM()
	}
	return YMM()
}

// kind is the shape of a kernel's signature and loop body.
type kind int

const (
	kUnary  kind = iota // func(dst, src []T)
	kBinary             // func(dst, a, b []T)
	kPrefix             // func(dst, src []T, carry T) T
	kFill               // func(dst []T, v T)
	kIota               // func(dst []T, start T[, base int])
)

type spec struct {
	op   string // Go name prefix: square, abs, ...
	kind kind
	doc  string // what the kernel computes, for the stub's doc comment
}

var specs = []spec{
	{"square", kUnary, "dst[i] = src[i] * src[i]"},
	{"abs", kUnary, "dst[i] = |src[i]|"},
	{"negate", kUnary, "dst[i] = -src[i]"},
	{"add", kBinary, "dst[i] = a[i] + b[i]"},
	{"mul", kBinary, "dst[i] = a[i] * b[i]"},
	{"prefixSum", kPrefix, "dst[i] = carry + src[0] + ... + src[i]"},
	{"fill", kFill, "dst[i] = v"},
	{"iota", kIota, "dst[i] = start + T(i)"},
}

// Read-only tables shared by all kernels.
var (
	// tailMask holds eight dwords of all ones followed by eight zero dwords:
	// the 32 bytes at tailMask+32-c*size enable the first c lanes (AVX2).
	tailMask Mem
	// kMask holds the words 2^c-1 for c = 0..16 (AVX-512 opmasks).
	kMask Mem
	// lanes32 holds the dwords 0..15, lanes64 the qwords 0..7.
	lanes32, lanes64 Mem
)

func tables() {
	tailMask = GLOBL("ewtailmask", RODATA|NOPTR)
	for i := range 16 {
		v := uint32(0)
		if i < 8 {
			v = 0xffffffff
		}
		DATA(4*i, U32(v))
	}
	kMask = GLOBL("ewkmask", RODATA|NOPTR)
	for c := 0; c <= 16; c++ {
		DATA(2*c, U16(uint16(1<<c-1)))
	}
	lanes32 = GLOBL("ewlanes32", RODATA|NOPTR)
	for i := range 16 {
		DATA(4*i, U32(uint32(i)))
	}
	lanes64 = GLOBL("ewlanes64", RODATA|NOPTR)
	for i := range 8 {
		DATA(8*i, U64(uint64(i)))
	}
}

func main() {
	ConstraintExpr("amd64,!purego")
	tables()
	for _, s := range specs {
		for _, e := range elems {
			for _, t := range tiers {
				for _, nt := range []bool{false, true} {
					if nt && (s.kind == kFill || s.kind == kIota) {
						continue // see below
					}
					g := &gen{t: t, e: e, s: s, lanes: t.bytes / e.size, nt: nt}
					g.kernel()
				}
			}
		}
	}
	Generate()
}

// gen emits one kernel.
type gen struct {
	t     tier
	e     elem
	s     spec
	lanes int
	// nt: the loop of four vectors stores with non-temporal hints (the
	// "NT" kernels, for outputs too large to stay in cache); ntStores is
	// set while that loop is emitted.
	nt, ntStores bool

	name string
	dst  GPVirtual   // output pointer
	srcs []GPVirtual // input pointers
	n    GPVirtual   // elements left

	// constants and state, built in setup
	c1, c2 VecVirtual // operation constants (sign masks, zero, identity, permute index)
	val    VecVirtual // Fill value; Iota start value (floats) or current values (ints)
	idx    VecVirtual // Iota (floats): current int32 indices
	step   VecVirtual // Iota: lane count, broadcast
	carry  VecVirtual // PrefixSum: running total, broadcast
}

func (g *gen) label(s string) string { return g.name + "_" + s }

func (g *gen) signature() string {
	T := g.e.gotype
	switch g.s.kind {
	case kUnary:
		return fmt.Sprintf("func(dst, src []%s)", T)
	case kBinary:
		return fmt.Sprintf("func(dst, a, b []%s)", T)
	case kPrefix:
		return fmt.Sprintf("func(dst, src []%s, carry %s) %s", T, T, T)
	case kFill:
		return fmt.Sprintf("func(dst []%s, v %s)", T, T)
	case kIota:
		if g.e.float {
			return fmt.Sprintf("func(dst []%s, start %s, base int)", T, T)
		}
		return fmt.Sprintf("func(dst []%s, start %s)", T, T)
	}
	panic("unknown kind")
}

func (g *gen) docs() {
	what := g.s.doc
	switch {
	case g.s.kind == kIota && g.e.float:
		what = "dst[i] = start + T(base+i)"
	case g.s.op == "mul" && g.e == i64 && !g.t.wide():
		what += " (64-bit products emulated with VPMULUDQ)"
	}
	n := "len(src)"
	switch g.s.kind {
	case kBinary:
		n = "len(a) (== len(b))"
	case kFill, kIota:
		n = "len(dst)"
	}
	lines := []string{
		fmt.Sprintf("%s sets %s for i < %s, with %s; T is %s.", g.name, what, n, g.t.name, g.e.gotype),
		"The caller checks the lengths and keeps calls within MaxStep elements.",
	}
	if g.nt {
		lines = append(lines,
			"Its loop of four vectors stores with non-temporal hints, past the caches,",
			"and it ends with SFENCE.")
	}
	Doc(lines...)
}

func loadGP(c gotypes.Component) GPVirtual {
	r := GP64()
	Load(c, r)
	return r
}

func addr(c gotypes.Component) Mem {
	b, err := c.Resolve()
	if err != nil {
		panic(err)
	}
	return b.Addr
}

func (g *gen) kernel() {
	g.name = g.s.op + g.e.suffix + g.t.name
	if g.nt {
		g.name += "NT"
	}
	TEXT(g.name, NOSPLIT, g.signature())
	Pragma("noescape")
	g.docs()

	g.dst = loadGP(Param("dst").Base())
	switch g.s.kind {
	case kUnary, kPrefix:
		g.srcs = []GPVirtual{loadGP(Param("src").Base())}
		g.n = loadGP(Param("src").Len())
	case kBinary:
		g.srcs = []GPVirtual{loadGP(Param("a").Base()), loadGP(Param("b").Base())}
		g.n = loadGP(Param("a").Len())
	default:
		g.n = loadGP(Param("dst").Len())
	}
	g.setup()

	L := g.lanes
	// Align dst to the vector width with one masked step of h < L elements
	// (Go slices are element-aligned) when the loop of four vectors will
	// still run after it. The NT kernels' non-temporal stores need the
	// alignment: short inputs skip their loop of four.
	CMPQ(g.n, U32(8*L))
	if g.nt {
		JB(LabelRef(g.label("loop1")))
	} else {
		JB(LabelRef(g.label("loop4")))
	}
	h := GP64()
	MOVQ(g.dst, h)
	NEGQ(h)
	ANDQ(U8(g.t.bytes-1), h)
	SHRQ(U8(g.e.shift()), h) // sets ZF when dst is aligned
	JZ(LabelRef(g.label("loop4")))
	g.partial(h)
	g.advanceBy(h)

	Label(g.label("loop4"))
	CMPQ(g.n, U32(4*L))
	JB(LabelRef(g.label("loop1")))
	g.ntStores = g.nt
	for v := range 4 {
		g.full(v * g.t.bytes)
	}
	g.ntStores = false
	g.advance(4)
	JMP(LabelRef(g.label("loop4")))

	Label(g.label("loop1"))
	CMPQ(g.n, U32(L))
	JB(LabelRef(g.label("tail")))
	g.full(0)
	g.advance(1)
	JMP(LabelRef(g.label("loop1")))

	Label(g.label("tail"))
	TESTQ(g.n, g.n)
	JZ(LabelRef(g.label("done")))
	g.partial(g.n)

	Label(g.label("done"))
	if g.s.kind == kPrefix {
		x := g.carry.AsX()
		if g.e.size == 4 {
			VMOVSS(x, addr(ReturnIndex(0)))
		} else {
			VMOVSD(x, addr(ReturnIndex(0)))
		}
	}
	if g.nt {
		SFENCE() // order the non-temporal stores before what follows
	}
	VZEROUPPER()
	RET()
}

// advance moves the pointers past v full vectors.
func (g *gen) advance(v int) {
	b := v * g.t.bytes
	ADDQ(U32(b), g.dst)
	for _, p := range g.srcs {
		ADDQ(U32(b), p)
	}
	SUBQ(U32(v*g.lanes), g.n)
}

// advanceBy moves the pointers past h elements (h < lanes) and the Iota
// state by h.
func (g *gen) advanceBy(h GPVirtual) {
	s := uint8(g.e.size)
	LEAQ(Mem{Base: g.dst, Index: h, Scale: s}, g.dst)
	for _, p := range g.srcs {
		LEAQ(Mem{Base: p, Index: h, Scale: s}, p)
	}
	SUBQ(h, g.n)
	if g.s.kind == kIota {
		if g.e.float {
			d := g.bcastGP32(h, g.idx)
			VPADDD(d, g.idx, g.idx)
		} else {
			var d VecVirtual
			if g.e.size == 4 {
				d = g.bcastGP32(h, g.val)
			} else {
				d = g.bcastGP64(h)
			}
			g.add(d, g.val, g.val)
		}
	}
}

// ---- element-type dispatch -------------------------------------------------

func (g *gen) load(m Mem) VecVirtual {
	x := g.t.vec()
	switch {
	case g.e == f32:
		VMOVUPS(m, x)
	case g.e == f64:
		VMOVUPD(m, x)
	case !g.t.wide():
		VMOVDQU(m, x)
	case g.e == i32:
		VMOVDQU32(m, x)
	default:
		VMOVDQU64(m, x)
	}
	return x
}

func (g *gen) store(x VecVirtual, m Mem) {
	if g.ntStores {
		switch g.e {
		case f32:
			VMOVNTPS(x, m)
		case f64:
			VMOVNTPD(x, m)
		default:
			VMOVNTDQ(x, m)
		}
		return
	}
	switch {
	case g.e == f32:
		VMOVUPS(x, m)
	case g.e == f64:
		VMOVUPD(x, m)
	case !g.t.wide():
		VMOVDQU(x, m)
	case g.e == i32:
		VMOVDQU32(x, m)
	default:
		VMOVDQU64(x, m)
	}
}

// mask is a lane mask: a vector of all-ones/zero lanes (AVX2) or an opmask
// register (AVX-512).
type mask struct{ r Register }

// makeMask enables the first c lanes, 0 <= c <= lanes.
func (g *gen) makeMask(c GPVirtual) mask {
	base := GP64()
	if g.t.wide() {
		LEAQ(kMask, base)
		k := K()
		KMOVW(Mem{Base: base, Index: c, Scale: 2}, k)
		return mask{k}
	}
	off := GP64()
	MOVQ(c, off)
	SHLQ(U8(g.e.shift()), off)
	NEGQ(off)
	LEAQ(tailMask, base)
	m := YMM()
	VMOVDQU(Mem{Base: base, Index: off, Scale: 1, Disp: 32}, m)
	return mask{m}
}

// loadMasked loads the enabled lanes and zeroes the others; it never touches
// memory behind a disabled lane.
func (g *gen) loadMasked(m Mem, k mask) VecVirtual {
	x := g.t.vec()
	if g.t.wide() {
		switch g.e {
		case f32:
			VMOVUPS_Z(m, k.r, x)
		case f64:
			VMOVUPD_Z(m, k.r, x)
		case i32:
			VMOVDQU32_Z(m, k.r, x)
		default:
			VMOVDQU64_Z(m, k.r, x)
		}
		return x
	}
	switch g.e {
	case f32:
		VMASKMOVPS(m, k.r, x)
	case f64:
		VMASKMOVPD(m, k.r, x)
	case i32:
		VPMASKMOVD(m, k.r, x)
	default:
		VPMASKMOVQ(m, k.r, x)
	}
	return x
}

// storeMasked stores the enabled lanes only.
func (g *gen) storeMasked(x VecVirtual, k mask, m Mem) {
	if g.t.wide() {
		switch g.e {
		case f32:
			VMOVUPS(x, k.r, m)
		case f64:
			VMOVUPD(x, k.r, m)
		case i32:
			VMOVDQU32(x, k.r, m)
		default:
			VMOVDQU64(x, k.r, m)
		}
		return
	}
	switch g.e {
	case f32:
		VMASKMOVPS(x, k.r, m)
	case f64:
		VMASKMOVPD(x, k.r, m)
	case i32:
		VPMASKMOVD(x, k.r, m)
	default:
		VPMASKMOVQ(x, k.r, m)
	}
}

// add sets d = a + b; b may be a memory operand.
func (g *gen) add(b Op, a, d VecVirtual) {
	switch g.e {
	case f32:
		VADDPS(b, a, d)
	case f64:
		VADDPD(b, a, d)
	case i32:
		VPADDD(b, a, d)
	default:
		VPADDQ(b, a, d)
	}
}

// mul sets d = a * b; b may be a memory operand.
func (g *gen) mul(b Op, a, d VecVirtual) {
	switch {
	case g.e == f32:
		VMULPS(b, a, d)
	case g.e == f64:
		VMULPD(b, a, d)
	case g.e == i32:
		VPMULLD(b, a, d)
	case g.t.wide():
		VPMULLQ(b, a, d)
	default:
		g.mul64(b, a, d)
	}
}

// mul64 emulates a 64-bit wrapping multiply with AVX2's 32x32->64 VPMULUDQ:
// a*b = lo(a)*lo(b) + (hi(a)*lo(b) + lo(a)*hi(b)) << 32  (mod 2^64).
func (g *gen) mul64(bop Op, a, d VecVirtual) {
	b, ok := bop.(VecVirtual)
	if !ok {
		b = YMM()
		VMOVDQU(bop, b)
	}
	ah, cross, lo := YMM(), YMM(), YMM()
	VPSRLQ(U8(32), a, ah)
	VPMULUDQ(b, ah, ah) // hi(a)*lo(b)
	if a == b {
		VPSLLQ(U8(33), ah, cross) // 2*hi(a)*lo(a) << 32
	} else {
		bh := YMM()
		VPSRLQ(U8(32), b, bh)
		VPMULUDQ(a, bh, bh) // lo(a)*hi(b)
		VPADDQ(bh, ah, cross)
		VPSLLQ(U8(32), cross, cross)
	}
	VPMULUDQ(b, a, lo)
	VPADDQ(cross, lo, d)
}

// ones returns a vector of all-one bits.
func (g *gen) ones() VecVirtual {
	x := g.t.vec()
	if g.t.wide() {
		VPXORD(x, x, x)
		VPTERNLOGD(U8(0xff), x, x, x)
	} else {
		VPXOR(x, x, x)
		VPCMPEQD(x, x, x)
	}
	return x
}

func (g *gen) zero() VecVirtual {
	x := g.t.vec()
	if g.t.wide() {
		VPXORD(x, x, x)
	} else {
		VPXOR(x, x, x)
	}
	return x
}

// signMask returns the sign bit of each lane; absMask its complement.
func (g *gen) signMask() VecVirtual {
	x := g.ones()
	if g.e.size == 4 {
		VPSLLD(U8(31), x, x)
	} else {
		VPSLLQ(U8(63), x, x)
	}
	return x
}

func (g *gen) absMask() VecVirtual {
	x := g.ones()
	if g.e.size == 4 {
		VPSRLD(U8(1), x, x)
	} else {
		VPSRLQ(U8(1), x, x)
	}
	return x
}

// bcastMem broadcasts a scalar argument to every lane.
func (g *gen) bcastMem(m Mem) VecVirtual {
	x := g.t.vec()
	// VBROADCASTSS/SD move bits; go vet's asmdecl knows their memory size.
	if g.e.size == 4 {
		VBROADCASTSS(m, x)
	} else {
		VBROADCASTSD(m, x)
	}
	return x
}

// bcastGP32 broadcasts the low 32 bits of r to a vector as wide as like.
func (g *gen) bcastGP32(r GPVirtual, like VecVirtual) VecVirtual {
	var x VecVirtual
	switch like.Size() {
	case 16:
		x = XMM()
	case 32:
		x = YMM()
	default:
		x = ZMM()
	}
	if g.t.wide() {
		VPBROADCASTD(r.As32(), x)
		return x
	}
	t := XMM()
	VMOVD(r.As32(), t)
	VPBROADCASTD(t, x)
	return x
}

func (g *gen) bcastGP64(r GPVirtual) VecVirtual {
	x := g.t.vec()
	if g.t.wide() {
		VPBROADCASTQ(r, x)
		return x
	}
	t := XMM()
	VMOVQ(r, t)
	VPBROADCASTQ(t, x)
	return x
}

// ---- per-kind setup and bodies --------------------------------------------

func (g *gen) setup() {
	switch g.s.kind {
	case kUnary:
		switch {
		case g.s.op == "abs" && g.e.float:
			g.c1 = g.absMask()
		case g.s.op == "negate" && g.e.float:
			g.c1 = g.signMask()
		case g.s.op == "negate" || (g.s.op == "abs" && g.e == i64 && !g.t.wide()):
			g.c1 = g.zero()
		}
	case kPrefix:
		// c1: the identity of addition (-0.0 for floats, 0 for ints), shifted
		// into the low lanes by the log-step scan and into disabled lanes of
		// masked steps, so that it never changes a sum; c2: the permute index
		// of the last lane (AVX2 int32/float32 and AVX-512).
		if g.e.float {
			g.c1 = g.signMask()
		} else {
			g.c1 = g.zero()
		}
		if g.t.wide() || g.e.size == 4 {
			g.c2 = g.ones()
			if g.e.size == 4 {
				VPSRLD(U8(32-log2(g.lanes)), g.c2, g.c2)
			} else {
				VPSRLQ(U8(64-log2(g.lanes)), g.c2, g.c2)
			}
		}
		g.carry = g.bcastMem(addr(Param("carry")))
	case kFill:
		g.val = g.bcastMem(addr(Param("v")))
	case kIota:
		n := GP64()
		MOVQ(U32(g.lanes), n)
		if g.e.float {
			// int32 indices, converted per vector; for float64 half as wide.
			var like VecVirtual
			switch {
			case g.e == f32:
				like = g.t.vec()
			case g.t.wide():
				like = YMM()
			default:
				like = XMM()
			}
			base := loadGP(Param("base"))
			g.idx = g.bcastGP32(base, like)
			VPADDD(lanes32, g.idx, g.idx)
			g.step = g.bcastGP32(n, like)
			g.val = g.bcastMem(addr(Param("start")))
		} else {
			g.val = g.bcastMem(addr(Param("start")))
			if g.e == i32 {
				VPADDD(lanes32, g.val, g.val)
				g.step = g.bcastGP32(n, g.val)
			} else {
				VPADDQ(lanes64, g.val, g.val)
				g.step = g.bcastGP64(n)
			}
		}
	}
}

func log2(n int) int {
	l := 0
	for 1<<l < n {
		l++
	}
	return l
}

func (g *gen) mem(p GPVirtual, off int) Mem { return Mem{Base: p, Disp: off} }

// full processes one whole vector at byte offset off.
func (g *gen) full(off int) {
	switch g.s.kind {
	case kUnary:
		x := g.load(g.mem(g.srcs[0], off))
		g.store(g.unaryOp(x), g.mem(g.dst, off))
	case kBinary:
		a := g.load(g.mem(g.srcs[0], off))
		g.store(g.binaryOp(a, g.mem(g.srcs[1], off)), g.mem(g.dst, off))
	case kPrefix:
		x := g.load(g.mem(g.srcs[0], off))
		g.store(g.scanStep(x), g.mem(g.dst, off))
	case kFill:
		g.store(g.val, g.mem(g.dst, off))
	case kIota:
		g.store(g.iotaStep(true), g.mem(g.dst, off))
	}
}

// partial processes the first c elements (c < lanes) with masked loads and
// stores.
func (g *gen) partial(c GPVirtual) {
	k := g.makeMask(c)
	switch g.s.kind {
	case kUnary:
		x := g.loadMasked(g.mem(g.srcs[0], 0), k)
		g.storeMasked(g.unaryOp(x), k, g.mem(g.dst, 0))
	case kBinary:
		a := g.loadMasked(g.mem(g.srcs[0], 0), k)
		b := g.loadMasked(g.mem(g.srcs[1], 0), k)
		g.storeMasked(g.binaryOp(a, b), k, g.mem(g.dst, 0))
	case kPrefix:
		// Disabled lanes must hold the identity so the last lane carries
		// the sum of the enabled ones.
		x := g.t.vec()
		m := g.mem(g.srcs[0], 0)
		if g.t.wide() {
			VMOVDQA64(g.c1, x)
			switch g.e {
			case f32:
				VMOVUPS(m, k.r, x)
			case f64:
				VMOVUPD(m, k.r, x)
			case i32:
				VMOVDQU32(m, k.r, x)
			default:
				VMOVDQU64(m, k.r, x)
			}
		} else {
			x = g.loadMasked(m, k)
			switch g.e { // ints: zero is the identity already
			case f32:
				VBLENDVPS(k.r, x, g.c1, x)
			case f64:
				VBLENDVPD(k.r, x, g.c1, x)
			}
		}
		g.storeMasked(g.scanStep(x), k, g.mem(g.dst, 0))
	case kFill:
		g.storeMasked(g.val, k, g.mem(g.dst, 0))
	case kIota:
		g.storeMasked(g.iotaStep(false), k, g.mem(g.dst, 0))
	}
}

func (g *gen) unaryOp(x VecVirtual) VecVirtual {
	r := g.t.vec()
	switch g.s.op {
	case "square":
		g.mul(x, x, r)
	case "abs":
		switch g.e {
		case f32:
			VANDPS(g.c1, x, r)
		case f64:
			VANDPD(g.c1, x, r)
		case i32:
			VPABSD(x, r)
		default:
			if g.t.wide() {
				VPABSQ(x, r)
			} else {
				neg := YMM()
				VPSUBQ(x, g.c1, neg)
				VBLENDVPD(x, neg, x, r) // the sign of x picks -x
			}
		}
	case "negate":
		switch g.e {
		case f32:
			VXORPS(g.c1, x, r)
		case f64:
			VXORPD(g.c1, x, r)
		case i32:
			VPSUBD(x, g.c1, r)
		default:
			VPSUBQ(x, g.c1, r)
		}
	default:
		panic("unknown unary op " + g.s.op)
	}
	return r
}

func (g *gen) binaryOp(a VecVirtual, b Op) VecVirtual {
	r := g.t.vec()
	switch g.s.op {
	case "add":
		g.add(b, a, r)
	case "mul":
		g.mul(b, a, r)
	default:
		panic("unknown binary op " + g.s.op)
	}
	return r
}

// scanStep turns x into its inclusive prefix sums plus the carry, returns
// them and adds x's total to the carry. Lanes are summed in log2(lanes)
// steps, x += x shifted up by 1, 2, 4, ... lanes with the identity shifted
// in: AVX-512 shifts the whole vector (VALIGND/Q); AVX2 scans each 128-bit
// half (VPALIGNR) and then adds the low half's total to the high half
// (VPSHUFD, VPERM2I128).
func (g *gen) scanStep(x VecVirtual) VecVirtual {
	id := g.c1
	t := g.t.vec()
	shift := func(lanes int) {
		b := lanes * g.e.size
		switch {
		case g.t.wide() && g.e.size == 4:
			VALIGND(U8(16-lanes), id, x, t)
		case g.t.wide():
			VALIGNQ(U8(8-lanes), id, x, t)
		case b < 16:
			VPALIGNR(U8(16-b), id, x, t)
		default: // AVX2: the top element of the low 128 bits to the high ones
			if g.e.size == 4 {
				VPSHUFD(U8(0xff), x, t)
			} else {
				VPSHUFD(U8(0xee), x, t)
			}
			VPERM2I128(U8(0x02), id, t, t)
		}
		g.add(t, x, x)
	}
	for l := 1; l < g.lanes; l *= 2 {
		shift(l)
	}
	out := g.t.vec()
	g.add(g.carry, x, out)
	// Broadcast the total (last lane) and add it to the carry: the carry
	// then equals out's last lane, and the add chain between vectors is a
	// single addition.
	tot := g.t.vec()
	switch {
	case g.e.size == 4:
		VPERMD(x, g.c2, tot)
	case g.t.wide():
		VPERMQ(x, g.c2, tot)
	default:
		VPERMQ(U8(0xff), x, tot)
	}
	g.add(tot, g.carry, g.carry)
	return out
}

// iotaStep returns the next vector of values and, if next, advances the
// state by a vector (a masked step advances it by advanceBy).
func (g *gen) iotaStep(next bool) VecVirtual {
	if !g.e.float {
		if !next {
			return g.val
		}
		out := g.t.vec()
		if g.t.wide() {
			VMOVDQA64(g.val, out)
		} else {
			VMOVDQA(g.val, out)
		}
		g.add(g.step, g.val, g.val)
		return out
	}
	f := g.t.vec()
	if g.e == f32 {
		VCVTDQ2PS(g.idx, f)
	} else {
		VCVTDQ2PD(g.idx, f)
	}
	g.add(g.val, f, f) // float(i) + start, exactly as start + float(i)
	if next {
		VPADDD(g.step, g.idx, g.idx)
	}
	return f
}
