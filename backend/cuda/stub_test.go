package cuda

import (
	"errors"
	"testing"
)

func TestStubReportsNotBuiltIn(t *testing.T) {
	if err := Available(); !errors.Is(err, ErrNotBuiltIn) {
		t.Fatalf("Available() = %v, want ErrNotBuiltIn", err)
	}
	if d := Devices(); len(d) != 0 {
		t.Fatalf("Devices() = %v, want none", d)
	}
}
