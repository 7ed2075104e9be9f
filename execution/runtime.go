// Package execution holds hpgo's execution policies and its runtime.
//
// Policies (Seq, Unseq, Par, ParUnseq, their Task forms, chunkings and
// backends) are small immutable values that tell the algorithms of package
// parallel how they may run.
//
// The runtime is a fixed set of worker goroutines with work-stealing
// queues, shared by package future, package parallel and Executor. It
// starts by itself on first use with GOMAXPROCS workers (or
// HPGO_OS_THREADS; a value that is not a positive integer makes that first
// use panic with an hpgo: error naming it); Init starts it explicitly, with
// OSThreads to choose the size, and Shutdown drains and stops it, after
// which it can start again.
// A task that waits for a future, or runs a parallel algorithm, never
// deadlocks the pool: a worker that has to wait hands its place to another
// goroutine until it can go on.
package execution

import (
	"context"
	"errors"
	"fmt"

	"github.com/hpgo/hpgo/internal/sched"
)

// Option configures Init.
type Option struct {
	apply func(*config) error
}

type config struct {
	threads int // 0: the default
}

// OSThreads sets the number of workers: goroutines that run the runtime's
// tasks, each with its own work queue (HPX's --hpx:threads, HPyX's
// os_threads). Init fails if n < 1. The default is GOMAXPROCS, or the value
// of the environment variable HPGO_OS_THREADS if it is set; an explicit
// OSThreads wins over the variable.
//
// Idle workers park; after a chunked parallel algorithm they first keep
// looking for work for 200 µs (yielding between looks), so that the next
// parallel call does not wait for a parked CPU to wake (~100 µs on a
// virtual machine).
func OSThreads(n int) Option {
	return Option{func(c *config) error {
		if n < 1 {
			return fmt.Errorf("hpgo: execution.OSThreads(%d): need at least one worker", n)
		}
		c.threads = n
		return nil
	}}
}

// Init starts the runtime. It is optional: the runtime starts by itself, with
// the default configuration, the first time work is submitted. Init called
// while the runtime runs with the same configuration does nothing and
// returns nil; with a different one it returns an error that names both.
// Init without OSThreads asks for the default configuration, and fails if
// HPGO_OS_THREADS is set to anything but a positive integer.
func Init(opts ...Option) error {
	var c config
	for _, o := range opts {
		if o.apply == nil {
			continue
		}
		if err := o.apply(&c); err != nil {
			return err
		}
	}
	if c.threads == 0 {
		n, err := sched.DefaultWorkers()
		if err != nil {
			return err
		}
		c.threads = n
	}
	err := sched.Start(c.threads)
	if re, ok := errors.AsType[*sched.RunningError](err); ok {
		return fmt.Errorf("hpgo: runtime already running with OSThreads(%d); Init asked for OSThreads(%d)", re.Running, re.Requested)
	}
	return err
}

// Shutdown drains the runtime and stops it: tasks already queued still run,
// and so do the tasks they start; then every worker goroutine exits.
// Shutdown returns when they have, or with ctx.Err() if ctx ends first (the
// drain then goes on in the background). Called from one of the runtime's
// own tasks, it cannot wait for itself: it returns ErrShutdownFromTask at
// once and the drain goes on in the background. It is a no-op when the runtime is not
// running. Work submitted after Shutdown has begun starts the runtime
// again, lazily, as does a later Init.
func Shutdown(ctx context.Context) error { return sched.Stop(ctx) }

// ErrShutdownFromTask is the error of Shutdown called from one of the
// runtime's own tasks.
var ErrShutdownFromTask = sched.ErrStopFromTask

// Block runs wait, which should block until something outside the runtime
// happens (a channel receive, a lock, I/O), without holding a worker.
//
// A task, a continuation or a function passed to an Executor runs on one of
// NumWorkers workers, and a Go wait inside it keeps that worker: when every
// worker waits so, for work that still sits in the queue, the pool stalls
// for good. hpgo's own waits (Future.Get and Await, future.Wait,
// Executor.Wait) hand the worker to another goroutine while they wait;
// Block does the same for any other wait. Called from a worker, it hands
// the worker on, runs wait, and takes a worker back (perhaps another one,
// so WorkerID may change) before it returns; the handoff costs a goroutine
// wake-up or two. Called from any other goroutine, it just calls wait.
//
//	execution.Block(func() { <-ctx.Done() })
func Block(wait func()) {
	if wait == nil {
		panic("hpgo: execution.Block: wait is nil")
	}
	sched.Block(wait)
}

// NumWorkers reports the runtime's number of workers, starting it lazily.
func NumWorkers() int { return sched.NumWorkers() }

// WorkerID reports the id, 0..NumWorkers()-1, of the worker running the
// calling goroutine, or -1 outside a worker. A task that waits for a future
// another worker is running gives its worker up while it waits, so that the
// pool stays at full strength, and may resume on a different one: the id
// can change across a Get or Await. It costs about 10 ns.
func WorkerID() int { return sched.WorkerID() }
