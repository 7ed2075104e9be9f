package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
)

type benchOptions struct {
	kernels  string
	types    string
	sizes    string
	policies string
	tiers    string
	peers    bool
	cpp      string
	count    int
	duration time.Duration
	bwSize   string
	threads  int
	plot     string
	quiet    bool
}

func newBenchCmd() *cobra.Command {
	o := &benchOptions{}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Time the headline TransformReduce, Sum and Dot against the read bandwidth",
		Long: `bench times hpgo's reductions under each execution policy and input size
and prints GB/s (input bytes read per second), ns/op and the share of the
machine's 2-goroutine read bandwidth (a STREAM-like xor over a []uint64).

The headline kernel "sumsquares" is
    parallel.TransformReduce(p, xs, 0, op.Add, op.Square)
"sum" is parallel.Reduce(p, xs, 0, op.Add) and "dot" is
parallel.TransformReduce2(p, xs, ys, 0, op.Add, op.Mul); "min" and "max"
are parallel.Reduce with op.Min and op.Max.

Each row is the median of --count timings, each at least --duration long.
With the defaults it takes about half a minute.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBench(cmd.OutOrStdout(), cmd.ErrOrStderr(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.kernels, "kernels", "sumsquares,sum,dot", "kernels: sumsquares,sum,dot,min,max or all")
	f.StringVar(&o.types, "types", "f32", "element types: f32,f64")
	f.StringVar(&o.sizes, "sizes", "4Ki,256Ki,4Mi,64Mi", "input lengths (elements; Ki/Mi suffixes allowed)")
	f.StringVar(&o.policies, "policies", "seq,unseq,par,par_unseq", "hpgo execution policies")
	f.StringVar(&o.tiers, "tiers", "", "asm tiers to force for unseq/par/par_unseq (avx512,avx2,purego); empty: the active tier only")
	f.BoolVar(&o.peers, "peers", false, "also time the plain Go loop, gonum and vek")
	f.StringVar(&o.cpp, "cpp", "", "merge the rows the C++ peers wrote to `file` (bench/peers/run.sh)")
	f.IntVar(&o.count, "count", 3, "timings per row (the median is shown)")
	f.DurationVar(&o.duration, "duration", 100*time.Millisecond, "minimum length of one timing")
	f.StringVar(&o.bwSize, "bw-size", "64Mi", "length of the read-bandwidth probe in uint64s (0: skip the probe)")
	f.IntVar(&o.threads, "threads", 0, "start hpgo's runtime with this many workers (execution.OSThreads); 0: the default")
	f.StringVar(&o.plot, "plot", "auto", "write a PNG plot of GB/s against n to `file` (auto: hpgo-bench.png in the temp directory; off: none)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress lines on stderr")
	return cmd
}

// row is one line of the table.
type row struct {
	kernel  bench.Kernel
	typ     string
	n       int
	impl    string
	nsPerOp float64
	gbps    float64
}

func (o *benchOptions) parse() (spec bench.Spec, bwN int, err error) {
	for _, k := range splitList(o.kernels) {
		if k == "all" {
			spec.Kernels = append(spec.Kernels, bench.Kernels...)
			continue
		}
		kk, err := bench.ParseKernel(k)
		if err != nil {
			return spec, 0, err
		}
		if kk != bench.Read {
			spec.Kernels = append(spec.Kernels, kk)
		}
	}
	for _, t := range splitList(o.types) {
		if t != "f32" && t != "f64" {
			return spec, 0, fmt.Errorf("unknown type %q (want f32, f64)", t)
		}
		spec.Types = append(spec.Types, t)
	}
	if spec.Sizes, err = bench.ParseSizes(o.sizes); err != nil {
		return spec, 0, fmt.Errorf("--sizes: %w", err)
	}
	var tiers []string
	for _, t := range splitList(o.tiers) {
		tt, err := asm.ParseTier(t)
		if err != nil {
			return spec, 0, err
		}
		tiers = append(tiers, tt.String())
	}
	for _, p := range splitList(o.policies) {
		im := bench.Hpgo(p)
		if _, err := bench.ParseImpl(im.String()); err != nil {
			return spec, 0, err
		}
		if p == "seq" || len(tiers) == 0 {
			spec.Impls = append(spec.Impls, im)
			continue
		}
		for _, t := range tiers {
			im.Tier = t
			spec.Impls = append(spec.Impls, im)
		}
	}
	if o.peers {
		spec.Impls = append(spec.Impls, bench.GoLoop, bench.Gonum, bench.Vek)
	}
	if o.bwSize != "0" && o.bwSize != "" {
		if bwN, err = bench.ParseSize(o.bwSize); err != nil {
			return spec, 0, fmt.Errorf("--bw-size: %w", err)
		}
	}
	if o.count < 1 {
		return spec, 0, errors.New("--count must be at least 1")
	}
	return spec, bwN, nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func runBench(stdout, stderr io.Writer, o *benchOptions) error {
	spec, bwN, err := o.parse()
	if err != nil {
		return err
	}
	if o.quiet {
		stderr = io.Discard
	}
	if o.threads > 0 {
		if err := execution.Init(execution.OSThreads(o.threads)); err != nil {
			return err
		}
	}
	var cppRows []row
	if o.cpp != "" {
		if cppRows, err = readCppRows(o.cpp); err != nil {
			return err
		}
	}
	writeHeader(stdout, o)

	var rows []row
	var notes []string
	measure := func(c bench.Case) error {
		fmt.Fprintf(stderr, "  %-10s %-3s %6s %s\n", c.Kernel, c.Type, bench.FormatSize(c.N), c.ImplName())
		run, restore, err := c.Prepare()
		if errors.Is(err, bench.ErrSkip) {
			reason := strings.TrimPrefix(err.Error(), bench.ErrSkip.Error()+": ")
			notes = append(notes, fmt.Sprintf("%s %s n=%s %s: %s", c.Kernel, c.Type, bench.FormatSize(c.N), c.ImplName(), reason))
			return nil
		}
		if err != nil {
			return err
		}
		ns, _ := bench.MeasureMedian(run, o.duration, o.count)
		restore()
		rows = append(rows, row{
			kernel: c.Kernel, typ: c.Type, n: c.N, impl: c.ImplName(),
			nsPerOp: ns, gbps: float64(c.Bytes()) / ns,
		})
		return nil
	}

	fmt.Fprintln(stderr, "measuring:")
	var bw1, bw2 float64
	if bwN > 0 {
		for _, c := range bench.ReadCases([]int{1, 2}, []int{bwN}) {
			if err := measure(c); err != nil {
				return err
			}
			if c.Threads == 1 {
				bw1 = rows[len(rows)-1].gbps
			} else {
				bw2 = rows[len(rows)-1].gbps
			}
		}
	}
	// Inputs of one type and size are shared by the kernels; keep the
	// largest ones only as long as they are needed.
	cases := spec.Cases()
	for i, c := range cases {
		if err := measure(c); err != nil {
			return err
		}
		if i+1 == len(cases) || cases[i+1].N != c.N || cases[i+1].Type != c.Type {
			if c.N >= 1<<24 {
				bench.Release()
			}
		}
	}
	bench.Release()

	rows = append(rows, cppRows...)
	sortRows(rows)
	writeTable(stdout, rows, bw2, bwN)
	if bw1 > 0 && bw2 > 0 {
		fmt.Fprintf(stdout, "\nread bandwidth (xor of %s uint64s): %.1f GB/s on 1 goroutine, %.1f GB/s on 2\n",
			bench.FormatSize(bwN), bw1, bw2)
	}
	if len(notes) > 0 {
		fmt.Fprintln(stdout, "\nskipped:")
		for _, n := range notes {
			fmt.Fprintln(stdout, "  "+n)
		}
	}
	writeGoals(stdout, rows, bw2)
	if path := o.plotPath(); path != "" {
		if err := writePlot(path, rows, bw2); err != nil {
			return fmt.Errorf("--plot: %w", err)
		}
		fmt.Fprintf(stdout, "\nplot written to %s\n", path)
	}
	return nil
}

// plotPath resolves --plot: "" for none.
func (o *benchOptions) plotPath() string {
	switch strings.ToLower(o.plot) {
	case "", "off", "none", "no", "false":
		return ""
	case "auto":
		return filepath.Join(os.TempDir(), "hpgo-bench.png")
	}
	return o.plot
}

func writeHeader(w io.Writer, o *benchOptions) {
	fmt.Fprintf(w, "hpgo bench: %s, %s, GOMAXPROCS %d, hpgo workers %d, asm tier %s\n",
		runtime.Version(), cpuBrand(), runtime.GOMAXPROCS(0), execution.NumWorkers(), asm.Active())
	if la := loadAvg(); la != "" {
		fmt.Fprintf(w, "load average at start: %s\n", la)
	}
	fmt.Fprintf(w, "median of %d timings of at least %s each; GB/s = input bytes read / time\n", o.count, o.duration)
	fmt.Fprintln(w, "sumsquares = parallel.TransformReduce(p, xs, 0, op.Add, op.Square), the headline call")
}

// loadAvg returns the 1, 5 and 15 minute load averages where /proc has them.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
