package bench

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/viterin/vek"
	"github.com/viterin/vek/vek32"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/floats"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// Kernel names a reduction the suites time.
type Kernel string

// The kernels. Read is the bandwidth probe (asm.XorU64); the others reduce
// float32 or float64 slices.
const (
	Read       Kernel = "read"       // xor of a []uint64: the read-bandwidth limit
	Sum        Kernel = "sum"        // Σ x
	SumSquares Kernel = "sumsquares" // Σ x², the headline TransformReduce(Add, Square)
	Dot        Kernel = "dot"        // Σ x·y
	Min        Kernel = "min"        // min x
	Max        Kernel = "max"        // max x
)

// Kernels lists the float kernels in table order.
var Kernels = []Kernel{Sum, SumSquares, Dot, Min, Max}

// Types lists the element types of the float kernels.
var Types = []string{"f32", "f64"}

// Sizes are the default input lengths: 4Ki and 256Ki sit in L1/L2, 4Mi in
// L3 (float32) or just past it, 64Mi far out in DRAM.
var Sizes = []int{4096, 262144, 4194304, 67108864}

// inputs is the number of slices a kernel reads.
func (k Kernel) inputs() int {
	if k == Dot {
		return 2
	}
	return 1
}

// ParseKernel accepts a kernel name (sumsq and headline are aliases of
// sumsquares).
func ParseKernel(s string) (Kernel, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "read", "bandwidth":
		return Read, nil
	case "sum":
		return Sum, nil
	case "sumsquares", "sumsq", "headline":
		return SumSquares, nil
	case "dot":
		return Dot, nil
	case "min":
		return Min, nil
	case "max":
		return Max, nil
	}
	return "", fmt.Errorf("unknown kernel %q (want sum, sumsquares, dot, min, max)", s)
}

// Impl is one implementation of the kernels: hpgo under a policy (and,
// optionally, a forced SIMD tier), or a peer library.
type Impl struct {
	// Lib is "hpgo", "go-loop" (a plain for loop), "gonum" or "vek".
	Lib string
	// Policy is hpgo's execution policy: seq, unseq, par or par_unseq.
	Policy string
	// Tier forces an asm tier for hpgo (avx512, avx2, purego) through
	// asm.Use; empty means the tier hpgo picked at start.
	Tier string
}

// The peer implementations.
var (
	GoLoop = Impl{Lib: "go-loop"}
	Gonum  = Impl{Lib: "gonum"}
	Vek    = Impl{Lib: "vek"}
)

// Policies lists hpgo's policies by name.
var Policies = []string{"seq", "unseq", "par", "par_unseq"}

// Hpgo returns hpgo's Impl under a policy, at the active tier.
func Hpgo(policy string) Impl { return Impl{Lib: "hpgo", Policy: policy} }

// String gives the key=value form used in benchmark names and tables, e.g.
// "hpgo/policy=par/tier=avx2" or "vek".
func (i Impl) String() string {
	if i.Lib != "hpgo" {
		return i.Lib
	}
	s := "hpgo/policy=" + i.Policy
	if i.Tier != "" {
		s += "/tier=" + i.Tier
	}
	return s
}

// ParseImpl reads the String form back.
func ParseImpl(s string) (Impl, error) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	switch parts[0] {
	case "go-loop", "gonum", "vek":
		if len(parts) == 1 {
			return Impl{Lib: parts[0]}, nil
		}
	case "hpgo":
		im := Impl{Lib: "hpgo"}
		for _, p := range parts[1:] {
			k, v, _ := strings.Cut(p, "=")
			switch k {
			case "policy":
				im.Policy = v
			case "tier":
				im.Tier = v
			default:
				return Impl{}, fmt.Errorf("bad impl %q", s)
			}
		}
		if _, err := policyOf(im.Policy); err != nil {
			return Impl{}, err
		}
		return im, nil
	}
	return Impl{}, fmt.Errorf("unknown impl %q (want hpgo/policy=P[/tier=T], go-loop, gonum or vek)", s)
}

