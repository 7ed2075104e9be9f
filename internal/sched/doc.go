// Package sched is the work-stealing scheduler shared by package future and
// package execution.
//
// A pool has a fixed number N of worker slots, ids 0..N-1. Each slot owns a
// Chase–Lev deque: the goroutine running the slot pushes and pops at the
// bottom (LIFO, so the task it just spawned runs next, while its data is
// still in cache), and idle workers steal from the top (FIFO, the oldest and
// usually largest piece of work), picking victims at random. Submissions from
// goroutines that are not workers go to a global injection queue. Idle
// workers spin briefly, then park; a submission wakes a parked worker only
// when no worker is already searching, so bursts do not wake the whole pool
// for every task, and no wake-up is lost (see pool.park). After
// data-parallel work (KeepWarm) idle workers keep searching for WarmFor
// before they park, so that the next parallel call does not pay for waking
// a CPU.
//
// A task that blocks (Block) hands its slot — its id and its deque — to
// another goroutine for as long as it waits, the way the Go runtime hands a
// P to another M while a goroutine is in a system call. The pool thus keeps
// N goroutines running tasks however many tasks wait on others, and waiting
// inside a task never deadlocks it, even with one worker. When the wait is
// over the goroutine takes a slot back — an idle one at once, else the next
// one whose holder finishes a task — so, as with HPX's suspended threads,
// at most N goroutines run tasks at any moment, and a task may resume on a
// different worker than it started on.
//
// The default pool starts lazily on first use with GOMAXPROCS workers, or
// with the number in the environment variable HPGO_OS_THREADS. Stop drains
// it; a later Start or use makes a fresh one.
//
// Goroutine identity costs one TLS read (two instructions of assembly on
// 386, amd64 and arm64) and a probe of the registry's hash table, about
// 4–5 ns; other architectures fall back to parsing the goroutine id out of
// runtime.Stack, which costs microseconds and allocates.
//
// CPU tells which CPU the calling thread runs on (one RDTSCP on linux/amd64,
// where Linux keeps the CPU number in TSC_AUX; -1 elsewhere). Worker
// goroutines move between threads and cores, so a worker id says nothing
// about caches; the CPU number lets chunked work go back to the core that
// read it last.
//
// Observability: each worker goroutine carries the pprof label
// hpgo.worker=<id>, and each task runs in a runtime/trace region named
// "hpgo.task" when tracing is on (when it is off the cost is one atomic
// load).
package sched
