package cpu_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/parallel"
)

// scaler's method values all share the code of scaler.step-fm.
type scaler struct{ k int64 }

func (s scaler) step(a, b int64) int64 { return a*s.k + b }

func sumI64(x []int64) int64 {
	var s int64
	for _, v := range x {
		s += v
	}
	return s
}

// Every closure of one function literal runs the same code whatever it
// captures, and so does every method value of one method: a kernel
// registered for one of them would run for all of them, and give the others
// wrong results. The Register functions refuse them, and nil, with an hpgo:
// panic that names the argument.
func TestRegisterRefusesSharedCode(t *testing.T) {
	weighted := func(w int64) func(a, b int64) int64 {
		return func(a, b int64) int64 { return a + w*b }
	}
	square := func(v int64) int64 { return v * v }
	made := reflect.MakeFunc(reflect.TypeFor[func(a, b int64) int64](), func(args []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(args[0].Int() + args[1].Int())}
	}).Interface().(func(a, b int64) int64)
	for _, c := range []struct {
		name, arg string
		register  func()
	}{
		{"closure", "reduce", func() { cpu.RegisterReduce(weighted(1), sumI64, cpu.Exact) }},
		{"method value", "reduce", func() { cpu.RegisterReduce(scaler{1}.step, sumI64, cpu.Exact) }},
		{"reflect.MakeFunc", "reduce", func() { cpu.RegisterReduce(made, sumI64, cpu.Exact) }},
		{"nil", "reduce", func() { cpu.RegisterReduce(nil, sumI64, cpu.Exact) }},
		{"closure transform", "transform", func() {
			cpu.RegisterTransformReduce(addI64, square, sumI64, cpu.Exact)
		}},
		{"closure fold", "reduce", func() { cpu.RegisterFold(weighted(1), func(acc int64, x []int64) int64 { return acc }) }},
		{"closure transform fn", "fn", func() { cpu.RegisterTransform(square, func(dst, src []int64) {}) }},
	} {
		msg := panicText(c.register)
		if !strings.HasPrefix(msg, "hpgo: cpu.Register") || !strings.Contains(msg, ": "+c.arg+" is ") {
			t.Errorf("%s: panic %q; want an hpgo: panic about %s", c.name, msg, c.arg)
		}
	}
	// Nothing was registered: the closures and method values still fold
	// what they compute.
	if got := parallel.Reduce(execution.Seq, []int64{1, 2, 3}, 0, scaler{10}.step); got != 123 {
		t.Errorf("Reduce by scaler{10}.step = %d, want 123", got)
	}
	if got := parallel.Reduce(execution.Seq, []int64{1, 2, 3}, 0, weighted(2)); got != 12 {
		t.Errorf("Reduce by the w=2 closure = %d, want 12", got)
	}
	if cpu.LookupReduce(execution.Seq, weighted(2)) != nil || cpu.LookupReduce(execution.Seq, scaler{10}.step) != nil {
		t.Error("a kernel was found for a closure or method value")
	}
}

func addI64(a, b int64) int64 { return a + b }

func panicText(f func()) (msg string) {
	defer func() { msg, _ = recover().(string) }()
	f()
	return ""
}
