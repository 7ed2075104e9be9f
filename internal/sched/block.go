package sched

import "runtime/pprof"

// Block runs wait, which should block until something else happens.
//
// Called from a goroutine that holds a worker slot, Block first hands the
// slot — its id and its deque — to another goroutine (an idle spare, or a new
// one), which runs the slot's tasks while wait blocks, the way the Go runtime
// hands a P to another M during a system call. The pool thus keeps its
// strength, and a task that waits for another never deadlocks it, even with
// one worker. When wait returns, the caller takes a slot back before Block
// returns: a parked worker's at once if one is idle, else the first slot
// whose holder finishes a task (resuming goroutines go before new work, as
// resumed threads do in HPX). The slot may not be the one it gave up, so
// WorkerID can change across a Block. At any moment at most NumWorkers
// goroutines hold slots. A handoff costs a goroutine wake-up or two (plus a
// goroutine creation when no spare is idle); a goroutine that has given up
// its slot is retired into a list of at most NumWorkers idle spares.
//
// Called from any other goroutine, Block just calls wait.
func Block(wait func()) {
	r := self()
	if r == nil || r.slot == nil {
		wait()
		return
	}
	p := r.p
	s := r.slot
	r.slot = nil
	p.nblocked.Add(1)
	p.release(s)
	defer func() { // deferred, so that even a panicking wait gets its slot back
		r.slot = p.reacquire(r)
		pprof.SetGoroutineLabels(r.slot.labels)
	}()
	wait()
}

// release gives slot s, whose holder is about to block, to a goroutine
// waiting to resume, to an idle spare, or to a new goroutine.
func (p *pool) release(s *slot) {
	p.mu.Lock()
	if rr, ok := p.popResume(); ok {
		p.mu.Unlock()
		rr.wake <- s
		return
	}
	if n := len(p.spares); n > 0 {
		r := p.spares[n-1]
		p.spares[n-1] = nil
		p.spares = p.spares[:n-1]
		p.mu.Unlock()
		r.wake <- s
		return
	}
	p.mu.Unlock()
	p.live.Add(1)
	go newRunner(p).main(s)
}

// reacquire returns a slot for r, whose wait in Block is over: a parked
// worker's (that worker then retires), or else the next one given up at a
// task boundary or in park.
func (p *pool) reacquire(r *runner) *slot {
	p.mu.Lock()
	if e, ok := p.popIdle(); ok {
		p.mu.Unlock()
		e.r.wake <- nil
		p.nblocked.Add(-1)
		return e.s
	}
	p.resume = append(p.resume, r)
	p.nresume.Add(1)
	p.mu.Unlock()
	s := <-r.wake
	p.nblocked.Add(-1)
	return s
}

// yield gives slot s to a goroutine waiting to resume, if there is one.
func (p *pool) yield(s *slot) bool {
	p.mu.Lock()
	rr, ok := p.popResume()
	p.mu.Unlock()
	if ok {
		rr.wake <- s
	}
	return ok
}

// retire parks r, which gave its slot away, in the list of idle spares and
// returns the next slot it is given, or nil if it should exit: the pool is
// stopping, or it already keeps as many idle spares as it has workers.
func (p *pool) retire(r *runner) *slot {
	p.mu.Lock()
	if p.stopping || len(p.spares) >= p.n {
		p.mu.Unlock()
		return nil
	}
	p.spares = append(p.spares, r)
	p.mu.Unlock()
	return <-r.wake
}
