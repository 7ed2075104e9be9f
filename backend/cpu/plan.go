package cpu

import (
	"time"

	"github.com/hpgo/hpgo/execution"
)

// Grain hints tell the runner how many elements make a fork worth it (see
// MapChunks): below one grain a parallel policy runs inline in the caller,
// from one to two grains it forks only to workers that are awake, and no
// default chunk is shorter than half a grain.
const (
	// GrainLoop suits a Go closure per element (a few ns each).
	GrainLoop = 1 << 11
	// GrainKernel suits a SIMD kernel (well under a ns per element). A
	// fork/join to awake workers costs 1–3 µs (1.1 µs with an empty body;
	// the second worker starts later), up to a kernel's pass over 128Ki
	// float32 held in cache, and waking a parked worker
	// costs 80–160 µs on a virtual machine, the time of a pass over 4Mi.
	// Kernels therefore run inline below 256Ki elements, fork from 256Ki to
	// 512Ki when a worker is awake, and always fork from 512Ki.
	GrainKernel = 1 << 18
)

// chunksPerWorker is the default number of chunks each worker gets.
const chunksPerWorker = 4

// Auto chunking aims at chunks that take about autoTarget each, measured on
// a sample that runs for at least autoSample.
const (
	autoTarget = 150 * time.Microsecond
	autoSample = 20 * time.Microsecond
)

// plan is the chunking of [base, n): count chunks of size elements each (the
// last may be shorter), or, for guided chunking, the explicit bounds.
type plan struct {
	base, n int
	size    int
	count   int
	bounds  []int // guided: chunk i is [bounds[i], bounds[i+1])
	static  bool  // chunks are dealt round-robin to the participants
}

// chunk returns the bounds of chunk i.
func (pl *plan) chunk(i int) (lo, hi int) {
	if pl.bounds != nil {
		return pl.bounds[i], pl.bounds[i+1]
	}
	lo = pl.base + i*pl.size
	return lo, lo + min(pl.size, pl.n-lo)
}

// uniformPlan splits [base, n) into chunks of size elements. A size beyond
// the length (StaticChunk(math.MaxInt) for one chunk) is clamped to it, so
// nothing here overflows.
func uniformPlan(base, n, size int) plan {
	m := n - base
	size = max(min(size, m), 1)
	count := m / size
	if m%size != 0 {
		count++
	}
	return plan{base: base, n: n, size: size, count: count}
}

// guidedPlan splits [base, n) into chunks that shrink as the work runs out:
// each is the remaining length divided by twice the number of workers, and
// at least minSize.
func guidedPlan(base, n, workers, minSize int) plan {
	bounds := []int{base}
	for lo := base; lo < n; {
		size := max((n-lo)/(2*workers), minSize, 1)
		lo = min(lo+size, n)
		bounds = append(bounds, lo)
	}
	return plan{base: base, n: n, count: len(bounds) - 1, bounds: bounds}
}

// defaultPlan gives about chunksPerWorker chunks per worker, none smaller
// than half a grain.
func defaultPlan(n, workers, grain int) plan {
	size := max(grain/2, (n+chunksPerWorker*workers-1)/(chunksPerWorker*workers))
	return uniformPlan(0, n, size)
}

// planFor chunks [base, n) by the policy's chunk spec (auto chunking is
// resolved by the caller before this, through autoSize).
func planFor(c execution.Chunk, base, n, workers, grain int) plan {
	switch c.Kind() {
	case execution.ChunkStatic:
		pl := uniformPlan(base, n, c.Size())
		pl.static = true
		return pl
	case execution.ChunkDynamic:
		return uniformPlan(base, n, c.Size())
	case execution.ChunkGuided:
		return guidedPlan(base, n, workers, 1)
	}
	pl := defaultPlan(n-base, workers, grain)
	pl.base, pl.n = base, n
	return pl
}

// autoSize turns a sample's timing into a chunk size that takes about
// autoTarget.
func autoSize(elements int, took time.Duration) int {
	if elements <= 0 {
		return 1
	}
	if took <= 0 {
		took = time.Nanosecond
	}
	perElem := float64(took) / float64(elements)
	return max(1, int(float64(autoTarget)/perElem))
}
