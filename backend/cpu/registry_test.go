package cpu_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/backend/cpu/internal/ptrtest"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// The code pointer of an instantiation is the same wherever it is made:
// here, in package cpu (kernels.go) and in another package (ptrtest).
func TestCodePointerAcrossPackages(t *testing.T) {
	if a, b := cpu.CodePointer(op.Add[float32]), cpu.CodePointer(ptrtest.AddF32()); a != b || a == 0 {
		t.Fatalf("op.Add[float32]: %#x here, %#x in ptrtest", a, b)
	}
	if a, b := cpu.CodePointer(op.Square[float32]), cpu.CodePointer(ptrtest.SquareF32()); a != b {
		t.Fatalf("op.Square[float32]: %#x here, %#x in ptrtest", a, b)
	}
	var inferred func(int64, int64) int64 = op.Mul
	if a, b := cpu.CodePointer(inferred), cpu.CodePointer(ptrtest.MulI64()); a != b {
		t.Fatalf("op.Mul[int64]: %#x inferred here, %#x in ptrtest", a, b)
	}
	if cpu.CodePointer(op.Add[float32]) == cpu.CodePointer(op.Add[float64]) {
		t.Fatal("op.Add[float32] and op.Add[float64] share a code pointer")
	}
	if cpu.CodePointer(nil) != 0 {
		t.Fatal("CodePointer(nil) != 0")
	}
}

// The registered kernel is found from an instantiation made in another
// package; a closure doing the same, or op.Add instantiated inside a generic
// function, is not recognised and takes the generic path.
func TestLookupByCodePointer(t *testing.T) {
	p := execution.Par
	if cpu.LookupReduce(p, ptrtest.AddF32()) == nil {
		t.Error("op.Add[float32] from another package: no reduce kernel")
	}
	if cpu.LookupTransformReduce(p, ptrtest.AddF32(), ptrtest.SquareF32()) == nil {
		t.Error("(op.Add, op.Square)[float32] from another package: no kernel")
	}
	if cpu.LookupReduce(p, ptrtest.AddClosure()) != nil {
		t.Error("a closure got the kernel of op.Add[float32]")
	}
	if cpu.LookupReduce(p, func(a, b float32) float32 { return a + b }) != nil {
		t.Error("a local closure got the kernel of op.Add[float32]")
	}
	if cpu.LookupReduce(p, ptrtest.AddOf[float32]()) != nil {
		t.Error("op.Add[T] from a generic function was recognised (the documented limitation no longer holds: update the docs)")
	}
	if cpu.LookupReduce[float32](p, nil) != nil {
		t.Error("nil op got a kernel")
	}
}

