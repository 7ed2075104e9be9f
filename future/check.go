package future

import (
	"context"
	"fmt"
)

// Programmer errors — a nil function, a nil future, a nil context — panic at
// the call with a message that starts with "hpgo: future.<Function>: ",
// rather than with a nil dereference later, in a task or a callback.

func badArg(fn, format string, args ...any) {
	panic(fmt.Sprintf("hpgo: future."+fn+": "+format, args...))
}

// checkFunc panics when fn's function argument is nil.
func checkFunc(fn string, isNil bool) {
	if isNil {
		badArg(fn, "fn is nil")
	}
}

// checkContext panics when the context argument is nil.
func checkContext(fn string, ctx context.Context) {
	if ctx == nil {
		badArg(fn, "ctx is nil (use context.Background())")
	}
}

// checkFuture panics when the future argument named arg is nil.
func checkFuture(fn, arg string, isNil bool) {
	if isNil {
		badArg(fn, "future %s is nil", arg)
	}
}

// checkFutures panics when any of fs is nil, naming its index.
func checkFutures[T any](fn string, fs []*Future[T]) {
	for i, f := range fs {
		if f == nil {
			badArg(fn, "future fs[%d] is nil", i)
		}
	}
}

// isNil lets Wait tell a nil *Future inside an Awaitable.
func (f *Future[T]) isNil() bool { return f == nil }

// isNilFuture reports whether a holds a nil *Future of any type.
func isNilFuture(a Awaitable) bool {
	n, ok := a.(interface{ isNil() bool })
	return ok && n.isNil()
}
