package parallel

import (
	"fmt"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/internal/sched"
)

// guard turns a panic in the calling goroutine into a *future.PanicError
// carrying the original value and stack, so that a user function that panics
// reaches the caller the same way under every policy. Use it as
// `defer guard()` in the synchronous forms, after argument checks.
func guard() {
	if v := recover(); v != nil {
		if _, ok := v.(sched.StartError); ok {
			panic(v) // the runtime could not start: not the user's function
		}
		panic(future.NewPanicError(v))
	}
}

// inline reports whether the runner would run [0, n) as one chunk in the
// caller: a non-parallel policy, or the default chunking with less than one
// grain of work (see cpu.MapChunks).
func inline(p execution.Policy, n, grain int) bool {
	return !p.Parallel() || (p.Chunk().Kind() == execution.ChunkDefault && n < grain)
}

// badArg panics with a programmer-error message for algorithm fn.
func badArg(fn, format string, args ...any) {
	panic(fmt.Sprintf("hpgo: parallel."+fn+": "+format, args...))
}

// foldChunks folds the chunk results rs into init in chunk order, or, when
// err is set, returns the zero R and err: after a cancel rs holds zero
// values for the chunks that never ran, which reduce must not see (a
// pointer's zero value is nil).
func foldChunks[R any](init R, rs []R, reduce func(R, R) R, err error) (R, error) {
	if err != nil {
		var zero R
		return zero, err
	}
	for _, r := range rs {
		init = reduce(init, r)
	}
	return init, nil
}

// checkFunc panics for a nil function argument, at the call and whatever
// the input, rather than with a nil dereference inside a worker.
func checkFunc(fn, arg string, isNil bool) {
	if isNil {
		badArg(fn, "%s is nil", arg)
	}
}
