package execution_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

func ExampleInit() {
	// At program start, like hpyx.init(os_threads=4). Optional: the runtime
	// otherwise starts by itself with GOMAXPROCS workers.
	if err := execution.Init(execution.OSThreads(4)); err != nil {
		fmt.Println(err)
		return
	}
	defer execution.Shutdown(context.Background())
	fmt.Println(execution.NumWorkers())
	// A second Init must agree with the first.
	fmt.Println(execution.Init(execution.OSThreads(8)))
	// Output:
	// 4
	// hpgo: runtime already running with OSThreads(4); Init asked for OSThreads(8)
}

func ExampleOSThreads() {
	fmt.Println(execution.Init(execution.OSThreads(0)))
	// Output: hpgo: execution.OSThreads(0): need at least one worker
}

func ExampleShutdown() {
	_ = execution.Init(execution.OSThreads(2))
	f := future.Async(func() (string, error) { return "finished", nil })
	// Shutdown drains: queued work still runs.
	if err := execution.Shutdown(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(f.Get())
	// Output: finished <nil>
}

func ExampleBlock() {
	_ = execution.Shutdown(context.Background())
	_ = execution.Init(execution.OSThreads(1))
	defer execution.Shutdown(context.Background())
	// A task waits on a channel that another task fills. With one worker,
	// a bare receive would hold the only worker and wait for ever; Block
	// hands the worker to the sender while the receive waits.
	ch := make(chan string)
	got := future.Async(func() (string, error) {
		future.Async(func() (struct{}, error) { ch <- "sent"; return struct{}{}, nil })
		var v string
		execution.Block(func() { v = <-ch })
		return v, nil
	})
	fmt.Println(got.Get())
	// Output: sent <nil>
}

func ExampleErrShutdownFromTask() {
	err, _ := future.Async(func() (error, error) {
		return execution.Shutdown(context.Background()), nil // cannot wait for itself
	}).Get()
	fmt.Println(errors.Is(err, execution.ErrShutdownFromTask))
	_ = execution.Shutdown(context.Background()) // waits for the drain
	// Output: true
}

func ExampleNumWorkers() {
	_ = execution.Shutdown(context.Background())
	_ = execution.Init(execution.OSThreads(3))
	defer execution.Shutdown(context.Background())
	fmt.Println(execution.NumWorkers())
	// Output: 3
}

func ExampleWorkerID() {
	_ = execution.Shutdown(context.Background())
	_ = execution.Init(execution.OSThreads(1))
	defer execution.Shutdown(context.Background())
	fmt.Println(execution.WorkerID()) // not a worker
	id, _ := future.Async(func() (int, error) { return execution.WorkerID(), nil }).Get()
	fmt.Println(id)
	// Output:
	// -1
	// 0
}

func ExampleExecutor() {
	// run_in_executor, the Go way: submit, then wait for the futures.
	e := execution.NewExecutor()
	defer e.Shutdown(true)
	f := execution.Submit(e, func() (int, error) { return len("compute"), nil })
	fmt.Println(f.Get())
	// Output: 7 <nil>
}

func ExampleSubmit() {
	e := execution.NewExecutor()
	upper := execution.Submit(e, func() (string, error) { return strings.ToUpper("typed"), nil })
	fmt.Println(upper.Get())
	// Output: TYPED <nil>
}

func ExampleExecutor_Submit() {
	e := execution.NewExecutor()
	f := e.Submit(func() (any, error) { return 42, nil }) // untyped, as in concurrent.futures
	v, _ := f.Get()
	fmt.Println(v.(int) + 1)
	// Output: 43
}

func ExampleExecutor_Go() {
	var e execution.Executor // the zero value is ready to use
	var sum atomic.Int64
	for i := 1; i <= 100; i++ {
		e.Go(func() error { sum.Add(int64(i)); return nil })
	}
	fmt.Println(e.Wait(), sum.Load())
	// Output: <nil> 5050
}

func ExampleExecutor_Wait() {
	var e execution.Executor
	e.Go(func() error { return nil })
	e.Go(func() error { return errors.New("one failed") })
	fmt.Println(e.Wait())
	// Output: one failed
}

func ExampleNewExecutorContext() {
	e, ctx := execution.NewExecutorContext(context.Background())
	e.Go(func() error { return errors.New("bad shard") })
	e.Go(func() error {
		// Cancelled by the first error. Block lets go of the worker while
		// this waits, so that the failing function gets one.
		execution.Block(func() { <-ctx.Done() })
		return ctx.Err()
	})
	fmt.Println(e.Wait())
	// Output: bad shard
}

func ExampleMap() {
	e := execution.NewExecutor()
	lengths, err := execution.Map(e, []string{"a", "bb", "ccc"}, func(s string) (int, error) {
		return len(s), nil
	})
	fmt.Println(lengths, err)
	// Output: [1 2 3] <nil>
}

func ExampleExecutor_Shutdown() {
	e := execution.NewExecutor()
	e.Shutdown(true)
	_, err := execution.Submit(e, func() (int, error) { return 1, nil }).Get()
	fmt.Println(errors.Is(err, execution.ErrExecutorShutdown))
	// Output: true
}

func ExampleNewExecutor() {
	e := execution.NewExecutor()
	squares, _ := execution.Map(e, []int{1, 2, 3}, func(x int) (int, error) { return x * x, nil })
	e.Shutdown(true)
	fmt.Println(squares)
	// Output: [1 4 9]
}
