package sched

import (
	"sync"
	"sync/atomic"
)

// injectQueue is the pool's global FIFO queue, for tasks submitted by
// goroutines that hold no slot. It is an intrusive list (Task.next), so
// queueing allocates nothing; n lets workers check for work without the
// lock.
type injectQueue struct {
	mu         sync.Mutex
	head, tail *Task
	closed     bool // set by the last slot to exit; push then fails
	n          atomic.Int64
}

// pushAll appends every task of ts under one lock, in order. It reports
// false if the queue is closed (the pool has stopped), and then queues none
// of them: the caller must submit them elsewhere.
func (q *injectQueue) pushAll(ts []Task) bool {
	if len(ts) == 0 {
		return true
	}
	for i := range ts[:len(ts)-1] {
		ts[i].next = &ts[i+1]
	}
	ts[len(ts)-1].next = nil
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return false
	}
	if q.tail == nil {
		q.head = &ts[0]
	} else {
		q.tail.next = &ts[0]
	}
	q.tail = &ts[len(ts)-1]
	q.n.Add(int64(len(ts)))
	q.mu.Unlock()
	return true
}

// pop removes the oldest task, or returns nil: when the queue is empty, and
// also when another goroutine holds the lock. Searching workers call it in
// a loop, and a fork's tasks arrive to all of them at once; waiting for the
// lock would park them on it (a trip through the Go scheduler each), while
// a worker that moves on finds the task on its next look, or sees it in
// hasWork before it parks.
func (q *injectQueue) pop() *Task {
	if q.n.Load() == 0 {
		return nil
	}
	if !q.mu.TryLock() {
		return nil
	}
	t := q.head
	if t != nil {
		q.head = t.next
		if q.head == nil {
			q.tail = nil
		}
		t.next = nil
		q.n.Add(-1)
	}
	q.mu.Unlock()
	return t
}
