//go:build amd64 && !purego

package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/internal/sched"
)

// TestCutPieces: every cut of [0, n) yields each index once, in pieces of
// the cut's length (the last shorter), first to last or last to first; and
// rdPartials keeps the pieces' results in the pieces' order either way,
// in its buffer or (more pieces than it holds) in a new slice.
func TestCutPieces(t *testing.T) {
	for n := 0; n <= 300; n++ {
		for _, piece := range []int{1, 2, 3, 7, 64, 100, 299, 300, 301, MaxStep} {
			for _, back := range []bool{false, true} {
				c := rdCut{piece: piece, back: back}
				var los []int
				covered := 0
				for lo, hi := range c.pieces(n) {
					if hi <= lo || hi > n || lo%piece != 0 || (hi-lo != piece && hi != n) {
						t.Fatalf("n=%d %+v: piece [%d, %d)", n, c, lo, hi)
					}
					los = append(los, lo)
					covered += hi - lo
				}
				if covered != n {
					t.Fatalf("n=%d %+v: pieces cover %d elements", n, c, covered)
				}
				want := slices.Clone(los)
				slices.Sort(want)
				if back {
					slices.Reverse(want)
				}
				if !slices.Equal(los, want) || len(los) != (n+piece-1)/piece {
					t.Fatalf("n=%d %+v: pieces start at %v", n, c, los)
				}
				// rdPartials keeps each piece's result at the piece's index.
				buf := make([]int, 2)
				parts := rdPartials(buf, n, c, func(lo, hi int) int { return lo })
				for i, lo := range parts {
					if lo != i*piece {
						t.Fatalf("n=%d %+v: rdPartials = %v", n, c, parts)
					}
				}
			}
		}
	}
}

// TestRdPlan: MaxStep pieces beyond MaxStep elements; four pieces of a
// multiple of 64 elements for one to two L1s of bytes on a SIMD tier;
// one piece otherwise, and on the pure-Go tier below MaxStep.
func TestRdPlan(t *testing.T) {
	defer rdSetL1(48 << 10)()
	eachTier(t, func(t *testing.T) {
		for _, c := range []struct{ n, bytes, want int }{
			{MaxStep + 1, 4 * (MaxStep + 1), MaxStep},
			{1 << 20, 1 << 23, MaxStep},
			{MaxStep, 8 * MaxStep, 0},      // 256 KiB: beyond 2 L1s
			{12 << 10, 48 << 10, 0},        // exactly one L1
			{12<<10 + 1, 48<<10 + 4, 3136}, // just over it
			{4096, 64 << 10, 1024},         // the 4Ki float64 dot
			{6 << 10, 96 << 10, 1536},      // exactly two L1s
			{6<<10 + 1, 96<<10 + 16, 0},
			{32 << 10, 128 << 10, 0}, // a MaxStep block of float32
			{3000, 3000 * 16, 0},     // 48000 bytes: below one L1
			{257, 48<<10 + 16, 128},  // three pieces, not five
		} {
			want := c.want
			if active == PureGo && c.n <= MaxStep {
				want = 0
			}
			if got := rdPlan(c.n, c.bytes); got != want {
				t.Errorf("rdPlan(%d, %d) = %d, want %d", c.n, c.bytes, got, want)
			}
			if p := rdPlan(c.n, c.bytes); p > 0 && c.n <= MaxStep && (c.n+p-1)/p > 4 {
				t.Errorf("rdPlan(%d, %d) = %d: more than four pieces", c.n, c.bytes, p)
			}
		}
	})
}

// rdSetL1 sets the L1 size rdPlan counts on until restore.
func rdSetL1(bytes int) (restore func()) {
	old := l1Data
	l1Data = bytes
	return func() { l1Data = old }
}

