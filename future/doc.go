// Package future provides HPX-style futures on hpgo's work-stealing runtime:
// Async starts a function on a worker and returns a *Future for its result;
// Then, WhenAll, WhenAny and Dataflow compose futures into graphs that run
// as their inputs become ready; Get, Await, Done and Wait fit Go's own ways
// of waiting — a blocking call, a context, a select, errgroup-style code.
//
// # Results and errors
//
// A future resolves exactly once, with a value and an error. A panic in a
// task, a Then function or an OnDone callback never kills a worker: a task
// or continuation resolves with a *PanicError holding the value and stack
// (an OnDone callback has no future to resolve, so its PanicError is
// logged).
// Errors flow through compositions: Then skips its function when the input
// failed, and WhenAll and Dataflow fail fast with the first error in time
// order while their other inputs keep running.
//
// Programmer errors — a nil function, a nil future, a nil context — panic
// at the call with a message that starts with "hpgo: future.<Function>: ".
//
// # Waiting
//
// Get and Await block the caller. Called from a worker, they first try to
// claim the future's task if no worker has started it, and run it inline
// (as HPX does); otherwise the worker hands its place in the pool to another
// goroutine for as long as it waits and takes one back afterwards, so
// waiting inside a task never deadlocks the pool, even with one worker, and
// no more than the runtime's number of workers ever run tasks at once.
// Callers outside the pool simply block: they never run pool work, so
// CPU-bound work stays on the runtime's workers.
//
// # Cancellation
//
// Cancel stops a task that has not started: it never runs, and its future
// resolves with ErrCancelled (which also matches context.Canceled). A task
// started with AsyncContext sees its context cancelled instead, and one
// whose context is cancelled before it starts never runs. A cancelled wait,
// Await(ctx), returns ctx.Err() and leaves the future untouched for other
// waiters.
//
// # Costs
//
// Async costs one allocation (the future, which embeds its scheduler task)
// besides the closure, and an Async+Get round trip from outside the pool is
// a few hundred nanoseconds, about the cost of a goroutine and a channel;
// from inside a task, where Get runs the task inline, about a hundred.
// Ready, Failed, NewPromise and OnDone cost one allocation; Then, Dataflow2
// and Dataflow3 two; WhenAll five whatever the number of inputs. A
// future's Done channel is made on first request.
package future
