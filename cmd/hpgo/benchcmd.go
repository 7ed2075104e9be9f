package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/sched"
)

type benchOptions struct {
	kernels  string
	types    string
	sizes    string
	policies string
	tiers    string
	peers    bool
	cpp      string
	cppBin   string
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
and prints GB/s (input bytes read per second), ns/op and %bw, the share of
the read bandwidth timed in the same rounds (a STREAM-like xor over a
[]uint64): for inputs of 128 MiB and more on as many goroutines as hpgo has
workers, for smaller ones on one goroutine over the same number of bytes
(the limit of a single-threaded kernel; parallel rows show no %bw there).

The headline kernel "sumsquares" is
    parallel.TransformReduce(p, xs, 0, op.Add, op.Square)
"sum" is parallel.Reduce(p, xs, 0, op.Add) and "dot" is
parallel.TransformReduce2(p, xs, ys, 0, op.Add, op.Mul); "min" and "max"
are parallel.Reduce with op.Min and op.Max.

Each row is the median of --count rounds. In each round every
implementation (the C++ peers too) is timed the same way: batches of calls
sized to at least a quarter of --duration, five of them, their median.
Each round starts with the next implementation (the probe comes last), so
that the one timed first, which finds the caches holding other data, is a
different one in every round.
With the defaults it takes about a minute.`,
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
	f.StringVar(&o.tiers, "tiers", "", "asm tiers to force for unseq and par (avx512,avx2,purego); empty: the active tier only")
	f.BoolVar(&o.peers, "peers", false, "also time the plain Go loop, gonum and vek")
	f.StringVar(&o.cpp, "cpp", "", "merge rows the C++ peers' binary wrote to `file` (build it with bench/peers/build.sh bench/peers/build/transform_reduce)")
	f.StringVar(&o.cppBin, "cpp-bin", "", "run the C++ peers' `binary` in every round, beside the Go rows (build it with bench/peers/build.sh bench/peers/build/transform_reduce)")
	f.IntVar(&o.count, "count", 3, "rounds per row (the median is shown)")
	f.DurationVar(&o.duration, "duration", 100*time.Millisecond, "a round's timing of one row: 5 batches of at least a quarter of this each")
	f.StringVar(&o.bwSize, "bw-size", "64Mi", "length of the read-bandwidth probe in uint64s (0: skip the probe)")
	f.IntVar(&o.threads, "threads", 0, "start hpgo's runtime with this many workers (execution.OSThreads); 0: the default")
	f.StringVar(&o.plot, "plot", "auto", "write a PNG plot of GB/s against n to `file` (auto: hpgo-bench-UID.png in the temp directory, UID the user's id; off: none)")
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
	// best is the GB/s of the fastest round (STREAM's convention).
	best float64
	// bw is the read bandwidth of the probe timed in the same rounds as this
	// row: on every worker in DRAM-sized groups, on one goroutine (bwSingle)
	// in smaller ones. 0 without a probe: %bw then uses the one timed at the
	// start.
	bw       float64
	bwSingle bool
}

func (o *benchOptions) parse() (spec bench.Spec, bwN int, err error) {
	for _, k := range splitList(o.kernels) {
		if k == "all" {
			spec.Kernels = append(spec.Kernels, bench.Kernels...)
			continue
		}
		kk, err := bench.ParseKernel(k)
		if err != nil {
			return spec, 0, fmt.Errorf("--kernels: %w", err)
		}
		if kk == bench.Read {
			return spec, 0, errors.New("--kernels: read is the bandwidth probe; size it with --bw-size")
		}
		spec.Kernels = append(spec.Kernels, kk)
	}
	for _, t := range splitList(o.types) {
		if t != "f32" && t != "f64" {
			return spec, 0, fmt.Errorf("--types: unknown type %q (want f32, f64)", t)
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
			return spec, 0, fmt.Errorf("--tiers: %s", strings.TrimPrefix(err.Error(), "hpgo: "))
		}
		tiers = append(tiers, tt.String())
	}
	for _, p := range splitList(o.policies) {
		im := bench.Hpgo(p)
		if _, err := bench.ParseImpl(im.String()); err != nil {
			return spec, 0, fmt.Errorf("--policies: %w", err)
		}
		// Tiers apply to unseq and par (seq is the generic left fold;
		// par_unseq runs at the active tier).
		if (p != "unseq" && p != "par") || len(tiers) == 0 {
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
	if err := o.checkFiles(); err != nil {
		return spec, 0, err
	}
	if o.duration <= 0 {
		return spec, 0, fmt.Errorf("--duration must be positive, not %v", o.duration)
	}
	if o.threads < 0 {
		return spec, 0, fmt.Errorf("--threads must be 0 (the default) or more, not %d", o.threads)
	}
	for _, empty := range []struct {
		flag string
		n    int
	}{{"--kernels", len(spec.Kernels)}, {"--types", len(spec.Types)}, {"--sizes", len(spec.Sizes)}, {"--policies or --peers", len(spec.Impls)}} {
		if empty.n == 0 {
			return spec, 0, fmt.Errorf("%s selects nothing to time", empty.flag)
		}
	}
	return spec, bwN, nil
}

// checkFiles refuses, before anything is timed, a --cpp file that cannot be
// read, a --cpp-bin that is not an executable, and a --plot file that
// exists but cannot be written or whose directory cannot take a file: each would otherwise fail minutes into the
// run.
func (o *benchOptions) checkFiles() error {
	if o.cpp != "" {
		f, err := os.Open(o.cpp)
		if err != nil {
			return fmt.Errorf("--cpp: %w", err)
		}
		f.Close()
	}
	if o.cppBin != "" {
		if _, err := exec.LookPath(o.cppBin); err != nil {
			return fmt.Errorf("--cpp-bin: %w", err)
		}
	}
	if path := o.plotPath(); path != "" {
		if st, err := os.Stat(path); err == nil {
			if st.IsDir() {
				return fmt.Errorf("--plot: %s is a directory", path)
			}
			f, err := os.OpenFile(path, os.O_WRONLY, 0) // to be overwritten
			if err != nil {
				return fmt.Errorf("--plot: %w", err)
			}
			f.Close()
		}
		dir := filepath.Dir(path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("--plot: %s is not a directory", dir)
		}
		f, err := os.CreateTemp(dir, ".hpgo-plot-check-*")
		if err != nil {
			return fmt.Errorf("--plot: cannot write to %s: %w", dir, err)
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}

// splitList splits a comma-separated flag value into its names, in lower
// case, each once, in the order given.
func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// rotated returns s rotated left by r: round r of a group starts at slot r
// (mod len(s)).
func rotated[T any](s []T, r int) []T {
	if len(s) == 0 {
		return s
	}
	r %= len(s)
	return append(slices.Clone(s[r:]), s[:r]...)
}

// group is the cases of one (kernel, type, n): they are timed round-robin,
// count rounds, so that a change in the machine's state (the memory
// bandwidth of a shared host drifts by tens of percent over minutes) hits
// every implementation alike.
type group struct {
	kernel bench.Kernel
	typ    string
	n      int
	cases  []bench.Case
}

// dramBytes: a group reading at least this much is out in DRAM; it gets a
// bandwidth probe of its own, timed in the same rounds.
const dramBytes = 128 << 20

func groupsOf(cases []bench.Case) []*group {
	var gs []*group
	for _, c := range cases {
		if len(gs) == 0 || gs[len(gs)-1].kernel != c.Kernel || gs[len(gs)-1].typ != c.Type || gs[len(gs)-1].n != c.N {
			gs = append(gs, &group{kernel: c.Kernel, typ: c.Type, n: c.N})
		}
		g := gs[len(gs)-1]
		g.cases = append(g.cases, c)
	}
	// Type and size outermost: the kernels of one (type, n) share inputs.
	slices.SortStableFunc(gs, func(a, b *group) int {
		if c := cmp.Compare(a.typ, b.typ); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	return gs
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
	} else if _, err := sched.DefaultWorkers(); err != nil {
		return err // a bad HPGO_OS_THREADS, which the lazy start would panic on
	}
	var cppRows []row
	if o.cpp != "" {
		if cppRows, err = readCppRows(o.cpp); err != nil {
			return fmt.Errorf("--cpp: %w", err)
		}
	}
	// The probe, the C++ peers and Par all run on as many threads as hpgo
	// has workers.
	threads := execution.NumWorkers()
	writeHeader(stdout, o)

	var rows []row
	var notes []string
	skipped := map[string]bool{}
	// once times c for one round; ok is false when c cannot run here.
	once := func(c bench.Case) (ns float64, ok bool, err error) {
		name := fmt.Sprintf("%s %s n=%s %s", c.Kernel, c.Type, bench.FormatSize(c.N), c.ImplName())
		if skipped[name] {
			return 0, false, nil
		}
		run, restore, err := c.Prepare()
		if errors.Is(err, bench.ErrSkip) {
			skipped[name] = true
			notes = append(notes, name+": "+strings.TrimPrefix(err.Error(), bench.ErrSkip.Error()+": "))
			return 0, false, nil
		}
		if err != nil {
			return 0, false, err
		}
		defer restore()
		return bench.MedianOfReps(run, o.repTime(), repsPerRound), true, nil
	}
	rowOf := func(c bench.Case, samples []float64) row {
		ns := bench.Median(samples)
		b := float64(c.Bytes())
		return row{kernel: c.Kernel, typ: c.Type, n: c.N, impl: c.ImplName(), nsPerOp: ns, gbps: b / ns, best: b / slices.Min(samples)}
	}

	fmt.Fprintln(stderr, "measuring:")
	var bw1, bwPar float64 // on 1 goroutine, on threads
	var probe bench.Case
	if bwN > 0 {
		fmt.Fprintf(stderr, "  read bandwidth, %s uint64s, tiers %s\n", bench.FormatSize(bwN), strings.Join(bench.ProbeTiers(), ","))
		for _, c := range bench.ReadCases(slices.Compact([]int{1, threads}), []int{bwN}) {
			tiers := bench.ProbeTiers()
			samples := make([][]float64, len(tiers))
			for range o.count {
				for i, t := range tiers {
					ns, _, err := once(c.WithTier(t))
					if err != nil {
						return err
					}
					samples[i] = append(samples[i], ns)
				}
			}
			for i, t := range tiers {
				r := rowOf(c.WithTier(t), samples[i])
				rows = append(rows, r)
				if c.Threads == 1 {
					bw1 = max(bw1, r.gbps)
				}
				if c.Threads == threads {
					bwPar = max(bwPar, r.gbps)
				}
			}
			probe = c
		}
	}
	// fastest times probe c under each SIMD tier and keeps the fastest.
	fastest := func(c bench.Case) (float64, error) {
		best := math.Inf(1)
		for _, t := range bench.ProbeTiers() {
			ns, _, err := once(c.WithTier(t))
			if err != nil {
				return 0, err
			}
			best = min(best, ns)
		}
		return best, nil
	}

	var localBW, loads []float64
	groups := groupsOf(spec.Cases())
	for gi, g := range groups {
		if l, err := strconv.ParseFloat(strings.Fields(loadAvg() + " x")[0], 64); err == nil {
			loads = append(loads, l)
		}
		fmt.Fprintf(stderr, "  %-10s %-3s %6s: %d impls x %d rounds\n", g.kernel, g.typ, bench.FormatSize(g.n), len(g.cases), o.count)
		samples := make([][]float64, len(g.cases))
		cppSamples := map[string][]float64{}
		// A DRAM-sized group gets the probe on every worker; a smaller one
		// a 1-goroutine probe over the same number of bytes: the limit of a
		// single-threaded kernel at that size.
		var probeSamples []float64
		groupProbe, groupProbeImpl := probe, probeName(threads)
		local := bwN > 0 && g.cases[0].Bytes() >= dramBytes
		if bwN > 0 && !local {
			groupProbe = bench.ReadCases([]int{1}, []int{max(1, int(g.cases[0].Bytes()/8))})[0]
			groupProbeImpl = cacheProbeImpl
		}
		probed := bwN > 0
		// The slots of a round: every Go case and the C++ peers (one run
		// of their binary); the probe follows them.
		var slots []func(round int) error
		for i, c := range g.cases {
			slots = append(slots, func(int) error {
				ns, ok, err := once(c)
				if ok {
					samples[i] = append(samples[i], ns)
				}
				return err
			})
		}
		if o.cppBin != "" {
			slots = append(slots, func(round int) error {
				rs, err := runCpp(o.cppBin, g, o, threads, round == 0)
				if err != nil {
					return fmt.Errorf("--cpp-bin: %w", err)
				}
				for _, r := range rs {
					cppSamples[r.impl] = append(cppSamples[r.impl], r.nsPerOp)
				}
				return nil
			})
		}
		for round := range o.count {
			if local && round > 0 {
				// Fresh inputs on fresh pages every round, as the C++
				// peers get in their own processes: on this kind of host
				// the same loop reads up to 10% faster or slower from one
				// allocation of physical memory than from another.
				bench.Release()
				debug.FreeOSMemory()
			}
			// Each round starts one slot further along. Whatever is timed
			// first, right after the last round's probe or another
			// group, pays for the caches turning over: on a host with a
			// large shared L3, a 4 MiB input read first has read 15-25%
			// slower through its whole slot. Rotating hands that turn to
			// each implementation in one round of as many, which the
			// median drops, instead of to the first one in every round.
			for _, slot := range rotated(slots, round) {
				if err := slot(round); err != nil {
					return err
				}
			}
			if probed {
				// The probe stays last: in the rotation it would keep its
				// neighbours, and the same case would follow it each round.
				ns, err := fastest(groupProbe)
				if err != nil {
					return err
				}
				probeSamples = append(probeSamples, ns)
			}
		}
		var bw, bwBest float64
		if probed {
			bw = float64(groupProbe.Bytes()) / bench.Median(probeSamples)
			bwBest = float64(groupProbe.Bytes()) / slices.Min(probeSamples)
		}
		if local {
			localBW = append(localBW, bw)
		}
		single := probed && !local
		for i, c := range g.cases {
			if len(samples[i]) > 0 {
				r := rowOf(c, samples[i])
				r.bw, r.bwSingle = bw, single
				rows = append(rows, r)
			}
		}
		for impl, ss := range cppSamples {
			ns := bench.Median(ss)
			bytes := float64(g.cases[0].Bytes())
			rows = append(rows, row{kernel: g.kernel, typ: g.typ, n: g.n, impl: impl, nsPerOp: ns,
				gbps: bytes / ns, best: bytes / slices.Min(ss), bw: bw, bwSingle: single})
		}
		if probed {
			rows = append(rows, row{kernel: g.kernel, typ: g.typ, n: g.n, impl: groupProbeImpl,
				nsPerOp: bench.Median(probeSamples), gbps: bw, best: bwBest, bw: bw, bwSingle: single})
		}
		// Inputs of one type and size are shared by its kernels; drop the
		// large ones once the next group needs others.
		if g.n >= 1<<24 && (gi+1 == len(groups) || groups[gi+1].n != g.n || groups[gi+1].typ != g.typ) {
			bench.Release()
		}
	}
	bench.Release()

	rows = append(rows, withGroupProbes(cppRows, rows)...)
	sortRows(rows)
	writeTable(stdout, rows, bwPar, bwN, threads)
	if bw1 > 0 && bwPar > 0 {
		fmt.Fprintf(stdout, "\nread bandwidth (xor of %s uint64s, the faster SIMD tier): %.1f GB/s on 1 goroutine, %.1f GB/s on %d (at the start)\n",
			bench.FormatSize(bwN), bw1, bwPar, threads)
	}
	if la := loadAvg(); la != "" && len(loads) > 0 {
		fmt.Fprintf(stdout, "load average at the end: %s; 1-minute load seen during the run: %.2f to %.2f\n",
			la, slices.Min(loads), slices.Max(loads))
	}
	if len(localBW) > 0 {
		fmt.Fprintf(stdout, "%d-goroutine read bandwidth timed within the DRAM-sized groups: %.1f to %.1f GB/s (median %.1f)\n",
			threads, slices.Min(localBW), slices.Max(localBW), bench.Median(localBW))
	}
	if len(notes) > 0 {
		fmt.Fprintln(stdout, "\nskipped:")
		for _, n := range notes {
			fmt.Fprintln(stdout, "  "+n)
		}
	}
	writeGoals(stdout, rows, bwPar, threads)
	if path := o.plotPath(); path != "" {
		if err := writePlot(path, rows, bwPar, threads); err != nil {
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
		// One file per user: another user's plot in a shared temp
		// directory is not ours to overwrite.
		name := "hpgo-bench.png"
		if uid := os.Getuid(); uid >= 0 {
			name = fmt.Sprintf("hpgo-bench-%d.png", uid)
		}
		return filepath.Join(os.TempDir(), name)
	}
	return o.plot
}

func writeHeader(w io.Writer, o *benchOptions) {
	fmt.Fprintf(w, "hpgo bench: %s, %s, GOMAXPROCS %d, hpgo workers %d, asm tier %s\n",
		runtime.Version(), cpuBrand(), runtime.GOMAXPROCS(0), execution.NumWorkers(), asm.Active())
	if la := loadAvg(); la != "" {
		fmt.Fprintf(w, "load average at start: %s\n", la)
	}
	fmt.Fprintf(w, "median of %d rounds, each the median of %d batches of at least %s; GB/s = input bytes read / time\n", o.count, repsPerRound, o.repTime())
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

// probeName names the bandwidth probe's row on threads goroutines (inside a
// DRAM-sized group), and cacheProbeImpl the 1-goroutine probe's row over the
// same bytes in a smaller group: per round, the faster of the SIMD tiers.
func probeName(threads int) string { return fmt.Sprintf("read-bw threads=%d", threads) }

const cacheProbeImpl = "read-bw threads=1"

// Every implementation, Go or C++, is timed the same way in each round:
// batches sized to at least repTime (a quarter of --duration, at least
// 10 ms), repsPerRound of them, their median (bench.MedianOfReps and
// time_kernel in transform_reduce.cpp).
const repsPerRound = 5

func (o *benchOptions) repTime() time.Duration {
	return max(10*time.Millisecond, o.duration/4)
}

// cppImpls are the implementations the C++ peers binary times.
var cppImpls = []string{"cpp-tbb", "cpp-omp"}

// runCpp runs the C++ peers binary for one group on threads threads and
// returns its rows: one per C++ implementation (cppImpls), each the median
// of its repetitions. Anything else is an error, so that a binary which
// times nothing cannot make a goal check vanish from the table. With check
// the binary also checks its results against a sequential reference (the
// first round of each group: a pass over the input per implementation).
func runCpp(bin string, g *group, o *benchOptions, threads int, check bool) ([]row, error) {
	checkArg := "0"
	if check {
		checkArg = "1"
	}
	cmd := exec.Command(bin, "--threads", strconv.Itoa(threads), "--reps", strconv.Itoa(repsPerRound),
		"--min-ms", strconv.FormatInt(o.repTime().Milliseconds(), 10), "--sizes", strconv.Itoa(g.n),
		"--kernels", string(g.kernel), "--types", g.typ, "--check", checkArg)
	// OMP_WAIT_POLICY=passive (which the in-process peers suggest) or
	// OMP_THREAD_LIMIT left in the environment would change what the C++
	// rows measure: the binary runs without the OpenMP variables.
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "OMP_") || strings.HasPrefix(kv, "GOMP_")
	})
	var errb strings.Builder
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(errb.String()); msg != "" {
			// One line: the binary's stderr lines joined by "; ".
			return nil, fmt.Errorf("%s: %v: %s", bin, err, strings.ReplaceAll(msg, "\n", "; "))
		}
		return nil, fmt.Errorf("%s: %v", bin, err)
	}
	if err := checkCppThreads(string(out), threads); err != nil {
		return nil, fmt.Errorf("%s: %w", bin, err)
	}
	rows, err := parseCppRows(strings.NewReader(string(out)), bin)
	if err != nil {
		return nil, err
	}
	var got []string
	for _, r := range rows {
		if r.kernel != g.kernel || r.typ != g.typ || r.n != g.n {
			return nil, fmt.Errorf("%s: asked for %s %s n=%d, got a row for %s %s n=%d", bin, g.kernel, g.typ, g.n, r.kernel, r.typ, r.n)
		}
		got = append(got, r.impl)
	}
	slices.Sort(got)
	if !slices.Equal(got, slices.Sorted(slices.Values(cppImpls))) {
		return nil, fmt.Errorf("%s: %s %s n=%d: got rows for %v, want one for each of %v", bin, g.kernel, g.typ, g.n, got, cppImpls)
	}
	return rows, nil
}
