package sched

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// restart gives the test a fresh pool of n workers and stops it afterwards.
func restart(t testing.TB, n int) {
	t.Helper()
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := Start(n); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := Stop(context.Background()); err != nil {
			t.Error(err)
		}
	})
}

// spawnWait runs fn on the pool and waits for it.
func spawnWait(fn func()) {
	done := make(chan struct{})
	Spawn(func() { defer close(done); fn() })
	<-done
}

// settle waits until the number of goroutines drops to want, failing the
// test after a while. Goroutines that have signalled their exit may take a
// moment to be gone.
func settle(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines: %d, want %d\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

func TestGetgIdentity(t *testing.T) {
	a := getg()
	runtime.Gosched()
	if b := getg(); a != b || a == 0 {
		t.Fatalf("getg not stable: %#x then %#x", a, b)
	}
	const n = 100
	ids := make(chan uintptr, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start // all alive at once: their g's must differ
			ids <- getg()
			time.Sleep(10 * time.Millisecond)
		})
	}
	close(start)
	wg.Wait()
	close(ids)
	seen := map[uintptr]bool{a: true}
	for id := range ids {
		if seen[id] {
			t.Fatalf("getg %#x seen twice", id)
		}
		seen[id] = true
	}
}

func TestWorkerID(t *testing.T) {
	for _, n := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", n), func(t *testing.T) {
			restart(t, n)
			if id := WorkerID(); id != -1 {
				t.Fatalf("WorkerID outside the pool = %d", id)
			}
			if IsWorker() {
				t.Fatal("IsWorker outside the pool")
			}
			if got := NumWorkers(); got != n {
				t.Fatalf("NumWorkers = %d, want %d", got, n)
			}
			const tasks = 2000
			var wg sync.WaitGroup
			var bad atomic.Int32
			counts := make([]atomic.Int32, n)
			wg.Add(tasks)
			for range tasks {
				Spawn(func() {
					defer wg.Done()
					id := WorkerID()
					if id < 0 || id >= n || !IsWorker() {
						bad.Add(1)
						return
					}
					counts[id].Add(1)
					// a nested spawn runs on a worker too
					wg.Add(1)
					Spawn(func() {
						defer wg.Done()
						if id := WorkerID(); id < 0 || id >= n {
							bad.Add(1)
						}
					})
				})
			}
			wg.Wait()
			if bad.Load() != 0 {
				t.Fatalf("%d tasks saw a WorkerID outside [0,%d)", bad.Load(), n)
			}
		})
	}
}

// TestBlockOneWorker: with a single worker, a task that waits for another
// task spawned after it must not deadlock.
func TestBlockOneWorker(t *testing.T) {
	restart(t, 1)
	spawnWait(func() {
		for depth := range 20 { // a chain of tasks each waiting for the next
			inner := make(chan int)
			Spawn(func() { inner <- WorkerID() })
			var got int
			Block(func() { got = <-inner })
			if got != 0 {
				t.Errorf("depth %d: inner task on worker %d", depth, got)
			}
			if id := WorkerID(); id != 0 {
				t.Errorf("after Block the task holds slot %d, want 0", id)
			}
		}
	})
}

// TestBlockNested: tasks that block inside tasks that block, far deeper than
// the number of workers.
func TestBlockNested(t *testing.T) {
	restart(t, 2)
	var rec func(d int) int
	rec = func(d int) int {
		if d == 0 {
			return 1
		}
		ch := make(chan int, 2)
		Spawn(func() { ch <- rec(d - 1) })
		Spawn(func() { ch <- rec(d - 1) })
		var a, b int
		Block(func() { a, b = <-ch, <-ch })
		return a + b
	}
	var got int
	spawnWait(func() { got = rec(8) })
	if got != 256 {
		t.Fatalf("got %d, want 256", got)
	}
}

// TestSlotsExclusive: however tasks block, at most N goroutines hold slots
// at any moment, and no two of them hold the same one.
func TestSlotsExclusive(t *testing.T) {
	const n = 3
	restart(t, n)
	var occupied [n]atomic.Int32
	var bad atomic.Int32
	enter := func() int {
		id := WorkerID()
		if id < 0 || id >= n || occupied[id].Add(1) != 1 {
			bad.Add(1)
			return -1
		}
		return id
	}
	leave := func(id int) {
		if id >= 0 {
			occupied[id].Add(-1)
		}
	}
	var wg sync.WaitGroup
	var task func(depth int)
	task = func(depth int) {
		defer wg.Done()
		id := enter()
		for range 3 {
			if depth > 0 {
				ch := make(chan struct{})
				wg.Add(1)
				Spawn(func() { task(depth - 1); close(ch) })
				leave(id)
				Block(func() { <-ch })
				id = enter()
			}
			for range 100 { // a little work while holding the slot
				runtime.Gosched()
			}
		}
		leave(id)
	}
	for range 4 {
		wg.Add(1)
		Spawn(func() { task(4) })
	}
	wg.Wait()
	if bad.Load() != 0 {
		t.Fatalf("%d times a goroutine found its slot held by another, or no slot", bad.Load())
	}
}

