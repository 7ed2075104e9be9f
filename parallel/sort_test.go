package parallel_test

import (
	"cmp"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/parallel"
)

// Celsius is a named float type: Sort must see through the name.
type Celsius float64

// sortPolicies are the policies every sort is checked under.
var sortPolicies = []execution.Policy{
	execution.Seq,
	execution.Unseq,
	execution.Par,
	execution.ParUnseq,
	execution.Par.With(execution.StaticChunk(1000)),
	execution.Par.With(execution.DynamicChunk(3000)),
	execution.ParUnseq.With(execution.GuidedChunk()),
	execution.Par.With(execution.AutoChunk()),
	execution.Par.On(execution.PureGo),
}

// sortBigPolicies are the policies the big inputs are checked under.
var sortBigPolicies = []execution.Policy{execution.Seq, execution.Par, execution.ParUnseq.With(execution.StaticChunk(1000))}

// sortBig is the big input length: past the radix sort's largest LSD
// bucket (2^18), so that its first pass is an MSD partition. The race
// detector makes every access several times dearer: it gets a smaller one.
var sortBig = 1<<20 + 3

func init() {
	if raceOn {
		sortBig = 1<<18 + 3
		sortBigPolicies = sortBigPolicies[1:]
	}
}

// sortSomePolicies is sortPolicies, or a part of it under the race
// detector.
func sortSomePolicies() []execution.Policy {
	if raceOn {
		return []execution.Policy{execution.Seq, execution.Par, execution.Par.With(execution.StaticChunk(1000)), execution.ParUnseq.With(execution.GuidedChunk())}
	}
	return sortPolicies
}

// sortLens straddle the thresholds: radix and merge sort start at 2^14
// and 2^13 elements.
var sortLens = []int{0, 1, 2, 3, 17, 1001, 1<<13 + 1, 1<<14 - 1, 1 << 14, 1<<14 + 1}

func sortRand(seed int) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), 0x5eed)) }

// sortSame reports whether a and b are the same value bit for bit (so
// -0 != +0 and NaN payloads count).
func sortSame[T cmp.Ordered](a, b T) bool {
	if sortIsFloat[T]() {
		return sortBits(a) == sortBits(b)
	}
	return a == b
}

func sortIsFloat[T any]() bool {
	k := reflect.TypeFor[T]().Kind()
	return k == reflect.Float32 || k == reflect.Float64
}

// sortBits returns the bits of a float (of any float type), 0 for any other
// type.
func sortBits[T cmp.Ordered](x T) uint64 {
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Float64:
		return *(*uint64)(unsafe.Pointer(&x))
	case reflect.Float32:
		return uint64(*(*uint32)(unsafe.Pointer(&x)))
	}
	return 0
}

// sortRef is what a sort of some input must give.
type sortRef[T cmp.Ordered] struct {
	in     []T
	want   []T      // slices.Sort
	stable []T      // slices.SortStableFunc with cmp.Compare
	nans   []uint64 // the bits of the NaNs in the input, sorted
	negZ   int      // how many -0 the input has
}

func newSortRef[T cmp.Ordered](xs []T) *sortRef[T] {
	r := &sortRef[T]{in: xs, want: slices.Clone(xs)}
	slices.Sort(r.want)
	// The stable order differs from slices.Sort's only in the order of the
	// NaNs (all equal) and of the zeros (-0 == +0): input order for both.
	var nans, zeros []T
	var zero T
	for _, x := range xs {
		switch {
		case x != x:
			nans = append(nans, x)
			r.nans = append(r.nans, sortBits(x))
		case x == zero && sortIsFloat[T]():
			zeros = append(zeros, x)
			if sortBits(x) != 0 {
				r.negZ++
			}
		}
	}
	slices.Sort(r.nans)
	r.stable = slices.Clone(r.want)
	copy(r.stable, nans)
	if i, found := slices.BinarySearch(r.want[len(nans):], zero); found && len(zeros) > 0 {
		copy(r.stable[len(nans)+i:], zeros)
	}
	return r
}

