package asm

import (
	"strings"
	"testing"
)

// eachTier runs f once per tier with that tier active. A tier this CPU (or
// build) lacks is reported as skipped, never passed silently.
func eachTier(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	for _, tier := range []Tier{PureGo, AVX2, AVX512} {
		t.Run("tier="+tier.String(), func(t *testing.T) {
			useTier(t, tier)
			f(t)
		})
	}
}

// useTier makes tier the active one until tb ends, or skips tb, saying
// why, when this CPU (or build) lacks it.
func useTier(tb testing.TB, tier Tier) {
	tb.Helper()
	if !Supported(tier) {
		tb.Skipf("tier %s not exercised: CPU supports at most %s", tier, Hardware())
	}
	restore, err := Use(tier)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(restore)
}

func TestSelectTier(t *testing.T) {
	if got, err := SelectTier(""); err != nil || got != Default() {
		t.Errorf(`SelectTier("") = %v, %v; want the default %v`, got, err, Default())
	}
	if Default() > Hardware() {
		t.Errorf("default tier %v above the hardware's %v", Default(), Hardware())
	}
	if got, err := SelectTier("purego"); err != nil || got != PureGo {
		t.Errorf(`SelectTier("purego") = %v, %v`, got, err)
	}
	if _, err := SelectTier("sse9"); err == nil || !strings.HasPrefix(err.Error(), "hpgo: HPGO_CPU=sse9") {
		t.Errorf(`SelectTier("sse9") error = %v, want one naming HPGO_CPU`, err)
	}
	if Hardware() < AVX512 {
		_, err := SelectTier("avx512")
		if err == nil || !strings.Contains(err.Error(), "supports at most") {
			t.Errorf(`SelectTier("avx512") on a CPU without it: error = %v`, err)
		}
	}
}