func TestBlockOutsidePool(t *testing.T) {
	restart(t, 1)
	called := false
	Block(func() { called = true })
	if !called {
		t.Fatal("Block outside the pool did not call wait")
	}
}

func TestPanicDoesNotKillWorker(t *testing.T) {
	restart(t, 2)
	var panics atomic.Int32
	old := panicHook
	panicHook = func(v any, stack []byte) {
		if v == "boom" && bytes.Contains(stack, []byte("sched_test")) {
			panics.Add(1)
		}
	}
	t.Cleanup(func() { panicHook = old })
	for range 100 {
		Spawn(func() { panic("boom") })
	}
	var ran atomic.Int32
	for range 100 {
		spawnWait(func() { ran.Add(1) })
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ran.Load() != 100 || panics.Load() != 100 {
		t.Fatalf("ran %d, panics reported %d; want 100 and 100", ran.Load(), panics.Load())
	}
}

// TestGoexit: a task calling runtime.Goexit ends its own goroutine, but its
// slot carries on.
func TestGoexit(t *testing.T) {
	restart(t, 1)
	for range 10 {
		done := make(chan struct{})
		Spawn(func() { defer close(done); runtime.Goexit() })
		<-done
	}
	spawnWait(func() {
		if WorkerID() != 0 {
			t.Error("pool lost its slot after Goexit")
		}
	})
}

func TestStopDrains(t *testing.T) {
	before := runtime.NumGoroutine()
	restart(t, 2)
	var ran atomic.Int32
	const n = 10_000
	for i := range n {
		Spawn(func() {
			ran.Add(1)
			if i%100 == 0 { // tasks that spawn and block while stopping
				ch := make(chan struct{})
				Spawn(func() { ran.Add(1); close(ch) })
				Block(func() { <-ch })
			}
		})
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := ran.Load(); got != n+n/100 {
		t.Fatalf("ran %d tasks, want %d", got, n+n/100)
	}
	if Running() {
		t.Fatal("running after Stop")
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	settle(t, before)
}

func TestStopContextExpires(t *testing.T) {
	before := runtime.NumGoroutine()
	restart(t, 1)
	release := make(chan struct{})
	Spawn(func() { <-release })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := Stop(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Stop = %v, want DeadlineExceeded", err)
	}
	// The drain goes on; a submission meanwhile starts a fresh pool.
	spawnWait(func() {})
	close(release)
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	settle(t, before)
}

// TestSpawnDuringStop: submissions racing with Stop are never lost.
func TestSpawnDuringStop(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 20 {
		restart(t, 2)
		var ran atomic.Int32
		var wg sync.WaitGroup
		const n = 200
		for g := range 4 {
			wg.Go(func() {
				for i := range n {
					if g == 0 && i == n/2 {
						go Stop(context.Background())
					}
					Spawn(func() { ran.Add(1) })
				}
			})
		}
		wg.Wait()
		if err := Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := ran.Load(); got != 4*n {
			t.Fatalf("ran %d of %d tasks", got, 4*n)
		}
	}
	settle(t, before)
}

func TestStopFromTask(t *testing.T) {
	restart(t, 1)
	var err error
	spawnWait(func() { err = Stop(context.Background()) })
	if err != ErrStopFromTask {
		t.Fatalf("Stop from a task returned %v, want ErrStopFromTask", err)
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestStartConflict(t *testing.T) {
	restart(t, 2)
	if err := Start(2); err != nil {
		t.Fatalf("Start with the same size: %v", err)
	}
	err := Start(3)
	var re *RunningError
	if !errors.As(err, &re) || re.Running != 2 || re.Requested != 3 {
		t.Fatalf("Start(3) = %v, want a RunningError{2, 3}", err)
	}
	if err := Start(-1); err == nil {
		t.Fatal("Start(-1) succeeded")
	}
}

func TestEnvThreads(t *testing.T) {
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvThreads, "3")
	if n, err := DefaultWorkers(); n != 3 || err != nil {
		t.Fatalf("DefaultWorkers = %d, %v", n, err)
	}
	if got := NumWorkers(); got != 3 {
		t.Fatalf("lazy start: %d workers, want 3", got)
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"0", "-2", "many", "1.5"} {
		t.Setenv(EnvThreads, bad)
		err := Start(0)
		if err == nil || !strings.Contains(err.Error(), EnvThreads) || !strings.Contains(err.Error(), bad) {
			t.Fatalf("%s=%s: Start(0) = %v", EnvThreads, bad, err)
		}
		func() {
			defer func() {
				v := recover()
				e, ok := v.(StartError)
				if !ok || !strings.HasPrefix(e.Error(), "hpgo: ") || !strings.Contains(e.Error(), EnvThreads) {
					t.Fatalf("lazy start with %s=%s: panic %v (%T), want a StartError", EnvThreads, bad, v, v)
				}
			}()
			Spawn(func() {})
		}()
	}
	t.Setenv(EnvThreads, "bad")
	if err := Start(1); err != nil { // an explicit size ignores the variable
		t.Fatal(err)
	}
	if err := Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestPprofLabels(t *testing.T) {
	restart(t, 2)
	// Make sure both workers have started: two tasks meet.
	var meet sync.WaitGroup
	meet.Add(2)
	for range 2 {
		Spawn(func() { meet.Done(); meet.Wait() })
	}
	meet.Wait()
	var buf bytes.Buffer
	spawnWait(func() {
		if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
			t.Error(err)
		}
	})
	for _, id := range []string{"0", "1"} {
		if want := `"hpgo.worker":"` + id + `"`; !strings.Contains(buf.String(), want) {
			t.Errorf("goroutine profile lacks label %s", want)
		}
	}
}

func TestTraceRegions(t *testing.T) {
	restart(t, 2)
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		t.Skip("tracing unavailable:", err)
	}
	for range 10 {
		spawnWait(func() {})
	}
	trace.Stop()
	if !bytes.Contains(buf.Bytes(), []byte("hpgo.task")) {
		t.Fatal("trace has no hpgo.task region")
	}
}

// TestManySubmitters: 10,000 goroutines submit at once.
func TestManySubmitters(t *testing.T) {
	restart(t, 2)
	const n = 10_000
	var wg sync.WaitGroup
	var ran atomic.Int32
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			done := make(chan struct{})
			Spawn(func() { ran.Add(1); close(done) })
			<-done
		})
	}
	close(start)
	wg.Wait()
	if ran.Load() != n {
		t.Fatalf("ran %d of %d", ran.Load(), n)
	}
}

