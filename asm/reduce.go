package asm

import "github.com/klauspost/cpuid/v2"

// Reductions: Sum, SumSquares, Dot, Min, Max, MaxNonNaN, MinMax, IndexOf,
// LastIndexOf, Count and XorU64, for float32, float64, int32 and int64 (Min,
// Max and MinMax also for uint32 and uint64, in reduce_unsigned.go).
//
// Each kernel's doc comment shows the scalar loop that defines it. Integer
// kernels return exactly that loop's result, two's-complement wrap-around
// included. Min, Max, MinMax, IndexOf, LastIndexOf and Count return exactly that loop's
// result for floats too: Go's min and max, where any NaN gives NaN (the SIMD tiers
// return the canonical quiet NaN, not the input NaN's sign and payload) and
// -0 < +0, and Go's ==, where NaN is never found and -0 == +0. Every kernel
// reads its input once, at most MaxStep elements per assembly call, and runs
// at memory bandwidth on large inputs. The AVX2 float Min, Max and MinMax
// read it a second time, MaxStep elements at a time (so from cache), when it
// holds a NaN (a search confirms the NaN; some inputs holding infinities
// start that search too) or when a result is a zero (the OR or AND of the
// bit patterns settles its sign: for 4Ki elements in L1 that pass adds
// half to two thirds of the first one's time). The AVX-512 float Min, Max and MinMax never do:
// VRANGEPS orders -0 below +0, and they stop at the first NaN. (On AMD Zen
// 4, where 512-bit vectors run as two halves, the AVX-512 tier's float
// MinMax is the AVX2 one.) The float MaxNonNaN of both tiers reads x again
// when its result is a zero or -Inf.
//
// The float sums (Sum, SumSquares, Dot) add in another order; SumF32's doc
// comment states and justifies their error bound.
//
// Read order (amd64). Sum, SumSquares, Dot, Min, Max, MinMax, MaxNonNaN and
// Count cut an input in pieces when it has more than MaxStep elements (up to
// streamMin bytes for the kernels that have Stream variants; at any size
// for the others), or when it reads one to two times the L1 data cache.
// They read the pieces first to last and last to first on alternate calls
// in the process (within a parallel call's chunk, in the direction that
// call walks its chunks), so that a call on the input the last call read
// starts with what the cache kept of it (reduce_order_amd64.go has the
// figures).
// The direction never changes a result: the float sums add the pieces'
// partial sums first to last whichever way they were read, and integer
// sums, counts, min and max are exact in any order. How an input is cut
// does: a float sum's bits depend on the input, the tier and, through the
// cuts, the CPU's cache sizes.
//
// SumF32 returns the sum of x, 0 for an empty x.
//
//	var s float32
//	for _, v := range x {
//		s += v
//	}
//	return s
//
// The kernels add in another order: several vector accumulators, a tree at
// the end, partial sums of each piece (MaxStep elements; or a quarter of an
// input of one to two L1 caches) combined in float64. The float
// sums (Sum, SumSquares and Dot, float32 and float64) are accurate to
//
//	|result − exact| ≤ c · u · Σ|tᵢ|,  c = min(n, MaxStep)/8 + 20,
//
// where tᵢ are the terms (xᵢ, xᵢ² or xᵢ·yᵢ), exact is their exact sum, n is
// len(x) and u is the unit roundoff (2⁻²⁴ for float32, 2⁻⁵³ for float64); c
// is at most 4116 whatever n is. Dot and SumSquares may add n·2⁻¹⁵⁰ (float32)
// or n·2⁻¹⁰⁷⁵ (float64) when products underflow.
//
// Why c: every tier keeps at least 8 independent scalar accumulators (the
// pure-Go twin 8 scalars; the AVX2 and AVX-512 kernels 8 vectors, or 4 in
// the AVX2 Stream kernels of sums and sums of squares: 16 lanes or more).
// Within a piece of m ≤ MaxStep elements a term is rounded at most m/8
// times in its accumulator, at most 3 times when the accumulators are
// folded, 8 times for the
// leftover vectors and the masked tail, and 4 times in the horizontal fold;
// an unfused product costs one more. That is d ≤ m/8 + 15 roundings, and a
// sum in which no term is rounded more than d times is within γ_d·Σ|tᵢ|,
// γ_d = d·u/(1 − d·u) < (d + 2.1)·u for d ≤ 4111 (Higham, Accuracy and
// Stability of Numerical Algorithms, §4.2). The partial sums of the pieces
// are combined in float64 (float32 kernels) or with compensated float64
// summation (float64 kernels) and rounded once at the end, which adds less
// than 2·u.
//
// Whatever the order, a NaN term gives NaN, and so does +Inf meeting −Inf;
// a sum that overflows in one order may not in another.
//
// Fused products. The AVX2 and AVX-512 kernels of SumSquares and Dot fuse
// each product into its accumulator (FMA: one rounding), where the pure-Go
// twin and the loop above round the product first. A product too large for
// T is therefore ±Inf in the twin but keeps its exact value in the fused
// sum, which becomes ±Inf only if the running sum overflows. Where products
// overflow the tiers can disagree: +Inf where the twin gives NaN (infinite
// products of both signs), or a finite sum where it gives ±Inf. Inputs that
// are themselves NaN or ±Inf behave alike in every tier.
func SumF32(x []float32) float32 { return sumF32(x) }