// BenchImpls is the full set the go test suites run: hpgo under every
// policy — the reordering ones at every tier — and the three peers.
func BenchImpls() []Impl {
	var ims []Impl
	ims = append(ims, Hpgo("seq"))
	for _, pol := range []string{"unseq", "par"} {
		for _, t := range []string{"avx512", "avx2", "purego"} {
			ims = append(ims, Impl{Lib: "hpgo", Policy: pol, Tier: t})
		}
	}
	ims = append(ims, Hpgo("par_unseq"), GoLoop, Gonum, Vek)
	return ims
}

func policyOf(name string) (execution.Policy, error) {
	switch name {
	case "seq":
		return execution.Seq, nil
	case "unseq":
		return execution.Unseq, nil
	case "par":
		return execution.Par, nil
	case "par_unseq", "parunseq", "par-unseq":
		return execution.ParUnseq, nil
	}
	return execution.Policy{}, fmt.Errorf("unknown policy %q (want seq, unseq, par, par_unseq)", name)
}

// Case is one measurement: a kernel over inputs of one type and length, by
// one implementation.
type Case struct {
	// Kernel is what one call computes.
	Kernel Kernel
	// Type is the element type: f32 or f64 (u64 for Read).
	Type string
	// N is the input length in elements.
	N int
	// Impl is who computes it (for Read, only its Tier counts).
	Impl Impl
	// Threads is the number of goroutines of a Read case.
	Threads int
}

// Bytes is the number of input bytes one call reads.
func (c Case) Bytes() int64 {
	size := 8
	if c.Type == "f32" {
		size = 4
	}
	return int64(c.N) * int64(size) * int64(c.Kernel.inputs())
}

// ImplName is the implementation column of a table: the Impl, or
// threads=T for a Read case.
func (c Case) ImplName() string {
	if c.Kernel == Read {
		s := "threads=" + strconv.Itoa(c.Threads)
		if c.Impl.Tier != "" {
			s += "/tier=" + c.Impl.Tier
		}
		return s
	}
	return c.Impl.String()
}

// Name is the sub-benchmark name below the kernel:
// "type=f32/n=4096/impl=hpgo/policy=par/tier=avx2", or "threads=2/n=..."
// for Read.
func (c Case) Name() string {
	if c.Kernel == Read {
		s := fmt.Sprintf("threads=%d/n=%d", c.Threads, c.N)
		if c.Impl.Tier != "" {
			s += "/tier=" + c.Impl.Tier
		}
		return s
	}
	return fmt.Sprintf("type=%s/n=%d/impl=%s", c.Type, c.N, c.Impl)
}

// ErrSkip marks a case that cannot run here (a tier this CPU lacks, a peer
// without the kernel for the type); Prepare wraps it.
var ErrSkip = errors.New("skipped")

// Prepare builds (or reuses) the inputs and returns the call to time, which
// returns the kernel's result as a float64, and a restore function to call
// when done (it undoes a forced tier). An error wrapping ErrSkip means the
// case cannot run on this machine or with this library.
func (c Case) Prepare() (run func() float64, restore func(), err error) {
	restore = func() {}
	if c.N <= 0 {
		return nil, nil, fmt.Errorf("%w: n=%d", ErrSkip, c.N)
	}
	if (c.Impl.Lib == "hpgo" || c.Kernel == Read) && c.Impl.Tier != "" {
		t, err := asm.ParseTier(c.Impl.Tier)
		if err != nil {
			return nil, nil, err
		}
		if !asm.Supported(t) {
			return nil, nil, fmt.Errorf("%w: this CPU (or build) lacks the %s tier; best is %s", ErrSkip, t, asm.Hardware())
		}
		r, err := asm.Use(t)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrSkip, err)
		}
		restore = r
	}
	if c.Kernel == Read {
		return readRun(Uint64s(c.N, 3), max(c.Threads, 1)), restore, nil
	}
	// Only dot reads the second input: the others do not build it (at 64Mi
	// that is 256 or 512 MiB, and seconds of generation).
	dot := c.Kernel == Dot
	switch c.Type {
	case "f32":
		var y []float32
		if dot {
			y = Float32s(c.N, 2)
		}
		run, err = runner(c, ops32, Float32s(c.N, 1), y)
	case "f64":
		var y []float64
		if dot {
			y = Float64s(c.N, 2)
		}
		run, err = runner(c, ops64, Float64s(c.N, 1), y)
	default:
		err = fmt.Errorf("unknown type %q", c.Type)
	}
	if err != nil {
		restore()
		return nil, nil, err
	}
	return run, restore, nil
}

