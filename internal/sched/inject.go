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

// push appends t. It reports false if the queue is closed (the pool has
// stopped), in which case the caller must submit t elsewhere.
func (q *injectQueue) push(t *Task) bool {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return false
	}
	t.next = nil
	if q.tail == nil {
		q.head = t
	} else {
		q.tail.next = t
	}
	q.tail = t
	q.n.Add(1)
	q.mu.Unlock()
	return true
}

// pop removes the oldest task, or returns nil.
func (q *injectQueue) pop() *Task {
	if q.n.Load() == 0 {
		return nil
	}
	q.mu.Lock()
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