// SumF64 returns the sum of x, 0 for an empty x.
//
//	var s float64
//	for _, v := range x {
//		s += v
//	}
//	return s
//
// The result is within c·2⁻⁵³·Σ|xᵢ| of the exact sum,
// c = min(len(x), MaxStep)/8 + 20 (see SumF32).
func SumF64(x []float64) float64 { return sumF64(x) }

// SumI32 returns the sum of x, wrapping around on overflow like the loop
//
//	var s int32
//	for _, v := range x {
//		s += v
//	}
//	return s
func SumI32(x []int32) int32 { return sumI32(x) }

// SumI64 returns the sum of x, wrapping around on overflow like the loop
//
//	var s int64
//	for _, v := range x {
//		s += v
//	}
//	return s
func SumI64(x []int64) int64 { return sumI64(x) }

// SumSquaresF32 returns the sum of the squares of x (FMA where the tier has it).
//
//	var s float32
//	for _, v := range x {
//		s += v * v
//	}
//	return s
//
// The result is within c·2⁻²⁴·Σxᵢ² of the exact sum,
// c = min(len(x), MaxStep)/8 + 20 (see SumF32).
func SumSquaresF32(x []float32) float32 { return sumSquaresF32(x) }

// SumSquaresF64 returns the sum of the squares of x (FMA where the tier has it).
//
//	var s float64
//	for _, v := range x {
//		s += v * v
//	}
//	return s
//
// The result is within c·2⁻⁵³·Σxᵢ² of the exact sum,
// c = min(len(x), MaxStep)/8 + 20 (see SumF32).
func SumSquaresF64(x []float64) float64 { return sumSquaresF64(x) }

// SumSquaresI32 returns the sum of the squares of x, wrapping around on
// overflow like the loop
//
//	var s int32
//	for _, v := range x {
//		s += v * v
//	}
//	return s
func SumSquaresI32(x []int32) int32 { return sumSquaresI32(x) }

// SumSquaresI64 returns the sum of the squares of x, wrapping around on
// overflow like the loop
//
//	var s int64
//	for _, v := range x {
//		s += v * v
//	}
//	return s
func SumSquaresI64(x []int64) int64 { return sumSquaresI64(x) }

// DotF32 returns the dot product of x and y[:len(x)] (FMA where the tier has
// it). It panics if len(y) < len(x).
//
//	var s float32
//	for i, v := range x {
//		s += v * y[i]
//	}
//	return s
//
// The result is within c·2⁻²⁴·Σ|xᵢyᵢ| of the exact sum,
// c = min(len(x), MaxStep)/8 + 20 (see SumF32).
func DotF32(x, y []float32) float32 {
	if len(y) < len(x) {
		panic("hpgo: asm.DotF32: len(y) < len(x)")
	}
	return dotF32(x, y[:len(x)])
}

// DotF64 returns the dot product of x and y[:len(x)] (FMA where the tier has
// it). It panics if len(y) < len(x).
//
//	var s float64
//	for i, v := range x {
//		s += v * y[i]
//	}
//	return s
//
// The result is within c·2⁻⁵³·Σ|xᵢyᵢ| of the exact sum,
// c = min(len(x), MaxStep)/8 + 20 (see SumF32).
func DotF64(x, y []float64) float64 {
	if len(y) < len(x) {
		panic("hpgo: asm.DotF64: len(y) < len(x)")
	}
	return dotF64(x, y[:len(x)])
}

