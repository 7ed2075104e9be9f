package cpu

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// chunks runs MapChunks and returns the chunk bounds it called body with, in
// chunk order, checking that they tile [0, n) exactly.
func chunks(t *testing.T, p execution.Policy, n, grain int) [][2]int {
	t.Helper()
	rs, err := MapChunks(context.Background(), p, n, grain, func(lo, hi int) [2]int { return [2]int{lo, hi} })
	if err != nil {
		t.Fatalf("%v n=%d: %v", p, n, err)
	}
	next := 0
	for _, r := range rs {
		if r[0] != next || r[1] <= r[0] {
			t.Fatalf("%v n=%d: chunks %v do not tile [0, %d)", p, n, rs, n)
		}
		next = r[1]
	}
	if next != n {
		t.Fatalf("%v n=%d: chunks end at %d", p, n, next)
	}
	return rs
}

func TestChunkSpecs(t *testing.T) {
	const n = 10_000
	w := execution.NumWorkers()

	if rs := chunks(t, execution.Seq, n, GrainLoop); len(rs) != 1 {
		t.Errorf("seq: %d chunks, want 1", len(rs))
	}
	if rs := chunks(t, execution.Unseq, n, GrainLoop); len(rs) != 1 {
		t.Errorf("unseq: %d chunks, want 1", len(rs))
	}
	// Below one grain the default chunking runs inline, as one chunk.
	if rs := chunks(t, execution.Par, GrainLoop-1, GrainLoop); len(rs) != 1 {
		t.Errorf("par below the threshold: %d chunks, want 1", len(rs))
	}
	// From one grain on there are chunks of at least half a grain, the same
	// whether they run inline or on the workers (TestMidSizeForksWhenAwake).
	if rs := chunks(t, execution.Par, GrainLoop, GrainLoop); len(rs) != 2 || rs[0][1] != GrainLoop/2 {
		t.Errorf("par at one grain: chunks %v, want two halves", rs)
	}
	// The default over 64 grains a worker: four chunks per worker, or on a
	// pool of more than four up to 16 (TestDefaultPlanChunkCounts).
	big := 64 * GrainLoop * w
	if rs, want := chunks(t, execution.Par, big, GrainLoop), maxChunksPerWorker(w)*w; len(rs) != want {
		t.Errorf("par default: %d chunks, want %d", len(rs), want)
	}
	for _, c := range []execution.Chunk{execution.StaticChunk(7), execution.DynamicChunk(7)} {
		rs := chunks(t, execution.Par.With(c), n, GrainLoop)
		for i, r := range rs {
			if r[1]-r[0] != 7 && i != len(rs)-1 {
				t.Fatalf("%v: chunk %d is %v", c, i, r)
			}
		}
		// An explicit chunk size is honoured even below the inline threshold.
		if rs := chunks(t, execution.Par.With(c), 20, GrainLoop); len(rs) != 3 {
			t.Errorf("%v over 20: %d chunks, want 3", c, len(rs))
		}
	}
	// Guided chunks shrink, never below one element.
	rs := chunks(t, execution.Par.With(execution.GuidedChunk()), n, GrainLoop)
	for i := 1; i < len(rs); i++ {
		if rs[i][1]-rs[i][0] > rs[i-1][1]-rs[i-1][0] {
			t.Fatalf("guided chunks grow: %v then %v", rs[i-1], rs[i])
		}
	}
	if first := rs[0][1] - rs[0][0]; first != n/(2*w) {
		t.Errorf("guided first chunk %d, want %d", first, n/(2*w))
	}
}

// AutoChunk sizes chunks from a timed sample so that each takes about
// autoTarget: with a body that costs ~1 µs per element, chunks hold between
// a few dozen and a few hundred elements (timings vary, so the bounds are
// wide; a fixed or default chunking would give thousands).
func TestAutoChunkAimsAtTarget(t *testing.T) {
	const n = 20_000
	spin := func(lo, hi int) [2]int {
		deadline := time.Now().Add(time.Duration(hi-lo) * time.Microsecond)
		for time.Now().Before(deadline) {
		}
		return [2]int{lo, hi}
	}
	// The sample is timed, and a loaded machine can deschedule it long
	// enough to skew one run, so the size must come out right in one of a
	// few tries.
	var size int
	for try := 0; try < 5 && (size < 10 || size > 2000); try++ {
		rs, err := MapChunks(context.Background(), execution.Par.With(execution.AutoChunk()), n, GrainLoop, spin)
		if err != nil {
			t.Fatal(err)
		}
		last := rs[len(rs)-1]
		if last[1] != n {
			t.Fatalf("chunks end at %d", last[1])
		}
		mid := rs[len(rs)/2]
		size = mid[1] - mid[0]
	}
	if size < 10 || size > 2000 {
		t.Errorf("auto chunk of %d elements for a 1 µs/element body, want roughly 100–200", size)
	}
	if got := autoSize(100, 100*time.Microsecond); got != int(autoTarget/time.Microsecond) {
		t.Errorf("autoSize(100 elements in 100 µs) = %d, want %d", got, int(autoTarget/time.Microsecond))
	}
}

