package cpu

import (
	"context"
	"errors"
	"math/bits"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/internal/sched"
)

// MapChunks splits [0, n) into chunks as the policy p says, calls body once
// per chunk, and returns the chunks' results in index order.
//
//   - Seq and Unseq call body(0, n) once, in the calling goroutine.
//   - Par and ParUnseq run the chunks on the runtime's workers. A caller
//     that is itself a worker takes part in the work; any other caller
//     waits, so CPU-bound work stays on the workers.
//
// With the default chunking the length decides, in grains (see GrainLoop
// and GrainKernel). Below one grain the input runs inline as one chunk: a
// fork/join would cost more than it saves. From one grain to two, its
// chunks run on the workers if one of them is awake (sched.Awake), and
// otherwise one after another in the caller, which is faster than waking a
// parked worker; a loop of such calls wakes the workers (sched.WantWarm),
// so that the later calls fork. From two grains up the chunks always run on
// the workers.
//
// The chunk boundaries depend only on n, the policy and the number of
// workers, never on timing (except with AutoChunk, whose chunk size comes
// from a timed sample), so reductions over the results are repeatable.
// Which worker runs which chunk does depend on timing. With dynamic chunks
// (the default) each participant starts at its CPU's share of the input
// (sched.CPU) and goes on from there, so that calls repeated over data held
// in cache find each share in the cache of the core that read it last: a
// float32 sum over 256Ki elements took 7.2 µs this way and 7.7 µs taking
// chunks in order (4Mi: 98 against 107 µs; 2 vCPUs). Plans of more than 64
// chunks, which the default chunking gives only on more than 8 workers
// (defaultPlan), hand their chunks out in index order.
//
// Alternate calls walk the other way: each participant starts at the last
// chunk of its share and goes down, and the chunks' kernels read their own
// pieces last to first too (sched.SetDirection, asm's read order). A call
// over the input the last call read then starts with what the caches kept
// of it, in each core's L2 and in the shared L3, instead of evicting it just
// before it gets there. Reductions keep their results in index order, so
// the walk never changes a result. On 2 vCPUs of an Intel Xeon (2 MiB L2
// per core), Par reductions over 4Mi float32 read 10-21% faster this way
// (sum: 55.9 against 67.4 GB/s), over 4Mi float64 0-8%, and a float64 dot
// over 2×256Ki 30% faster; at 64Mi (DRAM) nothing changed. On 16 cores of
// the same Xeon, 7 of 12 reductions over 4Mi and 64Mi read 4-17% faster,
// with 4 chunks a worker at both sizes; at 64Mi such a pool now takes 256
// chunks in index order instead, which read faster still (defaultPlan).
//
// A panic in body stops the chunks not yet started and re-panics in the
// caller's goroutine as a *future.PanicError carrying the original value and
// stack. When ctx is done, the chunks not yet started are skipped and
// MapChunks returns ctx.Err() (with the results of the chunks that ran);
// chunks already running finish first.
func MapChunks[R any](ctx context.Context, p execution.Policy, n, grain int, body func(lo, hi int) R) ([]R, error) {
	return mapChunks(ctx, p, n, grain, body, false)
}

// MapChunksInOrder is MapChunks with dynamic chunks started in index order,
// lowest first, on whichever worker is free, for a search that wants its
// lowest match early so that it can skip the chunks above it. It forgoes
// MapChunks' affinity of chunks to cores.
func MapChunksInOrder[R any](ctx context.Context, p execution.Policy, n, grain int, body func(lo, hi int) R) ([]R, error) {
	return mapChunks(ctx, p, n, grain, body, true)
}

