package inproc

import (
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// The loops must compute what hpgo computes, up to rounding.
func TestLoopsAgreeWithHpgo(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000, 1 << 16} {
		x, y := bench.Float64s(n, 1), bench.Float64s(n, 2)
		check := func(what string, got, want, scale float64) {
			t.Helper()
			if math.Abs(got-want) > 1e-12*(scale+1) {
				t.Errorf("n=%d %s: gcc %v, hpgo %v", n, what, got, want)
			}
		}
		fn := float64(n)
		check("sum", Sum(x), parallel.Reduce(execution.Unseq, x, 0, op.Add), fn)
		check("sumsq", SumSquares(x), parallel.TransformReduce(execution.Unseq, x, 0, op.Add, op.Square), fn)
		check("dot", Dot(x, y), parallel.TransformReduce2(execution.Unseq, x, y, 0, op.Add, op.Mul), fn)
		for _, threads := range []int{1, 2, 3} {
			check(fmt.Sprintf("omp sum on %d threads", threads), OMPSum(x, threads), parallel.Reduce(execution.Par, x, 0, op.Add), fn)
			check(fmt.Sprintf("omp sumsq on %d threads", threads), OMPSumSquares(x, threads), parallel.TransformReduce(execution.Par, x, 0, op.Add, op.Square), fn)
			check(fmt.Sprintf("omp dot on %d threads", threads), OMPDot(x, y, threads), parallel.TransformReduce2(execution.Par, x, y, 0, op.Add, op.Mul), fn)
		}
		x32, y32 := bench.Float32s(n, 1), bench.Float32s(n, 2)
		check32 := func(what string, got, want float32) {
			t.Helper()
			if math.Abs(float64(got)-float64(want)) > 1e-4*(fn+1) {
				t.Errorf("n=%d %s f32: gcc %v, hpgo %v", n, what, got, want)
			}
		}
		check32("sum", Sum(x32), parallel.Reduce(execution.Unseq, x32, 0, op.Add))
		for _, threads := range []int{1, 2, 3} {
			check32(fmt.Sprintf("omp sum on %d threads", threads), OMPSum(x32, threads), parallel.Reduce(execution.Par, x32, 0, op.Add))
			check32(fmt.Sprintf("omp sumsq on %d threads", threads), OMPSumSquares(x32, threads), parallel.TransformReduce(execution.Par, x32, 0, op.Add, op.Square))
			check32(fmt.Sprintf("omp dot on %d threads", threads), OMPDot(x32, y32, threads), parallel.TransformReduce2(execution.Par, x32, y32, 0, op.Add, op.Mul))
		}
	}
}

func TestOMPRejectsThreads(t *testing.T) {
	for _, threads := range []int{0, -1} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "inproc: ") {
					t.Errorf("OMPSum(x, %d): panic %v, want an inproc: panic", threads, r)
				}
			}()
			OMPSum([]float64{1}, threads)
		}()
	}
}

// sizes: HPGO_BENCH_SIZES (e.g. "4Ki,64Mi") or 4Ki, 256Ki and 64Mi.
func sizes() []int { return bench.EnvSizes([]int{1 << 12, 1 << 18, 1 << 26}) }

var sink float64

// halves runs f on the two halves of [0, n) on two goroutines.
func halves(n int, f func(lo, hi int) float64) float64 {
	var wg sync.WaitGroup
	var b float64
	wg.Go(func() { b = f(n/2, n) })
	a := f(0, n/2)
	wg.Wait()
	return a + b
}

func BenchmarkInproc(b *testing.B) {
	if os.Getenv("HPGO_CPU") == "" {
		b.Logf("hpgo tier %s", asm.Active())
	}
	for _, n := range sizes() {
		// The ops are instantiated here, in non-generic code: op.Add[T]
		// inside a generic function is a closure hpgo does not recognise.
		x32, y32 := bench.Float32s(n, 1), bench.Float32s(n, 2)
		benchType(b, n, x32, y32, policiesFor(x32, y32, op.Add[float32], op.Square[float32], op.Mul[float32]))
		x64, y64 := bench.Float64s(n, 1), bench.Float64s(n, 2)
		benchType(b, n, x64, y64, policiesFor(x64, y64, op.Add[float64], op.Square[float64], op.Mul[float64]))
		bench.Release()
	}
}

// policies are hpgo's calls through package parallel for one element type.
type policies[T Float] struct {
	sum, sumSquares, dot func(p execution.Policy) T
}

// policiesFor builds the calls from ops the caller instantiated (passed as
// values, they keep the code pointers hpgo recognises).
func policiesFor[T Float](x, y []T, add func(T, T) T, square func(T) T, mul func(T, T) T) policies[T] {
	return policies[T]{
		sum:        func(p execution.Policy) T { return parallel.Reduce(p, x, 0, add) },
		sumSquares: func(p execution.Policy) T { return parallel.TransformReduce(p, x, 0, add, square) },
		dot:        func(p execution.Policy) T { return parallel.TransformReduce2(p, x, y, 0, add, mul) },
	}
}

type kernelPair[T Float] struct {
	name       string
	gcc, hpgo  func(lo, hi int) T
	omp        func(threads int) T
	policy     func(p execution.Policy) T
	bytesPerEl int
}

func benchType[T Float](b *testing.B, n int, x, y []T, pol policies[T]) {
	var z T
	size := int(unsafeSizeof(z))
	typ := map[int]string{4: "f32", 8: "f64"}[size]
	kernels := []kernelPair[T]{
		{"sum", func(lo, hi int) T { return Sum(x[lo:hi]) }, func(lo, hi int) T { return hpgoSum(x[lo:hi]) },
			func(t int) T { return OMPSum(x, t) }, pol.sum, size},
		{"sumsquares", func(lo, hi int) T { return SumSquares(x[lo:hi]) }, func(lo, hi int) T { return hpgoSumSquares(x[lo:hi]) },
			func(t int) T { return OMPSumSquares(x, t) }, pol.sumSquares, size},
		{"dot", func(lo, hi int) T { return Dot(x[lo:hi], y[lo:hi]) }, func(lo, hi int) T { return hpgoDot(x[lo:hi], y[lo:hi]) },
			func(t int) T { return OMPDot(x, y, t) }, pol.dot, 2 * size},
	}
	for _, k := range kernels {
		prefix := fmt.Sprintf("kernel=%s/type=%s/n=%s", k.name, typ, bench.FormatSize(n))
		run := func(name string, f func() float64) {
			b.Run(prefix+"/"+name, func(b *testing.B) {
				b.SetBytes(int64(n * k.bytesPerEl))
				b.ReportAllocs()
				for b.Loop() {
					sink += f()
				}
			})
		}
		run("impl=gcc/threads=1", func() float64 { return float64(k.gcc(0, n)) })
		run("impl=hpgo-kernel/threads=1", func() float64 { return float64(k.hpgo(0, n)) })
		run("impl=hpgo/policy=unseq", func() float64 { return float64(k.policy(execution.Unseq)) })
		run("impl=gcc/threads=2", func() float64 { return halves(n, func(lo, hi int) float64 { return float64(k.gcc(lo, hi)) }) })
		run("impl=hpgo-kernel/threads=2", func() float64 { return halves(n, func(lo, hi int) float64 { return float64(k.hpgo(lo, hi)) }) })
		run("impl=gcc-omp/threads=2", func() float64 { return float64(k.omp(2)) })
		run("impl=hpgo/policy=par", func() float64 { return float64(k.policy(execution.Par)) })
	}
}
