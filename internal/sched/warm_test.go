package sched

import (
	"testing"
	"time"
)

// parkedWithin reports whether all n workers of the current pool are
// parked by the deadline.
func parkedWithin(n int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if int(current().nidle.Load()) == n {
			return true
		}
		time.Sleep(20 * time.Microsecond)
	}
	return false
}

// parkedPool starts a pool of n workers with no warm window (and closes
// any window the test opens when it ends), runs one job so every worker
// has started, and waits until all n have parked.
func parkedPool(t *testing.T, n int) {
	t.Helper()
	restart(t, n)
	warmUntil.Store(0)
	t.Cleanup(func() { warmUntil.Store(0) }) // never leave an hour-long window open
	spawnWait(func() {})
	if !parkedWithin(n, time.Second) {
		t.Fatal("idle workers did not park")
	}
}

// Without KeepWarm idle workers park at once; inside the window they keep
// looking (none is parked); once it closes they park.
func TestKeepWarm(t *testing.T) {
	parkedPool(t, 2)

	// Open a window far longer than the test needs, for both workers, and
	// wake the pool.
	warmUntil.Store(int64(time.Since(epoch) + time.Hour))
	warmWant.Store(2)
	spawnWait(func() {})
	spawnWait(func() {}) // the second wakes nobody: a worker is searching
	time.Sleep(5 * time.Millisecond)
	if n := current().nidle.Load(); n == 2 {
		t.Fatalf("inside the warm window both workers parked")
	}
	if !warm() {
		t.Fatal("warm() = false inside the window")
	}

	warmUntil.Store(0) // close it
	if !parkedWithin(2, time.Second) {
		t.Fatal("workers did not park after the window closed")
	}

	// KeepWarm opens a window of WarmFor (it wakes nobody) that closes.
	KeepWarm(2)
	if !warm() {
		t.Fatal("KeepWarm did not open a window")
	}
	time.Sleep(WarmFor + 10*time.Millisecond)
	if warm() {
		t.Fatal("the window did not close after WarmFor")
	}
}

// One WantWarm wakes nobody; a second within WarmFor wakes every parked
// worker, and Awake then reports them until the window closes and they park.
func TestWantWarmWakesOnRepeat(t *testing.T) {
	parkedPool(t, 2)
	if Awake() {
		t.Fatal("Awake() = true with every worker parked")
	}

	lastWant.Store(0)
	WantWarm(2)
	if n := current().nidle.Load(); n != 2 {
		t.Fatalf("a single WantWarm woke a worker: %d of 2 parked", n)
	}
	// Hold the window open far longer than the test needs (WantWarm only
	// extends it), so that a slow machine cannot close it before Awake is
	// asked.
	warmUntil.Store(int64(time.Since(epoch) + time.Hour))
	WantWarm(2)
	if n := current().nidle.Load(); n != 0 {
		t.Fatalf("a second WantWarm left %d of 2 workers parked", n)
	}
	if !Awake() {
		t.Fatal("Awake() = false right after the workers were woken")
	}
	warmUntil.Store(0) // close it
	if !parkedWithin(2, time.Second) {
		t.Fatal("woken workers did not park after the window closed")
	}
}

// The warm window keeps as many workers searching as the jobs in it used,
// and lets the others park: with 4 workers awake and a window for 1,
// three park; raised to 3 (KeepWarm with a larger job), only the
// remaining surplus parks. WantWarm wakes no more workers than asked.
func TestWarmKeepsOnlyTheWorkersWanted(t *testing.T) {
	parkedPool(t, 4)
	lastWant.Store(0)
	WantWarm(1)
	warmUntil.Store(int64(time.Since(epoch) + time.Hour))
	warmWant.Store(1)
	WantWarm(1) // the second call wakes one worker
	if n := current().nidle.Load(); n != 3 {
		t.Fatalf("WantWarm(1) left %d of 4 workers parked, want 3", n)
	}
	current().wake(4) // all awake; the window wants one
	if !parkedWithin(3, time.Second) {
		t.Fatalf("with a window for 1 worker, %d of 4 parked, want 3", current().nidle.Load())
	}
	time.Sleep(2 * time.Millisecond)
	if n := current().nidle.Load(); n != 3 {
		t.Fatalf("the wanted worker parked too: %d of 4 parked", n)
	}
	KeepWarm(3) // a larger job in the same window
	KeepWarm(2) // a smaller one: the larger prevails for WarmFor
	current().wake(4)
	if !parkedWithin(1, time.Second) {
		t.Fatalf("with a window for 3 workers, %d of 4 parked, want 1", current().nidle.Load())
	}
	time.Sleep(2 * time.Millisecond)
	if n := current().nidle.Load(); n != 1 {
		t.Fatalf("with a window for 3 workers, %d of 4 parked, want 1", n)
	}
	// Once WarmFor has passed since the larger job, a smaller one sets
	// the number again.
	wantUntil.Store(0)
	KeepWarm(1)
	if !parkedWithin(3, time.Second) {
		t.Fatalf("after the larger job's WarmFor, %d of 4 parked, want 3", current().nidle.Load())
	}
	warmUntil.Store(0)
	if !parkedWithin(4, time.Second) {
		t.Fatal("workers did not park after the window closed")
	}
}
