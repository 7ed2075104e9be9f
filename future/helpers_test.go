package future

import (
	"bytes"
	"context"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/hpgo/hpgo/internal/sched"
)

// withWorkers gives the test a fresh runtime of n workers and stops it
// afterwards, checking that no goroutine is left behind.
func withWorkers(t testing.TB, n int) {
	t.Helper()
	if err := sched.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	if err := sched.Start(n); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := sched.Stop(context.Background()); err != nil {
			t.Error(err)
		}
		settle(t, before)
	})
}

// settle waits for the number of goroutines to drop to want.
func settle(t testing.TB, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutine leak: %d, want %d\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

// goid returns the calling goroutine's id.
func goid() int {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	b = b[:bytes.IndexByte(b, ' ')]
	id, _ := strconv.Atoi(string(b))
	return id
}

// occupy keeps all n workers busy until the returned release is called, so
// that tasks submitted meanwhile stay queued.
func occupy(t testing.TB, n int) (release func()) {
	t.Helper()
	gate := make(chan struct{})
	started := make(chan struct{}, n)
	for range n {
		sched.Spawn(func() {
			started <- struct{}{}
			<-gate // deliberately not through Block: the worker stays taken
		})
	}
	for range n {
		<-started
	}
	return func() { close(gate) }
}

// within fails the test if fn does not return in time.
func within(t testing.TB, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still blocked after %v", what, d)
	}
}
