package parallel_test

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"unsafe"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/parallel"
)

// The sort benchmarks re-fill the input from a pristine copy before every
// iteration, with the timer stopped. Names are key=value for benchstat:
// compare policy=par with impl=slices.* at the same type and n.
//
//	go test ./parallel -run '^$' -bench 'Sort' -count 5 -benchtime 3x

const (
	sortBenchN     = 1 << 24 // Sort of numbers
	sortBenchFuncN = 1 << 22 // StableSort and the comparison sorts
)

var sortBenchPolicies = []struct {
	name string
	p    execution.Policy
}{
	{"seq", execution.Seq},
	{"par", execution.Par},
}

// sortBenchRun times sort on a fresh copy of in per iteration.
func sortBenchRun[T any](b *testing.B, in []T, sort func([]T)) {
	xs := make([]T, len(in))
	b.SetBytes(int64(len(in)) * int64(unsafe.Sizeof(in[0])))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		copy(xs, in)
		b.StartTimer()
		sort(xs)
	}
}

func sortBenchInts(n int) []int64 {
	r := rand.New(rand.NewPCG(1, 2))
	xs := make([]int64, n)
	for i := range xs {
		xs[i] = int64(r.Uint64())
	}
	return xs
}

// sortBenchFloats are normally distributed, so they cluster in a few
// exponents and use both signs.
func sortBenchFloats(n int) []float64 {
	r := rand.New(rand.NewPCG(3, 4))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = r.NormFloat64() * 1e6
	}
	return xs
}

func BenchmarkSort(b *testing.B) {
	benchType := func(b *testing.B, typ string, n int, run func(b *testing.B, p *execution.Policy)) {
		prefix := "type=" + typ + "/n=" + strconv.Itoa(n)
		for _, bp := range sortBenchPolicies {
			b.Run(prefix+"/policy="+bp.name, func(b *testing.B) { run(b, &bp.p) })
		}
		b.Run(prefix+"/impl=slices.Sort", func(b *testing.B) { run(b, nil) })
	}
	ints := sortBenchInts(sortBenchN)
	benchType(b, "int64", sortBenchN, func(b *testing.B, p *execution.Policy) {
		if p == nil {
			sortBenchRun(b, ints, slices.Sort[[]int64])
			return
		}
		sortBenchRun(b, ints, func(xs []int64) { parallel.Sort(*p, xs) })
	})
	floats := sortBenchFloats(sortBenchN)
	benchType(b, "float64", sortBenchN, func(b *testing.B, p *execution.Policy) {
		if p == nil {
			sortBenchRun(b, floats, slices.Sort[[]float64])
			return
		}
		sortBenchRun(b, floats, func(xs []float64) { parallel.Sort(*p, xs) })
	})
	r := rand.New(rand.NewPCG(5, 6))
	strs := make([]string, sortBenchFuncN/4)
	for i := range strs {
		strs[i] = strconv.FormatUint(r.Uint64(), 36)
	}
	benchType(b, "string", len(strs), func(b *testing.B, p *execution.Policy) {
		if p == nil {
			sortBenchRun(b, strs, slices.Sort[[]string])
			return
		}
		sortBenchRun(b, strs, func(xs []string) { parallel.Sort(*p, xs) })
	})
}

func BenchmarkStableSort(b *testing.B) {
	floats := sortBenchFloats(sortBenchFuncN)
	// A zero in every 64: the stable sort keeps them in input order.
	for i := 0; i < len(floats); i += 64 {
		floats[i] = math.Copysign(0, float64(i%128)-1)
	}
	prefix := "type=float64/n=" + strconv.Itoa(sortBenchFuncN)
	for _, bp := range sortBenchPolicies {
		b.Run(prefix+"/policy="+bp.name, func(b *testing.B) {
			sortBenchRun(b, floats, func(xs []float64) { parallel.StableSort(bp.p, xs) })
		})
	}
	b.Run(prefix+"/impl=slices.SortStableFunc", func(b *testing.B) {
		sortBenchRun(b, floats, func(xs []float64) { slices.SortStableFunc(xs, cmp.Compare[float64]) })
	})
}

// sortBenchRecord is a record sorted by key, as SortFunc is typically used.
type sortBenchRecord struct {
	key  int64
	name string
}

func sortBenchRecords(n, distinct int) []sortBenchRecord {
	r := rand.New(rand.NewPCG(7, 8))
	xs := make([]sortBenchRecord, n)
	for i := range xs {
		xs[i] = sortBenchRecord{key: r.Int64N(int64(distinct)), name: "x"}
	}
	return xs
}

func byRecordKey(a, b sortBenchRecord) int { return cmp.Compare(a.key, b.key) }

func BenchmarkSortFunc(b *testing.B) {
	ints := sortBenchInts(sortBenchFuncN)
	intCmp := func(a, b int64) int { return cmp.Compare(a, b) }
	prefix := "type=int64/n=" + strconv.Itoa(sortBenchFuncN)
	for _, bp := range sortBenchPolicies {
		b.Run(prefix+"/policy="+bp.name, func(b *testing.B) {
			sortBenchRun(b, ints, func(xs []int64) { parallel.SortFunc(bp.p, xs, intCmp) })
		})
	}
	b.Run(prefix+"/impl=slices.SortFunc", func(b *testing.B) {
		sortBenchRun(b, ints, func(xs []int64) { slices.SortFunc(xs, intCmp) })
	})
	recs := sortBenchRecords(sortBenchFuncN, sortBenchFuncN)
	prefix = "type=record/n=" + strconv.Itoa(sortBenchFuncN)
	for _, bp := range sortBenchPolicies {
		b.Run(prefix+"/policy="+bp.name, func(b *testing.B) {
			sortBenchRun(b, recs, func(xs []sortBenchRecord) { parallel.SortFunc(bp.p, xs, byRecordKey) })
		})
	}
	b.Run(prefix+"/impl=slices.SortFunc", func(b *testing.B) {
		sortBenchRun(b, recs, func(xs []sortBenchRecord) { slices.SortFunc(xs, byRecordKey) })
	})
}

func BenchmarkStableSortFunc(b *testing.B) {
	recs := sortBenchRecords(sortBenchFuncN, sortBenchFuncN/16)
	prefix := "type=record/n=" + strconv.Itoa(sortBenchFuncN)
	for _, bp := range sortBenchPolicies {
		b.Run(prefix+"/policy="+bp.name, func(b *testing.B) {
			sortBenchRun(b, recs, func(xs []sortBenchRecord) { parallel.StableSortFunc(bp.p, xs, byRecordKey) })
		})
	}
	b.Run(prefix+"/impl=slices.SortStableFunc", func(b *testing.B) {
		sortBenchRun(b, recs, func(xs []sortBenchRecord) { slices.SortStableFunc(xs, byRecordKey) })
	})
}
