package bench

import (
	"errors"
	"fmt"
	"testing"
)

// shortMaxN is the largest length the suites run under -short.
const shortMaxN = 1 << 18

// sizes are the lengths the suites run: Sizes, or HPGO_BENCH_SIZES.
func sizes() []int { return EnvSizes(Sizes) }

// runCase times c as a sub-benchmark body.
func runCase(b *testing.B, c Case) {
	if testing.Short() && c.N > shortMaxN {
		skip(b, fmt.Sprintf("n=%d is left out under -short", c.N))
	}
	run, restore, err := c.Prepare()
	if errors.Is(err, ErrSkip) {
		skip(b, err.Error())
	}
	if err != nil {
		b.Fatal(err)
	}
	defer restore()
	// One call before the timed loop: it pays what a first call costs
	// once (lazy starts, first allocations), which would otherwise land in
	// the first row of a short run, and its result is checked, so that a
	// broken implementation cannot look fast.
	checkResult(b, c, run())
	b.SetBytes(c.Bytes())
	b.ReportAllocs()
	var s float64
	for b.Loop() {
		s += run()
	}
	Sink = s
}

// skip skips b with a line in the output even without -v (where the
// testing package prints skipped benchmarks only with -v). benchstat
// ignores the line.
func skip(b *testing.B, reason string) {
	b.Helper()
	if !testing.Verbose() {
		fmt.Printf("--- SKIP: %s: %s\n", b.Name(), reason)
	}
	b.Skip(reason)
}

func benchCases(b *testing.B, cs []Case) {
	for _, c := range cs {
		b.Run(c.Name(), func(b *testing.B) { runCase(b, c) })
	}
}

func benchKernel(b *testing.B, k Kernel) {
	benchCases(b, Spec{Kernels: []Kernel{k}, Types: Types, Sizes: sizes(), Impls: BenchImpls()}.Cases())
}

// readSizes are the bandwidth probe's lengths in uint64s: 32 MiB (about
// the L3) and 512 MiB (DRAM, the size of the largest float64 input).
var readSizes = []int{1 << 22, 1 << 26}

// BenchmarkReadBandwidth is the STREAM-like read limit: asm.XorU64 over a
// large []uint64 on one goroutine, and split in halves on two.
// Each SIMD tier runs it (tier=avx512|avx2): take the faster as the limit.
func BenchmarkReadBandwidth(b *testing.B) {
	var cs []Case
	for _, c := range ReadCases([]int{1, 2}, EnvSizes(readSizes)) {
		for _, t := range ProbeTiers() {
			cs = append(cs, c.WithTier(t))
		}
	}
	benchCases(b, cs)
}

// BenchmarkSum: parallel.Reduce(p, xs, 0, op.Add) and the peers' sums.
func BenchmarkSum(b *testing.B) { benchKernel(b, Sum) }

// BenchmarkSumSquares: the headline parallel.TransformReduce(p, xs, 0,
// op.Add, op.Square), against Dot(x, x) of gonum and vek.
func BenchmarkSumSquares(b *testing.B) { benchKernel(b, SumSquares) }

// BenchmarkDot: parallel.TransformReduce2(p, xs, ys, 0, op.Add, op.Mul).
func BenchmarkDot(b *testing.B) { benchKernel(b, Dot) }

// BenchmarkMinMax: parallel.Reduce with op.Min (op=min) and op.Max
// (op=max), one pass each.
func BenchmarkMinMax(b *testing.B) {
	for _, k := range []Kernel{Min, Max} {
		b.Run("op="+string(k), func(b *testing.B) { benchKernel(b, k) })
	}
}
