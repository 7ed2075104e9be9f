package asm_test

import (
	"fmt"

	"github.com/hpgo/hpgo/asm"
)

// The tier depends on the CPU, the purego build tag and HPGO_CPU, so these
// examples print only what holds on every machine.

func ExampleActive() {
	// The active tier is one this CPU runs, at most the hardware's best.
	t := asm.Active()
	fmt.Println(asm.Supported(t), t <= asm.Hardware())
	// Output: true true
}

func ExampleHardware() {
	// Hardware is the best tier that runs here: nothing above it does.
	best := asm.Hardware()
	fmt.Println(asm.Supported(best), asm.Supported(best+1))
	// Output: true false
}

func ExampleDefault() {
	// Default is what an empty HPGO_CPU selects; it never exceeds Hardware
	// (on AMD Zen 4 it is AVX2 even when AVX-512 is there).
	t, err := asm.SelectTier("")
	fmt.Println(t == asm.Default(), err, asm.Default() <= asm.Hardware())
	// Output: true <nil> true
}

func ExampleSupported() {
	// The pure-Go twins run everywhere.
	fmt.Println(asm.Supported(asm.PureGo))
	// Output: true
}

func ExampleUse() {
	// Run a kernel on the pure-Go twins (supported everywhere), then go back
	// to the previous tier.
	restore, err := asm.Use(asm.PureGo)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer restore()
	fmt.Println(asm.Active(), asm.SumI64([]int64{1, 2, 3}))

	// A tier above the hardware's best is refused and changes nothing.
	_, err = asm.Use(asm.Hardware() + 1)
	fmt.Println(err != nil, asm.Active())
	// Output:
	// purego 6
	// true purego
}

func ExampleSelectTier() {
	t, err := asm.SelectTier("purego")
	fmt.Println(t, err)
	_, err = asm.SelectTier("sse9")
	fmt.Println(err)
	// Output:
	// purego <nil>
	// hpgo: HPGO_CPU=sse9: unknown CPU tier (want avx512, avx2 or purego)
}

func ExampleParseTier() {
	t, err := asm.ParseTier(" AVX2 ") // case and spaces are ignored
	fmt.Println(t, err)
	_, err = asm.ParseTier("sse9")
	fmt.Println(err)
	// Output:
	// avx2 <nil>
	// hpgo: unknown CPU tier "sse9" (want avx512, avx2 or purego)
}

func ExampleTier_String() {
	fmt.Println(asm.PureGo, asm.AVX2, asm.AVX512, asm.Tier(7))
	// Output: purego avx2 avx512 Tier(7)
}