// readRun xors x on threads goroutines (the caller's counting as one), each
// over a contiguous part.
func readRun(x []uint64, threads int) func() float64 {
	if threads == 1 {
		return func() float64 { return float64(asm.XorU64(x)) }
	}
	parts := make([]uint64, threads)
	return func() float64 {
		var wg sync.WaitGroup
		n := len(x)
		for t := 1; t < threads; t++ {
			wg.Go(func() {
				parts[t] = asm.XorU64(x[t*n/threads : (t+1)*n/threads])
			})
		}
		r := asm.XorU64(x[:n/threads])
		wg.Wait()
		for _, p := range parts[1:] {
			r ^= p
		}
		return float64(r)
	}
}

// ops holds the op instantiations as a user writes them (op.Add[float32]
// and so on, taken in non-generic code), so hpgo sees exactly the function
// values it recognises.
type ops[T float32 | float64] struct {
	add, mul, min, max func(T, T) T
	square             func(T) T
	vekSum, vekMin     func([]T) T
	vekMax             func([]T) T
	vekDot             func(x, y []T) T
	gonum              func(k Kernel, x, y []T) (func() T, error)
}

var ops32 = ops[float32]{
	add: op.Add[float32], mul: op.Mul[float32], min: op.Min[float32], max: op.Max[float32],
	square: op.Square[float32],
	vekSum: vek32.Sum, vekMin: vek32.Min, vekMax: vek32.Max, vekDot: vek32.Dot,
	gonum: gonum32,
}

var ops64 = ops[float64]{
	add: op.Add[float64], mul: op.Mul[float64], min: op.Min[float64], max: op.Max[float64],
	square: op.Square[float64],
	vekSum: vek.Sum, vekMin: vek.Min, vekMax: vek.Max, vekDot: vek.Dot,
	gonum: gonum64,
}

func runner[T float32 | float64](c Case, o ops[T], x, y []T) (func() float64, error) {
	var f func() T
	switch c.Impl.Lib {
	case "hpgo":
		p, err := policyOf(c.Impl.Policy)
		if err != nil {
			return nil, err
		}
		switch c.Kernel {
		case Sum:
			f = func() T { return parallel.Reduce(p, x, 0, o.add) }
		case SumSquares:
			f = func() T { return parallel.TransformReduce(p, x, 0, o.add, o.square) }
		case Dot:
			f = func() T { return parallel.TransformReduce2(p, x, y, 0, o.add, o.mul) }
		case Min:
			inf := T(math.Inf(1))
			f = func() T { return parallel.Reduce(p, x, inf, o.min) }
		case Max:
			inf := T(math.Inf(-1))
			f = func() T { return parallel.Reduce(p, x, inf, o.max) }
		}
	case "go-loop":
		switch c.Kernel {
		case Sum:
			f = func() T { return loopSum(x) }
		case SumSquares:
			f = func() T { return loopSumSquares(x) }
		case Dot:
			f = func() T { return loopDot(x, y) }
		case Min:
			f = func() T { return loopMin(x) }
		case Max:
			f = func() T { return loopMax(x) }
		}
	case "vek":
		switch c.Kernel {
		case Sum:
			f = func() T { return o.vekSum(x) }
		case SumSquares:
			f = func() T { return o.vekDot(x, x) }
		case Dot:
			f = func() T { return o.vekDot(x, y) }
		case Min:
			f = func() T { return o.vekMin(x) }
		case Max:
			f = func() T { return o.vekMax(x) }
		}
	case "gonum":
		var err error
		if f, err = o.gonum(c.Kernel, x, y); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown impl %q", c.Impl)
	}
	if f == nil {
		return nil, fmt.Errorf("unknown kernel %q", c.Kernel)
	}
	return func() float64 { return float64(f()) }, nil
}

