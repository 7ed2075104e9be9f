package sched

import (
	"context"
	"log"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
)

// pool is one run of the scheduler: Start (or lazy start) makes one, Stop
// drains it and lets it go.
type pool struct {
	n      int
	slots  []*slot
	inject injectQueue

	// nspinning counts workers that are searching for work (not running a
	// task, not parked); nidle is len(idle), readable without the lock.
	// Together they decide whether a submission must wake a worker.
	nspinning atomic.Int32
	nidle     atomic.Int32

	// nblocked counts goroutines that gave up their slot in Block and have
	// not got one back; nresume is len(resume), readable without the lock.
	nblocked atomic.Int32
	nresume  atomic.Int32

	mu       sync.Mutex
	idle     []idleEntry // parked workers, guarded by mu
	spares   []*runner   // goroutines waiting for a slot to run, guarded by mu
	resume   []*runner   // blocked goroutines whose wait is over, waiting for a slot, guarded by mu
	stopping bool        // guarded by mu

	liveSlots int // slots that have not exited, guarded by inject.mu

	live atomic.Int64  // goroutines of this pool
	done chan struct{} // closed when the last of them exits
}

// slot is a worker's identity and queue: what a blocked task hands over.
type slot struct {
	id     int
	dq     deque
	rng    uint64          // victim selection; used by the slot's holder only
	labels context.Context // pprof labels hpgo.worker=<id>
}

// runner is a goroutine of the pool. Its slot and dir fields are read and
// written only by that goroutine.
type runner struct {
	p    *pool
	g    uintptr
	slot *slot     // the slot this goroutine runs, nil if none
	dir  Direction // the read-order hint of the chunk it runs (SetDirection)
	// wake is where a runner that waits — parked, spare, or resuming after
	// Block — receives the slot to run next. A parked worker receives nil
	// when its slot was taken by a resuming goroutine; a spare receives nil
	// when it should exit.
	wake chan *slot
}

// idleEntry is a parked worker and the slot it holds.
type idleEntry struct {
	r *runner
	s *slot
}

func newRunner(p *pool) *runner { return &runner{p: p, wake: make(chan *slot, 1)} }

// spinRounds is how many times a worker that found nothing yields and
// looks again before it parks, unless the pool is warm (see KeepWarm): then
// it keeps looking until the warm window closes, if no more than the
// window's number of workers are looking. Each round is a
// runtime.Gosched, so a spinning worker never keeps a goroutine it could be
// serving off the CPU.
const spinRounds = 3

func newPool(n int) *pool {
	p := &pool{n: n, slots: make([]*slot, n), liveSlots: n, done: make(chan struct{})}
	for i := range p.slots {
		s := &slot{
			id:     i,
			rng:    rand.Uint64() | 1,
			labels: pprof.WithLabels(context.Background(), pprof.Labels("hpgo.worker", strconv.Itoa(i))),
		}
		s.dq.init()
		p.slots[i] = s
	}
	p.live.Add(int64(n))
	for _, s := range p.slots {
		go newRunner(p).main(s)
	}
	return p
}

// main is the body of every pool goroutine: run slot s, and whenever the
// slot is given away (to a goroutine resuming after Block), retire as a
// spare until given another slot or told to exit.
func (r *runner) main(s *slot) {
	p := r.p
	r.g = getg()
	register(r)
	clean := false
	defer func() {
		if !clean && r.slot != nil {
			// A task called runtime.Goexit; keep its slot serving.
			p.release(r.slot)
		}
		deregister(r)
		if p.live.Add(-1) == 0 {
			close(p.done)
		}
	}()
	for s != nil {
		r.slot = s
		pprof.SetGoroutineLabels(s.labels)
		if p.work(r) {
			break // the slot exited: the pool is stopping and drained
		}
		r.slot = nil
		s = p.retire(r)
	}
	clean = true
}

