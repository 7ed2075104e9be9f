package bench

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/op"
)

// reference computes c's kernel over c's inputs in float64, in order.
func reference(c Case) float64 {
	if c.Type == "f32" {
		return referenceOf(c.Kernel, Float32s(c.N, 1), Float32s(c.N, 2))
	}
	return referenceOf(c.Kernel, Float64s(c.N, 1), Float64s(c.N, 2))
}

func referenceOf[F float32 | float64](k Kernel, x, y []F) float64 {
	var r float64
	switch k {
	case Sum:
		for _, v := range x {
			r += float64(v)
		}
	case SumSquares:
		for _, v := range x {
			r += float64(v) * float64(v)
		}
	case Dot:
		for i, v := range x {
			r += float64(v) * float64(y[i])
		}
	case Min:
		r = math.Inf(1)
		for _, v := range x {
			r = min(r, float64(v))
		}
	case Max:
		r = math.Inf(-1)
		for _, v := range x {
			r = max(r, float64(v))
		}
	}
	return r
}

// checkResult fails tb unless got, what c's implementation computed,
// agrees with the float64 reference: exactly for min and max, within the
// rounding of naive summation in the element type otherwise (the inputs
// are non-negative, so Σ|tᵢ| is the result itself, and any summation order
// is within γ(n+1)·Σ|tᵢ| of the exact sum). References are cached by
// kernel, type and length. Read cases are not checked here.
func checkResult(tb testing.TB, c Case, got float64) {
	tb.Helper()
	if c.Kernel == Read {
		return
	}
	key := [3]any{c.Kernel, c.Type, c.N}
	refMu.Lock()
	want, ok := refs[key]
	if !ok {
		want = reference(c)
		refs[key] = want
	}
	refMu.Unlock()
	u := 0x1p-53
	if c.Type == "f32" {
		u = 0x1p-24
	}
	k := float64(c.N+1) * u
	tol := k / (1 - k) * math.Abs(want)
	if c.Kernel == Min || c.Kernel == Max {
		tol = 0
	}
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		tb.Errorf("%s/%s = %v, want %v (±%.3g)", c.Kernel, c.Name(), got, want, tol)
	}
}

var (
	refMu sync.Mutex
	refs  = map[[3]any]float64{}
)

// TestCasesAgreeWithReference checks the harness: every implementation of
// every kernel, at lengths that exercise SIMD tails and the parallel path,
// agrees with a float64 reference (exactly for min and max; within the
// rounding of naive summation in the element type otherwise).
func TestCasesAgreeWithReference(t *testing.T) {
	defer Release()
	// Above 2*cpu.GrainKernel: large enough for the parallel kernel path.
	sizes := []int{1, 31, 4099, 2*cpu.GrainKernel + 3}
	impls := append(BenchImpls(), Hpgo("unseq"), Hpgo("par"))
	for _, c := range (Spec{Kernels: Kernels, Types: Types, Sizes: sizes, Impls: impls}).Cases() {
		run, restore, err := c.Prepare()
		if errors.Is(err, ErrSkip) {
			continue
		}
		if err != nil {
			t.Fatalf("%s %s: %v", c.Kernel, c.Name(), err)
		}
		got := run()
		restore()
		checkResult(t, c, got)
	}
}

func TestReadCasesXor(t *testing.T) {
	defer Release()
	for _, n := range []int{1, 7, 1000, 4097} {
		var want uint64
		for _, v := range Uint64s(n, 3) {
			want ^= v
		}
		var cs []Case
		for _, c := range ReadCases([]int{1, 2, 3}, []int{n}) {
			cs = append(cs, c)
			for _, tier := range append(ProbeTiers(), "purego") {
				cs = append(cs, c.WithTier(tier))
			}
		}
		for _, c := range cs {
			run, restore, err := c.Prepare()
			if err != nil {
				t.Fatal(err)
			}
			if got := run(); got != float64(want) {
				t.Errorf("%s = %v, want %v", c.Name(), got, float64(want))
			}
			restore()
		}
	}
}