// TestNoLostWakeups hammers the park/wake path: single tasks submitted from
// outside, each waited for, so workers park between them.
func TestNoLostWakeups(t *testing.T) {
	restart(t, 4)
	for i := range 20_000 {
		done := make(chan struct{})
		Spawn(func() { close(done) })
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("task %d never ran", i)
		}
	}
}

func BenchmarkWorkerID(b *testing.B) {
	restart(b, 1)
	b.Run("where=outside", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			WorkerID()
		}
	})
	b.Run("where=worker", func(b *testing.B) {
		b.ReportAllocs()
		spawnWait(func() {
			for b.Loop() {
				WorkerID()
			}
		})
	})
}

// SubmitAll runs every task once, from outside the pool (one lock of the
// global queue, FIFO) and from a worker (its own deque), and many callers
// at once; an empty batch is a no-op.
func TestSubmitAll(t *testing.T) {
	restart(t, 4)
	SubmitAll(nil)
	batch := func(n int, ran *[64]atomic.Int32, wg *sync.WaitGroup) []Task {
		ts := make([]Task, n)
		for i := range ts {
			wg.Add(1)
			ts[i].Runner = funcTask(func() { ran[i].Add(1); wg.Done() })
		}
		return ts
	}
	check := func(name string, n int, ran *[64]atomic.Int32) {
		for i := range n {
			if c := ran[i].Load(); c != 1 {
				t.Errorf("%s: task %d ran %d times", name, i, c) // also from other goroutines
				return
			}
		}
	}
	for _, n := range []int{1, 2, 17, 64} {
		var ran [64]atomic.Int32
		var wg sync.WaitGroup
		SubmitAll(batch(n, &ran, &wg))
		wg.Wait()
		check("outside", n, &ran)

		var ran2 [64]atomic.Int32
		var wg2 sync.WaitGroup
		spawnWait(func() { SubmitAll(batch(n, &ran2, &wg2)) })
		wg2.Wait()
		check("from a worker", n, &ran2)
	}
	var callers sync.WaitGroup
	for range 50 {
		callers.Go(func() {
			var ran [64]atomic.Int32
			var wg sync.WaitGroup
			SubmitAll(batch(64, &ran, &wg))
			wg.Wait()
			check("concurrent", 64, &ran)
		})
	}
	callers.Wait()
}

// pushAll queues a batch in order after what is there, and a closed queue
// takes none of it.
func TestInjectPushAll(t *testing.T) {
	var q injectQueue
	one := &Task{}
	q.pushAll(unsafe.Slice(one, 1))
	ts := make([]Task, 3)
	if !q.pushAll(ts) || q.n.Load() != 4 {
		t.Fatalf("pushAll: n = %d, want 4", q.n.Load())
	}
	for i, want := range []*Task{one, &ts[0], &ts[1], &ts[2], nil} {
		if got := q.pop(); got != want {
			t.Fatalf("pop %d = %p, want %p", i, got, want)
		}
	}
	q.closed = true
	if q.pushAll(make([]Task, 2)) || q.n.Load() != 0 || q.head != nil {
		t.Fatal("a closed queue took a batch")
	}
}
