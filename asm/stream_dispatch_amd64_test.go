//go:build amd64 && !purego

package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Below streamMin bytes the plain kernel runs, from it the Stream one. The
// dots' Stream kernels read four streams, so they round differently, and
// DotF32 must give the plain kernel's bits on an input below the threshold.
func TestStreamKernelsFromThreshold(t *testing.T) {
	if n := (streamMin + 3) / 4; streams(n-1, 4) || !streams(n, 4) {
		t.Fatalf("streams: threshold misplaced around %d float32s", n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	x, y := make([]float32, 32768), make([]float32, 32768)
	for i := range x {
		x[i] = float32(r.NormFloat64() * math.Exp(r.NormFloat64()*3))
		y[i] = float32(r.NormFloat64())
	}
	for _, c := range []struct {
		tier          Tier
		plain, stream func(x, y []float32) float32
	}{
		{AVX2, dotF32AVX2, dotF32AVX2Stream},
		{AVX512, dotF32AVX512, dotF32AVX512Stream},
	} {
		if !Supported(c.tier) {
			continue
		}
		restore, _ := Use(c.tier)
		plain, stream := c.plain(x, y), c.stream(x, y)
		got := DotF32(x, y)
		restore()
		if math.Float32bits(plain) == math.Float32bits(stream) {
			t.Logf("%v: plain and stream kernels agree on this input", c.tier)
			continue
		}
		if math.Float32bits(got) != math.Float32bits(plain) {
			t.Errorf("%v: DotF32 of %d elements = %v (the stream kernel's %v), want the plain kernel's %v", c.tier, len(x), got, stream, plain)
		}
	}
}