func mapChunks[R any](ctx context.Context, p execution.Policy, n, grain int, body func(lo, hi int) R, inOrder bool) ([]R, error) {
	if n <= 0 {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := p.Chunk()
	if !p.Parallel() || (c.Kind() == execution.ChunkDefault && n < grain) {
		return []R{callInline(body, 0, n)}, nil
	}
	workers := sched.NumWorkers()
	if c.Kind() == execution.ChunkDefault && n < 2*grain && !sched.Awake() {
		pl := planFor(c, 0, n, workers, grain)
		sched.WantWarm(min(workers, pl.count))
		return inlineChunks(ctx, pl, body)
	}

	var head []R
	var pl plan
	if c.Kind() == execution.ChunkAuto {
		head, pl = sample(body, n)
		if pl.count == 0 {
			return head, nil
		}
	} else {
		pl = planFor(c, 0, n, workers, grain)
	}

	j := &job[R]{pl: pl, body: body, done: ctx.Done(), inOrder: inOrder}
	if j.walks() {
		j.back = sweepBackward()
	}
	j.results = make([]R, pl.count)
	j.run(min(workers, pl.count))
	if pe := j.panicked.Load(); pe != nil {
		panic(pe)
	}
	results := j.results
	if head != nil {
		results = append(head, results...)
	}
	if j.cancelled.Load() {
		return results, ctx.Err()
	}
	return results, nil
}

// For runs body over [0, n) in chunks as the policy p says; see MapChunks.
func For(p execution.Policy, n, grain int, body func(lo, hi int)) {
	_ = ForContext(context.Background(), p, n, grain, body)
}

// ForContext is For that stops at the next chunk boundary once ctx is done,
// returning ctx.Err().
func ForContext(ctx context.Context, p execution.Policy, n, grain int, body func(lo, hi int)) error {
	_, err := MapChunks(ctx, p, n, grain, func(lo, hi int) struct{} {
		body(lo, hi)
		return struct{}{}
	})
	return err
}

// MapReduce runs body over the chunks of [0, n) and folds their results in
// chunk order with combine. ok is false when n == 0 (there is no result).
func MapReduce[R any](p execution.Policy, n, grain int, body func(lo, hi int) R, combine func(R, R) R) (r R, ok bool) {
	r, ok, _ = MapReduceContext(context.Background(), p, n, grain, body, combine)
	return r, ok
}

// MapReduceContext is MapReduce that stops at the next chunk boundary once
// ctx is done, returning ctx.Err().
func MapReduceContext[R any](ctx context.Context, p execution.Policy, n, grain int, body func(lo, hi int) R, combine func(R, R) R) (r R, ok bool, err error) {
	rs, err := MapChunks(ctx, p, n, grain, body)
	if err != nil || len(rs) == 0 {
		return r, false, err
	}
	r = rs[0]
	for _, x := range rs[1:] {
		r = combine(r, x)
	}
	return r, true, nil
}

// callInline runs body(lo, hi) in the calling goroutine, turning a panic
// into a *future.PanicError like the parallel path does.
func callInline[R any](body func(lo, hi int) R, lo, hi int) R {
	defer func() {
		if v := recover(); v != nil {
			panic(future.NewPanicError(v))
		}
	}()
	return body(lo, hi)
}

// inlineChunks runs the chunks of pl one after another in the caller, with
// the chunk boundaries, results and cancellation of the parallel path.
func inlineChunks[R any](ctx context.Context, pl plan, body func(lo, hi int) R) ([]R, error) {
	results := make([]R, pl.count)
	for i := range pl.count {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		lo, hi := pl.chunk(i)
		results[i] = callInline(body, lo, hi)
	}
	return results, nil
}

// sample runs body in the caller on growing prefixes of [0, n) until they
// took autoSample (or a sixteenth of the input is done), and plans the rest
// in chunks sized to take autoTarget each.
func sample[R any](body func(lo, hi int) R, n int) ([]R, plan) {
	var head []R
	bounds := []int{0}
	start := time.Now()
	done, step := 0, 1
	for done < n {
		hi := min(n, done+step)
		head = append(head, callInline(body, done, hi))
		done = hi
		bounds = append(bounds, done)
		if time.Since(start) >= autoSample || done >= n/16 {
			break
		}
		step *= 2
	}
	pl := uniformPlan(done, n, autoSize(done, time.Since(start)))
	return head, pl
}

// job is one fork/join over a plan. Participants take "slots": with static
// chunking slot s runs chunks s, s+P, s+2P, ...; otherwise every slot takes
// the next unclaimed chunk until none is left (walkShare: from its CPU's
// share on, down from the share's end when back).
type job[R any] struct {
	pl      plan
	inOrder bool // dynamic chunks start in index order (MapChunksInOrder)
	back    bool // walk the shares last chunk first (sweepBackward)
	parts   int
	body    func(lo, hi int) R
	results []R
	done    <-chan struct{} // the caller's ctx.Done(), nil if it never ends

	next      atomic.Int64  // next chunk to claim (dynamic, over 64 chunks)
	taken     atomic.Uint64 // chunks claimed (dynamic, up to 64 chunks)
	stop      atomic.Bool   // a panic or cancellation: start no more chunks
	cancelled atomic.Bool   // a chunk was skipped because ctx was done
	panicked  atomic.Pointer[future.PanicError]

	slots    atomic.Int64 // slot ids handed out to helpers
	finished atomic.Int64 // helpers that finished their slot
	target   atomic.Int64 // helpers to wait for, -1 until known
	joined   chan struct{}

	// tasks are the helpers' queue entries (the job is their Runner), in
	// small when they fit: a fork allocates no task of its own.
	tasks []sched.Task
	small [4]sched.Task
}

// Run is a helper's task (see helper).
func (j *job[R]) Run() { j.helper() }

// Stale reports that every slot is taken, so that a helper still queued
// would find nothing to do: workers drop it unrun.
func (j *job[R]) Stale() bool { return j.slots.Load() >= int64(j.parts) }

// spawn queues n helpers.
func (j *job[R]) spawn(n int) {
	if n <= len(j.small) {
		j.tasks = j.small[:n]
	} else {
		j.tasks = make([]sched.Task, n)
	}
	for i := range j.tasks {
		j.tasks[i].Runner = j
	}
	sched.SubmitAll(j.tasks)
}

// run executes the plan with parts participants and returns when every
// chunk has run or was skipped.
func (j *job[R]) run(parts int) {
	j.parts = parts
	j.target.Store(-1)
	j.joined = make(chan struct{})
	if sched.WorkerID() < 0 {
		// Not a worker: every slot runs on the pool and the caller waits.
		j.spawn(parts)
		j.wait(int64(parts))
		return
	}
	// A worker takes slot 0 itself, then any slot no helper has started.
	j.slots.Store(1)
	j.spawn(parts - 1)
	j.work(0)
	claimed := j.slots.Swap(int64(parts)) // later helpers find no slot
	for s := claimed; s < int64(parts); s++ {
		j.work(int(s))
	}
	j.wait(claimed - 1)
}

// helper is the task a participating worker runs. When it is done the
// pool stays warm for a while (sched.KeepWarm), so that a parallel call
// that follows soon finds its workers awake instead of parked.
func (j *job[R]) helper() {
	defer sched.KeepWarm(j.parts)
	s := j.slots.Add(1) - 1
	if s >= int64(j.parts) {
		return
	}
	defer j.helperDone() // even when a chunk's function calls runtime.Goexit
	j.work(int(s))
}

// helperDone counts a helper out, and wakes the caller after the last.
func (j *job[R]) helperDone() {
	if d := j.finished.Add(1); d == j.target.Load() {
		close(j.joined)
		// The waiting caller is now next in line on this worker's P: let
		// it run before this worker goes looking for more work.
		runtime.Gosched()
	}
}

// wait blocks until n helpers have finished.
func (j *job[R]) wait(n int64) {
	j.target.Store(n)
	if j.finished.Load() == n {
		return
	}
	sched.Block(func() { <-j.joined })
}

// errGoexit is the value a parallel call panics with when a function it
// runs on a helper worker calls runtime.Goexit (t.FailNow in a test, say).
// Goexit cannot end the caller's goroutine from another one, and the call
// must not hang, so it fails the call like a panic.
var errGoexit = errors.New("hpgo: a function run in parallel called runtime.Goexit")

// work runs the chunks of slot s. A panic, or a runtime.Goexit, in a chunk
// is recorded for the caller and stops the chunks not yet started.
func (j *job[R]) work(s int) {
	normal := false
	defer func() {
		if normal {
			return
		}
		v := recover()
		if v == nil {
			v = errGoexit
		}
		j.panicked.CompareAndSwap(nil, future.NewPanicError(v))
		j.stop.Store(true)
	}()
	j.workChunks(s)
	normal = true
}

func (j *job[R]) workChunks(s int) {
	if j.pl.static {
		for i := s; i < j.pl.count; i += j.parts {
			if !j.proceed() {
				return
			}
			j.runChunk(i)
		}
		return
	}
	if j.walks() {
		j.walkShare()
		return
	}
	for {
		i := int(j.next.Add(1) - 1)
		if i >= j.pl.count || !j.proceed() {
			return
		}
		j.runChunk(i)
	}
}

// claim takes the first unclaimed chunk at or after from (cyclically; from
// < 0 means 0) and returns it, or -1 when every chunk is taken. It serves
// dynamic plans of at most 64 chunks.
func (j *job[R]) claim(from int) int {
	n := j.pl.count
	if from < 0 || from >= n {
		from = 0
	}
	all := lowBits(n)
	for {
		t := j.taken.Load()
		free := ^t & all
		if free == 0 {
			return -1
		}
		// Rotate so that bit from comes first.
		rot := free>>from | free<<(n-from)&all
		k := (from + bits.TrailingZeros64(rot)) % n
		if j.taken.CompareAndSwap(t, t|1<<k) {
			return k
		}
	}
}

// walks reports whether the job's participants walk their shares of the
// plan (walkShare): a dynamic plan of at most 64 chunks, not in order. Only
// such calls turn the walk's direction (sweepBackward).
func (j *job[R]) walks() bool {
	return !j.pl.static && j.pl.count <= 64 && !j.inOrder
}

// walkShare claims and runs chunks of a dynamic plan of at most 64 chunks
// (kept in a bitmap), from this CPU's share of the plan on (see MapChunks):
// first to last, or last to first when the job walks back. Worker ids
// would not do for the share: a worker goroutine moves between threads and
// cores, and preferring chunks by id gained nothing. The chunks' kernels
// get the walk's direction as their read-order hint (sched.SetDirection).
func (j *job[R]) walkShare() {
	dir, step := sched.Forward, 1
	if j.back {
		dir, step = sched.Backward, -1
	}
	// Set the hint, and put back the one a chunk of an enclosing call set.
	defer sched.SetDirection(sched.SetDirection(dir))
	i := -1
	if c := sched.CPU(); c >= 0 {
		share := c % j.parts
		if j.back {
			i = (share+1)*j.pl.count/j.parts - 1
		} else {
			i = share * j.pl.count / j.parts
		}
	}
	for {
		if j.back {
			i = j.claimDown(i)
		} else {
			i = j.claim(i)
		}
		if i < 0 || !j.proceed() {
			return
		}
		j.runChunk(i)
		i += step
	}
}

// claimDown takes the last unclaimed chunk at or before from (cyclically;
// from < 0 means the last chunk) and returns it, or -1 when every chunk is
// taken. It serves dynamic plans of at most 64 chunks.
func (j *job[R]) claimDown(from int) int {
	n := j.pl.count
	if from < 0 || from >= n {
		from = n - 1
	}
	all, upTo := lowBits(n), lowBits(from+1)
	for {
		t := j.taken.Load()
		free := ^t & all
		if free == 0 {
			return -1
		}
		if below := free & upTo; below != 0 {
			free = below
		}
		k := 63 - bits.LeadingZeros64(free)
		if j.taken.CompareAndSwap(t, t|1<<k) {
			return k
		}
	}
}

// lowBits returns a mask of the n lowest bits, 0 <= n <= 64.
func lowBits(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

// sweep is the direction of the next parallel call's walk (sweepBackward).
var sweep atomic.Bool

// sweepBackward reports whether this call's participants walk their shares
// last chunk first, and turns the direction for the next call. Calls on
// other goroutines turn it too, so concurrent calls may walk the same way:
// that changes only their speed.
func sweepBackward() bool {
	b := sweep.Load()
	sweep.Store(!b)
	return b
}

func (j *job[R]) runChunk(i int) {
	lo, hi := j.pl.chunk(i)
	j.results[i] = j.body(lo, hi)
}

// proceed reports whether another chunk may start.
func (j *job[R]) proceed() bool {
	if j.stop.Load() {
		if j.panicked.Load() == nil {
			j.cancelled.Store(true)
		}
		return false
	}
	if j.done != nil {
		select {
		case <-j.done:
			j.cancelled.Store(true)
			j.stop.Store(true)
			return false
		default:
		}
	}
	return true
}
