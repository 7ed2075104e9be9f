package parallel_test

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hpgo/hpgo/execution"
)

// sortFuzzPolicy picks one of the policies from a fuzzed byte.
func sortFuzzPolicy(b byte) execution.Policy {
	ps := sortPolicies
	return ps[int(b)%len(ps)]
}

// sortFuzzWords turns fuzz input into n 64-bit words: the raw bytes, 8 at
// a time and cycled, mixed by mode with random words from seed, so that
// short inputs still reach the radix and merge sort sizes.
func sortFuzzWords(raw []byte, seed uint64, n int, mode byte) []uint64 {
	r := rand.New(rand.NewPCG(seed, uint64(mode)))
	var words []uint64
	for len(raw) >= 8 {
		words = append(words, binary.LittleEndian.Uint64(raw))
		raw = raw[8:]
	}
	if len(raw) > 0 {
		var b [8]byte
		copy(b[:], raw)
		words = append(words, binary.LittleEndian.Uint64(b[:]))
	}
	out := make([]uint64, n)
	for i := range out {
		var w uint64
		if len(words) > 0 {
			w = words[i%len(words)]
		}
		switch mode % 4 {
		case 0: // the raw words, cycled: many duplicates
		case 1: // raw words with random low bits
			w ^= r.Uint64() >> (r.IntN(64) | 8)
		case 2: // random
			w = r.Uint64()
		case 3: // few distinct values taken from the raw words
			if len(words) > 0 {
				w = words[r.IntN(min(len(words), 4))]
			}
		}
		out[i] = w
	}
	return out
}

func sortFuzzSeeds(f *testing.F) {
	special := make([]byte, 0, 64)
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), -1, 1, math.SmallestNonzeroFloat64} {
		special = binary.LittleEndian.AppendUint64(special, math.Float64bits(x))
	}
	special = binary.LittleEndian.AppendUint64(special, 0xFFF8000000000001) // -NaN with a payload
	f.Add(special, uint64(1), uint16(0), byte(0), byte(2))
	f.Add(special, uint64(2), uint16(1<<14+1), byte(1), byte(2))
	f.Add(special, uint64(3), uint16(1<<14+7), byte(3), byte(4))
	f.Add([]byte("hpgo sorts"), uint64(4), uint16(40000), byte(2), byte(3))
	f.Add([]byte{1, 2, 3}, uint64(5), uint16(1<<14-1), byte(0), byte(0))
	f.Add([]byte{}, uint64(6), uint16(3), byte(2), byte(5))
	f.Add([]byte{0xff, 0x7f}, uint64(7), uint16(20000), byte(1), byte(6))
	f.Add(special, uint64(8), uint16(9000), byte(1), byte(8))
}

// FuzzSortParVsSlices checks Sort and StableSort under a fuzzed policy
// against slices.Sort and slices.SortStableFunc, for floats, integers of
// several widths and strings.
func FuzzSortParVsSlices(f *testing.F) {
	sortFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte, seed uint64, n uint16, mode, pol byte) {
		if raceOn {
			n %= 1 << 15
		}
		p := sortFuzzPolicy(pol)
		words := sortFuzzWords(raw, seed, int(n), mode)
		f64 := make([]float64, len(words))
		f32 := make([]float32, len(words))
		i64 := make([]int64, len(words))
		u16 := make([]uint16, len(words))
		str := make([]string, len(words)/4)
		for i, w := range words {
			f64[i] = math.Float64frombits(w)
			f32[i] = math.Float32frombits(uint32(w >> 32))
			i64[i] = int64(w)
			u16[i] = uint16(w)
		}
		for i := range str {
			str[i] = string(binary.LittleEndian.AppendUint64(nil, words[i])[:words[i]%9])
		}
		ps := []execution.Policy{p}
		checkSorts(t, "float64", ps, f64)
		checkSorts(t, "float32", ps, f32)
		checkSorts(t, "int64", ps, i64)
		checkSorts(t, "uint16", ps, u16)
		checkSorts(t, "string", ps, str)
	})
}

// FuzzSortFuncParVsSlices checks SortFunc and StableSortFunc under a
// fuzzed policy against slices.SortFunc and slices.SortStableFunc.
func FuzzSortFuncParVsSlices(f *testing.F) {
	sortFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte, seed uint64, n uint16, mode, pol byte) {
		if raceOn {
			n %= 1 << 15
		}
		p := sortFuzzPolicy(pol)
		words := sortFuzzWords(raw, seed, int(n), mode)
		recs := make([]sortRec, len(words))
		for i, w := range words {
			recs[i] = sortRec{key: math.Float64frombits(w), idx: i}
		}
		checkSortFunc(t, p, recs)
	})
}