// checkSort runs Sort and StableSort on copies of ref.in under p and
// compares them with slices.Sort (equal under cmp.Compare, and a
// permutation) and slices.SortStableFunc (bit for bit).
func checkSort[T cmp.Ordered](t *testing.T, what string, p execution.Policy, ref *sortRef[T]) {
	t.Helper()
	got := slices.Clone(ref.in)
	parallel.Sort(p, got)
	var nans []uint64
	negZ := 0
	for i, w := range ref.want {
		g := got[i]
		if cmp.Compare(g, w) != 0 {
			t.Fatalf("%s: Sort(%v) n=%d: [%d] = %v, slices.Sort gives %v", what, p, len(got), i, g, w)
		}
		if g != g {
			nans = append(nans, sortBits(g))
		} else if sortBits(g) == 1<<63 || sortBits(g) == 1<<31 && reflect.TypeFor[T]().Kind() == reflect.Float32 {
			negZ++
		}
	}
	slices.Sort(nans)
	if !slices.Equal(nans, ref.nans) || negZ != ref.negZ {
		t.Fatalf("%s: Sort(%v) n=%d: not a permutation of the input (NaN payloads or zero signs changed)", what, p, len(got))
	}

	got = slices.Clone(ref.in)
	parallel.StableSort(p, got)
	for i, w := range ref.stable {
		if !sortSame(got[i], w) {
			t.Fatalf("%s: StableSort(%v) n=%d: [%d] = %v, slices.SortStableFunc gives %v", what, p, len(got), i, got[i], w)
		}
	}
}

// sortSpecial64 draws floats with NaNs of both signs and random payloads,
// infinities, zeros of both signs, subnormals and duplicates.
func sortSpecial64(r *rand.Rand) float64 {
	switch r.IntN(16) {
	case 0:
		return math.Float64frombits(0x7FF0000000000000 | r.Uint64()>>12 | 1)
	case 1:
		return math.Float64frombits(0xFFF0000000000000 | r.Uint64()>>12 | 1)
	case 2:
		return math.Inf(1)
	case 3:
		return math.Inf(-1)
	case 4:
		return 0
	case 5:
		return math.Copysign(0, -1)
	case 6:
		return math.SmallestNonzeroFloat64 * float64(r.IntN(5)-2)
	case 7, 8:
		return float64(r.IntN(7) - 3)
	}
	return r.NormFloat64() * math.Pow(10, float64(r.IntN(20)-10))
}

func sortSpecial32(r *rand.Rand) float32 {
	switch r.IntN(16) {
	case 0:
		return math.Float32frombits(0x7F800000 | r.Uint32()>>9 | 1)
	case 1:
		return math.Float32frombits(0xFF800000 | r.Uint32()>>9 | 1)
	}
	return float32(sortSpecial64(r))
}

func sortFill[T any](n int, seed int, f func(r *rand.Rand) T) []T {
	r := sortRand(seed)
	xs := make([]T, n)
	for i := range xs {
		xs[i] = f(r)
	}
	return xs
}

// checkSorts checks the sorts of xs under every policy in ps.
func checkSorts[T cmp.Ordered](t *testing.T, what string, ps []execution.Policy, xs []T) {
	t.Helper()
	ref := newSortRef(xs)
	for _, p := range ps {
		checkSort(t, what, p, ref)
	}
}