// TestReduceEitherDirection: every reduction that rdPlan cuts gives the same
// bits read first to last and last to first, and turns the direction round
// on each call; the float sums give the bits of a first-to-last fold over
// the same pieces (MaxStep pieces: the twins' fold); and each result is
// checked against the reference as elsewhere. The data spans 2^±20 in both
// signs, so that adding the pieces' sums in another order would change the
// bits. A small L1 (4 KiB) puts many lengths in the four-piece range.
func TestReduceEitherDirection(t *testing.T) {
	defer rdSetL1(4 << 10)()
	r := rand.New(rand.NewPCG(61, 62))
	lengths := []int{
		// four pieces: float32 sums over (1Ki, 3Ki], float64 over (512, 1536],
		// float64 dots over (256, 768]
		257, 300, 513, 700, 1025, 1500, 2047, 3000,
		MaxStep + 1, 2*MaxStep + 5, 3*MaxStep + 17,
	}
	eachTier(t, func(t *testing.T) {
		for _, n := range lengths {
			for _, special := range []string{"finite", "nan", "zeros", "inf"} {
				fx, fy := rdFloats[float32](r, n), rdFloats[float32](r, n)
				dx, dy := rdFloats[float64](r, n), rdFloats[float64](r, n)
				rdPlant(r, fx, special)
				rdPlant(r, dx, special)
				name := fmt.Sprintf("n=%d/%s", n, special)
				rdEitherWay(t, name+"/SumF32", n, 4*n, func() []uint64 { return ordBits32(SumF32(fx)) })
				rdEitherWay(t, name+"/SumF64", n, 8*n, func() []uint64 { return ordBits64(SumF64(dx)) })
				rdEitherWay(t, name+"/SumSquaresF32", n, 4*n, func() []uint64 { return ordBits32(SumSquaresF32(fx)) })
				rdEitherWay(t, name+"/SumSquaresF64", n, 8*n, func() []uint64 { return ordBits64(SumSquaresF64(dx)) })
				rdEitherWay(t, name+"/DotF32", n, 8*n, func() []uint64 { return ordBits32(DotF32(fx, fy)) })
				rdEitherWay(t, name+"/DotF64", n, 16*n, func() []uint64 { return ordBits64(DotF64(dx, dy)) })
				rdEitherWay(t, name+"/MinF32", n, 4*n, func() []uint64 { return ordBits32(MinF32(fx)) })
				rdEitherWay(t, name+"/MaxF64", n, 8*n, func() []uint64 { return ordBits64(MaxF64(dx)) })
				rdEitherWay(t, name+"/MinMaxF32", n, 4*n, func() []uint64 { lo, hi := MinMaxF32(fx); return ordBits32(lo, hi) })
				rdEitherWay(t, name+"/MinMaxF64", n, 8*n, func() []uint64 { lo, hi := MinMaxF64(dx); return ordBits64(lo, hi) })
				rdEitherWay(t, name+"/MaxNonNaNF64", n, 8*n, func() []uint64 {
					m, ok := MaxNonNaNF64(dx)
					return append(ordBits64(m), uint64(ordBool(ok)))
				})
				rdCheckFloats(t, rdF32, fx, fy, nil)
				rdCheckFloats(t, rdF64, dx, dy, nil)
				if p := rdPlan(n, 8*n); p > 0 {
					// The fold over the same pieces, first to last.
					if got, want := SumF64(dx), rdSumFloat(dx, rdCut{piece: p}, sumF64Piece); !rdSameFloat(got, want) {
						t.Fatalf("%s: SumF64 = %v, the forward fold %v", name, got, want)
					}
				}
				if n > MaxStep {
					if got, want := DotF32(fx, fy), rdStepDotF32(fx, fy, dotF32Piece); !rdSameFloat(got, want) {
						t.Fatalf("%s: DotF32 = %v, the twins' fold %v", name, got, want)
					}
				}
			}
			ix, iy := rdInts[int32](r, n), rdInts[int32](r, n)
			lx := rdInts[int64](r, n)
			ux := make([]uint64, n)
			for i := range ux {
				ux[i] = r.Uint64()
			}
			name := fmt.Sprintf("n=%d", n)
			rdEitherWay(t, name+"/SumI32", n, 4*n, func() []uint64 { return []uint64{uint64(SumI32(ix))} })
			rdEitherWay(t, name+"/DotI32", n, 8*n, func() []uint64 { return []uint64{uint64(DotI32(ix, iy))} })
			rdEitherWay(t, name+"/SumSquaresI64", n, 8*n, func() []uint64 { return []uint64{uint64(SumSquaresI64(lx))} })
			rdEitherWay(t, name+"/MinMaxI64", n, 8*n, func() []uint64 { lo, hi := MinMaxI64(lx); return []uint64{uint64(lo), uint64(hi)} })
			rdEitherWay(t, name+"/MaxU64", n, 8*n, func() []uint64 { return []uint64{MaxU64(ux)} })
			rdCheckInts(t, rdI32, ix, iy, nil)
		}
	})
}

