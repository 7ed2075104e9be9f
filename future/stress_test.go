package future

import (
	"sync"
	"testing"
)

// fib computes Fibonacci numbers with a future per call, waiting inside
// tasks: the test of inline claiming and of blocking without deadlock.
func fib(n int) (int, error) {
	if n < 2 {
		return n, nil
	}
	a := Async(func() (int, error) { return fib(n - 1) })
	b := Async(func() (int, error) { return fib(n - 2) })
	x, err := a.Get()
	if err != nil {
		return 0, err
	}
	y, err := b.Get()
	return x + y, err
}

// TestManySubmitters: 10,000 goroutines submit at once and wait.
func TestManySubmitters(t *testing.T) {
	withWorkers(t, 2)
	const n = 10_000
	var wg sync.WaitGroup
	start := make(chan struct{})
	bad := make(chan int, n)
	for i := range n {
		wg.Go(func() {
			<-start
			v, err := Async(func() (int, error) { return i * 2, nil }).Get()
			if v != i*2 || err != nil {
				bad <- i
			}
		})
	}
	close(start)
	wg.Wait()
	close(bad)
	for i := range bad {
		t.Errorf("submitter %d got a wrong result", i)
	}
}