// Exact kernels run under every policy, reassociating ones not under Seq,
// and On(PureGo) never gets a kernel.
func TestLookupPolicy(t *testing.T) {
	for _, tc := range []struct {
		p            execution.Policy
		float, exact bool
	}{
		{execution.Seq, false, true},
		{execution.Unseq, true, true},
		{execution.Par, true, true},
		{execution.ParUnseq, true, true},
		{execution.Par.With(execution.StaticChunk(7)), true, true},
		{execution.Seq.On(execution.CPU), false, true},
		{execution.Seq.On(execution.PureGo), false, false},
		{execution.Par.On(execution.PureGo), false, false},
		{execution.Unseq.On(execution.PureGo), false, false},
	} {
		if got := cpu.LookupReduce(tc.p, op.Add[float64]) != nil; got != tc.float {
			t.Errorf("%v: float sum kernel %v, want %v", tc.p, got, tc.float)
		}
		if got := cpu.LookupScan(tc.p, op.Add[float32]) != nil; got != tc.float {
			t.Errorf("%v: float scan kernel %v, want %v", tc.p, got, tc.float)
		}
		if got := cpu.LookupTransformReduce2(tc.p, op.Add[float32], op.Mul[float32]) != nil; got != tc.float {
			t.Errorf("%v: float dot kernel %v, want %v", tc.p, got, tc.float)
		}
		if got := cpu.LookupReduce(tc.p, op.Add[int64]) != nil; got != tc.exact {
			t.Errorf("%v: int sum kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupReduce(tc.p, op.Min[float32]) != nil; got != tc.exact {
			t.Errorf("%v: float min kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupTransform(tc.p, op.Square[float64]) != nil; got != tc.exact {
			t.Errorf("%v: square kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupTransform2(tc.p, op.Mul[int]) != nil; got != tc.exact {
			t.Errorf("%v: int mul kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupScan(tc.p, op.Add[uint32]) != nil; got != tc.exact {
			t.Errorf("%v: uint32 scan kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupFill[uint64](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: uint64 fill kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupIota[float32](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: float32 iota kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupIotaOffset[float64](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: float64 iota-offset kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupIndexOf[int](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: int find kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupLastIndexOf[uint64](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: uint64 backward find kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupCount[uint](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: uint count kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupMinValue[float64](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: float64 min value kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupMaxValue[int](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: int max value kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupMaxNonNaN[float64](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: float64 NaN-skipping max kernel %v, want %v", tc.p, got, tc.exact)
		}
		if got := cpu.LookupMinMaxValue[float32](tc.p) != nil; got != tc.exact {
			t.Errorf("%v: float32 min-max kernel %v, want %v", tc.p, got, tc.exact)
		}
	}
	// Unsigned min/max have kernels of their own, in unsigned order (the
	// signed ones would take the top bit for the sign), exact under Seq too.
	if k := cpu.LookupReduce(execution.Seq, op.Min[uint64]); k == nil || k([]uint64{1 << 63, 5}) != 5 {
		t.Error("uint64 min: no kernel, or not in unsigned order")
	}
	if k := cpu.LookupMaxValue[uint32](execution.Par); k == nil || k([]uint32{5, 1 << 31}) != 1<<31 {
		t.Error("uint32 max value: no kernel, or not in unsigned order")
	}
	top := ^uint(0)>>1 + 1 // the top bit, on 32- and 64-bit targets
	if k := cpu.LookupReduce(execution.Par, op.Min[uint]); k == nil || k([]uint{top, 5, top + 1}) != 5 {
		t.Error("uint min: no kernel, or not in unsigned order")
	}
	if k := cpu.LookupReduce(execution.Par, op.Max[uint]); k == nil || k([]uint{5, top, 7}) != top {
		t.Error("uint max: no kernel, or not in unsigned order")
	}
	if k := cpu.LookupReduce(execution.Par, op.Max[uint32]); k == nil || k([]uint32{5, 1 << 31, 7}) != 1<<31 {
		t.Error("uint32 max: no kernel, or not in unsigned order")
	}
	if k := cpu.LookupMinMaxValue[uint](execution.Par); k == nil {
		t.Error("uint min-max value: no kernel")
	} else if lo, hi := k([]uint{top, 2, top + 1}); lo != 2 || hi != top+1 {
		t.Errorf("uint min-max value = %d, %d, want 2, %d", lo, hi, top+1)
	}
	// No NaN-skipping max for integers, which have no NaN.
	if cpu.LookupMaxNonNaN[int64](execution.Par) != nil {
		t.Error("NaN-skipping max kernel registered for int64")
	}
	// No kernel for a type nobody registered.
	if cpu.LookupFill[string](execution.Par) != nil || cpu.LookupIndexOf[int8](execution.Par) != nil {
		t.Error("kernel for an unregistered type")
	}
}

// myOp is an operation of this test only.
func myOp(a, b int16) int16 { return a ^ b }

func TestRegisterNewKernel(t *testing.T) {
	calls := 0
	cpu.RegisterReduce(myOp, func(x []int16) int16 {
		calls++
		var s int16
		for _, v := range x {
			s ^= v
		}
		return s
	}, cpu.Exact)
	k := cpu.LookupReduce(execution.Seq, myOp)
	if k == nil {
		t.Fatal("newly registered kernel not found")
	}
	if got := k([]int16{1, 2, 4}); got != 7 || calls != 1 {
		t.Fatalf("kernel gave %d in %d calls", got, calls)
	}
	// Registering under a type that does not match the lookup's is ignored
	// by the lookup (no panic).
	if cpu.LookupReduce(execution.Seq, func(a, b int16) int16 { return a ^ b }) != nil {
		t.Fatal("closure found myOp's kernel")
	}
}

// The int/uint adapters give the bits of the reference loops.
func TestAdapters(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 7, 31, 1000, 70001} {
		xi := make([]int, n)
		yi := make([]int, n)
		xu := make([]uint32, n)
		yu := make([]uint32, n)
		xw := make([]uint64, n)
		for i := range n {
			xi[i] = int(r.Uint64())
			yi[i] = int(r.Uint64())
			xu[i] = r.Uint32()
			yu[i] = r.Uint32()
			xw[i] = r.Uint64()
		}
		p := execution.Seq
		var sum, sq, dot, mn, mx int
		mn, mx = xi[0], xi[0]
		for i, v := range xi {
			sum += v
			sq += v * v
			dot += v * yi[i]
			mn, mx = min(mn, v), max(mx, v)
		}
		check := func(name string, got, want any) {
			t.Helper()
			if got != want {
				t.Errorf("n=%d %s: got %v, want %v", n, name, got, want)
			}
		}
		check("int sum", cpu.LookupReduce(p, op.Add[int])(xi), sum)
		check("int sumsq", cpu.LookupTransformReduce(p, op.Add[int], op.Square[int])(xi), sq)
		check("int sum via identity", cpu.LookupTransformReduce(p, op.Add[int], op.Identity[int])(xi), sum)
		check("int dot", cpu.LookupTransformReduce2(p, op.Add[int], op.Mul[int])(xi, yi), dot)
		check("int min", cpu.LookupReduce(p, op.Min[int])(xi), mn)
		check("int max", cpu.LookupReduce(p, op.Max[int])(xi), mx)
		check("int min value", cpu.LookupMinValue[int](p)(xi), mn)
		lo, hi := cpu.LookupMinMaxValue[int](p)(xi)
		check("int min-max value", [2]int{lo, hi}, [2]int{mn, mx})

		var usum, udot uint32
		for i, v := range xu {
			usum += v
			udot += v * yu[i]
		}
		check("uint32 sum", cpu.LookupReduce(p, op.Add[uint32])(xu), usum)
		check("uint32 dot", cpu.LookupTransformReduce2(p, op.Add[uint32], op.Mul[uint32])(xu, yu), udot)
		var wsum uint64
		for _, v := range xw {
			wsum += v
		}
		check("uint64 sum", cpu.LookupReduce(p, op.Add[uint64])(xw), wsum)

		// Element-wise and scans.
		dst := make([]uint32, n)
		cpu.LookupTransform2(p, op.Mul[uint32])(dst, xu, yu)
		for i := range dst {
			if dst[i] != xu[i]*yu[i] {
				t.Fatalf("n=%d uint32 mul [%d]", n, i)
			}
		}
		ps := make([]uint64, n)
		last := cpu.LookupScan(p, op.Add[uint64])(ps, xw, 5)
		acc := uint64(5)
		for i, v := range xw {
			acc += v
			if ps[i] != acc {
				t.Fatalf("n=%d uint64 scan [%d]", n, i)
			}
		}
		check("uint64 scan carry", last, acc)
		cpu.LookupIota[uint](p)(nil, 3) // empty is fine
		io := make([]uint, n)
		cpu.LookupIota[uint](p)(io, math.MaxUint-2)
		for i := range io {
			if io[i] != math.MaxUint-2+uint(i) {
				t.Fatalf("n=%d uint iota [%d] = %d", n, i, io[i])
			}
		}
		cpu.LookupFill[int](p)(xi, -3)
		for i := range xi {
			if xi[i] != -3 {
				t.Fatalf("n=%d int fill [%d]", n, i)
			}
		}
		xi[n-1] = 9
		check("int index", cpu.LookupIndexOf[int](p)(xi, 9), n-1)
		check("int index absent", cpu.LookupIndexOf[int](p)(xi, 8), -1)
		check("int last index", cpu.LookupLastIndexOf[int](p)(xi, xi[0]), lastIndex(xi, xi[0]))
		check("int last index absent", cpu.LookupLastIndexOf[int](p)(xi, 8), -1)
		check("int count", cpu.LookupCount[int](p)(xi, -3), n-1)
		check("int count absent", cpu.LookupCount[int](p)(xi, 8), 0)
	}
}

func TestAdaptersSizeMismatch(t *testing.T) {
	if cpu.ReduceAs[int8](func(x []int64) int64 { return 0 }) != nil {
		t.Error("ReduceAs across sizes gave a kernel")
	}
	if cpu.MapAs[int16](func(dst, src []int64) {}) != nil || cpu.FillAs[uint8](func(dst []int32, v int32) {}) != nil {
		t.Error("adapter across sizes gave a kernel")
	}
	// Registering the nil an adapter returns is a no-op.
	cpu.RegisterReduce(op.Add[int8], cpu.ReduceAs[int8](func(x []int64) int64 { return 0 }), cpu.Exact)
	if cpu.LookupReduce(execution.Par, op.Add[int8]) != nil {
		t.Error("nil kernel registered")
	}
}

type builtinCelsius float32

func subI16(a, b int16) int16 { return a - b }

// TestLookupBuiltin: hpgo's own kernels, and those derived from them for
// named types, are builtin on every lookup, the first ones after a
// registration included; a kernel registered from outside is not.
func TestLookupBuiltin(t *testing.T) {
	check := func(what string, ok, builtin, want bool) {
		t.Helper()
		if !ok || builtin != want {
			t.Errorf("%s: kernel found %v, builtin %v; want a kernel, builtin %v", what, ok, builtin, want)
		}
	}
	for round := range 2 { // the first derives the named type's kernel
		k, b := cpu.LookupReduceBuiltin(execution.Unseq, op.Add[builtinCelsius])
		check("op.Add[builtinCelsius]", k != nil && k([]builtinCelsius{1, 2}) == 3, b, true)
		k2, b2 := cpu.LookupTransformReduceBuiltin(execution.Par, op.Add[builtinCelsius], op.Square[builtinCelsius])
		check("op.Add, op.Square [builtinCelsius]", k2 != nil && k2([]builtinCelsius{1, 2}) == 5, b2, true)
		k3, b3 := cpu.LookupTransformReduce2Builtin(execution.Par, op.Add[builtinCelsius], op.Mul[builtinCelsius])
		check("op.Add, op.Mul [builtinCelsius]", k3 != nil && k3([]builtinCelsius{1, 2}, []builtinCelsius{3, 4}) == 11, b3, true)
		if round == 0 {
			// A registration clears the table: the next lookups rebuild it.
			cpu.RegisterReduce(subI16, func(x []int16) int16 {
				s := x[0]
				for _, v := range x[1:] {
					s -= v
				}
				return s
			}, cpu.Exact)
		}
	}
	k, b := cpu.LookupReduceBuiltin(execution.Seq, subI16)
	check("subI16 (registered here)", k != nil && k([]int16{10, 3, 2}) == 5, b, false)
	// No kernel: not builtin either.
	if k, b := cpu.LookupReduceBuiltin(execution.Seq, op.Add[float32]); k != nil || b {
		t.Errorf("op.Add[float32] under Seq: kernel %v, builtin %v; want neither (it reassociates)", k != nil, b)
	}
	if k, b := cpu.LookupReduceBuiltin(execution.Par.On(execution.PureGo), op.Add[int32]); k != nil || b {
		t.Errorf("op.Add[int32] On(PureGo): kernel %v, builtin %v; want neither", k != nil, b)
	}
}

// lastIndex is the highest i with xs[i] == v, or -1.
func lastIndex[T comparable](xs []T, v T) int {
	for i := len(xs) - 1; i >= 0; i-- {
		if xs[i] == v {
			return i
		}
	}
	return -1
}
