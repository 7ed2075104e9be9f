package parallel_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// The harness runs every algorithm under every policy over a set of lengths
// and compares it with a plain sequential reference written here.

// bigN is the large length, tried under a few policies only (bigPolicies).
const bigN = 1<<20 + 3

// smallLens are tried under every policy; kernelLens (the chunk boundaries of
// kernel-sized grains) under the policies whose chunks are not tiny.
var (
	smallLens  = []int{0, 1, 2, 3, 7, 31, 100, cpu.GrainLoop - 1, cpu.GrainLoop + 1, 2*cpu.GrainLoop - 1, 2 * cpu.GrainLoop, 2*cpu.GrainLoop + 1}
	kernelLens = []int{cpu.GrainKernel - 1, cpu.GrainKernel + 1, 2*cpu.GrainKernel + 1}
)

// policy is a policy under test with the lengths to try it on.
type policy struct {
	p    execution.Policy
	lens []int
}

func (tp policy) name() string { return tp.p.String() }

// policies: Seq, Unseq, Par, ParUnseq, each also with every chunking and
// on PureGo. Every policy gets the small lengths; the kernel-grain
// boundaries and the big length go to a subset, to keep the race detector's
// run short.
func policies() []policy {
	var out []policy
	chunks := []execution.Chunk{
		execution.StaticChunk(1), execution.StaticChunk(7), execution.DynamicChunk(3),
		execution.GuidedChunk(), execution.AutoChunk(),
		// One chunk, spelled as a size beyond any length: no overflow.
		execution.StaticChunk(math.MaxInt), execution.DynamicChunk(math.MaxInt - 2),
	}
	for _, base := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq} {
		par := base == execution.Par
		out = append(out, policy{base, lens(!raceOn || par || base == execution.Unseq, par || base == execution.Seq && !raceOn)})
		for _, c := range chunks {
			if raceOn && !par && (base != execution.ParUnseq || c.Size() != 1) {
				// Chunk specs do not matter to Seq and Unseq, and ParUnseq
				// runs Par's code: under the race detector, test each
				// chunking once.
				continue
			}
			long := par && !raceOn && (c.Size() == 7 || c.Kind() == execution.ChunkGuided || c.Kind() == execution.ChunkAuto)
			out = append(out, policy{base.With(c), lens(long, false)})
		}
		if !raceOn || par || base == execution.Seq {
			out = append(out, policy{base.On(execution.PureGo), lens(par, false)})
		}
	}
	out = append(out, policy{execution.ParUnseq.With(execution.DynamicChunk(1000)).On(execution.PureGo), lens(true, !raceOn)})
	return out
}

func lens(kernel, big bool) []int {
	l := append([]int(nil), smallLens...)
	if raceOn {
		l = []int{0, 1, 2, 7, 31, 1023, 2*cpu.GrainLoop - 1, 2*cpu.GrainLoop + 1}
	}
	if kernel {
		l = append(l, kernelLens...)
	}
	if big && !testing.Short() && !raceOn {
		l = append(l, bigN)
	}
	return l
}

// kinds are the special-value variants (see withSpecials) tried at length
// n: all of them on short inputs, none and NaN on long ones.
func kinds(n int) []int {
	if n <= 2*cpu.GrainLoop+1 && !raceOn || n < 100 {
		return []int{0, 1, 2, 3, 4}
	}
	return []int{0, 3}
}

// each runs fn for every policy and length as subtests named by policy.
func each(t *testing.T, fn func(t *testing.T, p execution.Policy, n int)) {
	t.Helper()
	for _, tp := range policies() {
		t.Run(tp.name(), func(t *testing.T) {
			for _, n := range tp.lens {
				fn(t, tp.p, n)
				if t.Failed() {
					t.Logf("(failed at n=%d)", n)
					return
				}
			}
		})
	}
}

func rng(n int) *rand.Rand { return rand.New(rand.NewPCG(uint64(n), 0x9e3779b97f4a7c15)) }