// work runs tasks on r's slot. It returns true when the slot exits (the pool
// is stopping and no work is left), false when r gave the slot to a
// goroutine resuming after Block and must retire.
func (p *pool) work(r *runner) (exited bool) {
	spinning, spins := false, 0
	for {
		s := r.slot // a task that blocked may come back on another slot
		t := s.dq.pop()
		if t == nil {
			t = p.inject.pop()
		}
		if t == nil {
			t = p.steal(s)
		}
		if t != nil {
			if st, ok := t.Runner.(Staler); ok && st.Stale() {
				continue
			}
			if spinning {
				spinning = false
				// The last searcher stops searching: if more work is
				// visible, wake a parked worker to pick it up (its
				// submitter may not have, seeing us search).
				if p.nspinning.Add(-1) == 0 && p.hasWork() {
					p.notify()
				}
			}
			spins = 0
			r.run(t, s)
			// Goroutines resuming after Block come before new work, as
			// resumed HPX threads do: they hold partly done tasks.
			if p.nresume.Load() > 0 && p.yield(r.slot) {
				return false
			}
			continue
		}
		if !spinning {
			spinning = true
			p.nspinning.Add(1)
			continue
		}
		if spins < spinRounds {
			spins++
			runtime.Gosched()
			continue
		}
		if !p.stopSearching() {
			runtime.Gosched()
			continue
		}
		spinning, spins = false, 0
		switch p.park(r, s) {
		case parkExit:
			return true
		case parkLost:
			return false
		}
		spinning = true // whoever woke us counted us as searching
	}
}

