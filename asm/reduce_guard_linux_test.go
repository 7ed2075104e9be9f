//go:build linux

package asm

import (
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"unsafe"
)

// rdGuarded maps pages of readable memory between two inaccessible pages,
// so that reading a byte before or after them faults.
func rdGuarded(t *testing.T, pages int) []byte {
	t.Helper()
	ps := os.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, (pages+2)*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[:ps], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	if err := syscall.Mprotect(mem[(pages+1)*ps:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	return mem[ps : (pages+1)*ps]
}

// rdAt returns n elements of T starting at the head of data, or ending at
// its end.
func rdAt[T any](data []byte, n int, atEnd bool) []T {
	size := int(unsafe.Sizeof(*new(T)))
	off := 0
	if atEnd {
		off = len(data) - n*size
	}
	return unsafe.Slice((*T)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(data)), off)), n)
}

// TestReduceNoReadsOutside puts inputs flush against inaccessible pages: a
// kernel that reads one element before or after its input crashes the test.
// The masked tails must not touch the lanes they leave out.
func TestReduceNoReadsOutside(t *testing.T) {
	a, b := rdGuarded(t, 2), rdGuarded(t, 2)
	r := rand.New(rand.NewPCG(13, 14))
	for i := range a {
		a[i], b[i] = byte(r.Uint32()), byte(r.Uint32())
	}
	// Keep the float values tame: random bytes make NaNs and huge values,
	// which the test handles but which would make it check less.
	fa, fb := rdAt[float32](a, len(a)/4, false), rdAt[float32](b, len(b)/4, false)
	for i := range fa {
		fa[i], fb[i] = rdFiniteFloat[float32](r), rdFiniteFloat[float32](r)
	}
	ps := os.Getpagesize()
	eachTierLoop(t, func(t *testing.T) {
		for n := 0; n <= 300; n++ {
			for _, end := range []bool{false, true} {
				x32, y32 := rdAt[float32](a, n, end), rdAt[float32](b, n, end)
				rdCheckFloats(t, rdF32, x32, y32, []float32{3.5e30})
				x64, y64 := rdAt[float64](a, n, end), rdAt[float64](b, n, end)
				// Reinterpreted float32 pairs: arbitrary but finite-heavy.
				rdCheckFloats(t, rdF64, x64, y64, []float64{3.5e300})
				rdCheckInts(t, rdI32, rdAt[int32](a, n, end), rdAt[int32](b, n, end), []int32{0x7eadbeef})
				rdCheckInts(t, rdI64, rdAt[int64](a, n, end), rdAt[int64](b, n, end), []int64{0x7eadbeef})
				rdCheckXor(t, rdAt[uint64](a, n, end))
				if n > 0 {
					checkUnsigned(t, rdAt[uint32](a, n, end), rdAt[uint64](a, n, end))
				}
			}
		}
		// Whole pages, aligned both ways.
		n := ps / 4
		rdCheckFloats(t, rdF32, rdAt[float32](a, 2*n, false), rdAt[float32](b, 2*n, true), nil)
	})
}
