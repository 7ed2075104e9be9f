//go:build amd64 && !purego

package asm

import (
	"math"
	"unsafe"
)

// Dispatch of the reduction kernels to the active tier. The assembly
// kernels take at most MaxStep elements. Each order-free reduction has a
// dispatcher (sumF32) and a function for one piece of at most MaxStep
// elements (sumF32Piece), which calls the active tier's kernel. Where
// rdPlan cuts the input (more than MaxStep elements, or one to two L1s of
// bytes: reduce_order_amd64.go), a helper of reduce_step_amd64.go runs the
// piece function on each piece and combines the partial results (Count
// too). IndexOf, LastIndexOf and Xor step through MaxStep pieces, calling
// their dispatcher again on each. A piece reaches its kernel by a direct call:
// called through a func value, an assembly function goes through an ABI
// wrapper, which cost ~2 ns a call here (BenchmarkSum, 16 elements: 6.0 ns
// through the wrapper, 4.0 ns direct).
//
// Sums, sums of squares, dots and float min/max have a second, Stream
// kernel per tier for inputs of streamMin bytes and more, shaped for
// reading DRAM: it reads each piece as four streams at once, or (AVX2 sums
// and sums of squares) folds it into 4 accumulators instead of 8
// (streamShape in asm/_gen/reduce).

// byTier returns the active tier's kernel among the AVX-512, AVX2 and
// pure-Go ones. The stream path calls what it returns through a func value
// (an ABI wrapper, ~2 ns a call): nothing next to a MaxStep piece out of
// DRAM (~5 µs).
func byTier[F any](avx512, avx2, twin F) F {
	switch active {
	case AVX512:
		return avx512
	case AVX2:
		return avx2
	}
	return twin
}

// streams reports whether n elements of size bytes go to the stream kernels.
func streams(n, size int) bool { return n*size >= streamMin }

