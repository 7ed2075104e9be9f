package cpu_test

import (
	"math"
	"sync"
	"testing"
	"time"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/backend/cpu/internal/ptrtest"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

type (
	celsius float32
	meters  float64
	count   int32
	ticks   int
	flags   uint32
)

// Ops on named element types find the kernels of their underlying types,
// for every kind of kernel, and give what those kernels give.
func TestNamedElementTypesFindKernels(t *testing.T) {
	p := execution.Par
	found := map[string]bool{
		"Reduce(Add)[celsius]":                  cpu.LookupReduce(p, op.Add[celsius]) != nil,
		"Reduce(Min)[meters]":                   cpu.LookupReduce(p, op.Min[meters]) != nil,
		"Reduce(Max)[time.Duration]":            cpu.LookupReduce(p, op.Max[time.Duration]) != nil,
		"Reduce(Add)[flags]":                    cpu.LookupReduce(p, op.Add[flags]) != nil,
		"TransformReduce(Add, Square)[meters]":  cpu.LookupTransformReduce(p, op.Add[meters], op.Square[meters]) != nil,
		"TransformReduce(Add, Identity)[ticks]": cpu.LookupTransformReduce(p, op.Add[ticks], op.Identity[ticks]) != nil,
		"TransformReduce2(Add, Mul)[count]":     cpu.LookupTransformReduce2(p, op.Add[count], op.Mul[count]) != nil,
		"Transform(Abs)[time.Duration]":         cpu.LookupTransform(p, op.Abs[time.Duration]) != nil,
		"Transform(Negate)[celsius]":            cpu.LookupTransform(p, op.Negate[celsius]) != nil,
		"Transform2(Mul)[ticks]":                cpu.LookupTransform2(p, op.Mul[ticks]) != nil,
		"Scan(Add)[meters]":                     cpu.LookupScan(p, op.Add[meters]) != nil,
		"Fill[celsius]":                         cpu.LookupFill[celsius](p) != nil,
		"Iota[time.Duration]":                   cpu.LookupIota[time.Duration](p) != nil,
		"IotaOffset[meters]":                    cpu.LookupIotaOffset[meters](p) != nil,
		"IndexOf[count]":                        cpu.LookupIndexOf[count](p) != nil,
		"LastIndexOf[ticks]":                    cpu.LookupLastIndexOf[ticks](p) != nil,
		"Count[celsius]":                        cpu.LookupCount[celsius](p) != nil,
		"MaxNonNaN[meters]":                     cpu.LookupMaxNonNaN[meters](p) != nil,
		"MinValue[meters]":                      cpu.LookupMinValue[meters](p) != nil,
		"MaxValue[celsius]":                     cpu.LookupMaxValue[celsius](p) != nil,
		"MinMaxValue[time.Duration]":            cpu.LookupMinMaxValue[time.Duration](p) != nil,
		"Fold(Add)[celsius] under Seq":          cpu.LookupFold(execution.Seq, op.Add[celsius]) != nil,
		"TransformFold2(Add, Mul)[meters]":      cpu.LookupTransformFold2(execution.Seq, op.Add[meters], op.Mul[meters]) != nil,
	}
	for name, ok := range found {
		if !ok {
			t.Errorf("%s: no kernel", name)
		}
	}

	// The kernels compute what the underlying type's kernels compute.
	xs := []celsius{1.5, -2, 3.25, math.MaxFloat32, -0.5, 7}
	xf := make([]float32, len(xs))
	for i, v := range xs {
		xf[i] = float32(v)
	}
	if got, want := cpu.LookupReduce(p, op.Add[celsius])(xs), cpu.LookupReduce(p, op.Add[float32])(xf); float32(got) != want {
		t.Errorf("sum of celsius = %v, of float32 %v", got, want)
	}
	if got := cpu.LookupMinValue[celsius](p)(xs); got != -2 {
		t.Errorf("min of celsius = %v, want -2", got)
	}
	if lo, hi := cpu.LookupMinMaxValue[celsius](p)(xs); lo != -2 || hi != math.MaxFloat32 {
		t.Errorf("min and max of celsius = %v, %v, want -2, MaxFloat32", lo, hi)
	}
	if got := cpu.LookupLastIndexOf[celsius](p)(append(xs, 3.25, 1), 3.25); got != len(xs) {
		t.Errorf("last index of 3.25 = %d, want %d", got, len(xs))
	}
	if m, ok := cpu.LookupMaxNonNaN[celsius](p)(append(xs, celsius(math.NaN()))); !ok || m != math.MaxFloat32 {
		t.Errorf("max non-NaN of celsius = %v, %v, want MaxFloat32, true", m, ok)
	}
	if got := cpu.LookupCount[celsius](p)(append(xs, 3.25, 1), 3.25); got != 2 {
		t.Errorf("count of 3.25 = %d, want 2", got)
	}
	if got := cpu.LookupIndexOf[celsius](p)(xs, 3.25); got != 2 {
		t.Errorf("index of 3.25 = %d, want 2", got)
	}
	ds := []time.Duration{time.Second, -3 * time.Millisecond, math.MaxInt64, 2}
	if got := cpu.LookupReduce(p, op.Max[time.Duration])(ds); got != math.MaxInt64 {
		t.Errorf("max of durations = %v", got)
	}
	if got, want := cpu.LookupReduce(p, op.Add[time.Duration])(ds), ds[0]+ds[1]+ds[2]+ds[3]; got != want {
		t.Errorf("sum of durations = %d, want %d (wrapping)", got, want)
	}
	dst := make([]time.Duration, len(ds))
	cpu.LookupTransform(p, op.Abs[time.Duration])(dst, ds)
	for i, d := range ds {
		if want := max(d, -d); dst[i] != want {
			t.Errorf("abs(%d) = %d, want %d", d, dst[i], want)
		}
	}
	ms := make([]meters, 5)
	cpu.LookupIota[meters](p)(ms, 0.5)
	if ms[4] != 4.5 {
		t.Errorf("iota of meters = %v", ms)
	}
	cpu.LookupIotaOffset[meters](p)(ms, 0.5, 1<<24)
	if ms[1] != 0.5+(1<<24+1) || ms[0] != 0.5+(1<<24) {
		t.Errorf("iota of meters from 2^24 = %v", ms)
	}
}

// What the underlying types do not have, named types do not get, and the
// policy rules stay those of the underlying kernel.
func TestNamedElementTypesKeepTheRules(t *testing.T) {
	par := execution.Par
	// A named uint32 gets the uint32 min, in unsigned order, not the int32
	// one, which would take 1<<31 for the least.
	if k := cpu.LookupReduce(par, op.Min[flags]); k == nil || k([]flags{1 << 31, 3, 1<<31 + 1}) != 3 {
		t.Error("min over a named uint32 did not get the unsigned kernel")
	}
	if cpu.LookupReduce(par, op.Mul[celsius]) != nil {
		t.Error("a product of celsius got a kernel: none is registered for float32 either")
	}
	if cpu.LookupReduce(par, func(a, b celsius) celsius { return a + b }) != nil {
		t.Error("a closure over celsius got a kernel")
	}
	if cpu.LookupReduce(par, ptrtest.AddOf[celsius]()) != nil {
		t.Error("op.Add[T] made in generic code got a kernel")
	}
	if cpu.LookupTransformReduce(par, op.Add[celsius], op.Abs[celsius]) != nil {
		t.Error("(Add, Abs) got a kernel: none is registered for float32 either")
	}
	if cpu.LookupReduce(execution.Seq, op.Add[celsius]) != nil {
		t.Error("a reassociating float sum ran under Seq for a named type")
	}
	if cpu.LookupReduce(execution.Seq, op.Add[count]) == nil {
		t.Error("an exact integer sum did not run under Seq for a named type")
	}
	if cpu.LookupReduce(par.On(execution.PureGo), op.Add[celsius]) != nil {
		t.Error("On(PureGo) got a kernel")
	}
	// The answer is recorded: the same lookups again give the same.
	for range 3 {
		if cpu.LookupReduce(par, op.Add[celsius]) == nil || cpu.LookupReduce(par, op.Mul[celsius]) != nil {
			t.Fatal("a repeated lookup changed its answer")
		}
	}
}

type racer float64

// The first lookups of a key from many goroutines at once agree.
func TestNamedElementTypesConcurrentFirstLookup(t *testing.T) {
	var wg sync.WaitGroup
	results := make([]bool, 16)
	for i := range results {
		wg.Go(func() {
			k := cpu.LookupTransformReduce2(execution.ParUnseq, op.Add[racer], op.Mul[racer])
			results[i] = k != nil && k([]racer{1, 2}, []racer{3, 4}) == 11
		})
	}
	wg.Wait()
	for i, ok := range results {
		if !ok {
			t.Fatalf("goroutine %d: no working kernel", i)
		}
	}
}
