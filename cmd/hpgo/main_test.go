package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/bench"
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
		`(?m)^\s*read\s+u64\s+64Ki\s+threads=2(/tier=\w+)?\s`,
		`(?m)^\s*dot\s+f32\s+4Ki\s+vek\s`,
		// A cache-sized group carries the 1-goroutine probe over its bytes
		// (dot reads 2 x 16 KiB), its rows' %bw relative to it.
		`(?m)^\s*dot\s+f32\s+4Ki\s+read-bw threads=1\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+100%`,
		`(?m)unseq >= 1\.2x vek\s+dot f32 4Ki\s+[0-9.]+x \(hpgo at [0-9]+%, vek at [0-9]+% of the 1-goroutine read\)`,
		`plot written to`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("bench output does not match %s:\n%s", re, out)
		}
	}
	if st, err := os.Stat(png); err != nil || st.Size() == 0 {
		t.Errorf("no plot: %v", err)
	}
}

// TestBenchCppBin runs a stand-in for the C++ peers binary in every round.
func TestBenchCppBin(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "peers.sh")
	script := "#!/bin/sh\n" +
		"while [ $# -gt 1 ]; do case $1 in --sizes) n=$2;; --kernels) k=$2;; --types) ty=$2;; esac; shift 2; done\n" +
		"printf '# header\\n%s\\t%s\\t%s\\tcpp-omp\\t100\\t0\\n' \"$k\" \"$ty\" \"$n\"\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	out, _ := run(t, "bench", "--sizes", "4Ki", "--count", "2", "--duration", "1ms", "--bw-size", "0",
		"--kernels", "sum", "--policies", "unseq", "--cpp-bin", bin, "--plot", "off", "-q")
	if !regexp.MustCompile(`(?m)^sum\s+f32\s+4Ki\s+cpp-omp\s+163\.84\s+163\.84\s+100\s+-$`).MatchString(out) {
		t.Errorf("no cpp-omp row from the stand-in binary:\n%s", out)
	}
}

func TestBenchBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--sizes", "4Xi"},
		{"bench", "--policies", "fast"},
		{"bench", "--kernels", "fft"},
		{"bench", "--tiers", "sse9"},
		{"bench", "--kernels", "read"},
		{"bench", "--kernels", ","},
		{"bench", "--types", " , "},
		{"bench", "--sizes", ","},
		{"bench", "--policies", ","},
		{"bench", "--count", "0"},
		{"bench", "--duration", "0s"},
		{"bench", "--duration", "-1s"},
		{"bench", "--threads", "-3"},
	} {
		root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
		root.SetArgs(args)
		if err := root.Execute(); err == nil {
			t.Errorf("hpgo %v: no error", args)
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
	writeTable(&b, rows, 15, 64<<20)
	writeGoals(&b, rows, 15)
	out := b.String()
	for _, want := range []string{
		"met     par >= 90% of 2-thread read bandwidth",
		"met     par >= best C++ peer",
		"met     unseq >= 1.2x vek",
		"met     unseq >= 4x go-loop",
		"met     par not slower than unseq",
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