func sumF32(x []float32) float32 {
	if streams(len(x), 4) {
		return rdSumFloat(x, rdForward, byTier(sumF32AVX512Stream, sumF32AVX2Stream, sumF32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdSumFloat(x, rdAlternate(p), sumF32Piece)
	}
	return sumF32Piece(x)
}

// sumF32Piece is sumF32 on at most MaxStep elements, in one piece.
func sumF32Piece(x []float32) float32 {
	switch active {
	case AVX512:
		return sumF32AVX512(x)
	case AVX2:
		return sumF32AVX2(x)
	}
	return sumF32Go(x)
}

func sumF64(x []float64) float64 {
	if streams(len(x), 8) {
		return rdSumFloat(x, rdForward, byTier(sumF64AVX512Stream, sumF64AVX2Stream, sumF64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdSumFloat(x, rdAlternate(p), sumF64Piece)
	}
	return sumF64Piece(x)
}

// sumF64Piece is sumF64 on at most MaxStep elements, in one piece.
func sumF64Piece(x []float64) float64 {
	switch active {
	case AVX512:
		return sumF64AVX512(x)
	case AVX2:
		return sumF64AVX2(x)
	}
	return sumF64Go(x)
}

func sumI32(x []int32) int32 {
	if streams(len(x), 4) {
		return rdSum(x, rdForward, byTier(sumI32AVX512Stream, sumI32AVX2Stream, sumI32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdSum(x, rdAlternate(p), sumI32Piece)
	}
	return sumI32Piece(x)
}

// sumI32Piece is sumI32 on at most MaxStep elements, in one piece.
func sumI32Piece(x []int32) int32 {
	switch active {
	case AVX512:
		return sumI32AVX512(x)
	case AVX2:
		return sumI32AVX2(x)
	}
	return sumI32Go(x)
}

func sumI64(x []int64) int64 {
	if streams(len(x), 8) {
		return rdSum(x, rdForward, byTier(sumI64AVX512Stream, sumI64AVX2Stream, sumI64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdSum(x, rdAlternate(p), sumI64Piece)
	}
	return sumI64Piece(x)
}

// sumI64Piece is sumI64 on at most MaxStep elements, in one piece.
func sumI64Piece(x []int64) int64 {
	switch active {
	case AVX512:
		return sumI64AVX512(x)
	case AVX2:
		return sumI64AVX2(x)
	}
	return sumI64Go(x)
}

func sumSquaresF32(x []float32) float32 {
	if streams(len(x), 4) {
		return rdSumFloat(x, rdForward, byTier(sumSquaresF32AVX512Stream, sumSquaresF32AVX2Stream, sumSquaresF32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdSumFloat(x, rdAlternate(p), sumSquaresF32Piece)
	}
	return sumSquaresF32Piece(x)
}

// sumSquaresF32Piece is sumSquaresF32 on at most MaxStep elements, in one piece.
func sumSquaresF32Piece(x []float32) float32 {
	switch active {
	case AVX512:
		return sumSquaresF32AVX512(x)
	case AVX2:
		return sumSquaresF32AVX2(x)
	}
	return sumSquaresF32Go(x)
}

func sumSquaresF64(x []float64) float64 {
	if streams(len(x), 8) {
		return rdSumFloat(x, rdForward, byTier(sumSquaresF64AVX512Stream, sumSquaresF64AVX2Stream, sumSquaresF64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdSumFloat(x, rdAlternate(p), sumSquaresF64Piece)
	}
	return sumSquaresF64Piece(x)
}

// sumSquaresF64Piece is sumSquaresF64 on at most MaxStep elements, in one piece.
func sumSquaresF64Piece(x []float64) float64 {
	switch active {
	case AVX512:
		return sumSquaresF64AVX512(x)
	case AVX2:
		return sumSquaresF64AVX2(x)
	}
	return sumSquaresF64Go(x)
}

func sumSquaresI32(x []int32) int32 {
	if streams(len(x), 4) {
		return rdSum(x, rdForward, byTier(sumSquaresI32AVX512Stream, sumSquaresI32AVX2Stream, sumSquaresI32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdSum(x, rdAlternate(p), sumSquaresI32Piece)
	}
	return sumSquaresI32Piece(x)
}

// sumSquaresI32Piece is sumSquaresI32 on at most MaxStep elements, in one piece.
func sumSquaresI32Piece(x []int32) int32 {
	switch active {
	case AVX512:
		return sumSquaresI32AVX512(x)
	case AVX2:
		return sumSquaresI32AVX2(x)
	}
	return sumSquaresI32Go(x)
}

func sumSquaresI64(x []int64) int64 {
	if streams(len(x), 8) {
		// AVX2 has no Stream variant here: its plain kernel already has
		// the Stream shape (4 accumulators; streamShape in asm/_gen/reduce).
		return rdSum(x, rdForward, byTier(sumSquaresI64AVX512Stream, sumSquaresI64AVX2, sumSquaresI64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdSum(x, rdAlternate(p), sumSquaresI64Piece)
	}
	return sumSquaresI64Piece(x)
}

// sumSquaresI64Piece is sumSquaresI64 on at most MaxStep elements, in one piece.
func sumSquaresI64Piece(x []int64) int64 {
	switch active {
	case AVX512:
		return sumSquaresI64AVX512(x)
	case AVX2:
		return sumSquaresI64AVX2(x)
	}
	return sumSquaresI64Go(x)
}

func dotF32(x, y []float32) float32 {
	if streams(len(x), 4) {
		return rdDotFloat(x, y, rdForward, byTier(dotF32AVX512Stream, dotF32AVX2Stream, dotF32Go))
	}
	if p := rdPlan(len(x), 2*4*len(x)); p > 0 {
		return rdDotFloat(x, y, rdAlternate(p), dotF32Piece)
	}
	return dotF32Piece(x, y)
}

// dotF32Piece is dotF32 on at most MaxStep elements, in one piece.
func dotF32Piece(x, y []float32) float32 {
	switch active {
	case AVX512:
		return dotF32AVX512(x, y)
	case AVX2:
		return dotF32AVX2(x, y)
	}
	return dotF32Go(x, y)
}

func dotF64(x, y []float64) float64 {
	if streams(len(x), 8) {
		return rdDotFloat(x, y, rdForward, byTier(dotF64AVX512Stream, dotF64AVX2Stream, dotF64Go))
	}
	if p := rdPlan(len(x), 2*8*len(x)); p > 0 {
		return rdDotFloat(x, y, rdAlternate(p), dotF64Piece)
	}
	return dotF64Piece(x, y)
}

// dotF64Piece is dotF64 on at most MaxStep elements, in one piece.
func dotF64Piece(x, y []float64) float64 {
	switch active {
	case AVX512:
		return dotF64AVX512(x, y)
	case AVX2:
		return dotF64AVX2(x, y)
	}
	return dotF64Go(x, y)
}

func dotI32(x, y []int32) int32 {
	if streams(len(x), 4) {
		return rdDot(x, y, rdForward, byTier(dotI32AVX512Stream, dotI32AVX2Stream, dotI32Go))
	}
	if p := rdPlan(len(x), 2*4*len(x)); p > 0 {
		return rdDot(x, y, rdAlternate(p), dotI32Piece)
	}
	return dotI32Piece(x, y)
}

// dotI32Piece is dotI32 on at most MaxStep elements, in one piece.
func dotI32Piece(x, y []int32) int32 {
	switch active {
	case AVX512:
		return dotI32AVX512(x, y)
	case AVX2:
		return dotI32AVX2(x, y)
	}
	return dotI32Go(x, y)
}

func dotI64(x, y []int64) int64 {
	if streams(len(x), 8) {
		return rdDot(x, y, rdForward, byTier(dotI64AVX512Stream, dotI64AVX2Stream, dotI64Go))
	}
	if p := rdPlan(len(x), 2*8*len(x)); p > 0 {
		return rdDot(x, y, rdAlternate(p), dotI64Piece)
	}
	return dotI64Piece(x, y)
}

// dotI64Piece is dotI64 on at most MaxStep elements, in one piece.
func dotI64Piece(x, y []int64) int64 {
	switch active {
	case AVX512:
		return dotI64AVX512(x, y)
	case AVX2:
		return dotI64AVX2(x, y)
	}
	return dotI64Go(x, y)
}

func minF32(x []float32) float32 {
	if streams(len(x), 4) {
		return rdMin(x, rdForward, byTier(minF32AVX512Stream, minF32AVX2Stream, minF32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minF32Piece)
	}
	return minF32Piece(x)
}

// minF32Piece is minF32 on at most MaxStep elements, in one piece.
func minF32Piece(x []float32) float32 {
	switch active {
	case AVX512:
		return rdUnlessNaN(minRangeF32AVX512(x))
	case AVX2:
		m, maybeNaN := minFastF32AVX2(x)
		return rdSettle(x, m, maybeNaN, hasNaNF32AVX2, minZeroF32)
	}
	return minF32Go(x)
}

func minF64(x []float64) float64 {
	if streams(len(x), 8) {
		return rdMin(x, rdForward, byTier(minF64AVX512Stream, minF64AVX2Stream, minF64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minF64Piece)
	}
	return minF64Piece(x)
}

// minF64Piece is minF64 on at most MaxStep elements, in one piece.
func minF64Piece(x []float64) float64 {
	switch active {
	case AVX512:
		return rdUnlessNaN(minRangeF64AVX512(x))
	case AVX2:
		m, maybeNaN := minFastF64AVX2(x)
		return rdSettle(x, m, maybeNaN, hasNaNF64AVX2, minZeroF64)
	}
	return minF64Go(x)
}

func minI32(x []int32) int32 {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minI32Piece)
	}
	return minI32Piece(x)
}

// minI32Piece is minI32 on at most MaxStep elements, in one piece.
func minI32Piece(x []int32) int32 {
	switch active {
	case AVX512:
		return minI32AVX512(x)
	case AVX2:
		return minI32AVX2(x)
	}
	return minI32Go(x)
}

func minI64(x []int64) int64 {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMin(x, rdAlternate(p), minI64Piece)
	}
	return minI64Piece(x)
}

// minI64Piece is minI64 on at most MaxStep elements, in one piece.
func minI64Piece(x []int64) int64 {
	switch active {
	case AVX512:
		return minI64AVX512(x)
	case AVX2:
		return minI64AVX2(x)
	}
	return minI64Go(x)
}

func maxF32(x []float32) float32 {
	if streams(len(x), 4) {
		return rdMax(x, rdForward, byTier(maxF32AVX512Stream, maxF32AVX2Stream, maxF32Go))
	}
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxF32Piece)
	}
	return maxF32Piece(x)
}

// maxF32Piece is maxF32 on at most MaxStep elements, in one piece.
func maxF32Piece(x []float32) float32 {
	switch active {
	case AVX512:
		return rdUnlessNaN(maxRangeF32AVX512(x))
	case AVX2:
		m, maybeNaN := maxFastF32AVX2(x)
		return rdSettle(x, m, maybeNaN, hasNaNF32AVX2, maxZeroF32)
	}
	return maxF32Go(x)
}

func maxF64(x []float64) float64 {
	if streams(len(x), 8) {
		return rdMax(x, rdForward, byTier(maxF64AVX512Stream, maxF64AVX2Stream, maxF64Go))
	}
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxF64Piece)
	}
	return maxF64Piece(x)
}

// maxF64Piece is maxF64 on at most MaxStep elements, in one piece.
func maxF64Piece(x []float64) float64 {
	switch active {
	case AVX512:
		return rdUnlessNaN(maxRangeF64AVX512(x))
	case AVX2:
		m, maybeNaN := maxFastF64AVX2(x)
		return rdSettle(x, m, maybeNaN, hasNaNF64AVX2, maxZeroF64)
	}
	return maxF64Go(x)
}

func maxI32(x []int32) int32 {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxI32Piece)
	}
	return maxI32Piece(x)
}

// maxI32Piece is maxI32 on at most MaxStep elements, in one piece.
func maxI32Piece(x []int32) int32 {
	switch active {
	case AVX512:
		return maxI32AVX512(x)
	case AVX2:
		return maxI32AVX2(x)
	}
	return maxI32Go(x)
}

func maxI64(x []int64) int64 {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMax(x, rdAlternate(p), maxI64Piece)
	}
	return maxI64Piece(x)
}

// maxI64Piece is maxI64 on at most MaxStep elements, in one piece.
func maxI64Piece(x []int64) int64 {
	switch active {
	case AVX512:
		return maxI64AVX512(x)
	case AVX2:
		return maxI64AVX2(x)
	}
	return maxI64Go(x)
}

func maxNonNaNF32(x []float32) (float32, bool) {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMaxNonNaN(x, rdAlternate(p), maxNonNaNF32Piece)
	}
	return maxNonNaNF32Piece(x)
}

// maxNonNaNF32Piece is maxNonNaNF32 on at most MaxStep elements, in one piece.
func maxNonNaNF32Piece(x []float32) (float32, bool) {
	switch active {
	case AVX512:
		return rdSettleNonNaN(x, maxNonNaNF32AVX512(x), maxZeroNaNF32, indexOfF32)
	case AVX2:
		return rdSettleNonNaN(x, maxNonNaNF32AVX2(x), maxZeroNaNF32, indexOfF32)
	}
	return maxNonNaNF32Go(x)
}

func maxNonNaNF64(x []float64) (float64, bool) {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMaxNonNaN(x, rdAlternate(p), maxNonNaNF64Piece)
	}
	return maxNonNaNF64Piece(x)
}

// maxNonNaNF64Piece is maxNonNaNF64 on at most MaxStep elements, in one piece.
func maxNonNaNF64Piece(x []float64) (float64, bool) {
	switch active {
	case AVX512:
		return rdSettleNonNaN(x, maxNonNaNF64AVX512(x), maxZeroNaNF64, indexOfF64)
	case AVX2:
		return rdSettleNonNaN(x, maxNonNaNF64AVX2(x), maxZeroNaNF64, indexOfF64)
	}
	return maxNonNaNF64Go(x)
}

// rdSettleNonNaN turns the kernel's m into MaxNonNaN's result: a zero gets
// its sign from a search for a +0 (NaNs never have its bits), and -Inf is a
// number of x only if x holds one.
func rdSettleNonNaN[F float32 | float64](x []F, m F, maxZero func([]F) F, index func([]F, F) int) (F, bool) {
	switch {
	case m == 0:
		return maxZero(x), true
	case math.IsInf(float64(m), -1):
		return m, index(x, m) >= 0
	}
	return m, true
}

// The fused min+max kernels (asm/_gen/reduce/minmax_both.go) have AVX2
// and AVX-512 forms. The AVX-512 tier runs the AVX-512 ones where the CPU
// runs 512-bit instructions at full width (wide512); on AMD Zen 4, where
// they run as two halves and AVX-512 runs only on request, the fold of both
// extremes is bound by the two ports VMINPS and VMAXPS share, and the
// AVX-512 tier keeps the AVX2 kernels for floats, int32 and uint32 (the
// latter in reduce_unsigned_amd64.go). int64 and uint64 take the AVX-512
// kernel under the AVX-512 tier on every CPU: AVX-512 has 64-bit integer
// min and max (VPMINSQ, VPMINUQ), where AVX2 compares and blends.
//
// On the Intel Xeon of the sixteenth run (bench/README), one MaxStep piece
// in L1 or L2, the AVX-512 kernel against the AVX2 one: float32 at 4Ki 121
// against 215 ns, at 32Ki 0.98 against 1.80 µs (float64 alike); int32 the
// same at 4Ki, 1.33 against 1.52 µs at 32Ki; and int64 at 32Ki 2.6 µs,
// against 3.6 µs for the AVX-512 Min and Max kernels in turn. Those two
// passes, the best choice before it, gave float32 178 ns at 4Ki. The float
// AVX-512 kernels have since moved to VRANGEPS (minMaxRange<T>AVX512, 131
// ns for float32 at 4Ki), which settles a zero's sign in the loop where
// the VMINPS one took a second pass (270 ns when the min is a zero).

// wide512 reports whether the CPU runs 512-bit instructions at full
// width: AVX-512 is its default tier (preferred in tier.go).
var wide512 = defaultTier == AVX512

func minMaxF32(x []float32) (float32, float32) {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxF32Piece)
	}
	return minMaxF32Piece(x)
}

// minMaxF32Piece is minMaxF32 on at most MaxStep elements, in one piece.
func minMaxF32Piece(x []float32) (float32, float32) {
	var lo, hi float32
	var maybeNaN bool
	switch {
	case active == PureGo:
		return minMaxF32Go(x)
	case active == AVX512 && wide512:
		lo, hi, nan := minMaxRangeF32AVX512(x)
		return rdUnlessNaN(lo, nan), rdUnlessNaN(hi, nan)
	default:
		lo, hi, maybeNaN = minMaxF32AVX2(x)
	}
	return rdSettleBoth(x, lo, hi, maybeNaN, hasNaNF32AVX2, minZeroF32, maxZeroF32)
}

func minMaxF64(x []float64) (float64, float64) {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxF64Piece)
	}
	return minMaxF64Piece(x)
}

// minMaxF64Piece is minMaxF64 on at most MaxStep elements, in one piece.
func minMaxF64Piece(x []float64) (float64, float64) {
	var lo, hi float64
	var maybeNaN bool
	switch {
	case active == PureGo:
		return minMaxF64Go(x)
	case active == AVX512 && wide512:
		lo, hi, nan := minMaxRangeF64AVX512(x)
		return rdUnlessNaN(lo, nan), rdUnlessNaN(hi, nan)
	default:
		lo, hi, maybeNaN = minMaxF64AVX2(x)
	}
	return rdSettleBoth(x, lo, hi, maybeNaN, hasNaNF64AVX2, minZeroF64, maxZeroF64)
}

func minMaxI32(x []int32) (int32, int32) {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxI32Piece)
	}
	return minMaxI32Piece(x)
}

