package bench

import (
	"runtime"
	"sync"
)

// Inputs are built once per (length, seed) and kept until Release, so a
// benchmark never times an allocation and the sizes of a suite share them.
// Values lie in [0, 1] (a float64 just below 1 may round to a float32
// 1): every sum, sum of squares and dot product of the suite's sizes stays
// finite and well inside float32's range.
var (
	dataMu sync.Mutex
	f32s   = map[dataKey][]float32{}
	f64s   = map[dataKey][]float64{}
	u64s   = map[dataKey][]uint64{}
)

type dataKey struct {
	n    int
	seed uint64
}

// lcg is the generator the C++ peers use too (bench/peers), so both sides
// reduce the same values.
type lcg uint64

func newLCG(seed uint64) lcg { return lcg(seed*0x9E3779B97F4A7C15 + 1) }

// next returns the next value in [0, 1) with 53 random bits.
func (s *lcg) next() float64 {
	*s = *s*6364136223846793005 + 1442695040888963407
	return float64(uint64(*s)>>11) * 0x1p-53
}

func (s *lcg) nextU64() uint64 {
	*s = *s*6364136223846793005 + 1442695040888963407
	return uint64(*s)
}

// Float32s returns n float32 values in [0, 1] derived from seed; the same
// arguments give the same (shared) slice until Release. Callers must not
// modify it.
func Float32s(n int, seed uint64) []float32 {
	dataMu.Lock()
	defer dataMu.Unlock()
	k := dataKey{n, seed}
	if x, ok := f32s[k]; ok {
		return x
	}
	x := make([]float32, n)
	g := newLCG(seed)
	for i := range x {
		x[i] = float32(g.next())
	}
	f32s[k] = x
	return x
}

// Float64s is Float32s for float64.
func Float64s(n int, seed uint64) []float64 {
	dataMu.Lock()
	defer dataMu.Unlock()
	k := dataKey{n, seed}
	if x, ok := f64s[k]; ok {
		return x
	}
	x := make([]float64, n)
	g := newLCG(seed)
	for i := range x {
		x[i] = g.next()
	}
	f64s[k] = x
	return x
}

// Uint64s returns n pseudo-random uint64 values (shared, like Float32s).
func Uint64s(n int, seed uint64) []uint64 {
	dataMu.Lock()
	defer dataMu.Unlock()
	k := dataKey{n, seed}
	if x, ok := u64s[k]; ok {
		return x
	}
	x := make([]uint64, n)
	g := newLCG(seed)
	for i := range x {
		x[i] = g.nextU64()
	}
	u64s[k] = x
	return x
}

// Release drops every cached input and runs the garbage collector, returning
// the memory (a 64Mi-element float64 pair is 1 GiB).
func Release() {
	dataMu.Lock()
	clear(f32s)
	clear(f64s)
	clear(u64s)
	dataMu.Unlock()
	runtime.GC()
}
