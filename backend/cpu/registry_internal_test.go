package cpu

import (
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// The registry keys lookups by codePtr (an unsafe read of the func value)
// and CodePointer reports reflect's view: they must agree, or a kernel
// registered here would never be found from a user's call.
func TestCodePtrMatchesReflect(t *testing.T) {
	k := 3.0
	closure := func(a, b float64) float64 { return a*k + b }
	var nilFn func(float32, float32) float32
	cases := []struct {
		name      string
		got, want uintptr
	}{
		{"op.Add[float32]", codePtr(op.Add[float32]), CodePointer(op.Add[float32])},
		{"op.Square[int64]", codePtr(op.Square[int64]), CodePointer(op.Square[int64])},
		{"closure", codePtr(closure), CodePointer(closure)},
		{"nil", codePtr(nilFn), CodePointer(nilFn)},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: codePtr %#x, reflect %#x", c.name, c.got, c.want)
		}
	}
	if codePtr(nilFn) != 0 {
		t.Error("codePtr(nil) != 0")
	}
	if codePtr(op.Add[float32]) == codePtr(closure) {
		t.Error("a closure shares op.Add's code pointer")
	}
}

// typeID must tell apart types that share a shape (int and int64 both are
// 8-byte integers; a named float32 is not float32).
func TestTypeIDDistinguishesTypes(t *testing.T) {
	type celsius float32
	ids := map[uintptr]string{}
	for name, id := range map[string]uintptr{
		"int": typeID[int](), "int64": typeID[int64](), "uint64": typeID[uint64](),
		"float32": typeID[float32](), "celsius": typeID[celsius](),
	} {
		if other, dup := ids[id]; dup {
			t.Fatalf("typeID(%s) == typeID(%s)", name, other)
		}
		ids[id] = name
	}
	first, again := typeID[float32](), typeID[float32]()
	if first != again {
		t.Fatal("typeID is not stable")
	}
}

func BenchmarkLookupTransformReduce2(b *testing.B) {
	b.ReportAllocs()
	var k func([]float32, []float32) float32
	for b.Loop() {
		k = LookupTransformReduce2(execution.Unseq, op.Add[float32], op.Mul[float32])
	}
	if k == nil {
		b.Fatal("no dot kernel")
	}
}