// minMaxI32Piece is minMaxI32 on at most MaxStep elements, in one piece.
func minMaxI32Piece(x []int32) (int32, int32) {
	switch {
	case active == PureGo:
		return minMaxI32Go(x)
	case active == AVX512 && wide512:
		return minMaxI32AVX512(x)
	}
	return minMaxI32AVX2(x)
}

func minMaxI64(x []int64) (int64, int64) {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdMinMax(x, rdAlternate(p), minMaxI64Piece)
	}
	return minMaxI64Piece(x)
}

// minMaxI64Piece is minMaxI64 on at most MaxStep elements, in one piece.
func minMaxI64Piece(x []int64) (int64, int64) {
	switch active {
	case PureGo:
		return minMaxI64Go(x)
	case AVX512:
		return minMaxI64AVX512(x)
	}
	return minMaxI64AVX2(x)
}

func lastIndexOfF32(x []float32, v float32) int {
	if len(x) > MaxStep {
		return rdStepLastIndex(x, v, lastIndexOfF32)
	}
	switch active {
	case AVX512:
		return lastIndexOfF32AVX512(x, v)
	case AVX2:
		return lastIndexOfF32AVX2(x, v)
	}
	return lastIndexOfF32Go(x, v)
}

func lastIndexOfF64(x []float64, v float64) int {
	if len(x) > MaxStep {
		return rdStepLastIndex(x, v, lastIndexOfF64)
	}
	switch active {
	case AVX512:
		return lastIndexOfF64AVX512(x, v)
	case AVX2:
		return lastIndexOfF64AVX2(x, v)
	}
	return lastIndexOfF64Go(x, v)
}

