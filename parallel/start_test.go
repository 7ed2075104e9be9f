package parallel_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// A runtime that cannot start lazily (a bad HPGO_OS_THREADS) makes a
// parallel algorithm panic with the start's own hpgo: error, as every other
// entry point does, not with a *future.PanicError, which reports a panic of
// user code.
func TestBadThreadsVariablePanicsAsIs(t *testing.T) {
	if err := execution.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HPGO_OS_THREADS", "zero")
	xs := make([]float32, 1<<20)
	for name, call := range map[string]func(){
		"Reduce":  func() { parallel.Reduce(execution.Par, xs, 0, op.Add) },
		"ForLoop": func() { parallel.ForLoop(execution.Par, 0, 1<<20, func(int) {}) },
	} {
		v := func() (v any) {
			defer func() { v = recover() }()
			call()
			return nil
		}()
		err, _ := v.(error)
		if _, isPE := v.(*future.PanicError); isPE || err == nil ||
			!strings.HasPrefix(err.Error(), `hpgo: HPGO_OS_THREADS="zero"`) || errors.As(err, new(*future.PanicError)) {
			t.Errorf("%s: panic %v (%T), want the runtime's start error", name, v, v)
		}
	}
	t.Setenv("HPGO_OS_THREADS", "")
	if got := parallel.Reduce(execution.Par, []int{1, 2, 3}, 0, op.Add); got != 6 {
		t.Errorf("after the variable is fixed: Reduce = %d, want 6", got)
	}
}