// rdEitherWay runs f with each direction set in turn and checks that the
// results agree and, where rdPlan cuts bytes over n elements, that each
// call turned the direction round (and left it where it does not).
func rdEitherWay(t *testing.T, name string, n, bytes int, f func() []uint64) {
	t.Helper()
	cut := n > MaxStep || active != PureGo && bytes > l1Data && bytes <= 2*l1Data
	var got [2][]uint64
	for i, back := range []bool{false, true} {
		rdDirection.Store(back)
		got[i] = f()
		if turned := rdDirection.Load() != back; turned != cut {
			t.Fatalf("%s: direction turned: %v, want %v", name, turned, cut)
		}
	}
	if !slices.Equal(got[0], got[1]) {
		t.Fatalf("%s: first to last %#x, last to first %#x", name, got[0], got[1])
	}
}

// rdPlant puts special values at random places of x: a NaN, ±0 as the
// extremes, or infinities of both signs.
func rdPlant[T rdFloat](r *rand.Rand, x []T, special string) {
	at := func() int { return r.IntN(len(x)) }
	switch special {
	case "nan":
		x[at()] = T(math.NaN())
	case "zeros":
		for i := range x {
			x[i] = T(math.Abs(float64(x[i])))
		}
		x[at()], x[at()] = 0, T(math.Copysign(0, -1))
	case "inf":
		x[at()], x[at()] = T(math.Inf(1)), T(math.Inf(-1))
	}
}

func ordBits32(v ...float32) []uint64 {
	b := make([]uint64, len(v))
	for i, f := range v {
		b[i] = uint64(math.Float32bits(f))
		if f != f {
			b[i] = 1 // any NaN: the tiers return the canonical one, the twins the input's
		}
	}
	return b
}

func ordBits64(v ...float64) []uint64 {
	b := make([]uint64, len(v))
	for i, f := range v {
		b[i] = math.Float64bits(f)
		if f != f {
			b[i] = 1
		}
	}
	return b
}

func ordBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestEveryReductionTurnsOnce: each of the 36 order-free reductions turns
// the direction round exactly when rdPlan cuts its input (never on a
// stream path, never twice: a dispatcher that cut its pieces again would
// turn it back), and gives the same bits both ways, with L1 caches of 4
// and 48 KiB and of sizes that would cut MaxStep pieces again, with and
// without the stream kernels forced; the counts also find what was
// planted. The float sums over more than MaxStep elements give the bits
// of the twins' fold of the piece functions whatever the L1 size.
func TestEveryReductionTurnsOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	type fn struct {
		name   string
		size   int  // bytes read per element (of both inputs)
		stream bool // has a stream path
		elem   int  // bytes per element of one input
		f      func(n int) []uint64
	}
	N := 3*MaxStep + 17
	f32, g32 := rdFloats[float32](r, N), rdFloats[float32](r, N)
	f64, g64 := rdFloats[float64](r, N), rdFloats[float64](r, N)
	i32, j32 := rdInts[int32](r, N), rdInts[int32](r, N)
	i64, j64 := rdInts[int64](r, N), rdInts[int64](r, N)
	u32, u64 := make([]uint32, N), make([]uint64, N)
	for i := range u32 {
		u32[i], u64[i] = r.Uint32(), r.Uint64()
	}
	b32 := func(v ...float32) []uint64 { return ordBits32(v...) }
	b64 := func(v ...float64) []uint64 { return ordBits64(v...) }
	// The counts look for a value planted at every third index, so that
	// each piece holds some, and report whether they found (n+2)/3.
	c32, c64 := slices.Clone(f32), slices.Clone(f64)
	ci32, ci64 := slices.Clone(i32), slices.Clone(i64)
	for i := range c32 {
		c32[i], c64[i], ci32[i], ci64[i] = 3.25, math.Copysign(0, -1), 77, -5<<40 // bit 8 clear
		if i%3 != 0 {
			c32[i], c64[i] = 4+f32[i]*f32[i], 4+f64[i]*f64[i]
			ci32[i], ci64[i] = ci32[i]|1<<8, ci64[i]|1<<8
		}
	}
	count := func(got, n int) []uint64 { return []uint64{uint64(got), uint64(ordBool(got == (n+2)/3))} }
	fs := []fn{
		{"SumF32", 4, true, 4, func(n int) []uint64 { return b32(SumF32(f32[:n])) }},
		{"SumF64", 8, true, 8, func(n int) []uint64 { return b64(SumF64(f64[:n])) }},
		{"SumSquaresF32", 4, true, 4, func(n int) []uint64 { return b32(SumSquaresF32(f32[:n])) }},
		{"SumSquaresF64", 8, true, 8, func(n int) []uint64 { return b64(SumSquaresF64(f64[:n])) }},
		{"DotF32", 8, true, 4, func(n int) []uint64 { return b32(DotF32(f32[:n], g32[:n])) }},
		{"DotF64", 16, true, 8, func(n int) []uint64 { return b64(DotF64(f64[:n], g64[:n])) }},
		{"MinF32", 4, true, 4, func(n int) []uint64 { return b32(MinF32(f32[:n])) }},
		{"MinF64", 8, true, 8, func(n int) []uint64 { return b64(MinF64(f64[:n])) }},
		{"MaxF32", 4, true, 4, func(n int) []uint64 { return b32(MaxF32(f32[:n])) }},
		{"MaxF64", 8, true, 8, func(n int) []uint64 { return b64(MaxF64(f64[:n])) }},
		{"MinMaxF32", 4, false, 4, func(n int) []uint64 { return b32(MinMaxF32(f32[:n])) }},
		{"MinMaxF64", 8, false, 8, func(n int) []uint64 { return b64(MinMaxF64(f64[:n])) }},
		{"MaxNonNaNF32", 4, false, 4, func(n int) []uint64 { m, ok := MaxNonNaNF32(f32[:n]); return append(b32(m), uint64(ordBool(ok))) }},
		{"MaxNonNaNF64", 8, false, 8, func(n int) []uint64 { m, ok := MaxNonNaNF64(f64[:n]); return append(b64(m), uint64(ordBool(ok))) }},
		{"SumI32", 4, true, 4, func(n int) []uint64 { return []uint64{uint64(SumI32(i32[:n]))} }},
		{"SumI64", 8, true, 8, func(n int) []uint64 { return []uint64{uint64(SumI64(i64[:n]))} }},
		{"SumSquaresI32", 4, true, 4, func(n int) []uint64 { return []uint64{uint64(SumSquaresI32(i32[:n]))} }},
		{"SumSquaresI64", 8, true, 8, func(n int) []uint64 { return []uint64{uint64(SumSquaresI64(i64[:n]))} }},
		{"DotI32", 8, true, 4, func(n int) []uint64 { return []uint64{uint64(DotI32(i32[:n], j32[:n]))} }},
		{"DotI64", 16, true, 8, func(n int) []uint64 { return []uint64{uint64(DotI64(i64[:n], j64[:n]))} }},
		{"MinI32", 4, false, 4, func(n int) []uint64 { return []uint64{uint64(MinI32(i32[:n]))} }},
		{"MinI64", 8, false, 8, func(n int) []uint64 { return []uint64{uint64(MinI64(i64[:n]))} }},
		{"MaxI32", 4, false, 4, func(n int) []uint64 { return []uint64{uint64(MaxI32(i32[:n]))} }},
		{"MaxI64", 8, false, 8, func(n int) []uint64 { return []uint64{uint64(MaxI64(i64[:n]))} }},
		{"MinMaxI32", 4, false, 4, func(n int) []uint64 { a, b := MinMaxI32(i32[:n]); return []uint64{uint64(a), uint64(b)} }},
		{"MinMaxI64", 8, false, 8, func(n int) []uint64 { a, b := MinMaxI64(i64[:n]); return []uint64{uint64(a), uint64(b)} }},
		{"MinU32", 4, false, 4, func(n int) []uint64 { return []uint64{uint64(MinU32(u32[:n]))} }},
		{"MinU64", 8, false, 8, func(n int) []uint64 { return []uint64{MinU64(u64[:n])} }},
		{"MaxU32", 4, false, 4, func(n int) []uint64 { return []uint64{uint64(MaxU32(u32[:n]))} }},
		{"MaxU64", 8, false, 8, func(n int) []uint64 { return []uint64{MaxU64(u64[:n])} }},
		{"MinMaxU32", 4, false, 4, func(n int) []uint64 { a, b := MinMaxU32(u32[:n]); return []uint64{uint64(a), uint64(b)} }},
		{"MinMaxU64", 8, false, 8, func(n int) []uint64 { a, b := MinMaxU64(u64[:n]); return []uint64{a, b} }},
		{"CountF32", 4, false, 4, func(n int) []uint64 { return count(CountF32(c32[:n], 3.25), n) }},
		{"CountF64", 8, false, 8, func(n int) []uint64 { return count(CountF64(c64[:n], 0), n) }},
		{"CountI32", 4, false, 4, func(n int) []uint64 { return count(CountI32(ci32[:n], 77), n) }},
		{"CountI64", 8, false, 8, func(n int) []uint64 { return count(CountI64(ci64[:n], -5<<40), n) }},
	}
	lengths := []int{1, 257, 300, 513, 700, 1025, 1500, 2047, 3000, 3073, 6145, 9217, 12289, 20000, 30000, MaxStep, MaxStep + 1, 2*MaxStep + 5, N}
	// 96, 160 and 320 KiB: a MaxStep piece of 128 KiB (float32), 256 KiB
	// (float64, a float32 dot) or 512 KiB (a float64 dot) is in the
	// four-piece range.
	for _, l1 := range []int{4 << 10, 48 << 10, 96 << 10, 160 << 10, 320 << 10} {
		for _, stream := range []bool{false, true} {
			func() {
				defer rdSetL1(l1)()
				if stream {
					defer rdForceStream()()
				}
				eachTier(t, func(t *testing.T) {
					for _, c := range fs {
						for _, n := range lengths {
							bytes := c.size * n
							cut := !(stream && c.stream) && (n > MaxStep || active != PureGo && bytes > l1Data && bytes <= 2*l1Data)
							var got [2][]uint64
							for i, back := range []bool{false, true} {
								rdDirection.Store(back)
								got[i] = c.f(n)
								if turned := rdDirection.Load() != back; turned != cut {
									t.Fatalf("l1=%d stream=%v %s n=%d: turned %v, want %v", l1, stream, c.name, n, turned, cut)
								}
							}
							if !slices.Equal(got[0], got[1]) {
								t.Fatalf("l1=%d %s n=%d: %v", l1, c.name, n, got)
							}
							if strings.HasPrefix(c.name, "Count") && got[0][1] != 1 {
								t.Fatalf("l1=%d %s n=%d: counted %d, want %d", l1, c.name, n, got[0][0], (n+2)/3)
							}
						}
					}
				})
			}()
		}
	}
	// The float sums over MaxStep pieces equal the twins' fold of the piece functions, at any L1.
	for _, l1 := range []int{4 << 10, 48 << 10, 32 << 10} {
		func() {
			defer rdSetL1(l1)()
			eachTier(t, func(t *testing.T) {
				for _, n := range []int{MaxStep + 1, N} {
					chk := func(name string, got, want uint64) {
						if got != want {
							t.Fatalf("l1=%d %s n=%d: %#x, twins' fold %#x", l1, name, n, got, want)
						}
					}
					chk("SumF32", b32(SumF32(f32[:n]))[0], b32(rdStepSumF32(f32[:n], sumF32Piece))[0])
					chk("SumSquaresF32", b32(SumSquaresF32(f32[:n]))[0], b32(rdStepSumF32(f32[:n], sumSquaresF32Piece))[0])
					chk("DotF32", b32(DotF32(f32[:n], g32[:n]))[0], b32(rdStepDotF32(f32[:n], g32[:n], dotF32Piece))[0])
					chk("SumF64", b64(SumF64(f64[:n]))[0], b64(rdStepSumF64(f64[:n], sumF64Piece))[0])
					chk("SumSquaresF64", b64(SumSquaresF64(f64[:n]))[0], b64(rdStepSumF64(f64[:n], sumSquaresF64Piece))[0])
					chk("DotF64", b64(DotF64(f64[:n], g64[:n]))[0], b64(rdStepDotF64(f64[:n], g64[:n], dotF64Piece))[0])
				}
			})
		}()
	}
}