func lastIndexOfI32(x []int32, v int32) int {
	if len(x) > MaxStep {
		return rdStepLastIndex(x, v, lastIndexOfI32)
	}
	switch active {
	case AVX512:
		return lastIndexOfI32AVX512(x, v)
	case AVX2:
		return lastIndexOfI32AVX2(x, v)
	}
	return lastIndexOfI32Go(x, v)
}

func lastIndexOfI64(x []int64, v int64) int {
	if len(x) > MaxStep {
		return rdStepLastIndex(x, v, lastIndexOfI64)
	}
	switch active {
	case AVX512:
		return lastIndexOfI64AVX512(x, v)
	case AVX2:
		return lastIndexOfI64AVX2(x, v)
	}
	return lastIndexOfI64Go(x, v)
}

func indexOfF32(x []float32, v float32) int {
	if len(x) > MaxStep {
		return rdStepIndex(x, v, indexOfF32)
	}
	switch active {
	case AVX512:
		return indexOfF32AVX512(x, v)
	case AVX2:
		return indexOfF32AVX2(x, v)
	}
	return indexOfF32Go(x, v)
}

func indexOfF64(x []float64, v float64) int {
	if len(x) > MaxStep {
		return rdStepIndex(x, v, indexOfF64)
	}
	switch active {
	case AVX512:
		return indexOfF64AVX512(x, v)
	case AVX2:
		return indexOfF64AVX2(x, v)
	}
	return indexOfF64Go(x, v)
}