// TestOpValuesAreTheUsersOnes guards the premise of the hpgo cases: the op
// values they pass are the very function values a user's code passes, which
// hpgo recognises by code pointer.
func TestOpValuesAreTheUsersOnes(t *testing.T) {
	ptr := func(f any) uintptr { return reflect.ValueOf(f).Pointer() }
	if ptr(ops32.add) != ptr(op.Add[float32]) || ptr(ops64.square) != ptr(op.Square[float64]) {
		t.Fatal("op function values differ from the user's")
	}
}

func TestImplRoundTrip(t *testing.T) {
	for _, im := range append(BenchImpls(), Hpgo("par")) {
		got, err := ParseImpl(im.String())
		if err != nil || got != im {
			t.Errorf("ParseImpl(%q) = %v, %v", im.String(), got, err)
		}
	}
	if _, err := ParseImpl("hpgo/policy=fast"); err == nil {
		t.Error("ParseImpl accepted an unknown policy")
	}
}

func TestParseSizes(t *testing.T) {
	got, err := ParseSizes("4Ki, 256Ki,4Mi,64Mi,1000")
	want := []int{4096, 262144, 4194304, 67108864, 1000}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseSizes = %v, %v; want %v", got, err, want)
	}
	for _, bad := range []string{"4Xi", "0", "-4Ki", "Ki", "9223372036854775807Ki", "1.5Mi"} {
		if n, err := ParseSizes(bad); err == nil || !strings.Contains(err.Error(), strconv.Quote(bad)) {
			t.Errorf("ParseSizes(%q) = %v, %v; want an error naming it", bad, n, err)
		}
	}
	for _, n := range want {
		if m, _ := ParseSize(FormatSize(n)); m != n {
			t.Errorf("FormatSize(%d) = %q does not parse back", n, FormatSize(n))
		}
	}
}

func TestMeasureAndMedian(t *testing.T) {
	calls := 0
	ns, n := MeasureIters(func() float64 { calls++; return 1 }, 0)
	if calls != 2 || n != 1 || ns < 0 {
		t.Fatalf("MeasureIters(minTime 0) made %d calls (batch %d, %v ns); want a warm-up and one batch of 1", calls, n, ns)
	}
	calls = 0
	if _, n = MeasureIters(func() float64 { calls++; return 1 }, time.Millisecond); n < 1 || calls < 1+n {
		t.Fatalf("MeasureIters made %d calls, last batch %d", calls, n)
	}
	// MedianOfReps: the sizing batches, then reps batches of the last size.
	calls = 0
	var sized int
	if ns := MedianOfReps(func() float64 { calls++; return 1 }, 0, 5); ns < 0 {
		t.Fatalf("MedianOfReps = %v ns", ns)
	}
	if _, sized = MeasureIters(func() float64 { return 1 }, 0); calls != 1+sized+5*sized {
		t.Errorf("MedianOfReps made %d calls, want a warm-up, one batch of %d and 5 more", calls, sized)
	}
	if m := Median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("Median = %v", m)
	}
	if m := Median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("Median = %v", m)
	}
}

// TestEnvSizes: HPGO_BENCH_SIZES picks the sizes; unset, the defaults run;
// a value naming no valid size panics rather than running the defaults.
func TestEnvSizes(t *testing.T) {
	def := []int{1, 2}
	for _, c := range []struct {
		env   string
		want  []int
		panic bool
	}{
		{"", def, false},
		{"4Ki, 64Mi", []int{4096, 64 << 20}, false},
		{"4k", nil, true},
		{" , ", nil, true},
		{"4Ki,0", nil, true},
	} {
		t.Setenv("HPGO_BENCH_SIZES", c.env)
		var got []int
		msg := func() (msg any) {
			defer func() { msg = recover() }()
			got = EnvSizes(def)
			return nil
		}()
		switch {
		case c.panic && (msg == nil || !strings.HasPrefix(fmt.Sprint(msg), "hpgo: bench: HPGO_BENCH_SIZES=")):
			t.Errorf("HPGO_BENCH_SIZES=%q: panic %v, want one starting \"hpgo: bench: HPGO_BENCH_SIZES=\"", c.env, msg)
		case !c.panic && (msg != nil || !reflect.DeepEqual(got, c.want)):
			t.Errorf("HPGO_BENCH_SIZES=%q: EnvSizes = %v (panic %v), want %v", c.env, got, msg, c.want)
		}
	}
}