func TestSortTypes(t *testing.T) {
	for _, n := range sortLens {
		ps := sortPolicies
		if n > 1<<13 {
			ps = sortSomePolicies()
		}
		checkSorts(t, "int", ps, sortFill(n, 1, func(r *rand.Rand) int { return int(r.Uint64()) }))
		checkSorts(t, "int8", ps, sortFill(n, 2, func(r *rand.Rand) int8 { return int8(r.Uint32()) }))
		checkSorts(t, "int16", ps, sortFill(n, 3, func(r *rand.Rand) int16 { return int16(r.Uint32()) }))
		checkSorts(t, "int32", ps, sortFill(n, 4, func(r *rand.Rand) int32 { return int32(r.Uint32()) }))
		checkSorts(t, "int64", ps, sortFill(n, 5, func(r *rand.Rand) int64 { return int64(r.Uint64()) }))
		checkSorts(t, "uint", ps, sortFill(n, 6, func(r *rand.Rand) uint { return uint(r.Uint64()) }))
		checkSorts(t, "uint8", ps, sortFill(n, 7, func(r *rand.Rand) uint8 { return uint8(r.Uint32()) }))
		checkSorts(t, "uint16", ps, sortFill(n, 8, func(r *rand.Rand) uint16 { return uint16(r.Uint32()) }))
		checkSorts(t, "uint32", ps, sortFill(n, 9, func(r *rand.Rand) uint32 { return r.Uint32() }))
		checkSorts(t, "uint64", ps, sortFill(n, 10, func(r *rand.Rand) uint64 { return r.Uint64() }))
		checkSorts(t, "uintptr", ps, sortFill(n, 11, func(r *rand.Rand) uintptr { return uintptr(r.Uint64()) }))
		checkSorts(t, "float32", ps, sortFill(n, 12, sortSpecial32))
		checkSorts(t, "float64", ps, sortFill(n, 13, sortSpecial64))
		checkSorts(t, "Celsius", ps, sortFill(n, 14, func(r *rand.Rand) Celsius { return Celsius(sortSpecial64(r)) }))
		checkSorts(t, "string", ps, sortFill(n, 15, func(r *rand.Rand) string { return strconv.Itoa(r.IntN(n + 1)) }))
	}
}

// TestSortPatterns covers inputs that are sorted, reversed, all equal, or
// made of few distinct values, and float inputs made only of NaNs or zeros.
func TestSortPatterns(t *testing.T) {
	for _, n := range []int{1001, 1<<14 + 1, 3<<14 + 5} {
		ints := sortFill(n, 20, func(r *rand.Rand) int64 { return r.Int64N(1<<40) - 1<<39 })
		fs := sortFill(n, 21, sortSpecial64)
		sortedInts, sortedFs := slices.Clone(ints), slices.Clone(fs)
		slices.Sort(sortedInts)
		slices.SortStableFunc(sortedFs, cmp.Compare[float64])
		revInts, revFs := slices.Clone(sortedInts), slices.Clone(sortedFs)
		slices.Reverse(revInts)
		slices.Reverse(revFs)
		few := sortFill(n, 22, func(r *rand.Rand) int32 { return int32(r.IntN(4)) })
		fewF := sortFill(n, 23, func(r *rand.Rand) float32 { return float32(r.IntN(3)) - 1 })
		zeros := sortFill(n, 24, func(r *rand.Rand) float64 { return math.Copysign(0, float64(r.IntN(2))-0.5) })
		nans := sortFill(n, 25, func(r *rand.Rand) float64 {
			return math.Float64frombits(0x7FF0000000000001 | r.Uint64()&0x800FFFFFFFFFFFFF)
		})
		strs := sortFill(n, 26, func(r *rand.Rand) string { return strconv.Itoa(r.IntN(50)) })
		sortedStrs := slices.Sorted(slices.Values(strs))
		ps := sortSomePolicies()
		checkSorts(t, "sorted int64", ps, sortedInts)
		checkSorts(t, "reversed int64", ps, revInts)
		checkSorts(t, "sorted float64", ps, sortedFs)
		checkSorts(t, "reversed float64", ps, revFs)
		checkSorts(t, "equal uint64", ps, make([]uint64, n))
		checkSorts(t, "equal float64", ps, slices.Repeat([]float64{math.Pi}, n))
		checkSorts(t, "few int32", ps, few)
		checkSorts(t, "few float32", ps, fewF)
		checkSorts(t, "zeros", ps, zeros)
		checkSorts(t, "NaNs", ps, nans)
		checkSorts(t, "few strings", ps, strs)
		checkSorts(t, "sorted strings", ps, sortedStrs)
	}
}