func indexOfI32(x []int32, v int32) int {
	if len(x) > MaxStep {
		return rdStepIndex(x, v, indexOfI32)
	}
	switch active {
	case AVX512:
		return indexOfI32AVX512(x, v)
	case AVX2:
		return indexOfI32AVX2(x, v)
	}
	return indexOfI32Go(x, v)
}

func indexOfI64(x []int64, v int64) int {
	if len(x) > MaxStep {
		return rdStepIndex(x, v, indexOfI64)
	}
	switch active {
	case AVX512:
		return indexOfI64AVX512(x, v)
	case AVX2:
		return indexOfI64AVX2(x, v)
	}
	return indexOfI64Go(x, v)
}

func countF32(x []float32, v float32) int {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdCount(x, v, rdAlternate(p), countF32Piece)
	}
	return countF32Piece(x, v)
}

// countF32Piece is countF32 on at most MaxStep elements, in one piece.
func countF32Piece(x []float32, v float32) int {
	switch active {
	case AVX512:
		return countF32AVX512(x, v)
	case AVX2:
		return countF32AVX2(x, v)
	}
	return countF32Go(x, v)
}

func countF64(x []float64, v float64) int {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdCount(x, v, rdAlternate(p), countF64Piece)
	}
	return countF64Piece(x, v)
}

