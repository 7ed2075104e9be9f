package cpu

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/hpgo/hpgo/execution"
)

var radixPolicies = []execution.Policy{
	execution.Seq,
	execution.Par,
	execution.Par.With(execution.StaticChunk(1000)),
	execution.ParUnseq.With(execution.GuidedChunk()),
}

var radixLens = []int{0, 1, 3, 101, RadixMin + 1, 3*RadixMin + 7}

// checkRadix sorts a copy of xs with RadixSort and compares it with
// slices.Sort (or, when stable, slices.SortStableFunc by cmp.Compare, bit
// for bit).
func checkRadix[T cmp.Ordered](t *testing.T, p execution.Policy, xs []T, stable bool) {
	t.Helper()
	got := slices.Clone(xs)
	ok, err := RadixSort(context.Background(), p, got, stable)
	if !ok || err != nil {
		t.Fatalf("RadixSort = %v, %v", ok, err)
	}
	want := slices.Clone(xs)
	if stable {
		slices.SortStableFunc(want, cmp.Compare[T])
	} else {
		slices.Sort(want)
	}
	for i := range want {
		if cmp.Compare(got[i], want[i]) != 0 || (stable && !sameBits(got[i], want[i])) {
			t.Fatalf("%v stable=%v n=%d: [%d] = %v, want %v", p, stable, len(xs), i, got[i], want[i])
		}
	}
	if !stable {
		// a permutation: the same multiset of bit patterns
		a, b := bitsOf(got), bitsOf(xs)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Fatalf("%v n=%d: not a permutation of the input", p, len(xs))
		}
	}
}

func sameBits[T any](a, b T) bool { return bitsOf([]T{a})[0] == bitsOf([]T{b})[0] }

func bitsOf[T any](xs []T) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		switch v := any(x).(type) {
		case float64:
			out[i] = math.Float64bits(v)
		case float32:
			out[i] = uint64(math.Float32bits(v))
		case celsius:
			out[i] = math.Float64bits(float64(v))
		default:
			rv := reflect.ValueOf(v)
			if rv.CanInt() {
				out[i] = uint64(rv.Int())
			} else {
				out[i] = rv.Uint()
			}
		}
	}
	return out
}

type celsius float64

func gen[T any](r *rand.Rand, n int, f func(*rand.Rand) T) []T {
	xs := make([]T, n)
	for i := range xs {
		xs[i] = f(r)
	}
	return xs
}

func specialF64(r *rand.Rand) float64 {
	switch r.IntN(12) {
	case 0:
		return math.Float64frombits(0x7FF0000000000000 | r.Uint64()>>12 | 1) // +NaN, payload
	case 1:
		return math.Float64frombits(0xFFF0000000000000 | r.Uint64()>>12 | 1) // -NaN
	case 2:
		return math.Inf(1)
	case 3:
		return math.Inf(-1)
	case 4:
		return 0
	case 5:
		return math.Copysign(0, -1)
	case 6:
		return float64(r.IntN(5) - 2)
	case 7:
		return math.SmallestNonzeroFloat64 * float64(r.IntN(3)-1)
	}
	return r.NormFloat64() * 1e3
}

func TestRadixSortTypes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range radixPolicies[:2] {
		for _, n := range radixLens {
			for _, stable := range []bool{false, true} {
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) int8 { return int8(r.Uint32()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) uint8 { return uint8(r.Uint32()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) int16 { return int16(r.Uint32()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) uint16 { return uint16(r.Uint32()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) int32 { return int32(r.Uint32()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) uint32 { return r.Uint32() }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) int64 { return int64(r.Uint64()) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) uint64 { return r.Uint64() }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) int { return r.IntN(1000) - 500 }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) uintptr { return uintptr(r.Uint64()) }), stable)
				checkRadix(t, p, gen(r, n, specialF64), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) float32 { return float32(specialF64(r)) }), stable)
				checkRadix(t, p, gen(r, n, func(r *rand.Rand) celsius { return celsius(specialF64(r)) }), stable)
			}
		}
	}
}

func TestRadixSortPatterns(t *testing.T) {
	n := 2*RadixMin + 3
	r := rand.New(rand.NewPCG(3, 4))
	base := gen(r, n, specialF64)
	sorted := slices.Clone(base)
	slices.SortStableFunc(sorted, cmp.Compare[float64])
	reversed := slices.Clone(sorted)
	slices.Reverse(reversed)
	ints := gen(r, n, func(r *rand.Rand) int64 { return int64(r.IntN(1 << 20)) })
	sortedInts := slices.Sorted(slices.Values(ints))
	revInts := slices.Clone(sortedInts)
	slices.Reverse(revInts)
	negInts := gen(r, n, func(r *rand.Rand) int64 { return -r.Int64N(1 << 40) })
	for _, p := range radixPolicies {
		for _, stable := range []bool{false, true} {
			checkRadix(t, p, sorted, stable)
			checkRadix(t, p, reversed, stable)
			checkRadix(t, p, ints, stable)
			checkRadix(t, p, sortedInts, stable)
			checkRadix(t, p, revInts, stable)
			checkRadix(t, p, negInts, stable)
			checkRadix(t, p, make([]float64, n), stable)
			checkRadix(t, p, slices.Repeat([]float64{math.NaN()}, n), stable)
			checkRadix(t, p, slices.Repeat([]float64{math.Copysign(0, -1), 0}, n/2), stable)
			checkRadix(t, p, slices.Repeat([]float64{0, math.Copysign(0, -1)}, n/2), stable)
			checkRadix(t, p, slices.Repeat([]int32{7}, n), stable)
		}
	}
}

