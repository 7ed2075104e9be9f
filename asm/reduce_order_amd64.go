//go:build amd64 && !purego

package asm

import (
	"iter"
	"sync/atomic"

	"github.com/klauspost/cpuid/v2"

	"github.com/hpgo/hpgo/internal/sched"
)

// The order a reduction reads its input in.
//
// A call that reads an input too large for a cache from its first byte to
// its last leaves the cache holding the input's tail. The next such call on
// the same input then evicts each line just before it needs it, and reads
// everything from the next level again. Read from the last byte to the
// first, the next call starts with the tail and finds it in the cache.
//
// So the reductions whose result the order of reading cannot change cut
// such inputs in pieces (rdPlan), and read the pieces first to last and
// last to first on alternate calls (rdAlternate):
//   - inputs of more than MaxStep elements (128 or 256 KiB and more) in
//     MaxStep pieces, up to streamMin bytes for the reductions with Stream
//     kernels and at any size for the others; those larger than a core's
//     L2 gain;
//   - inputs of at most MaxStep elements that read between one and two
//     times the L1 data cache, in four pieces. At 2.7 times it still gained
//     10%, but the bound keeps whole a MaxStep block of float32 (128 KiB)
//     on an L1 of up to 48 KiB: parallel.MinElement reads its input in such
//     blocks, each once. Cutting them made it 1.5% slower under Par at
//     16Mi float32 (benchstat, p = 0.016); without the cut, no change.
//
// Sums, sums of squares and dots of floats keep the pieces' partial sums
// and add them first to last whatever order they were computed in
// (rdSumFloat); integer sums wrap, and counts, min, max, MinMax and
// MaxNonNaN are exact, so they fold the pieces as they come. Within a piece
// the kernel reads forward, as the hardware prefetchers like best. The
// Stream kernels (DRAM-sized inputs, streamMin) read forward only.
//
// Outside a parallel call the direction is one flag for the whole process:
// calls on other inputs, or on other goroutines, turn it too, and then a
// call may read an input the way the last call on it did. That costs
// nothing but the gain. A chunk of a parallel call (backend/cpu's
// MapChunks) reads in the direction in which that call walks its chunks,
// which alternates from call to call (sched.CurrentDirection): a call then
// reads the whole input in the reverse order of the last, chunks and
// pieces alike, whichever worker runs which chunk.
//
// A call on an input no cache holds gains nothing and loses nothing but the
// piece loop; calls that read the same input again gain what the cache
// keeps of it. Measured on the Intel Xeon of bench/README (48 KiB L1d, 2 MiB
// L2), one goroutine, AVX-512 tier, the same input read again and again, µs
// a call, forward every time against alternating:
//   - SumF64 over 256Ki (2 MiB): 29.5 against 21.5; over 512Ki: 97 against 70;
//   - DotF64 over 2×256Ki (4 MiB): 126 against 88;
//   - DotF64 over 2×4Ki (64 KiB), four pieces: 0.48 against 0.32; over
//     2×6Ki (96 KiB): 0.72 against 0.57; over 2×8Ki (128 KiB, not cut
//     now): 0.95 against 0.86.

// rdCut says how a reduction cuts its input: in pieces of piece elements
// (the last one shorter), read last to first when back.
type rdCut struct {
	piece int
	back  bool
}

// rdForward reads MaxStep pieces first to last, as the Stream kernels do.
var rdForward = rdCut{piece: MaxStep}

// rdMaxPieces is the most pieces whose partial sums the float sums keep on
// the stack: a non-stream input (below streamMin, at most 16 MiB) has at
// most 128 MaxStep pieces of float32.
const rdMaxPieces = 128

// l1Data is the L1 data cache's size in bytes (32 KiB where cpuid cannot
// tell).
var l1Data = cacheOr(cpuid.CPU.Cache.L1D, 32<<10)

func cacheOr(size, unknown int) int {
	if size <= 0 {
		return unknown
	}
	return size
}

// rdDirection is the direction the next cut input is read in: last to first
// when true.
var rdDirection atomic.Bool

// rdBackward reports whether this call reads its pieces last to first: as
// the parallel call whose chunk this is walks its chunks, or else as the
// process-wide flag says, which it turns round for the next call. Calls on
// other goroutines may read the same direction at once; it changes only
// their speed.
func rdBackward() bool {
	switch sched.CurrentDirection() {
	case sched.Forward:
		return false
	case sched.Backward:
		return true
	}
	b := rdDirection.Load()
	rdDirection.Store(!b)
	return b
}

// rdPlan returns the length of the pieces a reduction over n elements that
// reads bytes bytes in all, below streamMin, cuts its input in, or 0 where
// it reads it as one piece. The pure-Go tier cuts only MaxStep pieces, as
// its twins do, so that it gives the twins' results.
func rdPlan(n, bytes int) int {
	if n > MaxStep {
		return MaxStep
	}
	if bytes > l1Data && bytes <= 2*l1Data && active != PureGo {
		return ((n+3)/4 + 63) &^ 63
	}
	return 0
}

// rdAlternate cuts in pieces of piece elements, read in the direction
// rdBackward gives.
func rdAlternate(piece int) rdCut { return rdCut{piece: piece, back: rdBackward()} }

// pieces yields the bounds of c's pieces of [0, n), in c's order.
func (c rdCut) pieces(n int) iter.Seq2[int, int] {
	return func(yield func(lo, hi int) bool) {
		if n <= 0 {
			return
		}
		if !c.back {
			for lo := 0; lo < n; lo += c.piece {
				if !yield(lo, min(n, lo+c.piece)) {
					return
				}
			}
			return
		}
		for lo := (n - 1) / c.piece * c.piece; lo >= 0; lo -= c.piece {
			if !yield(lo, min(n, lo+c.piece)) {
				return
			}
		}
	}
}

// rdPartials returns f's results on c's pieces of [0, n), computed in c's
// order and kept in the pieces' order: in buf where it is long enough.
func rdPartials[R any](buf []R, n int, c rdCut, f func(lo, hi int) R) []R {
	np := (n + c.piece - 1) / c.piece
	parts := buf[:0]
	if np <= len(buf) {
		parts = buf[:np]
	} else {
		parts = make([]R, np)
	}
	for lo, hi := range c.pieces(n) {
		parts[lo/c.piece] = f(lo, hi)
	}
	return parts
}
