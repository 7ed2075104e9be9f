package sched

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"
)

// EnvThreads is the environment variable that sets the default number of
// workers.
const EnvThreads = "HPGO_OS_THREADS"

var (
	mu       sync.Mutex           // serialises Start, Stop and lazy start
	cur      atomic.Pointer[pool] // the running pool, nil when stopped
	draining []*pool              // stopped pools still finishing, guarded by mu
)

// RunningError is returned by Start when the pool already runs with a
// different number of workers.
type RunningError struct {
	Running   int // workers of the running pool
	Requested int // workers Start asked for
}

func (e *RunningError) Error() string {
	return fmt.Sprintf("hpgo: scheduler already running with %d workers; Start asked for %d", e.Running, e.Requested)
}

// DefaultWorkers reports the number of workers a lazy start or Start(0)
// uses: the value of HPGO_OS_THREADS if it is set, else GOMAXPROCS. The
// error names the variable and its value if that is not a positive integer.
func DefaultWorkers() (int, error) {
	v, ok := os.LookupEnv(EnvThreads)
	if !ok || v == "" {
		return runtime.GOMAXPROCS(0), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("hpgo: %s=%q: want a positive integer", EnvThreads, v)
	}
	return n, nil
}

// Start starts the pool with n workers, or with DefaultWorkers if n is 0.
// If the pool already runs with that many workers Start does nothing; with
// a different number it returns a *RunningError.
func Start(n int) error {
	if n < 0 {
		return fmt.Errorf("hpgo: sched.Start(%d): the number of workers must be positive", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if n == 0 {
		var err error
		if n, err = DefaultWorkers(); err != nil {
			return err
		}
	}
	if p := cur.Load(); p != nil {
		if p.n == n {
			return nil
		}
		return &RunningError{Running: p.n, Requested: n}
	}
	cur.Store(newPool(n))
	return nil
}

// current returns the running pool, starting it lazily. A lazy start with
// an invalid HPGO_OS_THREADS panics: there is no caller to return an error
// to, and running with a guess would hide the mistake.
// StartError is what the runtime's lazy start panics with when it cannot
// start (a bad HPGO_OS_THREADS): a misconfiguration, not a failure of user
// code, which code that wraps the panics of user functions passes on as it
// is. Its message is the error's.
type StartError struct{ Err error }

func (e StartError) Error() string { return e.Err.Error() }
func (e StartError) Unwrap() error { return e.Err }

func current() *pool {
	if p := cur.Load(); p != nil {
		return p
	}
	mu.Lock()
	defer mu.Unlock()
	if p := cur.Load(); p != nil {
		return p
	}
	n, err := DefaultWorkers()
	if err != nil {
		panic(StartError{err})
	}
	p := newPool(n)
	cur.Store(p)
	return p
}

// Running reports whether a pool is running (without starting one).
func Running() bool { return cur.Load() != nil }

// ErrStopFromTask is returned by Stop called from a pool goroutine. Its
// text names execution.Shutdown, the only public way to call Stop.
var ErrStopFromTask = errors.New("hpgo: execution.Shutdown called from one of the runtime's tasks, which it cannot wait for: the runtime drains in the background")

// Stop drains the pool and stops it: the tasks already queued still run,
// and so does any task they submit; then every goroutine of the pool —
// workers, spares, and tasks that blocked — exits. Stop returns when all of
// them have, or with ctx.Err() when ctx expires first; the drain then
// continues in the background, and a later Stop waits for it again. Stop is
// a no-op when nothing runs or drains.
//
// Work is never lost to a Stop: a submission from outside the stopping pool
// after Stop began starts a fresh pool lazily, just as the first one did.
// Called from a task of the pool, Stop starts the drain and returns an
// error at once instead of waiting for itself.
func Stop(ctx context.Context) error {
	mu.Lock()
	if p := cur.Swap(nil); p != nil {
		p.stop()
		draining = append(draining, p)
	}
	ps := slices.Clone(draining)
	mu.Unlock()
	if r := self(); r != nil && slices.Contains(ps, r.p) {
		return ErrStopFromTask
	}
	for _, p := range ps {
		select {
		case <-p.done:
			continue
		default:
		}
		select {
		case <-p.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	mu.Lock()
	draining = slices.DeleteFunc(draining, func(p *pool) bool {
		select {
		case <-p.done:
			return true
		default:
			return false
		}
	})
	mu.Unlock()
	return nil
}

// NumWorkers reports the number of workers, starting the pool lazily.
func NumWorkers() int { return current().n }

// WorkerID reports the id (0..NumWorkers()-1) of the worker slot the calling
// goroutine holds, or -1 if it holds none (a goroutine outside the pool).
// A task that blocks may resume on another slot, so the id can change
// across a Block. It costs about 10 ns.
func WorkerID() int {
	if r := self(); r != nil && r.slot != nil {
		return r.slot.id
	}
	return -1
}

// IsWorker reports whether the calling goroutine holds a worker slot, that
// is WorkerID() >= 0.
func IsWorker() bool {
	r := self()
	return r != nil && r.slot != nil
}

// Unqueue reports whether the calling goroutine holds a worker slot, the
// condition for running a queued task inline. If t is the task at the
// bottom of that worker's deque — the one it queued last — Unqueue also
// takes it off, so that running t inline leaves no stale entry behind;
// otherwise t stays where it is, and whoever dequeues it later must find
// it already claimed.
func Unqueue(t *Task) bool {
	r := self()
	if r == nil || r.slot == nil {
		return false
	}
	r.slot.dq.popIf(t)
	return true
}

// Spawn queues fn to run on a worker, starting the pool lazily. It
// allocates a small Task; Submit avoids that.
func Spawn(fn func()) { Submit(&Task{Runner: funcTask(fn)}) }

// Submit queues t to run on a worker, starting the pool lazily. From a
// worker, t goes to the bottom of that worker's own deque (it runs next
// there unless another worker steals it first); from any other goroutine
// it goes to the global injection queue. Either way a parked worker is
// woken if no worker is searching for work. A panic escaping t is
// recovered and logged; the worker survives. Submit allocates nothing.
func Submit(t *Task) { SubmitAll(unsafe.Slice(t, 1)) }

// SubmitAll submits every task of ts, as Submit submits one. A goroutine
// that holds no slot queues them under one lock of the global queue, which
// a fork/join of many parts would otherwise take once per part while the
// searching workers contend for it.
func SubmitAll(ts []Task) {
	if len(ts) == 0 {
		return
	}
	if r := self(); r != nil {
		if s := r.slot; s != nil {
			for i := range ts {
				s.dq.push(&ts[i])
				r.p.notify()
			}
			return
		}
		if r.p.inject.pushAll(ts) {
			r.p.notify()
			return
		}
	}
	for {
		p := current()
		if p.inject.pushAll(ts) {
			p.notify()
			return
		}
		// p stopped between current and push; current now gives its
		// successor.
	}
}
