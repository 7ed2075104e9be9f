package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

type rdUnsigned interface{ ~uint32 | ~uint64 }

// TestReduceUnsigned checks MinU32, MaxU32, MinMaxU32 and their uint64
// forms against the loops on every tier, at every length up to 300 and
// start offsets 0 to 7, and across MaxStep pieces: on random bits, on
// values either side of the top bit (where a signed compare gets the order
// backwards), and with a lone extreme at every position of inputs that
// would hide it from a signed compare.
func TestReduceUnsigned(t *testing.T) {
	eachTierLoop(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(51, 52))
		b32, b64 := make([]uint32, 300+8), make([]uint64, 300+8)
		for n := 1; n <= 300; n++ {
			for off := range 8 {
				x32, x64 := b32[off:off+n], b64[off:off+n]
				for i := range n {
					x32[i], x64[i] = r.Uint32(), r.Uint64()
				}
				checkUnsigned(t, x32, x64)
				for i := range n { // either side of the top bit
					x32[i] = math.MaxInt32 + uint32(r.IntN(3)) - 1
					x64[i] = math.MaxInt64 + uint64(r.IntN(3)) - 1
				}
				checkUnsigned(t, x32, x64)
			}
			x32, x64 := b32[:n], b64[:n]
			for p := range n {
				// All at the top bit but one just below it (the least) ...
				for i := range n {
					x32[i], x64[i] = 1<<31, 1<<63
				}
				x32[p], x64[p] = 1<<31-1, 1<<63-1
				checkUnsigned(t, x32, x64)
				// ... and all below it but one at the top (the greatest).
				for i := range n {
					x32[i], x64[i] = 1<<31-1, 1<<63-1
				}
				x32[p], x64[p] = math.MaxUint32, math.MaxUint64
				checkUnsigned(t, x32, x64)
			}
		}
		for _, n := range []int{MaxStep - 1, MaxStep, MaxStep + 1, 2*MaxStep + 3} {
			x32, x64 := make([]uint32, n), make([]uint64, n)
			for i := range n {
				x32[i], x64[i] = r.Uint32()|1<<31, r.Uint64()|1<<63
			}
			x32[r.IntN(n)], x64[r.IntN(n)] = 7, 7
			checkUnsigned(t, x32, x64)
		}
	})
}

func checkUnsigned(t *testing.T, x32 []uint32, x64 []uint64) {
	t.Helper()
	checkUnsignedOf(t, x32, MinU32, MaxU32, MinMaxU32)
	checkUnsignedOf(t, x64, MinU64, MaxU64, MinMaxU64)
}

func checkUnsignedOf[T rdUnsigned](t *testing.T, x []T, minK, maxK func([]T) T, minMaxK func([]T) (T, T)) {
	t.Helper()
	lo, hi := rdMinMaxLoop(x)
	if got := minK(x); got != lo {
		t.Fatalf("%T min (n=%d) = %#x, want %#x", x, len(x), got, lo)
	}
	if got := maxK(x); got != hi {
		t.Fatalf("%T max (n=%d) = %#x, want %#x", x, len(x), got, hi)
	}
	if gotLo, gotHi := minMaxK(x); gotLo != lo || gotHi != hi {
		t.Fatalf("%T minmax (n=%d) = (%#x, %#x), want (%#x, %#x)", x, len(x), gotLo, gotHi, lo, hi)
	}
}
