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

// chunksPerWorker is the least number of chunks each worker gets by
// default.
const chunksPerWorker = 4

// maxChunksPerWorker is the most chunks each of workers workers gets by
// default: as many as there are workers, from 4 up to 16 (see defaultPlan).
func maxChunksPerWorker(workers int) int { return min(max(workers, chunksPerWorker), 16) }

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

// defaultPlan gives chunksPerWorker chunks per worker, or more for an
// input of more grains: one chunk a grain, up to maxChunksPerWorker per
// worker. No chunk is smaller than half a grain.
//
// Few chunks keep a worker's share of a repeated call in its core's L2 and
// let a call walk its shares (MapChunks: up to 64 chunks); more chunks
// even out the end of a call, where the workers that are done wait for the
// others. That matters with many workers. On 16 vCPUs of a cloud Xeon the
// cores read at uneven speeds (one static chunk a worker read 19-29%
// slower than 4 dynamic ones), and Par reductions over 64Mi elements (a
// worker's share 8 to 16 times its L2) read 1-15% faster with 16 chunks a
// worker than with 4 (hpgo bench, medians of four runs against two; 15-30%
// timed in turn in one process): at 0.81-1.12 times TBB's
// std::transform_reduce instead of 0.77-1.03. Over 16Mi float32 the walk
// over 4 chunks a worker, which the L2s partly hold, was faster, so that
// size keeps 4. A pool of up to 4 workers keeps 4 chunks a worker at any
// size: on 2 vCPUs, 16 to 64 chunks a worker read float64 sums and maxima
// over 64Mi elements 2-5% slower.
func defaultPlan(n, workers, grain int) plan {
	count := chunksPerWorker * workers
	if grains := n / max(grain, 1); grains > count {
		count = min(grains, maxChunksPerWorker(workers)*workers)
	}
	size := max(grain/2, (n+count-1)/count)
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