// midSizeOwners runs a default Par MapChunks over 1.5 grains and returns
// the worker ids its chunks ran on.
func midSizeOwners() []int {
	n := GrainLoop + GrainLoop/2
	rs, _ := MapChunks(context.Background(), execution.Par, n, GrainLoop, func(lo, hi int) int { return execution.WorkerID() })
	return rs
}

// Between one and two grains, the chunks run in the caller while the
// workers are parked, and on the workers while one of them is awake: after
// a parallel job (which keeps them warm), or once a loop of such calls has
// woken them (sched.WantWarm).
func TestMidSizeForksWhenAwake(t *testing.T) {
	onWorkers := func(ids []int) bool {
		for _, id := range ids {
			if id < 0 {
				return false
			}
		}
		return true
	}
	inCaller := func(ids []int) bool { return len(ids) == 3 && ids[0] == -1 && ids[1] == -1 && ids[2] == -1 }
	parkAll := func() { time.Sleep(20 * time.Millisecond) } // well past sched.WarmFor
	// A loaded machine may keep a worker from running (and parking) for a
	// while, so each check gets a few tries.
	var ids []int
	for try := 0; try < 10 && !inCaller(ids); try++ {
		parkAll()
		ids = midSizeOwners()
	}
	if !inCaller(ids) {
		t.Errorf("parked workers: chunks ran on %v, want three chunks in the caller (-1)", ids)
	}

	// Right after a big job the workers are awake. A slow machine may
	// deschedule the test for longer than the warm window, so try a few
	// times.
	forked := false
	for try := 0; try < 20 && !forked; try++ {
		For(execution.Par, 64*GrainLoop, GrainLoop, func(lo, hi int) {})
		forked = onWorkers(midSizeOwners())
	}
	if !forked {
		t.Error("mid-size call right after a parallel job never ran on the workers")
	}

	// A loop of mid-size calls wakes parked workers by itself.
	parkAll()
	forked = false
	for i := 0; i < 100_000 && !forked; i++ {
		forked = onWorkers(midSizeOwners())
	}
	if !forked {
		t.Error("a loop of mid-size calls never woke the workers")
	}
}

// Par runs every chunk on the runtime's workers when the caller is not one.
func TestParRunsOnWorkers(t *testing.T) {
	const size, n = 10, 10 * 64
	var mu sync.Mutex
	owner := map[int]int{} // chunk -> worker
	For(execution.Par.With(execution.StaticChunk(size)), n, GrainLoop, func(lo, hi int) {
		mu.Lock()
		owner[lo/size] = execution.WorkerID()
		mu.Unlock()
	})
	for c := range n / size {
		if owner[c] < 0 {
			t.Fatalf("chunk %d ran outside the workers", c)
		}
	}
}

func TestPanicReachesCaller(t *testing.T) {
	for _, p := range []execution.Policy{execution.Seq, execution.Par.With(execution.DynamicChunk(100))} {
		func() {
			defer func() {
				pe, ok := recover().(*future.PanicError)
				if !ok || pe.Value != "boom" || len(pe.Stack) == 0 {
					t.Errorf("%v: recovered %v, want a *future.PanicError with value boom", p, pe)
				}
			}()
			For(p, 10_000, GrainLoop, func(lo, hi int) {
				if lo <= 5000 && 5000 < hi {
					panic("boom")
				}
			})
		}()
	}
}

