package future

import (
	"fmt"
	"runtime/debug"
)

// PanicError is how a panic inside user code reaches the code that waits for
// it: a future resolves with it, and a synchronous parallel algorithm
// re-panics with it in the caller's goroutine. Value is what was passed to
// panic; Stack is the stack of the goroutine that panicked, taken at the
// panic.
type PanicError struct {
	Value any
	Stack []byte
}

// NewPanicError wraps a value recovered from a panic, with the current stack.
// Call it from the deferred function that recovered. A value that already is
// a *PanicError is returned as it is, so nested re-panics do not nest.
func NewPanicError(v any) *PanicError {
	if pe, ok := v.(*PanicError); ok {
		return pe
	}
	return &PanicError{Value: v, Stack: debug.Stack()}
}

// Error returns "hpgo: panic in task: " and the value, then a blank line
// and the stack, so that a re-panic or a logged error shows where the panic
// happened (in a task, or in a user function that a synchronous algorithm
// ran in its caller). Format Value for a one-line message.
func (e *PanicError) Error() string {
	return fmt.Sprintf("hpgo: panic in task: %v\n\n%s", e.Value, e.Stack)
}

// Unwrap returns the panic value when it is an error, so errors.Is and
// errors.As see through a PanicError.
func (e *PanicError) Unwrap() error {
	if err, ok := e.Value.(error); ok {
		return err
	}
	return nil
}