// TestSortBig runs inputs big enough for the radix sort's MSD partition
// and its recursion, and for several merge rounds.
func TestSortBig(t *testing.T) {
	n := sortBig
	uniform := sortFill(n, 30, func(r *rand.Rand) int64 { return int64(r.Uint64()) })
	normal := sortFill(n, 31, func(r *rand.Rand) float64 { return r.NormFloat64() * 1e3 })
	special := sortFill(n, 32, sortSpecial64)
	skewed := sortFill(n, 33, func(r *rand.Rand) uint64 {
		if r.IntN(8) == 0 {
			return r.Uint64()
		}
		return uint64(r.IntN(1 << 30))
	})
	f32 := sortFill(n, 34, func(r *rand.Rand) float32 { return float32(r.NormFloat64()) })
	celsius := sortFill(n/4, 35, func(r *rand.Rand) Celsius { return Celsius(sortSpecial64(r)) })
	strs := sortFill(n/8, 36, func(r *rand.Rand) string { return strconv.FormatUint(r.Uint64(), 36) })
	ps := sortBigPolicies
	checkSorts(t, "uniform int64", ps, uniform)
	checkSorts(t, "normal float64", ps, normal)
	checkSorts(t, "special float64", ps, special)
	checkSorts(t, "skewed uint64", ps, skewed)
	checkSorts(t, "float32", ps, f32)
	checkSorts(t, "Celsius", ps, celsius)
	checkSorts(t, "string", ps, strs)
}

// sortRec is a record sorted by key; idx tells equal keys apart.
type sortRec struct {
	key float64
	idx int
}

func byKey(a, b sortRec) int { return cmp.Compare(a.key, b.key) }

// checkSortFunc runs SortFunc and StableSortFunc on copies of xs under p
// and compares them with slices.SortFunc (keys, and a permutation) and
// slices.SortStableFunc (exactly).
func checkSortFunc(t *testing.T, p execution.Policy, xs []sortRec) {
	t.Helper()
	want := slices.Clone(xs)
	slices.SortStableFunc(want, byKey)
	got := slices.Clone(xs)
	parallel.SortFunc(p, got, byKey)
	for i := range want {
		if byKey(got[i], want[i]) != 0 {
			t.Fatalf("SortFunc(%v) n=%d: [%d] = %v, want key %v", p, len(xs), i, got[i], want[i].key)
		}
	}
	seen := make([]bool, len(xs))
	for _, r := range got {
		if seen[r.idx] {
			t.Fatalf("SortFunc(%v) n=%d: record %d twice", p, len(xs), r.idx)
		}
		seen[r.idx] = true
	}
	got = slices.Clone(xs)
	parallel.StableSortFunc(p, got, byKey)
	for i := range want {
		if got[i].idx != want[i].idx {
			t.Fatalf("StableSortFunc(%v) n=%d: [%d] = %v, slices.SortStableFunc gives %v", p, len(xs), i, got[i], want[i])
		}
	}
}

func sortRecs(n, distinct, seed int) []sortRec {
	r := sortRand(seed)
	xs := make([]sortRec, n)
	for i := range xs {
		xs[i] = sortRec{key: float64(r.IntN(distinct)), idx: i}
	}
	return xs
}

func TestSortFunc(t *testing.T) {
	for _, p := range sortSomePolicies() {
		for _, n := range append(sortLens, 5<<13+7) {
			checkSortFunc(t, p, sortRecs(n, n/3+1, n))
			checkSortFunc(t, p, sortRecs(n, 3, n+1))
		}
	}
	for _, p := range sortBigPolicies {
		checkSortFunc(t, p, sortRecs(sortBig/4, sortBig/8, 40))
	}
	// Sorted and reversed runs take the merges' shortcut.
	xs := sortRecs(1<<15+3, 1<<20, 41)
	slices.SortStableFunc(xs, byKey)
	for _, p := range sortSomePolicies() {
		checkSortFunc(t, p, xs)
		rev := slices.Clone(xs)
		slices.Reverse(rev)
		checkSortFunc(t, p, rev)
	}
	// Other element types, through the generic path.
	strs := sortFill(1<<15+1, 42, func(r *rand.Rand) string { return strconv.Itoa(r.IntN(1000)) })
	want := slices.Clone(strs)
	slices.SortStableFunc(want, cmp.Compare[string])
	for _, p := range sortPolicies {
		got := slices.Clone(strs)
		parallel.SortFunc(p, got, cmp.Compare[string])
		if !slices.Equal(got, want) {
			t.Fatalf("SortFunc(%v) on strings differs from slices.SortStableFunc", p)
		}
	}
}

type sortBoom struct{ call int64 }