// DotI32 returns the dot product of x and y[:len(x)], wrapping around on
// overflow. It panics if len(y) < len(x).
//
//	var s int32
//	for i, v := range x {
//		s += v * y[i]
//	}
//	return s
func DotI32(x, y []int32) int32 {
	if len(y) < len(x) {
		panic("hpgo: asm.DotI32: len(y) < len(x)")
	}
	return dotI32(x, y[:len(x)])
}

// DotI64 returns the dot product of x and y[:len(x)], wrapping around on
// overflow. It panics if len(y) < len(x).
//
//	var s int64
//	for i, v := range x {
//		s += v * y[i]
//	}
//	return s
func DotI64(x, y []int64) int64 {
	if len(y) < len(x) {
		panic("hpgo: asm.DotI64: len(y) < len(x)")
	}
	return dotI64(x, y[:len(x)])
}

// MinF32 returns the least element of x, exactly as Go's min folded over x:
// any NaN gives NaN, and -0 is less than +0. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinF32(x []float32) float32 {
	if len(x) == 0 {
		panic("hpgo: asm.MinF32: empty slice")
	}
	return minF32(x)
}

// MinF64 returns the least element of x, exactly as Go's min folded over x:
// any NaN gives NaN, and -0 is less than +0. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinF64(x []float64) float64 {
	if len(x) == 0 {
		panic("hpgo: asm.MinF64: empty slice")
	}
	return minF64(x)
}

// MinI32 returns the least element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinI32(x []int32) int32 {
	if len(x) == 0 {
		panic("hpgo: asm.MinI32: empty slice")
	}
	return minI32(x)
}

// MinI64 returns the least element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = min(m, v)
//	}
//	return m
func MinI64(x []int64) int64 {
	if len(x) == 0 {
		panic("hpgo: asm.MinI64: empty slice")
	}
	return minI64(x)
}

// MaxF32 returns the greatest element of x, exactly as Go's max folded over
// x: any NaN gives NaN, and +0 is greater than -0. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxF32(x []float32) float32 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxF32: empty slice")
	}
	return maxF32(x)
}

// MaxF64 returns the greatest element of x, exactly as Go's max folded over
// x: any NaN gives NaN, and +0 is greater than -0. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxF64(x []float64) float64 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxF64: empty slice")
	}
	return maxF64(x)
}

// MaxI32 returns the greatest element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxI32(x []int32) int32 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxI32: empty slice")
	}
	return maxI32(x)
}

// MaxI64 returns the greatest element of x. It panics if x is empty.
//
//	m := x[0]
//	for _, v := range x[1:] {
//		m = max(m, v)
//	}
//	return m
func MaxI64(x []int64) int64 {
	if len(x) == 0 {
		panic("hpgo: asm.MaxI64: empty slice")
	}
	return maxI64(x)
}

// MaxNonNaNF32 returns the greatest element of x that is not a NaN, with
// -0 < +0 as Go's max has it, and ok false (and -Inf) when x holds none:
// the maximum under cmp.Compare's order, which puts NaNs below every
// number, for an x that is not all NaN.
//
//	m, ok = float32(math.Inf(-1)), false
//	for _, v := range x {
//		if v == v {
//			m, ok = max(m, v), true
//		}
//	}
//	return m, ok
func MaxNonNaNF32(x []float32) (m float32, ok bool) { return maxNonNaNF32(x) }

// MaxNonNaNF64 returns the greatest element of x that is not a NaN, with
// -0 < +0 as Go's max has it, and ok false (and -Inf) when x holds none:
// the maximum under cmp.Compare's order, which puts NaNs below every
// number, for an x that is not all NaN.
//
//	m, ok = math.Inf(-1), false
//	for _, v := range x {
//		if v == v {
//			m, ok = max(m, v), true
//		}
//	}
//	return m, ok
func MaxNonNaNF64(x []float64) (m float64, ok bool) { return maxNonNaNF64(x) }

// MinMaxF32 returns (MinF32(x), MaxF32(x)) from one pass over x. It panics if
// x is empty.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxF32(x []float32) (lo, hi float32) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxF32: empty slice")
	}
	return minMaxF32(x)
}

// MinMaxF64 returns (MinF64(x), MaxF64(x)) from one pass over x. It panics if
// x is empty.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxF64(x []float64) (lo, hi float64) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxF64: empty slice")
	}
	return minMaxF64(x)
}

// MinMaxI32 returns (MinI32(x), MaxI32(x)) from one pass over x. It panics if
// x is empty.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxI32(x []int32) (lo, hi int32) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxI32: empty slice")
	}
	return minMaxI32(x)
}