// stopSearching takes a searching worker out of nspinning and reports
// true, unless the pool is warm and wants it searching (no more than
// warmWant search then; the compare-and-swap lets exactly the surplus go).
func (p *pool) stopSearching() bool {
	for {
		n := p.nspinning.Load()
		if warm() && n <= warmWant.Load() {
			return false
		}
		if p.nspinning.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

// run runs one task. A panic is recovered and reported: it must not take
// the worker down (package future recovers its own panics; this is the last
// line of defence for plain Spawn).
func (r *runner) run(t *Task, s *slot) {
	defer func() {
		if v := recover(); v != nil {
			panicHook(v, debug.Stack())
		}
	}()
	if trace.IsEnabled() {
		defer trace.StartRegion(s.labels, "hpgo.task").End()
	}
	t.Runner.Run()
}

// steal takes a task from another slot, visiting the others from a random
// one; a second pass follows if a steal lost a race.
func (p *pool) steal(s *slot) *Task {
	n := len(p.slots)
	if n == 1 {
		return nil
	}
	s.rng ^= s.rng << 13
	s.rng ^= s.rng >> 7
	s.rng ^= s.rng << 17
	start := int(s.rng % uint64(n))
	for range 2 {
		contended := false
		for i := range n {
			v := p.slots[(start+i)%n]
			if v == s {
				continue
			}
			t, retry := v.dq.steal()
			if t != nil {
				return t
			}
			contended = contended || retry
		}
		if !contended {
			return nil
		}
	}
	return nil
}

// hasWork reports whether any queue looks non-empty.
func (p *pool) hasWork() bool {
	if p.inject.n.Load() > 0 {
		return true
	}
	for _, s := range p.slots {
		if s.dq.size() > 0 {
			return true
		}
	}
	return false
}

// notify wakes a parked worker after a submission, unless a worker is
// already searching (it will find the task, or wake another before it
// parks) or none is parked.
func (p *pool) notify() {
	if p.nidle.Load() == 0 || p.nspinning.Load() != 0 {
		return
	}
	if !p.nspinning.CompareAndSwap(0, 1) { // counts the worker we wake
		return
	}
	p.mu.Lock()
	e, ok := p.popIdle()
	p.mu.Unlock()
	if !ok {
		// Every parked worker was woken meanwhile; they are searching.
		p.nspinning.Add(-1)
		return
	}
	e.r.wake <- e.s
}

// popIdle takes the most recently parked worker out of the idle list.
// p.mu must be held.
func (p *pool) popIdle() (idleEntry, bool) {
	n := len(p.idle)
	if n == 0 {
		return idleEntry{}, false
	}
	e := p.idle[n-1]
	p.idle[n-1] = idleEntry{}
	p.idle = p.idle[:n-1]
	p.nidle.Add(-1)
	return e, true
}

// popResume takes the longest-waiting resuming goroutine. p.mu must be held.
func (p *pool) popResume() (*runner, bool) {
	if len(p.resume) == 0 {
		return nil, false
	}
	r := p.resume[0]
	p.resume[0] = nil
	p.resume = p.resume[1:]
	p.nresume.Add(-1)
	return r, true
}

type parkResult int

const (
	parkWoken parkResult = iota // woken with the slot: search again
	parkExit                    // the slot exits: the pool stopped
	parkLost                    // the slot went to a resuming goroutine
)

// park puts r, holding slot s, to sleep until a submission wakes it. Before
// that it gives s to a goroutine waiting to resume after Block, if any.
//
// No wake-up is lost: a submitter publishes its task and then reads nidle
// and nspinning; park publishes s in idle (and the caller has already
// stopped searching) and then looks at every queue again. With sequentially
// consistent atomics one of the two sees the other. Likewise a resuming
// goroutine and park meet under p.mu: one finds the other.
func (p *pool) park(r *runner, s *slot) parkResult {
	p.mu.Lock()
	if rr, ok := p.popResume(); ok {
		p.mu.Unlock()
		rr.wake <- s
		return parkLost
	}
	if p.stopping && p.nblocked.Load() == 0 {
		p.mu.Unlock()
		if p.tryExit(s) {
			return parkExit
		}
		p.nspinning.Add(1)
		return parkWoken
	}
	p.idle = append(p.idle, idleEntry{r, s})
	p.nidle.Add(1)
	p.mu.Unlock()
	if p.hasWork() && p.unidle(r) {
		p.nspinning.Add(1)
		return parkWoken
	}
	if <-r.wake == nil {
		return parkLost
	}
	return parkWoken
}

// unidle takes r back out of the idle list. It reports false if someone
// took it first (what they send is then on its way to r.wake).
func (p *pool) unidle(r *runner) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, e := range p.idle {
		if e.r == r {
			last := len(p.idle) - 1
			p.idle[i] = p.idle[last]
			p.idle[last] = idleEntry{}
			p.idle = p.idle[:last]
			p.nidle.Add(-1)
			return true
		}
	}
	return false
}

// tryExit retires slot s for good if the pool is stopping, no goroutine is
// blocked (it will want a slot back), and neither s's deque nor the
// injection queue holds work. The last slot to go closes the injection
// queue, under its lock, so no submission can slip in unseen. An exiting
// slot wakes a parked one, which then exits in turn if nothing is left.
func (p *pool) tryExit(s *slot) bool {
	q := &p.inject
	q.mu.Lock()
	if q.head != nil || s.dq.size() > 0 || p.nblocked.Load() > 0 {
		q.mu.Unlock()
		return false
	}
	p.liveSlots--
	if p.liveSlots == 0 {
		q.closed = true
	}
	q.mu.Unlock()
	p.mu.Lock()
	e, ok := p.popIdle()
	if ok {
		p.nspinning.Add(1)
	}
	p.mu.Unlock()
	if ok {
		e.r.wake <- e.s
	}
	return true
}

// stop starts draining: parked workers wake, see stopping, and exit once
// there is no work left; idle spares exit at once.
func (p *pool) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopping = true
	for _, e := range p.idle {
		p.nspinning.Add(1)
		e.r.wake <- e.s
	}
	clear(p.idle)
	p.idle = p.idle[:0]
	p.nidle.Store(0)
	for _, r := range p.spares {
		r.wake <- nil
	}
	p.spares = nil
}

// panicHook reports a panic that escaped a task. Tests replace it.
var panicHook = func(v any, stack []byte) {
	log.Printf("hpgo: recovered panic in scheduled task: %v\n%s", v, stack)
}
