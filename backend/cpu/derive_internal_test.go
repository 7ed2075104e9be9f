package cpu

import (
	"math/bits"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// A frozen table extended key by key (with) holds every key, through the
// rebuilds that keep it at most half full.
func TestFrozenTableWith(t *testing.T) {
	m := map[key]entry{}
	var tab *frozenTable
	for i := range 300 {
		k := key{kind: kindReduce, a: uintptr(i+1) * 4096, t: uintptr(i % 7)}
		e := entry{fn: i, exact: i%2 == 0}
		m[k] = e
		tab = tab.with(m, k, e)
		if 2*tab.n > len(tab.slots) || tab.n != len(m) {
			t.Fatalf("after %d keys: %d used of %d slots", i+1, tab.n, len(tab.slots))
		}
	}
	for k, want := range m {
		if got, ok := tab.get(k); !ok || got != want {
			t.Fatalf("key %v: got %v, %v; want %v", k, got, ok, want)
		}
	}
	if _, ok := tab.get(key{kind: kindScan, a: 4096}); ok {
		t.Fatal("found a key never added")
	}
}

type fahrenheit float64

func addFahrenheit(a, b fahrenheit) fahrenheit { return a + b }

// A registration clears the table instead of rebuilding it; the next lookup
// rebuilds it once, with every entry.
func TestRegistrationDefersTheRebuild(t *testing.T) {
	RegisterReduce(addFahrenheit, func(x []fahrenheit) fahrenheit { return 42 }, Exact)
	if table.Load() != nil {
		t.Fatal("RegisterReduce rebuilt the table")
	}
	k := LookupReduce(execution.Seq, addFahrenheit)
	if table.Load() == nil || k == nil || k([]fahrenheit{1}) != 42 {
		t.Fatal("the first lookup after a registration did not rebuild the table with it")
	}
	if LookupReduce(execution.Par, op.Add[float64]) == nil {
		t.Fatal("the rebuilt table lost op.Add[float64]")
	}
}

// sameABI accepts what differs only in names, and nothing else.
func TestSameABI(t *testing.T) {
	type celsius float32
	type count int64
	f := reflect.TypeFor[func([]float32) float32]()
	for _, c := range []struct {
		b    reflect.Type
		want bool
	}{
		{reflect.TypeFor[func([]celsius) celsius](), true},
		{reflect.TypeFor[func([]float32) float32](), true},
		{reflect.TypeFor[func([]float64) float64](), false},
		{reflect.TypeFor[func([]int32) int32](), false},
		{reflect.TypeFor[func([]celsius) float64](), false},
		{reflect.TypeFor[func([]celsius, celsius) celsius](), false},
		{reflect.TypeFor[func(...celsius) celsius](), false},
		{reflect.TypeFor[func([]*float32) float32](), false},
	} {
		if got := sameABI(f, c.b); got != c.want {
			t.Errorf("sameABI(%v, %v) = %v", f, c.b, got)
		}
	}
	if !sameABI(reflect.TypeFor[func(x, y []int64) int64](), reflect.TypeFor[func(x, y []count) count]()) {
		t.Error("int64 and a named int64 differ")
	}
}

// opFunc names the functions of package op, whatever their type arguments,
// and nothing else.
func TestOpFunc(t *testing.T) {
	type celsius float32
	for _, c := range []struct {
		pc   uintptr
		name string
		ok   bool
	}{
		{codePtr(op.Add[float32]), "Add", true},
		{codePtr(op.Square[celsius]), "Square", true},
		{codePtr(op.Identity[int]), "Identity", true},
		{0, "", true},
		{codePtr(func(a, b float32) float32 { return a + b }), "", false},
		{codePtr(TestOpFunc), "", false},
	} {
		if name, ok := opFunc(c.pc); name != c.name || ok != c.ok {
			t.Errorf("opFunc(%s) = %q, %v; want %q, %v", opName(c.pc), name, ok, c.name, c.ok)
		}
	}
}

// A registration after a derivation is seen by the next lookup: a kernel
// registered for a key derive found none for, and a new kernel for the
// predeclared type under a named type's derived one.
func TestRegistrationRedoesDerivations(t *testing.T) {
	type volts float32
	type amps float32
	// A key no run of this test has used (a closure's code pointer would be
	// registered already under -count 2): no function is at that pc.
	k := key{kind: kindReduce, a: uintptr(1)<<(bits.UintSize-2) + uintptr(fakePCs.Add(1))}
	lookup := func() func([]volts) volts {
		if f, known := usable[func([]volts) volts](execution.Par, k); known {
			return f
		}
		return derive[func([]volts) volts](execution.Par, k)
	}
	if lookup() != nil || LookupReduce(execution.Par, op.Max[amps]) == nil {
		t.Fatal("set-up: unexpected kernels")
	}
	register(k, func(x []volts) volts { return -1 }, Exact)
	if f := lookup(); f == nil || f([]volts{2}) != -1 {
		t.Fatal("a kernel registered after derive found none is not used")
	}
	base := LookupReduce(execution.Par, op.Max[float32])
	t.Cleanup(func() { RegisterReduce(op.Max[float32], base, Exact) })
	RegisterReduce(op.Max[float32], func(x []float32) float32 { return 7 }, Exact)
	if k := LookupReduce(execution.Par, op.Max[amps]); k == nil || k([]amps{1}) != 7 {
		t.Fatal("a named type kept the kernel derived from the old registration")
	}
}

var fakePCs atomic.Uint64
