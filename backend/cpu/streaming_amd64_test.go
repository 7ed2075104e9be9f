//go:build amd64 && !purego

package cpu_test

import (
	"strings"
	"testing"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// TestStreaming: a whole output of 64 MiB gets the streaming form of the
// registered kernel, a small one or one in place (outBytes 0) the kernel
// itself, and a kernel without a streaming form stays as it is.
func TestStreaming(t *testing.T) {
	k := cpu.LookupTransform(execution.Par, op.Square[float32])
	if cpu.CodePointer(k) != cpu.CodePointer(asm.SquareF32) {
		t.Fatalf("op.Square[float32] runs %#x, want asm.SquareF32", cpu.CodePointer(k))
	}
	big := cpu.Streaming(k, 64<<20)
	if cpu.CodePointer(big) == cpu.CodePointer(k) {
		t.Error("64 MiB output: got the kernel itself, want its streaming form")
	}
	src := []float32{1, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	dst := make([]float32, len(src)+1)
	dst[len(src)] = 42
	big(dst, src)
	for i, v := range src {
		if dst[i] != v*v {
			t.Fatalf("streaming form: dst[%d] = %v, want %v", i, dst[i], v*v)
		}
	}
	if dst[len(src)] != 42 {
		t.Error("streaming form wrote past len(src)")
	}
	func() {
		defer func() {
			if r, _ := recover().(string); !strings.HasPrefix(r, "hpgo: asm.SquareF32: ") {
				t.Errorf("streaming form, short dst: panic %q, want one from asm.SquareF32", r)
			}
		}()
		big(dst[:2], src)
	}()
	for _, n := range []int{0, 1 << 20} {
		if got := cpu.Streaming(k, n); cpu.CodePointer(got) != cpu.CodePointer(k) {
			t.Errorf("outBytes %d: got another kernel, want the kernel itself", n)
		}
	}
	k2 := cpu.LookupTransform2(execution.Par, op.Mul[float64])
	if got := cpu.Streaming(k2, 64<<20); cpu.CodePointer(got) == cpu.CodePointer(k2) {
		t.Error("op.Mul[float64], 64 MiB: got the kernel itself, want its streaming form")
	}
	// int runs an adapter around the int64 kernel: no streaming form.
	ki := cpu.LookupTransform(execution.Par, op.Square[int])
	if got := cpu.Streaming(ki, 64<<20); cpu.CodePointer(got) != cpu.CodePointer(ki) {
		t.Error("op.Square[int]: got another kernel, want the adapter itself")
	}
}
