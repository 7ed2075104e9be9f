//go:build amd64 && !purego

package cpu_test

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/ntstore"
	"github.com/hpgo/hpgo/op"
)

// bigOutput is an output size from which calls store past the caches
// (ntstore.MinBytes, which depends on this CPU's last-level cache): 64 MiB,
// or more on a CPU with a larger cache.
func bigOutput() int { return max(64<<20, ntstore.MinBytes()) }

// TestStreaming: a whole output no cache holds (bigOutput) gets the
// streaming form of the registered kernel, a small one or one in place
// (outBytes 0) the kernel itself, and a kernel without a streaming form
// stays as it is.
func TestStreaming(t *testing.T) {
	k := cpu.LookupTransform(execution.Par, op.Square[float32])
	if cpu.CodePointer(k) != cpu.CodePointer(asm.SquareF32) {
		t.Fatalf("op.Square[float32] runs %#x, want asm.SquareF32", cpu.CodePointer(k))
	}
	big := cpu.Streaming(k, bigOutput())
	if cpu.CodePointer(big) == cpu.CodePointer(k) {
		t.Error("large output: got the kernel itself, want its streaming form")
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
	// In place (outBytes 0) keeps the cached stores even when every output
	// counts as large, as in the tests that force the streaming forms.
	restore := ntstore.ForceForTest(0)
	if got := cpu.Streaming(k, 0); cpu.CodePointer(got) != cpu.CodePointer(k) {
		t.Error("in place, every output large: got another kernel, want the kernel itself")
	}
	restore()
	k2 := cpu.LookupTransform2(execution.Par, op.Mul[float64])
	if got := cpu.Streaming(k2, bigOutput()); cpu.CodePointer(got) == cpu.CodePointer(k2) {
		t.Error("op.Mul[float64], large output: got the kernel itself, want its streaming form")
	}
	// int runs an adapter around the int64 kernel, with an adapted form;
	// kernels derived for named types get the forms of their bases.
	checkStreamingForm(t, "op.Square[int]", cpu.LookupTransform(execution.Par, op.Square[int]),
		[]int{3, -4, 1 << 31, 0}, func(v int) int { return v * v })
	checkStreamingForm(t, "op.Negate[celsius]", cpu.LookupTransform(execution.Par, op.Negate[celsius]),
		[]celsius{1.5, -2, 0}, func(v celsius) celsius { return -v })
	checkStreamingForm(t, "op.Abs[ticks]", cpu.LookupTransform(execution.Par, op.Abs[ticks]),
		[]ticks{-7, 7, -1 << 30}, func(v ticks) ticks { return max(v, -v) })
	big2, ok := streamingForm(t, "op.Add[count]", cpu.LookupTransform2(execution.Par, op.Add[count]))
	if !ok {
		return
	}
	a, b := []count{1, 2, 1 << 30}, []count{5, -7, 1 << 30}
	dst2 := make([]count, len(a)+1)
	dst2[len(a)] = 42
	big2(dst2[:len(a)], a, b)
	for i := range a {
		if dst2[i] != a[i]+b[i] {
			t.Fatalf("op.Add[count] streaming form: dst[%d] = %d, want %d", i, dst2[i], a[i]+b[i])
		}
	}
	if dst2[len(a)] != 42 {
		t.Error("op.Add[count] streaming form wrote past the output")
	}
	// The prefix sums: the kernels, an adapter and a derived kernel.
	checkScanStreamingForm(t, "op.Add[int64] scan", cpu.LookupScan(execution.Par, op.Add[int64]), []int64{3, -4, 1 << 40, 7})
	checkScanStreamingForm(t, "op.Add[int] scan", cpu.LookupScan(execution.Par, op.Add[int]), []int{3, -4, 1 << 40, 7})
	checkScanStreamingForm(t, "op.Add[ticks] scan", cpu.LookupScan(execution.Par, op.Add[ticks]), []ticks{1, 2, 3, -9})
	checkScanStreamingForm(t, "op.Add[count] scan", cpu.LookupScan(execution.Par, op.Add[count]), []count{5, 6, -1})
	// A kernel without a form stays itself.
	mine := func(dst, src []float32) { copy(dst, src) }
	if got := cpu.Streaming(mine, bigOutput()); funcValue(got) != funcValue(mine) {
		t.Error("an unregistered kernel: got another kernel, want it itself")
	}
}

// funcValue is the closure pointer of func value f: Streaming's forms of
// adapters share their code with the adapters.
func funcValue[F any](f F) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&f)) }

// streamingForm returns the streaming form of kernel k, named what, for a
// whole output past the caches, and reports (and fails t) when Streaming returns k itself.
func streamingForm[K any](t *testing.T, what string, k K) (K, bool) {
	t.Helper()
	big := cpu.Streaming(k, bigOutput())
	if funcValue(big) == funcValue(k) {
		t.Errorf("%s, large output: got the kernel itself, want its streaming form", what)
		return big, false
	}
	return big, true
}

// checkStreamingForm checks that kernel k, named what, has a streaming form
// for a whole output past the caches, and that the form computes want on src without
// writing past the output.
func checkStreamingForm[T comparable](t *testing.T, what string, k func(dst, src []T), src []T, want func(T) T) {
	t.Helper()
	big, ok := streamingForm(t, what, k)
	if !ok {
		return
	}
	dst := make([]T, len(src)+1)
	guard := src[0]
	dst[len(src)] = guard
	big(dst[:len(src)], src)
	for i, v := range src {
		if dst[i] != want(v) {
			t.Fatalf("%s streaming form: dst[%d] = %v, want %v", what, i, dst[i], want(v))
		}
	}
	if dst[len(src)] != guard {
		t.Errorf("%s streaming form wrote past the output", what)
	}
}

// checkScanStreamingForm is checkStreamingForm for a prefix-sum kernel,
// run from a carry of 10 on integers (exact).
func checkScanStreamingForm[T ~int | ~int32 | ~int64](t *testing.T, what string, k func(dst, src []T, carry T) T, src []T) {
	t.Helper()
	big, ok := streamingForm(t, what, k)
	if !ok {
		return
	}
	dst := make([]T, len(src)+1)
	dst[len(src)] = 42
	total := T(10)
	for _, v := range src {
		total += v
	}
	if got := big(dst[:len(src)], src, 10); got != total {
		t.Fatalf("%s streaming form returned %v, want %v", what, got, total)
	}
	acc := T(10)
	for i, v := range src {
		acc += v
		if dst[i] != acc {
			t.Fatalf("%s streaming form: dst[%d] = %v, want %v", what, i, dst[i], acc)
		}
	}
	if dst[len(src)] != 42 {
		t.Errorf("%s streaming form wrote past the output", what)
	}
}
