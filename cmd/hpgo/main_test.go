package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
)

func run(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCmd(&out, &errb)
	root.SetArgs(goStyleArgs(root, args))
	if err := root.Execute(); err != nil {
		t.Fatalf("hpgo %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

func TestInfo(t *testing.T) {
	out, _ := run(t, "info")
	for _, want := range []string{"Go", "GOMAXPROCS", "hpgo workers", "CPU", "asm tier", "HPGO_CPU", "HPGO_OS_THREADS", "backends", "cuda"} {
		if !strings.Contains(out, want) {
			t.Errorf("info output lacks %q:\n%s", want, out)
		}
	}
}

// TestBenchTiny runs the bench command at one tiny size with Go-style
// single-dash flags and checks the table and the plot.
func TestBenchTiny(t *testing.T) {
	png := filepath.Join(t.TempDir(), "bench.png")
	out, _ := run(t, "bench", "-sizes", "4Ki", "-count", "1", "-duration", "1ms",
		"-bw-size", "64Ki", "-kernels", "sumsquares,dot", "-policies", "seq,unseq,par", "-peers", "-plot", png, "-q")
	for _, re := range []string{
		`(?m)^\s*sumsquares\s+f32\s+4Ki\s+hpgo/policy=seq\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+[0-9]+%`,
		`(?m)^\s*dot\s+f32\s+4Ki\s+hpgo/policy=par\s+[0-9.]+`,
		`(?m)^\s*read\s+u64\s+64Ki\s+threads=\d+(/tier=\w+)?\s`,
		`(?m)^\s*dot\s+f32\s+4Ki\s+vek\s`,
		// A cache-sized group carries the 1-goroutine probe over its bytes
		// (dot reads 2 x 16 KiB), its rows' %bw relative to it.
		`(?m)^\s*dot\s+f32\s+4Ki\s+read-bw threads=1\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+100%`,
		`(?m)^\s*dot\s+f32\s+4Ki\s+hpgo/policy=unseq\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+[0-9]+%$`,
		`(?m)unseq >= 1\.2x vek\s+dot f32 4Ki\s+[0-9]+\.[0-9]{3}x \(hpgo at [0-9]+%, vek at [0-9]+% of the 1-goroutine read\)`,
		`plot written to`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("bench output does not match %s:\n%s", re, out)
		}
	}
	if st, err := os.Stat(png); err != nil || st.Size() == 0 {
		t.Errorf("no plot: %v", err)
	}
	// With more than one worker, a parallel row has no %bw against the
	// 1-goroutine probe of a cache-sized group.
	if execution.NumWorkers() > 1 {
		re := `(?m)^\s*dot\s+f32\s+4Ki\s+hpgo/policy=par\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+-$`
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("bench output does not match %s:\n%s", re, out)
		}
	}
}

// stubPeers writes a stand-in for the C++ peers binary and returns its
// path: a shell script that logs its arguments (see stubArgs), sets k, ty
// and n to the kernel, type and n it is asked for, prints a header and
// runs body.
func stubPeers(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "peers.sh")
	script := "#!/bin/sh\n" +
		"echo \"$@\" >> " + filepath.Join(dir, "args") + "\n" +
		"while [ $# -gt 1 ]; do case $1 in --sizes) n=$2;; --kernels) k=$2;; --types) ty=$2;; esac; shift 2; done\n" +
		"printf '# header\\n'\n" + body
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// rows is a stubPeers body printing one row per format, each a printf
// format given the kernel, type and n.
func rows(formats ...string) string {
	var b strings.Builder
	for _, f := range formats {
		b.WriteString("printf '" + f + "\\n' \"$k\" \"$ty\" \"$n\"\n")
	}
	return b.String()
}

// stubArgs returns the argument lists the stand-in at bin was called with,
// one per call.
func stubArgs(t *testing.T, bin string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(filepath.Dir(bin), "args"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// TestBenchCppBin runs a stand-in for the C++ peers binary in every round;
// the first round of a group asks it to check its results, the others not.
func TestBenchCppBin(t *testing.T) {
	bin := stubPeers(t, rows(`%s\t%s\t%s\tcpp-omp\t100\t0`, `%s\t%s\t%s\tcpp-tbb\t200\t0`))
	out, _ := run(t, "bench", "--sizes", "4Ki", "--count", "2", "--duration", "1ms", "--bw-size", "0",
		"--kernels", "sum", "--policies", "unseq", "--cpp-bin", bin, "--plot", "off", "-q")
	for _, re := range []string{
		`(?m)^sum\s+f32\s+4Ki\s+cpp-omp\s+163\.84\s+163\.84\s+100\s+-$`,
		`(?m)^sum\s+f32\s+4Ki\s+cpp-tbb\s+81\.92\s+81\.92\s+200\s+-$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("no row %s from the stand-in binary:\n%s", re, out)
		}
	}
	args := stubArgs(t, bin)
	if len(args) != 2 || !strings.HasSuffix(args[0], "--check 1") || !strings.HasSuffix(args[1], "--check 0") {
		t.Errorf("the stand-in was called with %q; want two calls, --check 1 then --check 0", args)
	}
}

// TestBenchCppBinIncomplete: a C++ peers binary that leaves out an
// implementation, or answers for another input, fails the run (a missing
// row would silently drop the "par >= best C++ peer" check).
func TestBenchCppBinIncomplete(t *testing.T) {
	for _, c := range []struct {
		body string
		want string
	}{
		{rows(`%s\t%s\t%s\tcpp-omp\t100\t0`), "want one for each of [cpp-tbb cpp-omp]"},
		{"", "want one for each of"},
		{rows(`%s\t%s\t%s\tcpp-omp\t100\t0`, `%s\t%s\t9%s\tcpp-tbb\t100\t0`), "asked for sum f32 n=4096, got a row for sum f32 n=94096"},
		// A failing binary's stderr lines come back on one line.
		{"echo 'transform_reduce: cpp-omp sum f32 n=4096 = 1, want 2' >&2; echo 'cpp-omp run failed' >&2; exit 1\n",
			"exit status 1: transform_reduce: cpp-omp sum f32 n=4096 = 1, want 2; cpp-omp run failed"},
	} {
		bin := stubPeers(t, c.body)
		root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
		root.SetArgs([]string{"bench", "--sizes", "4Ki", "--count", "1", "--duration", "1ms", "--bw-size", "0",
			"--kernels", "sum", "--policies", "unseq", "--cpp-bin", bin, "--plot", "off", "-q"})
		err := root.Execute()
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "--cpp-bin: ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("stand-in %q: err = %v, want one line starting \"--cpp-bin: \" and containing %q", c.body, err, c.want)
		}
	}
}

// TestBenchBadFlags: a bad flag is refused before anything is timed, with
// an error naming the flag; main prints it as one "hpgo: " line.
func TestBenchBadFlags(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sizes", "4Xi"}, `--sizes: bad size "4Xi"`},
		{[]string{"--policies", "fast"}, `--policies: `},
		{[]string{"--kernels", "fft"}, `--kernels: `},
		{[]string{"--types", "f16"}, `--types: unknown type "f16"`},
		{[]string{"--tiers", "sse9"}, `--tiers: unknown CPU tier "sse9"`},
		{[]string{"--kernels", "read"}, `--kernels: read is the bandwidth probe`},
		{[]string{"--kernels", ","}, `--kernels selects nothing`},
		{[]string{"--types", " , "}, `--types selects nothing`},
		{[]string{"--sizes", ","}, `--sizes selects nothing`},
		{[]string{"--policies", ","}, `--policies or --peers selects nothing`},
		{[]string{"--count", "0"}, `--count must be at least 1`},
		{[]string{"--duration", "0s"}, `--duration must be positive`},
		{[]string{"--duration", "-1s"}, `--duration must be positive`},
		{[]string{"--threads", "-3"}, `--threads must be 0`},
		{[]string{"--bw-size", "lots"}, `--bw-size: bad size`},
		{[]string{"--cpp", missing}, `--cpp: open ` + missing},
		{[]string{"--cpp-bin", missing}, `--cpp-bin: `},
		{[]string{"--plot", filepath.Join(missing, "x.png")}, `--plot: ` + missing + ` is not a directory`},
		{[]string{"--plot", t.TempDir()}, `is a directory`},
	} {
		var errb bytes.Buffer
		root := newRootCmd(&bytes.Buffer{}, &errb)
		root.SetArgs(append([]string{"bench", "--sizes", "4Ki", "--plot", "off"}, c.args...))
		err := root.Execute()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("hpgo bench %v: err = %v, want one containing %q", c.args, err, c.want)
			continue
		}
		if line := errorLine(err); !strings.HasPrefix(line, "hpgo: --") || strings.Contains(line, "hpgo: hpgo:") {
			t.Errorf("hpgo bench %v prints %q, want one line starting \"hpgo: --\"", c.args, line)
		}
		if errb.Len() != 0 {
			t.Errorf("hpgo bench %v: the command also printed %q (main prints the error once)", c.args, errb.String())
		}
	}
}

func TestErrorLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"--sizes: bad", "hpgo: --sizes: bad"},
		{"hpgo: HPGO_OS_THREADS=\"abc\": want a positive integer", "hpgo: HPGO_OS_THREADS=\"abc\": want a positive integer"},
	} {
		if got := errorLine(errors.New(c.in)); got != c.want {
			t.Errorf("errorLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGoStyleArgs(t *testing.T) {
	root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
	got := goStyleArgs(root, []string{"bench", "-sizes", "4Ki", "-count=2", "-q", "--plot", "x", "-x", "--", "-sizes"})
	want := []string{"bench", "--sizes", "4Ki", "--count=2", "-q", "--plot", "x", "-x", "--", "-sizes"}
	if !slices.Equal(got, want) {
		t.Fatalf("goStyleArgs = %q, want %q", got, want)
	}
}

// -help, like every long flag, takes one dash too: cobra adds it only when
// a command runs, after goStyleArgs has looked.
func TestSingleDashHelp(t *testing.T) {
	for _, args := range [][]string{{"-help"}, {"bench", "-help"}, {"info", "-help"}} {
		out, _ := run(t, args...)
		if !strings.Contains(out, "Usage:") {
			t.Errorf("hpgo %s printed no usage:\n%s", strings.Join(args, " "), out)
		}
	}
}

func TestCppRowsAndGoals(t *testing.T) {
	in := "# kernel\ttype\tn\timpl\tns_per_op\tGB/s\n" +
		"sum\tf32\t67108864\tcpp-omp\t20000000\t13.4\n" +
		"sum\tf32\t67108864\tcpp-tbb\t25000000\t10.7\n"
	rows, err := parseCppRows(strings.NewReader(in), "x")
	if err != nil || len(rows) != 2 {
		t.Fatalf("parseCppRows = %v, %v", rows, err)
	}
	par := bench.Hpgo("par").String()
	unseq := bench.Hpgo("unseq").String()
	rows = append(rows,
		row{kernel: bench.Sum, typ: "f32", n: 64 << 20, impl: par, gbps: 14, nsPerOp: 19e6},
		row{kernel: bench.Sum, typ: "f32", n: 4096, impl: par, gbps: 50, nsPerOp: 330},
		row{kernel: bench.Sum, typ: "f32", n: 4096, impl: unseq, gbps: 50, nsPerOp: 330},
		row{kernel: bench.Sum, typ: "f32", n: 4096, impl: "vek", gbps: 30, nsPerOp: 550},
		row{kernel: bench.Sum, typ: "f32", n: 4096, impl: "go-loop", gbps: 5, nsPerOp: 3300},
	)
	sortRows(rows)
	var b bytes.Buffer
	writeTable(&b, rows, 15, 64<<20, 2)
	writeGoals(&b, rows, 15, 2)
	out := b.String()
	for _, want := range []string{
		"met     par >= 90% of 2-thread read bandwidth",
		"met     par >= best C++ peer",
		"met     unseq >= 1.2x vek",
		"met     unseq >= 4x go-loop",
		"met     par not slower than unseq (5% tie band)",
		"5 of 5 checks met",
		"cpp-omp",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestBadThreadsVariable: a bad HPGO_OS_THREADS is reported by info and
// refused by bench, not a panic of the runtime's lazy start.
func TestBadThreadsVariable(t *testing.T) {
	t.Setenv("HPGO_OS_THREADS", "abc")
	out, _ := run(t, "info")
	if !regexp.MustCompile(`(?m)^hpgo workers\s+hpgo: HPGO_OS_THREADS="abc": want a positive integer$`).MatchString(out) {
		t.Errorf("info does not report the bad variable:\n%s", out)
	}
	root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
	root.SetArgs([]string{"bench", "--sizes", "4Ki", "--plot", "off"})
	if err := root.Execute(); err == nil || !strings.Contains(err.Error(), "HPGO_OS_THREADS") {
		t.Errorf("bench with HPGO_OS_THREADS=abc: err = %v, want one naming the variable", err)
	}
}

// TestGoalsRoundTowardsFailing: a check just short of its goal never prints
// a figure that reads as met.
func TestGoalsRoundTowardsFailing(t *testing.T) {
	par, unseq := bench.Hpgo("par").String(), bench.Hpgo("unseq").String()
	rows := []row{
		{kernel: bench.Sum, typ: "f32", n: 64 << 20, impl: par, gbps: 0.89999 * 30, nsPerOp: 1e7, bw: 30},
		{kernel: bench.Sum, typ: "f32", n: 64 << 20, impl: "cpp-omp", gbps: 0.89999 * 30 / 0.99999, nsPerOp: 1e7},
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: par, gbps: 50, nsPerOp: 1.0500001 * 300},
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: unseq, gbps: 1.19999 * 30, nsPerOp: 300},
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: "vek", gbps: 30, nsPerOp: 400},
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: "go-loop", gbps: 1.19999 * 30 / 3.99999, nsPerOp: 3000},
	}
	var b bytes.Buffer
	writeGoals(&b, rows, 30, 2)
	out := b.String()
	for _, want := range []string{
		`MISSED\s+par >= 90% of 2-thread read bandwidth\s+sum f32 64Mi\s+89\.9% `,
		`MISSED\s+par >= best C\+\+ peer\s+sum f32 64Mi\s+[0-9.]+ GB/s = 0\.999x cpp-omp`,
		`MISSED\s+unseq >= 1\.2x vek\s+sum f32 4Ki\s+1\.199x`,
		`MISSED\s+unseq >= 4x go-loop\s+sum f32 4Ki\s+3\.999x`,
		`MISSED\s+par not slower than unseq \(5% tie band\)\s+sum f32 4Ki\s+par/unseq time 1\.051`,
		`0 of 5 checks met`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("goals do not match %s:\n%s", want, out)
		}
	}
}

func TestRotated(t *testing.T) {
	s := []string{"a", "b", "c"}
	for r, want := range [][]string{{"a", "b", "c"}, {"b", "c", "a"}, {"c", "a", "b"}, {"a", "b", "c"}, {"b", "c", "a"}} {
		if got := rotated(s, r); !slices.Equal(got, want) {
			t.Errorf("rotated(%v, %d) = %v, want %v", s, r, got, want)
		}
	}
	if !slices.Equal(s, []string{"a", "b", "c"}) {
		t.Errorf("rotated changed its argument: %v", s)
	}
	if got := rotated([]string(nil), 3); len(got) != 0 {
		t.Errorf("rotated(nil, 3) = %v", got)
	}
}

// --plot auto writes one file per user in the temp directory: a plot that
// another user left there is not overwritten, nor in the way.
func TestPlotAutoPerUser(t *testing.T) {
	o := &benchOptions{plot: "auto"}
	want := filepath.Join(os.TempDir(), fmt.Sprintf("hpgo-bench-%d.png", os.Getuid()))
	if got := o.plotPath(); got != want {
		t.Fatalf("plotPath(auto) = %q, want %q", got, want)
	}
}

// Rows merged from a --cpp file take their group's probe: in a cache-sized
// group, probed on one goroutine, a parallel C++ row shows no %bw, as the
// hpgo par row beside it, instead of a share of the DRAM bandwidth.
func TestMergedRowsUseGroupProbe(t *testing.T) {
	par := bench.Hpgo("par").String()
	timed := []row{
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: par, gbps: 250, nsPerOp: 65, bw: 120, bwSingle: true},
		{kernel: bench.Sum, typ: "f32", n: 64 << 20, impl: par, gbps: 30, nsPerOp: 9e6, bw: 32},
	}
	merged := []row{
		{kernel: bench.Sum, typ: "f32", n: 4096, impl: "cpp-tbb", gbps: 3, nsPerOp: 5000},
		{kernel: bench.Sum, typ: "f32", n: 64 << 20, impl: "cpp-omp", gbps: 16, nsPerOp: 1.7e7},
	}
	rows := append(timed, withGroupProbes(merged, timed)...)
	sortRows(rows)
	var b bytes.Buffer
	writeTable(&b, rows, 15, 64<<20, 2)
	out := b.String()
	for _, re := range []string{`cpp-tbb +3\.00 +- +\S+ +-\n`, `cpp-omp +16\.00 +- +\S+ +50%\n`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("table lacks a row matching %q:\n%s", re, out)
		}
	}
}

// List flags take any case and name each entry once.
func TestSplitList(t *testing.T) {
	got := splitList(" PAR,unseq, par ,,Unseq,seq")
	if want := []string{"par", "unseq", "seq"}; !slices.Equal(got, want) {
		t.Fatalf("splitList = %q, want %q", got, want)
	}
}

// The C++ binary reports the threads each runtime really runs; fewer or
// more than asked fail the run instead of timing something else.
func TestCheckCppThreads(t *testing.T) {
	out := "# kernel\ttype\tn\timpl\tns_per_op\tGB/s\n# cpp-tbb threads 2\nsum\tf32\t4096\tcpp-tbb\t900\t18.2\n# cpp-omp threads 1\n"
	if err := checkCppThreads(out, 2); err == nil || !strings.Contains(err.Error(), "cpp-omp runs 1 threads, not the 2") {
		t.Errorf("checkCppThreads = %v, want an error naming cpp-omp", err)
	}
	if err := checkCppThreads(strings.Replace(out, "cpp-omp threads 1", "cpp-omp threads 2", 1), 2); err != nil {
		t.Errorf("checkCppThreads = %v, want nil", err)
	}
}
