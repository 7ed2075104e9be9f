package future_test

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"

	"github.com/hpgo/hpgo/future"
)

func ExamplePanicError_Error() {
	_, err := future.Async(func() (int, error) {
		words := strings.Fields("   ")
		return len(words[0]), nil // no words: the task panics
	}).Get()
	msg := err.Error()
	first, stack, _ := strings.Cut(msg, "\n\n")
	fmt.Println(first)
	fmt.Println(strings.HasPrefix(stack, "goroutine ")) // then the panicking goroutine's stack
	// Output:
	// hpgo: panic in task: runtime error: index out of range [0] with length 0
	// true
}

func ExamplePanicError_Unwrap() {
	_, err := future.Async(func() (string, error) {
		panic(fmt.Errorf("load config: %w", fs.ErrNotExist))
	}).Get()
	// errors.Is and errors.As see through the PanicError to the panic value.
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	if pe, ok := errors.AsType[*future.PanicError](err); ok {
		fmt.Println(pe.Unwrap())
	}

	// A runtime error is an error too.
	_, err = future.Async(func() (int, error) {
		var xs []int
		return xs[3], nil
	}).Get()
	_, isRuntime := errors.AsType[runtime.Error](err)
	fmt.Println(isRuntime)

	// A value that is not an error unwraps to nothing.
	fmt.Println(future.NewPanicError("out of cheese").Unwrap())
	// Output:
	// true
	// load config: file does not exist
	// true
	// <nil>
}