// TestCutReductionsDoNotAllocate: a cut float sum keeps its pieces' sums on
// the stack, read either way; a stream sum of more pieces than that holds
// adds them as they come; integer sums and counts add as they go.
func TestCutReductionsDoNotAllocate(t *testing.T) {
	x := make([]float32, streamMin/4+MaxStep) // past streamMin: more than rdMaxPieces pieces
	y := make([]float64, streamMin/8-1)       // just below it: the most pieces a cut float64 sum keeps
	ix := make([]int32, 3*MaxStep)
	for _, back := range []bool{false, true} {
		for name, f := range map[string]func(){
			"SumF32 stream": func() { rdSinkF32 = SumF32(x) },
			"DotF32 stream": func() { rdSinkF32 = DotF32(x, x) },
			"SumF64 cut":    func() { rdSinkF64 = SumF64(y) },
			"DotF32 cut":    func() { rdSinkF32 = DotF32(x[:len(y)], x[:len(y)]) },
			"SumF64 4 cuts": func() { rdSinkF64 = SumF64(y[:l1Data/4]) },
			"DotF64 4 cuts": func() { rdSinkF64 = DotF64(y[:l1Data/8], y[:l1Data/8]) },
			"SumI32 cut":    func() { rdSinkInt = int(SumI32(ix[:3*MaxStep])) },
			"DotI32 cut":    func() { rdSinkInt = int(DotI32(ix[:3*MaxStep], ix[:3*MaxStep])) },
			"CountI32 cut":  func() { rdSinkInt = CountI32(ix[:3*MaxStep], 0) },
			"CountF64 cut":  func() { rdSinkInt = CountF64(y, 1) },
		} {
			if a := testing.AllocsPerRun(3, func() { rdDirection.Store(back); f() }); a != 0 {
				t.Errorf("%s (back %v): %v allocations a call", name, back, a)
			}
		}
	}
}

// A chunk of a parallel call reads its pieces in the direction that call
// walks its chunks, call after call, and leaves the process-wide flag
// alone; anywhere else the flag alternates.
func TestReadOrderFollowsTheWalk(t *testing.T) {
	done := make(chan struct{})
	sched.Spawn(func() {
		defer close(done)
		for _, d := range []sched.Direction{sched.Forward, sched.Backward} {
			old := sched.SetDirection(d)
			flag := rdDirection.Load()
			for range 3 {
				if got := rdBackward(); got != (d == sched.Backward) {
					t.Errorf("hint %d: rdBackward() = %v", d, got)
				}
			}
			if rdDirection.Load() != flag {
				t.Errorf("hint %d: a hinted call turned the process-wide flag", d)
			}
			sched.SetDirection(old)
		}
		if a, b := rdBackward(), rdBackward(); a == b {
			t.Errorf("without a hint on a worker, two calls both read back=%v", a)
		}
	})
	<-done
	if a, b := rdBackward(), rdBackward(); a == b {
		t.Errorf("outside the pool, two calls both read back=%v", a)
	}
}