// A panic in cmp reaches the caller as a *future.PanicError, and the slice
// keeps every element exactly once.
func TestSortFuncPanic(t *testing.T) {
	for _, stable := range []bool{false, true} {
		for _, p := range []execution.Policy{execution.Seq, execution.Par, execution.Par.With(execution.StaticChunk(1000))} {
			for _, at := range []int64{1, 1000, 300000, 700000} {
				xs := sortRecs(1<<16+5, 1<<10, int(at))
				got := slices.Clone(xs)
				var calls atomic.Int64
				boom := func(a, b sortRec) int {
					if calls.Add(1) == at {
						panic(sortBoom{at})
					}
					return byKey(a, b)
				}
				v := func() (v any) {
					defer func() { v = recover() }()
					if stable {
						parallel.StableSortFunc(p, got, boom)
					} else {
						parallel.SortFunc(p, got, boom)
					}
					return nil
				}()
				pe, ok := v.(*future.PanicError)
				if !ok || pe.Value != (sortBoom{at}) {
					t.Fatalf("stable=%v %v at=%d: recovered %v, want *future.PanicError{sortBoom}", stable, p, at, v)
				}
				seen := make([]bool, len(xs))
				for _, r := range got {
					if seen[r.idx] {
						t.Fatalf("stable=%v %v at=%d: record %d twice after the panic", stable, p, at, r.idx)
					}
					seen[r.idx] = true
				}
			}
		}
	}
}

// The Task forms sort like the synchronous ones.
func TestSortTasks(t *testing.T) {
	n := 3<<14 + 1
	fs := sortFill(n, 50, sortSpecial64)
	strs := sortFill(n, 51, func(r *rand.Rand) string { return strconv.Itoa(r.IntN(n)) })
	recs := sortRecs(n, 100, 52)
	for _, tp := range []execution.TaskPolicy{execution.SeqTask, execution.ParTask, execution.ParUnseq.Task().With(execution.StaticChunk(1000))} {
		p := tp.Policy()
		a, b := slices.Clone(fs), slices.Clone(fs)
		sortGet(t, parallel.SortTask(tp, a))
		parallel.Sort(p, b)
		sortEqualBits(t, "SortTask", a, b)
		a, b = slices.Clone(fs), slices.Clone(fs)
		sortGet(t, parallel.StableSortTask(tp, a))
		parallel.StableSort(p, b)
		sortEqualBits(t, "StableSortTask", a, b)
		s1, s2 := slices.Clone(strs), slices.Clone(strs)
		sortGet(t, parallel.SortTask(tp, s1))
		parallel.Sort(p, s2)
		sortEqualBits(t, "SortTask strings", s1, s2)
		r1, r2 := slices.Clone(recs), slices.Clone(recs)
		sortGet(t, parallel.StableSortFuncTask(tp, r1, byKey))
		parallel.StableSortFunc(p, r2, byKey)
		if !slices.EqualFunc(r1, r2, func(a, b sortRec) bool { return a.idx == b.idx }) {
			t.Fatalf("StableSortFuncTask(%v) differs from StableSortFunc", tp)
		}
		r1 = slices.Clone(recs)
		sortGet(t, parallel.SortFuncTask(tp, r1, byKey))
		if !slices.IsSortedFunc(r1, byKey) {
			t.Fatalf("SortFuncTask(%v) did not sort", tp)
		}
	}
}

func sortGet(t *testing.T, f *future.Future[struct{}]) {
	t.Helper()
	if _, err := f.Get(); err != nil {
		t.Fatalf("task failed: %v", err)
	}
}

func sortEqualBits[T cmp.Ordered](t *testing.T, what string, a, b []T) {
	t.Helper()
	for i := range a {
		if !sortSame(a[i], b[i]) {
			t.Fatalf("%s: [%d] = %v, the synchronous form gives %v", what, i, a[i], b[i])
		}
	}
}

