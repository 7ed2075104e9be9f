package ntstore

import (
	"math"
	"testing"
)

func plain(dst, src []float32)  { copy(dst, src) }
func stream(dst, src []float32) { copy(dst, src) }
func other(dst, src []float64)  { copy(dst, src) }

func TestLookup(t *testing.T) {
	Register(plain, stream)
	nt, ok := Lookup(plain)
	if !ok || nt == nil {
		t.Fatal("Lookup(plain): no form, want stream")
	}
	if _, ok := Lookup(other); ok {
		t.Error("Lookup(other): a form for a kernel never registered")
	}
	// A form of another func type is not handed out.
	if _, ok := Lookup(func(dst, src []float32) {}); ok {
		t.Error("Lookup(closure): a form for a kernel never registered")
	}
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