func TestCancelStopsAtChunkBoundary(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran, atCancel atomic.Int64
	cancelled := make(chan struct{})
	err := ForContext(ctx, execution.Par.With(execution.DynamicChunk(1)), 1000, GrainLoop, func(lo, hi int) {
		switch n := ran.Add(1); {
		case n == 10:
			cancel()
			atCancel.Store(ran.Load()) // other workers ran on while cancel() ran
			close(cancelled)
		case n > 10:
			// Chunks started after the tenth wait for the cancel: on a
			// loaded machine the cancelling goroutine can otherwise lose
			// its CPU long enough for the others to start every chunk,
			// and then nothing is left to skip.
			<-cancelled
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled (%d chunks ran, %d by the time cancel returned)", err, ran.Load(), atCancel.Load())
	}
	// Once cancel has returned, each other worker may finish at most the
	// chunk it had already started (plus one it claimed in the same
	// instant); nothing like all 1000 run.
	if r, c := ran.Load(), atCancel.Load(); r > c+2*int64(execution.NumWorkers()) || r >= 1000 {
		t.Errorf("%d chunks ran, %d of them by the time cancel returned", r, c)
	}
}

// A fork queues its helpers without allocating a task for each: the job,
// its results and its join channel are the only allocations (7 when every
// helper was a task and a closure of its own).
func TestForkAllocations(t *testing.T) {
	p := execution.Par.With(execution.StaticChunk(1 << 10))
	body := func(lo, hi int) int { return hi - lo }
	ctx := context.Background()
	allocs := testing.AllocsPerRun(200, func() {
		if _, err := MapChunks(ctx, p, 1<<12, GrainLoop, body); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 4 {
		t.Errorf("a 4-chunk fork allocates %.1f times, want at most 4", allocs)
	}
}

// A job's queued helpers go stale once every slot is taken, and not before.
func TestJobStaleOnceSlotsAreTaken(t *testing.T) {
	j := &job[int]{parts: 2}
	for taken, want := range []bool{false, false, true} {
		j.slots.Store(int64(taken))
		if got := j.Stale(); got != want {
			t.Errorf("%d of 2 slots taken: Stale() = %v, want %v", taken, got, want)
		}
	}
}

// claim hands out every chunk of a dynamic plan exactly once, from any
// starting point, going on cyclically from it; also when participants race.
func TestClaimTakesEachChunkOnce(t *testing.T) {
	for _, count := range []int{1, 2, 3, 8, 63, 64} {
		for from := -1; from <= count; from++ {
			j := &job[int]{pl: plan{count: count}}
			start := max(from, 0) % count
			for k := range count {
				if got, want := j.claim(from), (start+k)%count; got != want {
					t.Fatalf("count %d, from %d: claim %d gave %d, want %d", count, from, k, got, want)
				}
			}
			if got := j.claim(from); got != -1 {
				t.Fatalf("count %d: claim after all taken gave %d, want -1", count, got)
			}
		}
	}
	// Racing claimers, each starting from its own place.
	raceClaims(t, (*job[int]).claim, func(c, count, claimers int) int { return c * count / claimers }, 1)
}

// raceClaims has 8 claimers take the 64 chunks of a plan at once, claimer
// c from start(c, 64, 8) on in steps of step, 50 times, and checks that
// each chunk went to one claimer.
func raceClaims(t *testing.T, claim func(j *job[int], from int) int, start func(c, count, claimers int) int, step int) {
	t.Helper()
	const count, claimers = 64, 8
	for round := range 50 {
		j := &job[int]{pl: plan{count: count}}
		var seen [count]atomic.Int32
		var wg sync.WaitGroup
		for c := range claimers {
			wg.Go(func() {
				for i := start(c, count, claimers); ; i += step {
					if i = claim(j, i); i < 0 {
						return
					}
					seen[i].Add(1)
				}
			})
		}
		wg.Wait()
		for i := range seen {
			if n := seen[i].Load(); n != 1 {
				t.Fatalf("round %d: chunk %d claimed %d times", round, i, n)
			}
		}
	}
}

// Dynamic chunks of a Par call all run, once each, with their results in
// chunk order, for plans of up to 64 chunks (the claim bitmap) and beyond
// (the shared counter).
func TestDynamicChunksRunOnce(t *testing.T) {
	for _, count := range []int{2, 64, 65, 200} {
		var runs [200]atomic.Int32
		p := execution.Par.With(execution.DynamicChunk(3))
		rs, err := MapChunks(context.Background(), p, 3*count, GrainLoop, func(lo, hi int) int {
			runs[lo/3].Add(1)
			return lo
		})
		if err != nil || len(rs) != count {
			t.Fatalf("%d chunks: %d results, err %v", count, len(rs), err)
		}
		for i, r := range rs {
			if r != 3*i || runs[i].Load() != 1 {
				t.Fatalf("%d chunks: chunk %d gave %d and ran %d times", count, i, r, runs[i].Load())
			}
		}
	}
}

// MapChunksInOrder claims chunk 0 first: later chunks that wait for it to
// start never time out. (MapChunks may start elsewhere: each worker begins
// at its CPU's share.)
func TestMapChunksInOrderStartsAtZero(t *testing.T) {
	for round := range 20 {
		started := make(chan struct{})
		var late atomic.Bool
		p := execution.Par.With(execution.DynamicChunk(10))
		_, err := MapChunksInOrder(context.Background(), p, 80, 1, func(lo, hi int) int {
			if lo == 0 {
				close(started)
				return 0
			}
			select {
			case <-started:
			case <-time.After(5 * time.Second):
				late.Store(true)
			}
			return lo
		})
		if err != nil || late.Load() {
			t.Fatalf("round %d: chunk 0 did not start first (err %v)", round, err)
		}
	}
}
