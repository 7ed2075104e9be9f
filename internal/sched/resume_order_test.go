package sched

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// popIf takes the bottom task only if it is the one asked for; any other
// task stays queued, and the one asked for is not taken from the middle.
func TestDequePopIfOnlyTheBottomTask(t *testing.T) {
	var d deque
	d.init()
	ts := newTasks(3)
	for _, x := range ts {
		d.push(x)
	}
	if d.popIf(ts[1]) {
		t.Fatal("popIf took a task that is not at the bottom")
	}
	if d.popIf(&Task{}) {
		t.Fatal("popIf took a task that was never pushed")
	}
	if got := d.size(); got != 3 {
		t.Fatalf("size after failed popIfs = %d, want 3", got)
	}
	if !d.popIf(ts[2]) {
		t.Fatal("popIf did not take the bottom task")
	}
	for i := 1; i >= 0; i-- {
		if x := d.pop(); x != ts[i] {
			t.Fatalf("pop: got %p, want ts[%d] %p", x, i, ts[i])
		}
	}
	if d.popIf(ts[0]) {
		t.Fatal("popIf on an empty deque succeeded")
	}
}

// spinUntil polls cond for up to ten seconds and reports whether it held.
func spinUntil(cond func() bool) bool {
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		runtime.Gosched()
	}
	return true
}

// resumeScenario runs, on one worker, a task A that blocks, and a task B
// that queues task Q on its own deque, ends A's wait, waits until A asks
// for a slot back, and then calls then, passing a channel closed once A has
// resumed and Q has run. It returns the order of those two.
func resumeScenario(t *testing.T, then func(both <-chan struct{})) []string {
	restart(t, 1)
	p := cur.Load()
	var mu sync.Mutex
	var order []string
	both := make(chan struct{})
	rec := func(s string) {
		mu.Lock()
		order = append(order, s)
		if len(order) == 2 {
			close(both)
		}
		mu.Unlock()
	}
	release, blocked := make(chan struct{}), make(chan struct{})
	done := make(chan struct{}, 3)
	var asked atomic.Bool
	Spawn(func() {
		Block(func() { close(blocked); <-release })
		rec("A resumed")
		done <- struct{}{}
	})
	<-blocked
	Spawn(func() {
		Spawn(func() { rec("Q ran"); done <- struct{}{} })
		close(release)
		asked.Store(spinUntil(func() bool { return p.nresume.Load() == 1 }))
		then(both)
		done <- struct{}{}
	})
	for range 3 {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("tasks did not finish; so far %v", order)
		}
	}
	if !asked.Load() {
		t.Fatal("A never asked for its slot back")
	}
	mu.Lock()
	defer mu.Unlock()
	return order
}

// A goroutine whose wait in Block is over takes the slot as soon as the
// holder finishes its task, before the work queued on that slot.
func TestResumeGoesBeforeQueuedWorkAtTaskEnd(t *testing.T) {
	order := resumeScenario(t, func(<-chan struct{}) {})
	if len(order) != 2 || order[0] != "A resumed" {
		t.Fatalf("order %v; want A to resume before Q runs", order)
	}
}

// A slot holder that blocks hands its slot to a goroutine waiting to
// resume, before the work queued on that slot.
func TestBlockHandsSlotToResumingGoroutine(t *testing.T) {
	order := resumeScenario(t, func(both <-chan struct{}) { Block(func() { <-both }) })
	if len(order) != 2 || order[0] != "A resumed" {
		t.Fatalf("order %v; want A to resume before Q runs", order)
	}
}