// MinMaxI64 returns (MinI64(x), MaxI64(x)) from one pass over x. It panics if
// x is empty.
//
//	lo, hi := x[0], x[0]
//	for _, v := range x[1:] {
//		lo, hi = min(lo, v), max(hi, v)
//	}
//	return lo, hi
func MinMaxI64(x []int64) (lo, hi int64) {
	if len(x) == 0 {
		panic("hpgo: asm.MinMaxI64: empty slice")
	}
	return minMaxI64(x)
}

// IndexOfF32 returns the lowest index i with x[i] == v, or -1 if there is
// none. Comparison is Go's ==: a NaN v is never found, and -0 == +0. It
// stops at the first match (within one vector block).
//
//	for i, e := range x {
//		if e == v {
//			return i
//		}
//	}
//	return -1
func IndexOfF32(x []float32, v float32) int { return indexOfF32(x, v) }

// IndexOfF64 returns the lowest index i with x[i] == v, or -1 if there is
// none. Comparison is Go's ==: a NaN v is never found, and -0 == +0. It
// stops at the first match (within one vector block).
//
//	for i, e := range x {
//		if e == v {
//			return i
//		}
//	}
//	return -1
func IndexOfF64(x []float64, v float64) int { return indexOfF64(x, v) }

// IndexOfI32 returns the lowest index i with x[i] == v, or -1 if there is
// none. It stops at the first match (within one vector block).
//
//	for i, e := range x {
//		if e == v {
//			return i
//		}
//	}
//	return -1
func IndexOfI32(x []int32, v int32) int { return indexOfI32(x, v) }

// IndexOfI64 returns the lowest index i with x[i] == v, or -1 if there is
// none. It stops at the first match (within one vector block).
//
//	for i, e := range x {
//		if e == v {
//			return i
//		}
//	}
//	return -1
func IndexOfI64(x []int64, v int64) int { return indexOfI64(x, v) }

// LastIndexOfF32 returns the highest index i with x[i] == v, or -1 if there
// is none. Comparison is Go's ==: a NaN v is never found, and -0 == +0. It reads x from the end and stops at the
// first match (within one vector block).
//
//	for i := len(x) - 1; i >= 0; i-- {
//		if x[i] == v {
//			return i
//		}
//	}
//	return -1
func LastIndexOfF32(x []float32, v float32) int { return lastIndexOfF32(x, v) }

// LastIndexOfF64 returns the highest index i with x[i] == v, or -1 if there
// is none. Comparison is Go's ==: a NaN v is never found, and -0 == +0. It reads x from the end and stops at the
// first match (within one vector block).
//
//	for i := len(x) - 1; i >= 0; i-- {
//		if x[i] == v {
//			return i
//		}
//	}
//	return -1
func LastIndexOfF64(x []float64, v float64) int { return lastIndexOfF64(x, v) }

// LastIndexOfI32 returns the highest index i with x[i] == v, or -1 if there
// is none. It reads x from the end and stops at the
// first match (within one vector block).
//
//	for i := len(x) - 1; i >= 0; i-- {
//		if x[i] == v {
//			return i
//		}
//	}
//	return -1
func LastIndexOfI32(x []int32, v int32) int { return lastIndexOfI32(x, v) }

// LastIndexOfI64 returns the highest index i with x[i] == v, or -1 if there
// is none. It reads x from the end and stops at the
// first match (within one vector block).
//
//	for i := len(x) - 1; i >= 0; i-- {
//		if x[i] == v {
//			return i
//		}
//	}
//	return -1
func LastIndexOfI64(x []int64, v int64) int { return lastIndexOfI64(x, v) }

// CountF32 returns the number of elements of x equal to v. Comparison
// is Go's ==: a NaN v is never counted, and -0 == +0.
// It reads all of x, one compare and one integer add per vector.
//
//	c := 0
//	for _, e := range x {
//		if e == v {
//			c++
//		}
//	}
//	return c
func CountF32(x []float32, v float32) int { return countF32(x, v) }

// CountF64 returns the number of elements of x equal to v. Comparison
// is Go's ==: a NaN v is never counted, and -0 == +0.
// It reads all of x, one compare and one integer add per vector.
//
//	c := 0
//	for _, e := range x {
//		if e == v {
//			c++
//		}
//	}
//	return c
func CountF64(x []float64, v float64) int { return countF64(x, v) }

// CountI32 returns the number of elements of x equal to v.
// It reads all of x, one compare and one integer add per vector.
//
//	c := 0
//	for _, e := range x {
//		if e == v {
//			c++
//		}
//	}
//	return c
func CountI32(x []int32, v int32) int { return countI32(x, v) }

