package sched

import (
	"sync"
	"sync/atomic"
	"testing"
)

func newTasks(n int) []*Task {
	ts := make([]*Task, n)
	for i := range ts {
		ts[i] = &Task{}
	}
	return ts
}

func TestDequeOrder(t *testing.T) {
	var d deque
	d.init()
	ts := newTasks(3 * initialRing) // forces two grows
	for _, x := range ts {
		d.push(x)
	}
	if got := d.size(); got != int64(len(ts)) {
		t.Fatalf("size = %d, want %d", got, len(ts))
	}
	// thieves take the oldest
	for i := range 10 {
		x, _ := d.steal()
		if x != ts[i] {
			t.Fatalf("steal %d: got task %p, want %p", i, x, ts[i])
		}
	}
	// the owner takes the newest
	for i := len(ts) - 1; i >= 10; i-- {
		if x := d.pop(); x != ts[i] {
			t.Fatalf("pop: got task %p, want ts[%d]", x, i)
		}
	}
	if x := d.pop(); x != nil {
		t.Fatalf("pop on empty deque = %p", x)
	}
	if x, retry := d.steal(); x != nil || retry {
		t.Fatalf("steal on empty deque = %p, %v", x, retry)
	}
}

// TestDequeConcurrent has one owner pushing and popping while thieves steal:
// every task must be taken exactly once.
func TestDequeConcurrent(t *testing.T) {
	const n, thieves = 100_000, 3
	var d deque
	d.init()
	ts := newTasks(n)
	index := make(map[*Task]int, n)
	for i, x := range ts {
		index[x] = i
	}
	taken := make([]atomic.Int32, n)
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range thieves {
		wg.Go(func() {
			for !stop.Load() || d.size() > 0 {
				if x, _ := d.steal(); x != nil {
					taken[index[x]].Add(1)
				}
			}
		})
	}
	for i, x := range ts {
		d.push(x)
		if i%3 == 0 {
			if y := d.pop(); y != nil {
				taken[index[y]].Add(1)
			}
		}
	}
	for {
		y := d.pop()
		if y == nil {
			break
		}
		taken[index[y]].Add(1)
	}
	stop.Store(true)
	wg.Wait()
	for i := range taken {
		if c := taken[i].Load(); c != 1 {
			t.Fatalf("task %d taken %d times", i, c)
		}
	}
}

func BenchmarkDequePushPop(b *testing.B) {
	var d deque
	d.init()
	x := &Task{}
	b.ReportAllocs()
	for b.Loop() {
		d.push(x)
		d.pop()
	}
}