// countF64Piece is countF64 on at most MaxStep elements, in one piece.
func countF64Piece(x []float64, v float64) int {
	switch active {
	case AVX512:
		return countF64AVX512(x, v)
	case AVX2:
		return countF64AVX2(x, v)
	}
	return countF64Go(x, v)
}

func countI32(x []int32, v int32) int {
	if p := rdPlan(len(x), 4*len(x)); p > 0 {
		return rdCount(x, v, rdAlternate(p), countI32Piece)
	}
	return countI32Piece(x, v)
}

// countI32Piece is countI32 on at most MaxStep elements, in one piece.
func countI32Piece(x []int32, v int32) int {
	switch active {
	case AVX512:
		return countI32AVX512(x, v)
	case AVX2:
		return countI32AVX2(x, v)
	}
	return countI32Go(x, v)
}

func countI64(x []int64, v int64) int {
	if p := rdPlan(len(x), 8*len(x)); p > 0 {
		return rdCount(x, v, rdAlternate(p), countI64Piece)
	}
	return countI64Piece(x, v)
}

// countI64Piece is countI64 on at most MaxStep elements, in one piece.
func countI64Piece(x []int64, v int64) int {
	switch active {
	case AVX512:
		return countI64AVX512(x, v)
	case AVX2:
		return countI64AVX2(x, v)
	}
	return countI64Go(x, v)
}

