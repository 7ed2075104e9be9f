package ntstore

import (
	"math"
	"testing"
	"unsafe"
)

func plain(dst, src []float32)  { copy(dst, src) }
func stream(dst, src []float32) { copy(dst, src) }
func other(dst, src []float64)  { copy(dst, src) }

// adapt returns a closure around k; every call's closure shares its code.
func adapt(k func(dst, src []float32)) func(dst, src []float32) {
	return func(dst, src []float32) { k(dst, src) }
}

type celsius float32

func TestLookup(t *testing.T) {
	Register(plain, stream)
	nt, ok := Lookup(plain)
	if f, typed := nt.(func(dst, src []float32)); !ok || !typed || funcValue(f) != funcValue(stream) {
		t.Fatalf("Lookup(plain) = %v, %v; want stream", nt, ok)
	}
	if _, ok := Lookup(other); ok {
		t.Error("Lookup(other): a form for a kernel never registered")
	}
	if _, ok := Lookup(func(dst, src []float32) {}); ok {
		t.Error("Lookup(closure): a form for a kernel never registered")
	}
	// Closures sharing their code are told apart.
	a, b := adapt(plain), adapt(plain)
	Register(a, stream)
	if _, ok := Lookup(a); !ok {
		t.Error("Lookup(a): no form for a registered closure")
	}
	if _, ok := Lookup(b); ok {
		t.Error("Lookup(b): the form of another closure with the same code")
	}
	// The same func value under another type gets the form as registered.
	var named func(dst, src []celsius)
	*(*unsafe.Pointer)(unsafe.Pointer(&named)) = funcValue(plain)
	if nt, ok := Lookup(named); !ok {
		t.Error("Lookup(plain as func([]celsius)): no form")
	} else if _, typed := nt.(func(dst, src []float32)); !typed {
		t.Errorf("Lookup(plain as func([]celsius)) = %T, want the registered type", nt)
	}
	if _, ok := Lookup(42); ok {
		t.Error("Lookup(42): a form for a non-func")
	}
}

func TestRegisterNonFunc(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Fatal("Register(1, 2): no panic")
		}
	}()
	Register(1, 2)
}

func TestMinBytes(t *testing.T) {
	defer SetMinBytes(minBytes)
	SetMinBytes(func() int { return 123 })
	if got := MinBytes(); got != 123 {
		t.Errorf("MinBytes = %d, want 123", got)
	}
	restore := ForceForTest(0)
	if got := MinBytes(); got != 0 {
		t.Errorf("forced: MinBytes = %d, want 0", got)
	}
	restore()
	if got := MinBytes(); got != 123 {
		t.Errorf("restored: MinBytes = %d, want 123", got)
	}
	SetMinBytes(func() int { return math.MaxInt })
	if got := MinBytes(); got != math.MaxInt {
		t.Errorf("MinBytes = %d, want MaxInt", got)
	}
}