func randInts[T ~int | ~int8 | ~int32 | ~int64 | ~uint32 | ~uint64 | ~uint](n int, span int64) []T {
	r := rng(n)
	xs := make([]T, n)
	for i := range xs {
		if span == 0 {
			xs[i] = T(r.Uint64())
		} else {
			xs[i] = T(r.Int64N(2*span+1) - span)
		}
	}
	return xs
}

func randFloats[T float32 | float64](n int) []T {
	r := rng(n)
	xs := make([]T, n)
	for i := range xs {
		xs[i] = T(r.Float64()*2 - 1)
	}
	return xs
}

// withSpecials sets a few elements of a copy of xs to NaN or infinities:
// kind 1: one NaN; 2: one +Inf; 3: +Inf and -Inf; 4: -Inf.
func withSpecials[T float32 | float64](xs []T, kind int) []T {
	ys := append([]T(nil), xs...)
	if len(ys) == 0 {
		return ys
	}
	at := len(ys) * 2 / 3
	switch kind {
	case 1:
		ys[at] = T(math.NaN())
	case 2:
		ys[at] = T(math.Inf(1))
	case 3:
		ys[at] = T(math.Inf(1))
		ys[len(ys)/3] = T(math.Inf(-1))
	case 4:
		ys[at] = T(math.Inf(-1))
	}
	return ys
}

// closeTo reports whether got is within the bound of a reassociated sum:
// |got - want| <= n·u·sumAbs (the bound of recursive summation, which holds
// for every association of n terms), with NaN and infinities matching.
func closeTo(got, want float64, n int, u, sumAbs float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	return math.Abs(got-want) <= float64(n+2)*u*sumAbs+1e-300
}

const (
	epsF32 = 0x1p-24
	epsF64 = 0x1p-53
)

// sameBits compares floats bit for bit (NaNs: any NaN matches).
func sameBits[T float32 | float64](a, b T) bool {
	if a != a && b != b {
		return true
	}
	return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b))
}

// firstDiff reports the first index where a and b differ, or -1 (two NaNs
// are equal).
func firstDiff[T comparable](a, b []T) int {
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] && !(isNaN(a[i]) && isNaN(b[i])) {
			return i
		}
	}
	return -1
}

func isNaN[T comparable](v T) bool {
	switch x := any(v).(type) {
	case float32:
		return x != x
	case float64:
		return x != x
	}
	return false
}

// affine is x -> a·x + b over uint32: composing them is associative but not
// commutative, so it catches a reduction or scan that reorders chunks.
type affine struct{ a, b uint32 }

// then is "f, then g".
func then(f, g affine) affine { return affine{g.a * f.a, g.a*f.b + g.b} }

func randAffine(n int) []affine {
	r := rng(n)
	xs := make([]affine, n)
	for i := range xs {
		xs[i] = affine{r.Uint32() | 1, r.Uint32()}
	}
	return xs
}

// mustPanic runs fn and returns the recovered value (failing if none).
func mustPanic(t *testing.T, fn func()) (v any) {
	t.Helper()
	defer func() { v = recover() }()
	fn()
	t.Fatal("no panic")
	return nil
}

// mustPanicHpgo checks that fn panics with a message starting "hpgo: "
// and naming the algorithm.
func mustPanicHpgo(t *testing.T, name string, fn func()) {
	t.Helper()
	v := mustPanic(t, fn)
	s := fmt.Sprint(v)
	if _, ok := v.(*future.PanicError); ok || !strings.HasPrefix(s, "hpgo: parallel."+name) {
		t.Errorf("%s: panic %T %q, want a string starting %q", name, v, s, "hpgo: parallel."+name)
	}
}

// bitsDiff is firstDiff for floats that also tells -0 from +0.
func bitsDiff[T float32 | float64](a, b []T) int {
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	for i := range a {
		if !sameBits(a[i], b[i]) {
			return i
		}
	}
	return -1
}