// TestRadixSortLarge goes through the MSD partition and its recursion:
// uniform keys, skewed floats, and keys that share their top digits.
func TestRadixSortLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	defer smallLeaves()()
	n := 1<<16 + 5
	normal := gen(r, n, func(r *rand.Rand) float64 { return r.NormFloat64() * 1e3 })
	withSpecial := gen(r, n, specialF64)
	skew := gen(r, n, func(r *rand.Rand) int64 {
		if r.IntN(10) == 0 {
			return int64(r.Uint64())
		}
		return int64(r.IntN(1 << 24))
	})
	u32 := gen(r, n, func(r *rand.Rand) uint32 { return r.Uint32() })
	f32 := gen(r, n, func(r *rand.Rand) float32 { return float32(r.NormFloat64()) })
	for _, p := range radixPolicies[1:3] {
		for _, stable := range []bool{false, true} {
			checkRadix(t, p, normal, stable)
			checkRadix(t, p, withSpecial, stable)
			checkRadix(t, p, skew, stable)
			checkRadix(t, p, u32, stable)
			checkRadix(t, p, f32, stable)
		}
	}
}

func TestRadixSortStrings(t *testing.T) {
	xs := []string{"b", "a"}
	if ok, _ := RadixSort(context.Background(), execution.Par, xs, false); ok || xs[0] != "b" {
		t.Fatalf("RadixSort on strings = %v, %v", ok, xs)
	}
}

func TestRadixSortCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := rand.New(rand.NewPCG(5, 6))
	xs := gen(r, 4*RadixMin, specialF64)
	got := slices.Clone(xs)
	if ok, err := RadixSort(ctx, execution.Par, got, true); !ok || err != context.Canceled {
		t.Fatalf("RadixSort(cancelled) = %v, %v", ok, err)
	}
	if !slices.Equal(bitsOf(got), bitsOf(xs)) {
		t.Fatal("cancelled before the start but xs changed")
	}
}

// smallLeaves lowers leafMax so that small inputs go through the MSD
// partition and its recursion; call the function it returns to undo it.
func smallLeaves() func() {
	old := leafMax
	leafMax = 1 << 10
	return func() { leafMax = old }
}

// countdownCtx is done from the n-th call of Err or Done on: it cancels a
// sort at each of its checks in turn, deterministically.
type countdownCtx struct {
	context.Context
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func newCountdown(n int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *countdownCtx) tick() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n > 0 {
		c.n--
		if c.n == 0 {
			close(c.done)
		}
	}
	return c.n == 0
}

func (c *countdownCtx) Done() <-chan struct{} { c.tick(); return c.done }

func (c *countdownCtx) Err() error {
	if c.tick() {
		return context.Canceled
	}
	return nil
}

// TestRadixSortCancelEverywhere cancels at every check in turn and checks
// that xs is still a permutation of its elements.
func TestRadixSortCancelEverywhere(t *testing.T) {
	defer smallLeaves()()
	r := rand.New(rand.NewPCG(13, 14))
	n := 3<<14 + 1
	fs := gen(r, n, specialF64)
	is := gen(r, n, func(r *rand.Rand) int64 { return int64(r.Uint64()) })
	for _, p := range []execution.Policy{execution.Seq, execution.Par} {
		for _, stable := range []bool{false, true} {
			for k := 1; ; k += 1 + k/3 {
				got := slices.Clone(fs)
				_, err := RadixSort(newCountdown(k), p, got, stable)
				a, b := bitsOf(got), bitsOf(fs)
				slices.Sort(a)
				slices.Sort(b)
				if !slices.Equal(a, b) {
					t.Fatalf("%v stable=%v: cancelled at check %d, xs lost or duplicated an element", p, stable, k)
				}
				if err == nil {
					break
				}
			}
		}
		for k := 1; ; k += 1 + k/3 {
			got := slices.Clone(is)
			_, err := RadixSort(newCountdown(k), p, got, false)
			a, b := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(is))
			if !slices.Equal(a, b) {
				t.Fatalf("%v: cancelled at check %d, xs lost or duplicated an element", p, k)
			}
			if err == nil {
				break
			}
		}
	}
}

// TestRadixSortCancelMidway cancels between passes and checks that xs is
// still a permutation of its elements.
func TestRadixSortCancelMidway(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, stable := range []bool{false, true} {
		for range 20 {
			xs := gen(r, 4*RadixMin, specialF64)
			got := slices.Clone(xs)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				defer close(done)
				_, _ = RadixSort(ctx, execution.Par, got, stable)
			}()
			cancel()
			<-done
			a, b := bitsOf(got), bitsOf(xs)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Fatal("cancelled sort lost or duplicated an element")
			}
		}
	}
}

func BenchmarkRadixSort(b *testing.B) {
	const n = 1 << 24
	r := rand.New(rand.NewPCG(9, 10))
	i64 := gen(r, n, func(r *rand.Rand) int64 { return int64(r.Uint64()) })
	f64 := gen(r, n, func(r *rand.Rand) float64 { return r.NormFloat64() * 1e3 })
	for _, p := range []execution.Policy{execution.Seq, execution.Par} {
		b.Run("type=int64/policy="+p.String(), func(b *testing.B) {
			xs := make([]int64, n)
			b.SetBytes(8 * n)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				copy(xs, i64)
				b.StartTimer()
				RadixSort(context.Background(), p, xs, false)
			}
		})
		b.Run("type=float64/policy="+p.String(), func(b *testing.B) {
			xs := make([]float64, n)
			b.SetBytes(8 * n)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				copy(xs, f64)
				b.StartTimer()
				RadixSort(context.Background(), p, xs, false)
			}
		})
	}
	b.Run("type=int64/impl=slices.Sort", func(b *testing.B) {
		xs := make([]int64, n)
		b.SetBytes(8 * n)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			copy(xs, i64)
			b.StartTimer()
			slices.Sort(xs)
		}
	})
}