func xorU64(x []uint64) uint64 {
	if len(x) > MaxStep {
		return rdStepXor(x, xorU64)
	}
	switch active {
	case AVX512:
		return xorU64AVX512(x)
	case AVX2:
		return xorU64AVX2(x)
	}
	return xorU64Go(x)
}

// The AVX2 float min/max run a fast kernel first. Its result is exact unless
// x holds a NaN or the result is a zero, whose sign it may get wrong. Its
// flag is set whenever x holds a NaN, never when x is finite, and sometimes
// when x holds infinities; only then does a search for a NaN run, at the
// speed of a sum. Without a NaN the fast result stands, infinities included.
//
// A zero result is settled by one more pass, the OR (AND) of the bit
// patterns, at the speed of the loads. When the minimum of a NaN-free x is
// a zero, no element is below zero, so the only elements with the sign bit
// set are -0s: the minimum is -0 exactly when x holds one. Likewise a zero
// maximum is +0 exactly when x holds a +0.

// rdSettle turns the fast kernel's result m into Go's min or max of x: NaN
// when the flag is up and hasNaN finds one, zero(x) (the zero of the right
// sign) when m is a zero, else m.
func rdSettle[F float32 | float64](x []F, m F, maybeNaN bool, hasNaN func([]F) bool, zero func([]F) F) F {
	switch {
	case maybeNaN && hasNaN(x):
		return F(math.NaN())
	case m == 0:
		return zero(x)
	}
	return m
}

// rdSettleBoth settles the fused kernel's lo and hi as rdSettle settles one
// of them: both NaN when the flag is up and hasNaN finds one, else each zero
// replaced by the zero of the right sign.
func rdSettleBoth[F float32 | float64](x []F, lo, hi F, maybeNaN bool, hasNaN func([]F) bool, minZero, maxZero func([]F) F) (F, F) {
	if maybeNaN && hasNaN(x) {
		nan := F(math.NaN())
		return nan, nan
	}
	if lo == 0 {
		lo = minZero(x)
	}
	if hi == 0 {
		hi = maxZero(x)
	}
	return lo, hi
}

