package bench_test

import (
	"fmt"
	"os"
	"time"

	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

func ExampleParseSize() {
	n, err := bench.ParseSize("256Ki")
	fmt.Println(n, err)
	_, err = bench.ParseSize("4Xi")
	fmt.Println(err)
	// Output:
	// 262144 <nil>
	// bad size "4Xi" (want a positive length such as 4096, 4Ki or 64Mi)
}

func ExampleParseSizes() {
	sizes, err := bench.ParseSizes("4Ki, 64Mi,1000")
	fmt.Println(sizes, err)
	// Output: [4096 67108864 1000] <nil>
}

func ExampleFormatSize() {
	fmt.Println(bench.FormatSize(4096), bench.FormatSize(1<<26), bench.FormatSize(1000))
	// Output: 4Ki 64Mi 1000
}

// A benchmark that honours HPGO_BENCH_SIZES, and runs the default sizes
// when it is unset.
func ExampleEnvSizes() {
	defer restoreEnv("HPGO_BENCH_SIZES")()
	os.Setenv("HPGO_BENCH_SIZES", "4Ki,1Mi")
	for _, n := range bench.EnvSizes(bench.Sizes) {
		fmt.Println("n =", bench.FormatSize(n))
	}
	// Output:
	// n = 4Ki
	// n = 1Mi
}

// restoreEnv returns a function that puts the variable back as it is now.
func restoreEnv(name string) func() {
	old, ok := os.LookupEnv(name)
	return func() {
		if ok {
			os.Setenv(name, old)
		} else {
			os.Unsetenv(name)
		}
	}
}

func ExampleMedian() {
	fmt.Println(bench.Median([]float64{3, 1, 2}), bench.Median([]float64{4, 1, 3, 2}), bench.Median(nil))
	// Output: 2 2.5 0
}

// Time one call the way testing.B does, and report the read throughput.
func ExampleMeasureIters() {
	xs := bench.Float32s(1<<16, 1)
	ns, iters := bench.MeasureIters(func() float64 {
		return float64(parallel.Reduce(execution.Unseq, xs, 0, op.Add[float32]))
	}, 10*time.Millisecond)
	gbPerS := float64(4*len(xs)) / ns // bytes per nanosecond
	fmt.Println(iters > 0, gbPerS > 0)
	// Output: true true
}

// Time a call as hpgo bench times every row, the C++ peers included: the
// median of five batches.
func ExampleMedianOfReps() {
	xs := bench.Float64s(1<<16, 1)
	ns := bench.MedianOfReps(func() float64 {
		return parallel.TransformReduce(execution.Par, xs, 0, op.Add[float64], op.Square[float64])
	}, 5*time.Millisecond, 5)
	fmt.Println(ns > 0)
	// Output: true
}

// The inputs are shared: the same length and seed give the same slice, with
// values in [0, 1), until Release drops them.
func ExampleFloat32s() {
	x, y := bench.Float32s(1000, 7), bench.Float32s(1000, 7)
	inRange := true
	for _, v := range x {
		inRange = inRange && v >= 0 && v < 1
	}
	fmt.Println(len(x), &x[0] == &y[0], inRange)
	// Output: 1000 true true
}

func ExampleFloat64s() {
	x := bench.Float64s(4, 1)
	y := bench.Float32s(4, 1) // the same draws, rounded to float32
	fmt.Println(float32(x[3]) == y[3])
	// Output: true
}

func ExampleUint64s() {
	x := bench.Uint64s(1<<10, 3)
	fmt.Println(len(x), x[0] != x[1])
	// Output: 1024 true
}

func ExampleRelease() {
	before := bench.Float64s(1<<10, 1)
	bench.Release()
	after := bench.Float64s(1<<10, 1)
	fmt.Println(&before[0] == &after[0], before[10] == after[10])
	// Output: false true
}

func ExampleParseKernel() {
	k, err := bench.ParseKernel("sumsq")
	fmt.Println(k, err)
	_, err = bench.ParseKernel("median")
	fmt.Println(err)
	// Output:
	// sumsquares <nil>
	// unknown kernel "median" (want sum, sumsquares, dot, min, max)
}

func ExampleHpgo() {
	im := bench.Hpgo("par")
	im.Tier = "avx2"
	fmt.Println(im)
	// Output: hpgo/policy=par/tier=avx2
}

func ExampleParseImpl() {
	for _, s := range []string{"hpgo/policy=unseq/tier=purego", "vek", "hpgo/policy=fast"} {
		im, err := bench.ParseImpl(s)
		fmt.Printf("lib=%q policy=%q tier=%q err=%v\n", im.Lib, im.Policy, im.Tier, err)
	}
	// Output:
	// lib="hpgo" policy="unseq" tier="purego" err=<nil>
	// lib="vek" policy="" tier="" err=<nil>
	// lib="" policy="" tier="" err=unknown policy "fast" (want seq, unseq, par, par_unseq)
}

func ExampleBenchImpls() {
	for _, im := range bench.BenchImpls() {
		fmt.Println(im)
	}
	// Output:
	// hpgo/policy=seq
	// hpgo/policy=unseq/tier=avx512
	// hpgo/policy=unseq/tier=avx2
	// hpgo/policy=unseq/tier=purego
	// hpgo/policy=par/tier=avx512
	// hpgo/policy=par/tier=avx2
	// hpgo/policy=par/tier=purego
	// hpgo/policy=par_unseq
	// go-loop
	// gonum
	// vek
}

// Run one case outside go test: prepare it, call it, undo its tier.
func ExampleCase_Prepare() {
	c := bench.Case{Kernel: bench.SumSquares, Type: "f32", N: 4096, Impl: bench.Hpgo("par")}
	run, restore, err := c.Prepare()
	if err != nil {
		fmt.Println(err) // wraps bench.ErrSkip where the case cannot run here
		return
	}
	defer restore()
	fmt.Println(c.Name(), c.Bytes(), run() > 0)
	// Output: type=f32/n=4096/impl=hpgo/policy=par 16384 true
}

func ExampleSpec_Cases() {
	spec := bench.Spec{
		Kernels: []bench.Kernel{bench.Sum, bench.Dot},
		Types:   []string{"f64"},
		Sizes:   []int{4096},
		Impls:   []bench.Impl{bench.Hpgo("unseq"), bench.Vek},
	}
	for _, c := range spec.Cases() {
		fmt.Println(c.Kernel, c.Name(), c.Bytes())
	}
	// Output:
	// sum type=f64/n=4096/impl=hpgo/policy=unseq 32768
	// sum type=f64/n=4096/impl=vek 32768
	// dot type=f64/n=4096/impl=hpgo/policy=unseq 65536
	// dot type=f64/n=4096/impl=vek 65536
}

// The bandwidth probes on one and on two goroutines over the same 8 MiB, as
// hpgo bench runs them (each under every tier of ProbeTiers, keeping the
// fastest: the machine's read limit).
func ExampleReadCases() {
	for _, c := range bench.ReadCases([]int{1, 2}, []int{1 << 20}) {
		fmt.Println(c.ImplName(), c.Name(), c.Bytes())
	}
	// Output:
	// threads=1 threads=1/n=1048576 8388608
	// threads=2 threads=2/n=1048576 8388608
}

// The read probe under each tier this machine has, keeping the fastest. The
// figures depend on the machine; what holds everywhere is that there is at
// least one tier and that each one runs.
func ExampleProbeTiers() {
	c := bench.ReadCases([]int{2}, []int{1 << 20})[0]
	best, ran := 0.0, 0
	for _, tier := range bench.ProbeTiers() {
		run, restore, err := c.WithTier(tier).Prepare()
		if err != nil {
			fmt.Println(err)
			continue
		}
		ns := bench.MedianOfReps(run, time.Millisecond, 3)
		restore()
		best = max(best, float64(c.Bytes())/ns) // GB/s
		ran++
	}
	fmt.Println(ran == len(bench.ProbeTiers()), ran > 0, best > 0)
	// Output: true true true
}

// A case names its row and sub-benchmark, and counts the bytes one call
// reads: dot reads two slices.
func ExampleCase() {
	c := bench.Case{Kernel: bench.Dot, Type: "f32", N: 4096, Impl: bench.Hpgo("par")}
	fmt.Println(c.ImplName())
	fmt.Println(c.Name())
	fmt.Println(c.Bytes())
	// Output:
	// hpgo/policy=par
	// type=f32/n=4096/impl=hpgo/policy=par
	// 32768
}

func ExampleCase_Bytes() {
	sum := bench.Case{Kernel: bench.Sum, Type: "f64", N: 1000, Impl: bench.Vek}
	dot := bench.Case{Kernel: bench.Dot, Type: "f32", N: 1000, Impl: bench.Vek}
	fmt.Println(sum.Bytes(), dot.Bytes()) // dot reads x and y
	// Output: 8000 8000
}

func ExampleCase_ImplName() {
	c := bench.Case{Kernel: bench.Sum, Type: "f32", N: 4096, Impl: bench.Impl{Lib: "hpgo", Policy: "unseq", Tier: "avx2"}}
	probe := bench.ReadCases([]int{2}, []int{4096})[0]
	fmt.Println(c.ImplName())
	fmt.Println(probe.ImplName())
	// Output:
	// hpgo/policy=unseq/tier=avx2
	// threads=2
}

func ExampleCase_Name() {
	c := bench.Case{Kernel: bench.Max, Type: "f64", N: 1 << 18, Impl: bench.GoLoop}
	fmt.Println(c.Name()) // the sub-benchmark's name under BenchmarkMinMax/op=max
	// Output: type=f64/n=262144/impl=go-loop
}

func ExampleCase_WithTier() {
	c := bench.ReadCases([]int{2}, []int{1 << 20})[0].WithTier("avx2")
	fmt.Println(c.ImplName(), c.Name())
	// Output: threads=2/tier=avx2 threads=2/n=1048576/tier=avx2
}

func ExampleImpl_String() {
	im := bench.Hpgo("unseq")
	fmt.Println(im, bench.Vek)
	im.Tier = "purego"
	fmt.Println(im)
	// Output:
	// hpgo/policy=unseq vek
	// hpgo/policy=unseq/tier=purego
}