func gonum64(k Kernel, x, y []float64) (func() float64, error) {
	switch k {
	case Sum:
		return func() float64 { return floats.Sum(x) }, nil
	case SumSquares:
		return func() float64 { return floats.Dot(x, x) }, nil
	case Dot:
		return func() float64 { return floats.Dot(x, y) }, nil
	case Min:
		return func() float64 { return floats.Min(x) }, nil
	case Max:
		return func() float64 { return floats.Max(x) }, nil
	}
	return nil, fmt.Errorf("unknown kernel %q", k)
}

// gonum32: gonum's float32 support is BLAS level 1 (blas32): a dot product,
// but no plain sum, min or max.
func gonum32(k Kernel, x, y []float32) (func() float32, error) {
	vx := blas32.Vector{N: len(x), Inc: 1, Data: x}
	vy := blas32.Vector{N: len(y), Inc: 1, Data: y}
	switch k {
	case SumSquares:
		return func() float32 { return blas32.Dot(vx, vx) }, nil
	case Dot:
		return func() float32 { return blas32.Dot(vx, vy) }, nil
	}
	return nil, fmt.Errorf("%w: gonum has no float32 %s (only blas32.Dot)", ErrSkip, k)
}

// The plain Go loops: what a Go programmer writes without a library.

func loopSum[T float32 | float64](x []T) T {
	var s T
	for _, v := range x {
		s += v
	}
	return s
}

func loopSumSquares[T float32 | float64](x []T) T {
	var s T
	for _, v := range x {
		s += v * v
	}
	return s
}

func loopDot[T float32 | float64](x, y []T) T {
	var s T
	y = y[:len(x)]
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

func loopMin[T float32 | float64](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		if v < m {
			m = v
		}
	}
	return m
}

func loopMax[T float32 | float64](x []T) T {
	m := x[0]
	for _, v := range x[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

// Spec selects cases: every combination of its kernels, types, sizes and
// impls, in that nesting order (kernel outermost).
type Spec struct {
	// Kernels are the kernels to time (Read is made by ReadCases instead).
	Kernels []Kernel
	// Types are element types, "f32" and "f64".
	Types []string
	// Sizes are input lengths in elements.
	Sizes []int
	// Impls are the implementations, hpgo's and the peers'.
	Impls []Impl
}

// Cases expands the spec.
func (s Spec) Cases() []Case {
	var cs []Case
	for _, k := range s.Kernels {
		for _, t := range s.Types {
			for _, n := range s.Sizes {
				for _, im := range s.Impls {
					cs = append(cs, Case{Kernel: k, Type: t, N: n, Impl: im})
				}
			}
		}
	}
	return cs
}

// ReadCases returns the bandwidth probes for the given goroutine counts and
// lengths (in uint64 elements), at the active asm tier.
func ReadCases(threads []int, sizes []int) []Case {
	var cs []Case
	for _, t := range threads {
		for _, n := range sizes {
			cs = append(cs, Case{Kernel: Read, Type: "u64", N: n, Threads: t})
		}
	}
	return cs
}

// ProbeTiers lists the SIMD tiers this machine supports, best first (pure
// Go only where there is no SIMD tier). The bandwidth probe runs under
// each and keeps the fastest, as STREAM keeps its best time: the probe
// measures the machine, not a tier choice. (On AMD Zen 4, whose AVX-512
// units are 256 bits wide, the AVX2 loop streams a little faster.)
func ProbeTiers() []string {
	var ts []string
	for _, t := range []asm.Tier{asm.AVX512, asm.AVX2} {
		if asm.Supported(t) {
			ts = append(ts, t.String())
		}
	}
	if len(ts) == 0 {
		ts = []string{asm.PureGo.String()}
	}
	return ts
}

// WithTier returns the read probe c forced to an asm tier.
func (c Case) WithTier(tier string) Case {
	c.Impl.Tier = tier
	return c
}