// minZeroF32 and the others give a zero fold result its sign: x's min
// (max) is a zero and x holds no NaN, so its only elements with the sign bit
// set are -0s (its only ones without it are +0s), and the OR (AND) of the
// bit patterns tells whether there is one. For 4Ki elements in L1 that
// pass adds half to two thirds of the fold's time (BenchmarkMinZero).
func minZeroF32(x []float32) float32 {
	if orI32AVX2(rdBits32(x)) < 0 {
		return float32(math.Copysign(0, -1))
	}
	return 0
}

func maxZeroF32(x []float32) float32 {
	if andI32AVX2(rdBits32(x)) < 0 {
		return float32(math.Copysign(0, -1))
	}
	return 0
}

func minZeroF64(x []float64) float64 {
	if orI64AVX2(rdBits64(x)) < 0 {
		return math.Copysign(0, -1)
	}
	return 0
}

func maxZeroF64(x []float64) float64 {
	if andI64AVX2(rdBits64(x)) < 0 {
		return math.Copysign(0, -1)
	}
	return 0
}

// maxZeroNaNF32 and maxZeroNaNF64 are maxZeroF32 and maxZeroF64 for an x
// that may hold NaNs, whose sign bits say nothing: a search for the bits of
// +0 (which no NaN has), for MaxNonNaN's zero.
func maxZeroNaNF32(x []float32) float32 {
	if indexOfI32AVX2(rdBits32(x), 0) >= 0 {
		return 0
	}
	return float32(math.Copysign(0, -1))
}

func maxZeroNaNF64(x []float64) float64 {
	if indexOfI64AVX2(rdBits64(x), 0) >= 0 {
		return 0
	}
	return math.Copysign(0, -1)
}

// rdBits32 and rdBits64 view x's elements as their bit patterns.
func rdBits32(x []float32) []int32 {
	return unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

func rdBits64(x []float64) []int64 {
	return unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

// rdUnlessNaN returns m, or NaN if the kernel saw one.
func rdUnlessNaN[F float32 | float64](m F, nan bool) F {
	if nan {
		return F(math.NaN())
	}
	return m
}

// The float min/max stream kernels, settled as the plain ones are, for
// one piece of at most MaxStep elements. They run through func values (an
// ABI wrapper, ~2 ns a call), nothing next to a piece out of DRAM.
var (
	minF32AVX512Stream = unlessNaN(minRangeF32AVX512Stream)
	minF64AVX512Stream = unlessNaN(minRangeF64AVX512Stream)
	maxF32AVX512Stream = unlessNaN(maxRangeF32AVX512Stream)
	maxF64AVX512Stream = unlessNaN(maxRangeF64AVX512Stream)
	minF32AVX2Stream   = settled(minFastF32AVX2Stream, hasNaNF32AVX2, minZeroF32)
	minF64AVX2Stream   = settled(minFastF64AVX2Stream, hasNaNF64AVX2, minZeroF64)
	maxF32AVX2Stream   = settled(maxFastF32AVX2Stream, hasNaNF32AVX2, maxZeroF32)
	maxF64AVX2Stream   = settled(maxFastF64AVX2Stream, hasNaNF64AVX2, maxZeroF64)
)

// unlessNaN wraps an AVX-512 range kernel as func([]F) F (see rdUnlessNaN).
func unlessNaN[F float32 | float64](k func([]F) (F, bool)) func([]F) F {
	return func(x []F) F { return rdUnlessNaN(k(x)) }
}

// settled wraps an AVX2 fast kernel as func([]F) F (see rdSettle).
func settled[F float32 | float64](fast func([]F) (F, bool), hasNaN func([]F) bool, zero func([]F) F) func([]F) F {
	return func(x []F) F {
		m, maybeNaN := fast(x)
		return rdSettle(x, m, maybeNaN, hasNaN, zero)
	}
}