// CountI64 returns the number of elements of x equal to v.
// It reads all of x, one compare and one integer add per vector.
//
//	c := 0
//	for _, e := range x {
//		if e == v {
//			c++
//		}
//	}
//	return c
func CountI64(x []int64, v int64) int { return countI64(x, v) }

// XorU64 returns the XOR of all words of x, 0 for an empty x. It reads x
// once at full memory bandwidth and does almost nothing else, which makes it
// the read-bandwidth probe of the benchmarks.
//
//	var s uint64
//	for _, v := range x {
//		s ^= v
//	}
//	return s
func XorU64(x []uint64) uint64 { return xorU64(x) }

// streamMin is the input size in bytes from which sums, sums of squares,
// dot products and float min/max run their Stream kernels, which are
// shaped for reading DRAM (streamShape in asm/_gen/reduce): AVX2 sums and
// sums of squares fold each MaxStep piece into 4 accumulators instead of 8,
// the other Stream kernels read it as four streams at once, four equal
// spans of it (blockLoop there). It is more than half the last-level cache
// (L3 from cpuid, 32 MiB where unknown or larger: streamL3Cap), and at
// least 4 MiB.
//
// Inputs that large come from DRAM. On the 2-core Zen 4 VM (32 MiB L3),
// 64Mi inputs on one goroutine, and cut in 8Mi chunks over two as Par cuts
// them there, timed in turn with the plain kernels in one process: AVX2
// sums of squares 4-7% faster on one goroutine (int32 2%) and 0-14% on two (the
// higher figures in the host's moments of more bandwidth), sums 0-7%;
// AVX2 dots 14-16% and 3-34%; AVX-512 sums and sums of squares 5-9%, dots
// 7-25% (streamShape has the details). An earlier run found four streams
// slower for inputs the L3 can hold (4Mi: 3-11%; 256Ki: 1-14%), and 4
// accumulators are slower in L1 (15-40% at 32 KiB), hence the bound. A Par
// call on many workers cuts a large input into chunks below it, which run
// the plain kernels.
//
// Float min and max (4 accumulators in every kernel; 4 streams in the
// Stream ones) gained less: 64Mi inputs, plain and stream kernels timed in
// turn 40 times, median time ratios stream/plain of 0.95 (float64) and
// 1.00-1.04 (float32) on one goroutine, 0.96-0.98 on two, and 0.89-0.94
// for the AVX-512 kernels. Integer min and max stay plain: 4-stream
// variants measured the same way gave 0.96-1.04 (AVX2 int32 and int64,
// AVX-512 int64), no gain worth eight more kernels.
// The elementwise kernels write outputs of streamMin bytes or more with
// non-temporal stores (nontemporal in elementwise_amd64.go).
// Tests set streamMin to 0 to send every input through the Stream kernels,
// and every output that overlaps no input through the NT kernels.
var streamMin = streamThreshold(cpuid.CPU.Cache.L3)

// streamThreshold is streamMin for a last-level cache of l3 bytes.
func streamThreshold(l3 int) int {
	if l3 <= 0 || l3 > streamL3Cap {
		l3 = streamL3Cap
	}
	return max(l3/2+1, 4<<20)
}

// streamL3Cap is the most last-level cache streamThreshold counts on. A
// larger L3 is a server socket's, shared by many cores and, on a cloud
// host, by other tenants: what one process reads from it comes at a
// fraction of its own L2 speed, and a store through it still reads each
// line first. On a 2-vCPU VM of an Intel Xeon whose cpuid reports 260 MiB
// of L3 (a threshold of 130 MiB without the cap), one goroutine:
//   - SquareF32 with non-temporal stores against cached ones: 33 against
//     28 GB/s of input and output at 4Mi float32 (16 MiB out), 34 against
//     27 at 8Mi, 34 against 14.4 at 16Mi, 22 against 13.5 at 32Mi;
//   - the Stream reductions against the plain ones: 0-5% faster over
//     4Mi elements (16 and 32 MiB), 15-20% over 16Mi (SumF64 5.4 ms
//     against 6.4, MinF64 6.1 against 7.5), and 7-12% over 64Mi cut in 8
//     chunks on two goroutines, as Par cuts it.
//
// Nothing there favoured the cached path from 16 MiB up; the cap keeps the
// 2-core Zen 4's threshold (its L3 is 32 MiB) where it was.
const streamL3Cap = 32 << 20
