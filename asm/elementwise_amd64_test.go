//go:build amd64 && !purego

package asm

import "testing"

// TestNontemporal: the NT kernels serve large outputs that share no memory
// with an input.
func TestNontemporal(t *testing.T) {
	n := streamMin/4 + 1 // float32s: just over streamMin bytes
	big := make([]float32, 3*n)
	a, b, dst := big[:n], big[n:2*n], big[2*n:]
	for _, c := range []struct {
		name        string
		dst, a, b   []float32
		nontemporal bool
	}{
		{"unary, out of place", dst, a, nil, true},
		{"binary, out of place", dst, a, b, true},
		{"unary, in place", a, a, nil, false},
		{"binary, dst is b", b, a, b, false},
		{"unary, dst one element past src's start", big[1 : n+1], a, nil, false},
		{"unary, dst ends where src starts", a, b, nil, true},
		{"unary, short", dst[:n/2], a[:n/2], nil, false},
		{"empty", nil, nil, nil, false},
	} {
		if got := nontemporal(c.dst, c.a, c.b); got != c.nontemporal {
			t.Errorf("%s: nontemporal = %v, want %v", c.name, got, c.nontemporal)
		}
	}
}
