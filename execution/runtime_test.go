package execution

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hpgo/hpgo/future"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fresh stops the runtime, runs the test, and stops it again, checking
// that no goroutine is left behind.
func fresh(t *testing.T) {
	t.Helper()
	require.NoError(t, Shutdown(context.Background()))
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		require.NoError(t, Shutdown(context.Background()))
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				t.Fatalf("goroutine leak: %d, want %d", runtime.NumGoroutine(), before)
			}
			time.Sleep(time.Millisecond)
		}
	})
}

func TestInit(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	assert.NoError(t, Init(OSThreads(2)), "same configuration")
	assert.Equal(t, 2, NumWorkers())

	err := Init(OSThreads(8))
	require.Error(t, err)
	assert.Equal(t, "hpgo: runtime already running with OSThreads(2); Init asked for OSThreads(8)", err.Error())

	// a new Init after Shutdown starts again
	require.NoError(t, Shutdown(context.Background()))
	require.NoError(t, Init(OSThreads(3)))
	assert.Equal(t, 3, NumWorkers())
}

func TestInitDefault(t *testing.T) {
	fresh(t)
	t.Setenv("HPGO_OS_THREADS", "")
	require.NoError(t, Init())
	assert.Equal(t, runtime.GOMAXPROCS(0), NumWorkers())
	assert.NoError(t, Init(OSThreads(runtime.GOMAXPROCS(0))))
}

func TestOSThreadsInvalid(t *testing.T) {
	fresh(t)
	for _, n := range []int{0, -1} {
		err := Init(OSThreads(n))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "OSThreads")
	}
}

func TestEnvThreads(t *testing.T) {
	fresh(t)
	t.Setenv("HPGO_OS_THREADS", "3")
	require.NoError(t, Init())
	assert.Equal(t, 3, NumWorkers())
	require.NoError(t, Shutdown(context.Background()))

	t.Setenv("HPGO_OS_THREADS", "lots")
	err := Init()
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "hpgo: "), err.Error())
	assert.Contains(t, err.Error(), "HPGO_OS_THREADS")
	assert.Contains(t, err.Error(), "lots")

	assert.NoError(t, Init(OSThreads(2)), "an explicit OSThreads wins over the variable")
	require.NoError(t, Shutdown(context.Background()))

	assert.PanicsWithError(t, `hpgo: HPGO_OS_THREADS="lots": want a positive integer`, func() { NumWorkers() },
		"a lazy start with a bad variable panics")
}

func TestWorkerID(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	assert.Equal(t, -1, WorkerID())
	fs := make([]*future.Future[int], 500)
	for i := range fs {
		fs[i] = future.Async(func() (int, error) { return WorkerID(), nil })
	}
	ids, err := future.AwaitAll(context.Background(), fs...)
	require.NoError(t, err)
	for _, id := range ids {
		if id != 0 && id != 1 {
			t.Fatalf("WorkerID in a task = %d", id)
		}
	}
}

func TestShutdownInFlight(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(2)))
	fs := make([]*future.Future[int], 2000)
	for i := range fs {
		fs[i] = future.Async(func() (int, error) { time.Sleep(time.Microsecond); return i, nil })
	}
	require.NoError(t, Shutdown(context.Background()))
	for i, f := range fs {
		assert.NoError(t, f.Err())
		if v, _ := f.Get(); v != i {
			t.Fatalf("future %d = %d", i, v)
		}
	}
	assert.NoError(t, Shutdown(context.Background()), "a no-op when stopped")
}

func TestShutdownTimeout(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(1)))
	release := make(chan struct{})
	f := future.Async(func() (int, error) { <-release; return 1, nil })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, Shutdown(ctx), context.DeadlineExceeded)
	close(release)
	v, err := f.Get()
	assert.NoError(t, err)
	assert.Equal(t, 1, v)
}

// Shutdown from a task cannot wait for itself: it reports so with an error
// callers can test for, and the runtime still drains.
func TestShutdownFromTask(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(1)))
	err, _ := future.Async(func() (error, error) { return Shutdown(context.Background()), nil }).Get()
	assert.ErrorIs(t, err, ErrShutdownFromTask)
	assert.NoError(t, Shutdown(context.Background()))
}
