package sched

import (
	"maps"
	"sync"
	"sync/atomic"
)

// The registry maps the goroutines of every pool (workers, spares, and tasks
// that blocked and gave up their slot) to their runner. Readers pay one
// atomic load and one map lookup; writers, which are rare (a goroutine
// starting or exiting), copy the map.
var (
	registryMu sync.Mutex
	registry   atomic.Pointer[map[uintptr]*runner]
)

// self returns the runner of the calling goroutine, or nil if it is not a
// pool goroutine.
func self() *runner {
	m := registry.Load()
	if m == nil {
		return nil
	}
	return (*m)[getg()]
}

func register(r *runner) {
	registryMu.Lock()
	defer registryMu.Unlock()
	var m map[uintptr]*runner
	if old := registry.Load(); old != nil {
		m = maps.Clone(*old)
	} else {
		m = make(map[uintptr]*runner)
	}
	m[r.g] = r
	registry.Store(&m)
}

func deregister(r *runner) {
	registryMu.Lock()
	defer registryMu.Unlock()
	m := maps.Clone(*registry.Load())
	delete(m, r.g)
	if len(m) == 0 {
		registry.Store(nil)
		return
	}
	registry.Store(&m)
}
