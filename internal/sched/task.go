package sched

// A Runner is what a Task runs.
type Runner interface{ Run() }

// Task is a unit of work for the pool. It is meant to be embedded in a larger
// object (a future, say) that implements Runner itself, so that submitting
// work costs no allocation beyond that object. A Task may be submitted once
// at a time: it must not be queued twice concurrently.
type Task struct {
	Runner Runner // what to run; set before Submit
	next   *Task  // link in the injection queue
}

// Staler is implemented by a Runner that can tell cheaply that it has
// nothing left to do — a future whose task was claimed and run elsewhere, or
// cancelled. A worker drops such a task without counting it as work found.
type Staler interface{ Stale() bool }

// funcTask adapts a plain function to a Runner. A func value is
// pointer-shaped, so storing it in an interface does not allocate.
type funcTask func()

func (f funcTask) Run() { f() }
