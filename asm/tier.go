// Package asm holds hpgo's SIMD kernels: AVX2 and AVX-512 assembly, each with
// a pure-Go twin that states its reference semantics. The tier is chosen once
// at start from the CPU's features (klauspost/cpuid/v2): the best the CPU
// has, but AVX2 on AMD Zen 4. HPGO_CPU forces any tier the CPU supports
// (AVX-512 there too), and the purego build tag builds only the Go twins.
//
// Every kernel handles any length, any alignment, and works in bounded steps
// (at most MaxStep elements per assembly call), so the Go scheduler and the
// garbage collector are never held off for long.
package asm

import (
	"fmt"
	"os"
	"strings"

	"github.com/klauspost/cpuid/v2"
)

// Tier is a family of kernels: pure Go, AVX2 (+FMA) or AVX-512 (F, DQ, BW, VL).
type Tier uint8

const (
	PureGo Tier = iota
	AVX2
	AVX512
)

func (t Tier) String() string {
	switch t {
	case PureGo:
		return "purego"
	case AVX2:
		return "avx2"
	case AVX512:
		return "avx512"
	}
	return fmt.Sprintf("Tier(%d)", uint8(t))
}

// ParseTier parses "purego", "avx2" or "avx512", in any case and with
// surrounding spaces; "generic" and "go" are other names for "purego".
func ParseTier(s string) (Tier, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "purego", "generic", "go":
		return PureGo, nil
	case "avx2":
		return AVX2, nil
	case "avx512":
		return AVX512, nil
	}
	return 0, fmt.Errorf("hpgo: unknown CPU tier %q (want avx512, avx2 or purego)", s)
}

// MaxStep is the most elements one assembly call processes; longer inputs are
// handled in steps of this size.
const MaxStep = 1 << 15

// hardwareTier is the best tier this CPU and build support.
var hardwareTier = detect()

// defaultTier is the tier used when HPGO_CPU is unset: the best one, except
// on AMD's Zen 4 (family 19h, which Zen 3 shares without AVX-512), which
// runs 512-bit instructions as two 256-bit halves: there AVX2 streams memory as fast or faster (measured in
// bench/README.md), so AVX-512 is used only when HPGO_CPU asks for it.
var defaultTier = preferred(hardwareTier)

// active is the tier the kernels dispatch to.
var active = mustSelect(os.Getenv("HPGO_CPU"))

func preferred(best Tier) Tier {
	if best == AVX512 && cpuid.CPU.VendorID == cpuid.AMD && cpuid.CPU.Family == 0x19 {
		return AVX2
	}
	return best
}

func detect() Tier {
	if !haveAsm {
		return PureGo
	}
	// The AVX-512 tier calls some AVX2 kernels (the NaN and zero searches
	// of min/max) and FMA, which a virtual machine may mask on its own.
	if cpuid.CPU.Supports(cpuid.AVX512F, cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512VL, cpuid.AVX2, cpuid.FMA3) {
		return AVX512
	}
	if cpuid.CPU.Supports(cpuid.AVX2, cpuid.FMA3) {
		return AVX2
	}
	return PureGo
}

// SelectTier returns the tier that an HPGO_CPU value selects: the default
// tier when env is empty (the best the CPU has, but AVX2 on AMD Zen 4), the
// named tier when the CPU has it, and an error naming both when it does not.
func SelectTier(env string) (Tier, error) {
	if strings.TrimSpace(env) == "" {
		return defaultTier, nil
	}
	t, err := ParseTier(env)
	if err != nil {
		return 0, fmt.Errorf("hpgo: HPGO_CPU=%s: unknown CPU tier (want avx512, avx2 or purego)", env)
	}
	if t > hardwareTier {
		return 0, fmt.Errorf("hpgo: HPGO_CPU=%s, but this CPU (or build) supports at most %s", env, hardwareTier)
	}
	return t, nil
}

func mustSelect(env string) Tier {
	t, err := SelectTier(env)
	if err != nil {
		panic(err.Error())
	}
	return t
}

// Active reports the tier the kernels use now.
func Active() Tier { return active }

// Hardware reports the best tier this CPU and build support.
func Hardware() Tier { return hardwareTier }

// Default reports the tier used when HPGO_CPU is unset.
func Default() Tier { return defaultTier }

// Supported reports whether t can run here.
func Supported(t Tier) bool { return t <= hardwareTier }

// Use switches every kernel to tier t and returns a function that restores
// the previous tier. It is meant for tests and benchmarks that compare tiers;
// it must not be called while kernels run on other goroutines. It returns an
// error if this CPU lacks t.
func Use(t Tier) (restore func(), err error) {
	if t > hardwareTier {
		return nil, fmt.Errorf("hpgo: CPU tier %s is not supported here (best: %s)", t, hardwareTier)
	}
	prev := active
	active = t
	return func() { active = prev }, nil
}
