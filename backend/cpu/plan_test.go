package cpu

import "testing"

// The default plan gives each worker chunksPerWorker chunks, more for an
// input of many grains on a pool of more than four workers (one a grain,
// at most maxChunksPerWorker each), and no chunk below half a grain; its
// chunks tile the input in order.
func TestDefaultPlanChunkCounts(t *testing.T) {
	const Mi = 1 << 20
	for _, c := range []struct {
		n, workers, grain, count int
	}{
		{64 * Mi, 1, GrainKernel, 4},
		{64 * Mi, 2, GrainKernel, 8},  // small pools keep 4 a worker
		{64 * Mi, 4, GrainKernel, 16}, // at any size
		{64 * Mi, 8, GrainKernel, 64}, // 256 grains, at most 8 a worker
		{64 * Mi, 16, GrainKernel, 256},
		{32 * Mi, 16, GrainKernel, 128},
		{16 * Mi, 16, GrainKernel, 64}, // 64 grains: 4 a worker
		{4 * Mi, 16, GrainKernel, 32},  // chunks of half a grain
		{64 * Mi, 64, GrainKernel, 256},
		{512 * Mi, 64, GrainKernel, 1024}, // 2048 grains, at most 16 a worker
		{Mi, 16, GrainLoop, 256},
		{3*GrainKernel + 5, 16, GrainKernel, 7}, // the last of 5 elements
	} {
		pl := defaultPlan(c.n, c.workers, c.grain)
		if pl.count != c.count {
			t.Errorf("n %d, %d workers, grain %d: %d chunks, want %d", c.n, c.workers, c.grain, pl.count, c.count)
		}
		next := 0
		for i := range pl.count {
			lo, hi := pl.chunk(i)
			if lo != next || hi <= lo || (hi-lo < c.grain/2 && i < pl.count-1) {
				t.Fatalf("n %d, %d workers: chunk %d is [%d, %d) after %d", c.n, c.workers, i, lo, hi, next)
			}
			next = hi
		}
		if next != c.n {
			t.Errorf("n %d, %d workers: the chunks end at %d", c.n, c.workers, next)
		}
	}
}