// Cancelling a sort's future stops it at the next chunk boundary; the slice
// then holds every element exactly once.
func TestSortTaskCancel(t *testing.T) {
	recs := sortRecs(1<<16+1, 1<<12, 60)
	got := slices.Clone(recs)
	started := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int64
	f := parallel.StableSortFuncTask(execution.ParTask, got, func(a, b sortRec) int {
		if calls.Add(1) == 1 {
			close(started)
			<-release
		}
		return byKey(a, b)
	})
	<-started
	f.Cancel()
	close(release)
	if _, err := f.Get(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled StableSortFuncTask resolved with %v, want context.Canceled", err)
	}
	if slices.IsSortedFunc(got, byKey) {
		t.Fatal("cancelled sort finished anyway")
	}
	seen := make([]bool, len(recs))
	for _, r := range got {
		if seen[r.idx] {
			t.Fatalf("record %d twice after the cancel", r.idx)
		}
		seen[r.idx] = true
	}

	// The radix sort: however far it got, the slice is a permutation.
	for i := range 8 {
		xs := sortFill(1<<16, 61+i, sortSpecial64)
		got := slices.Clone(xs)
		f := parallel.StableSortTask(execution.ParTask, got)
		f.Cancel()
		if _, err := f.Get(); err != nil && !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled StableSortTask resolved with %v", err)
		}
		ref := newSortRef(xs)
		var nans []uint64
		negZ := 0
		for _, x := range got {
			if x != x {
				nans = append(nans, sortBits(x))
			} else if x == 0 && math.Signbit(x) {
				negZ++
			}
		}
		slices.Sort(nans)
		if !slices.Equal(nans, ref.nans) || negZ != ref.negZ ||
			!slices.EqualFunc(slices.Sorted(slices.Values(got)), ref.want, func(a, b float64) bool { return cmp.Compare(a, b) == 0 }) {
			t.Fatal("cancelled StableSortTask lost or duplicated an element")
		}
	}
}

// Sorts called from inside a parallel loop run on the workers that call
// them, without deadlock.
func TestSortNested(t *testing.T) {
	const parts = 4
	n := 1<<15 + 3
	data := make([][]float64, parts)
	recs := make([][]sortRec, parts)
	for i := range data {
		data[i] = sortFill(n, 70+i, sortSpecial64)
		recs[i] = sortRecs(n, 500, 80+i)
	}
	parallel.ForLoop(execution.Par.With(execution.DynamicChunk(1)), 0, parts, func(i int) {
		parallel.Sort(execution.Par, data[i])
		parallel.StableSortFunc(execution.Par, recs[i], byKey)
	})
	for i := range data {
		if !slices.IsSortedFunc(data[i], cmp.Compare[float64]) || !slices.IsSortedFunc(recs[i], byKey) {
			t.Fatalf("part %d not sorted", i)
		}
	}
}

// A comparator that is no strict weak order, the common way (a float key
// with NaNs) and the worst (random answers), leaves the output unsorted
// but a permutation of the input, under every policy, as slices.SortFunc
// does: no panic, no element lost or duplicated.
func TestSortFuncBadComparators(t *testing.T) {
	type rec struct {
		id    int
		score float64
	}
	byScore := func(a, b rec) int { // NaN compares equal to everything
		if a.score < b.score {
			return -1
		}
		if a.score > b.score {
			return 1
		}
		return 0
	}
	var calls atomic.Uint64
	random := func(a, b rec) int { // different answers at every call
		h := calls.Add(1) * 0x9e3779b97f4a7c15
		return int(h>>62%3) - 1
	}
	for _, n := range []int{20000, 70001} {
		xs := make([]rec, n)
		for i := range xs {
			xs[i] = rec{i, float64((i * 7919) % 1000)}
			if i%10 == 0 {
				xs[i].score = math.NaN()
			}
		}
		for _, p := range []execution.Policy{execution.Seq, execution.Par, execution.Par.With(execution.StaticChunk(1000)), execution.ParUnseq} {
			for name, cmp := range map[string]func(a, b rec) int{"NaN key": byScore, "random": random} {
				for _, stable := range []bool{false, true} {
					got := slices.Clone(xs)
					if stable {
						parallel.StableSortFunc(p, got, cmp)
					} else {
						parallel.SortFunc(p, got, cmp)
					}
					seen := make([]bool, n)
					for _, r := range got {
						if seen[r.id] {
							t.Fatalf("%v n=%d %s stable=%v: element %d twice", p, n, name, stable, r.id)
						}
						seen[r.id] = true
					}
				}
			}
		}
	}
}
