package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/klauspost/cpuid/v2"
	"github.com/spf13/cobra"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/backend/cuda"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/sched"
)

func newInfoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "info",
		Short: "Print the Go runtime, CPU, SIMD tiers and backends hpgo sees",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeInfo(cmd.OutOrStdout())
		},
	}
}

// allTiers lists the asm tiers, best first.
var allTiers = []asm.Tier{asm.AVX512, asm.AVX2, asm.PureGo}

func writeInfo(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, format string, args ...any) {
		fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, args...))
	}
	row("Go", "%s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	row("GOMAXPROCS", "%d (NumCPU %d)", runtime.GOMAXPROCS(0), runtime.NumCPU())
	// A bad HPGO_OS_THREADS would make the lazy start panic: report it.
	if _, err := sched.DefaultWorkers(); err != nil {
		row("hpgo workers", "%v", err)
	} else {
		row("hpgo workers", "%d", execution.NumWorkers())
	}

	c := cpuid.CPU
	row("CPU", "%s", cpuBrand())
	row("", "vendor %s, family %d model %d stepping %d, x86-64-v%d",
		c.VendorString, c.Family, c.Model, c.Stepping, c.X64Level())
	row("", "%d physical cores, %d logical", c.PhysicalCores, c.LogicalCores)
	row("", "caches: L1d %s, L2 %s, L3 %s", kib(c.Cache.L1D), kib(c.Cache.L2), kib(c.Cache.L3))
	row("SIMD", "%s", strings.Join(simdFeatures(), " "))
	row("features", "%s", wrap(c.FeatureSet(), 72, "\t"))

	var avail []string
	for _, t := range allTiers {
		if asm.Supported(t) {
			avail = append(avail, t.String())
		}
	}
	row("asm tier", "%s (active); hardware best %s; available: %s",
		asm.Active(), asm.Hardware(), strings.Join(avail, ", "))
	row("HPGO_CPU", "%s", envOr("HPGO_CPU"))
	row("HPGO_OS_THREADS", "%s", envOr("HPGO_OS_THREADS"))

	row("backends", "cpu: built in (SIMD tier %s; Go loops for other functions)", asm.Active())
	row("", "purego: built in (Policy.On(execution.PureGo))")
	if err := cuda.Available(); err != nil {
		row("", "cuda: %v", err)
	} else {
		devs := cuda.Devices()
		row("", "cuda: built in, %d device(s): %s", len(devs), strings.Join(devs, "; "))
	}
	return tw.Flush()
}

func cpuBrand() string {
	if b := strings.TrimSpace(cpuid.CPU.BrandName); b != "" {
		return b
	}
	return "unknown"
}

// simdFeatures lists the vector features that matter to hpgo's kernels.
func simdFeatures() []string {
	want := []cpuid.FeatureID{
		cpuid.SSE2, cpuid.SSE4, cpuid.SSE42, cpuid.AVX, cpuid.AVX2, cpuid.FMA3,
		cpuid.AVX512F, cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512VL,
	}
	var out []string
	for _, f := range want {
		if cpuid.CPU.Supports(f) {
			out = append(out, f.String())
		}
	}
	if len(out) == 0 {
		return []string{"(none detected)"}
	}
	return out
}

func kib(b int) string {
	switch {
	case b <= 0:
		return "?"
	case b >= 1<<20 && b%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", b>>20)
	}
	return fmt.Sprintf("%d KiB", b>>10)
}

// wrap joins words into lines of at most width characters; continuation
// lines start with indent.
func wrap(words []string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range words {
		if i > 0 {
			if line+1+len(w) > width {
				b.WriteString("\n" + indent)
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
