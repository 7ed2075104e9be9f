package sched

import (
	"sync/atomic"
	"time"
)

// WarmFor is how long KeepWarm keeps idle workers looking for work.
//
// Parking lets the Go runtime, and then the OS, idle a CPU, and waking it
// again is not free: microseconds on bare metal, about 100 µs on a virtual
// machine whose vCPU was halted. On a 2-vCPU virtual machine the second
// half of a forked reduction started 80–160 µs after the first, which
// halved the speed-up of Par on inputs in L2/L3 (a 4Mi float32 sum: 179 µs
// under Par, 231 µs on one goroutine; 99 µs with warm workers).
const WarmFor = 200 * time.Microsecond

// epoch is the origin of warmUntil, so that it holds a monotonic time.
var epoch = time.Now()

// warmUntil is the end of the warm window, in nanoseconds since epoch.
var warmUntil atomic.Int64

// warmWant is how many idle workers the warm window keeps searching: the
// most any job used within WarmFor (until wantUntil). More would only
// contend: each search round yields through the Go scheduler's global run
// queue, and with 16 searching workers on a 16-core machine an empty 2-part
// fork/join took 5.5–11.4 µs, against 2.7–3.5 µs with 2 workers and
// 3.8–4.0 µs with 16 of which only the 2 wanted search.
var (
	warmWant  atomic.Int32
	wantUntil atomic.Int64
)

// KeepWarm opens (or extends) a window of WarmFor in which up to n idle
// workers keep looking for work (yielding with runtime.Gosched between
// looks) instead of parking, the way OpenMP and TBB threads spin between
// parallel regions; n is the number of workers the caller's job used, and
// a larger n from another job within WarmFor prevails. Data-parallel
// runners call it when a chunked job ends, so that the next parallel call
// finds its workers awake. The price is up to WarmFor of CPU per idle
// worker kept after the last call. Tasks that are not data-parallel
// (futures) never open the window: a lone Async+Get round trip is fastest
// when the idle worker parks and is handed the task on the caller's own
// CPU. Concurrent calls may race on the count; it is a hint.
func KeepWarm(n int) {
	now := int64(time.Since(epoch))
	until := now + int64(WarmFor)
	if int32(n) >= warmWant.Load() || now >= wantUntil.Load() {
		warmWant.Store(int32(n))
		wantUntil.Store(until)
	}
	if warmUntil.Load() < until {
		warmUntil.Store(until)
	}
}

// warm reports whether the window opened by KeepWarm is still open.
func warm() bool { return int64(time.Since(epoch)) < warmUntil.Load() }

// Awake reports whether some worker is idle but awake, looking for work:
// a task submitted now starts within about a microsecond rather than after
// a wake-up (see WarmFor). It starts the pool lazily and costs one atomic
// load.
func Awake() bool { return current().nspinning.Load() > 0 }

// lastWant is when WantWarm was last called, in nanoseconds since epoch.
var lastWant atomic.Int64

// WantWarm tells the pool that a parallel call for n workers ran in its
// caller because no worker was awake (see Awake). A second such call within
// WarmFor of the first shows a loop of them: then up to n parked workers
// are woken and the warm window opened for them, so that the calls that
// follow find awake workers and fork. An isolated call costs a clock read
// and never wakes anyone; the call that wakes pays one channel send per
// worker it wakes.
func WantWarm(n int) {
	now := int64(time.Since(epoch))
	if now-lastWant.Swap(now) < int64(WarmFor) {
		KeepWarm(n)
		current().wake(n)
	}
}

// wake wakes up to n parked workers; each searches for work, and keeps
// searching while the pool is warm and wants it.
func (p *pool) wake(n int) {
	if p.nidle.Load() == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for ; n > 0; n-- {
		e, ok := p.popIdle()
		if !ok {
			return
		}
		p.nspinning.Add(1) // counts the worker we wake, as notify does
		e.r.wake <- e.s
	}
}
