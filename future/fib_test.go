package future_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fib computes Fibonacci numbers with a future per call, each task waiting
// for the two it started: the test of inline claiming, and of blocking inside
// tasks without deadlock.
func fib(n int) (int, error) {
	if n < 2 {
		return n, nil
	}
	a := future.Async(func() (int, error) { return fib(n - 1) })
	b := future.Async(func() (int, error) { return fib(n - 2) })
	x, err := a.Get()
	if err != nil {
		return 0, err
	}
	y, err := b.Get()
	return x + y, err
}

// TestFib runs fib(25) — 242,785 futures — on a one-worker and a
// two-worker runtime, through the public Init and Shutdown.
func TestFib(t *testing.T) {
	n, want := 25, 75025
	if testing.Short() {
		n, want = 20, 6765
	}
	for _, workers := range []int{1, 2} {
		t.Run("workers="+strconv.Itoa(workers), func(t *testing.T) {
			require.NoError(t, execution.Shutdown(context.Background()))
			require.NoError(t, execution.Init(execution.OSThreads(workers)))
			defer func() { require.NoError(t, execution.Shutdown(context.Background())) }()
			v, err := future.Async(func() (int, error) { return fib(n) }).Get()
			assert.NoError(t, err)
			assert.Equal(t, want, v)
		})
	}
}
