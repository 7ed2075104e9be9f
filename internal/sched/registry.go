package sched

import (
	"sync"
	"sync/atomic"
)

// The registry maps the goroutines of every pool (workers, spares, and tasks
// that blocked and gave up their slot) to their runner. It is an
// open-addressing hash table keyed by goroutine (getg) with atomic slots:
// a reader pays one atomic load of the table and a probe or two, with no
// lock; a writer (a goroutine starting or exiting) takes registryMu and
// sets one slot, amortised O(1). When many tasks block at once, each start
// and exit of a spare goroutine is a write: copying a map per write made
// that quadratic.
//
// Only a goroutine registers and deregisters itself, and a reader looks up
// only itself, so a slot holding a reader's key never changes under it,
// except through a rebuild, which copies it first. The empty slot where a
// reader's probe ends can be claimed by another goroutine meanwhile, so a
// reader stops there with nil (lookup). Deregistering clears the
// slot's runner and keeps its key as a tombstone: the runtime reuses g
// addresses, and a goroutine that finds its key with no runner is not a
// pool goroutine. A rebuild, when keys fill half the table or live
// entries fall below a sixteenth of it, drops the tombstones.
var (
	registryMu sync.Mutex
	registry   atomic.Pointer[regTable]
)

type regTable struct {
	keys  []atomic.Uintptr
	vals  []atomic.Pointer[runner]
	shift uint // 64 - log2(len(keys))
	used  int  // keys set, tombstones included; under registryMu
	live  int  // keys with a runner; under registryMu
}

// minRegistry is the smallest table: a pool of a few workers never grows it.
const minRegistry = 64

func newRegTable(size int) *regTable {
	t := &regTable{keys: make([]atomic.Uintptr, size), vals: make([]atomic.Pointer[runner], size), shift: 64}
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	return t
}

// home is the slot where the probe for key g starts.
func (t *regTable) home(g uintptr) int { return int(uint64(g) * 0x9e3779b97f4a7c15 >> t.shift) }

// slot returns the index of key g, or of the empty slot where it would go
// (writers, under registryMu; readers use lookup).
func (t *regTable) slot(g uintptr) int {
	mask := len(t.keys) - 1
	for i := t.home(g); ; i = (i + 1) & mask {
		if k := t.keys[i].Load(); k == g || k == 0 {
			return i
		}
	}
}

// self returns the runner of the calling goroutine, or nil if it is not a
// pool goroutine.
func self() *runner {
	t := registry.Load()
	if t == nil {
		return nil
	}
	return t.lookup(getg())
}

// lookup returns the runner of goroutine g in t, or nil. It probes as slot
// does, but an empty slot ends the search with nil: another goroutine may
// be claiming that slot at this moment, so its runner is never read. Only
// g's own key leads to a runner.
func (t *regTable) lookup(g uintptr) *runner {
	mask := len(t.keys) - 1
	for i := t.home(g); ; i = (i + 1) & mask {
		switch t.keys[i].Load() {
		case g:
			return t.vals[i].Load()
		case 0:
			return nil
		}
	}
}

func register(r *runner) {
	registryMu.Lock()
	defer registryMu.Unlock()
	t := registry.Load()
	if t == nil {
		t = newRegTable(minRegistry)
		registry.Store(t)
	}
	i := t.slot(r.g)
	if t.keys[i].Load() == 0 {
		if 2*(t.used+1) > len(t.keys) {
			t = t.rebuild(t.live + 1)
			registry.Store(t)
			i = t.slot(r.g)
		}
		t.keys[i].Store(r.g)
		t.used++
	}
	t.vals[i].Store(r)
	t.live++
}

func deregister(r *runner) {
	registryMu.Lock()
	defer registryMu.Unlock()
	t := registry.Load()
	i := t.slot(r.g)
	if t.keys[i].Load() != r.g || t.vals[i].Load() != r {
		panic("hpgo: internal error: deregistering a goroutine that is not registered")
	}
	t.vals[i].Store(nil) // the key stays, as a tombstone
	t.live--
	if len(t.keys) > minRegistry && 16*t.live < len(t.keys) {
		// After a burst of blocked tasks: give the memory back.
		registry.Store(t.rebuild(t.live))
	}
}

// rebuild returns a table with t's live entries and room for live of them
// at a quarter full, tombstones dropped. The caller holds registryMu.
func (t *regTable) rebuild(live int) *regTable {
	size := minRegistry
	for size < 4*live {
		size *= 2
	}
	n := newRegTable(size)
	for i := range t.keys {
		if r := t.vals[i].Load(); r != nil {
			j := n.slot(r.g)
			n.keys[j].Store(r.g)
			n.vals[j].Store(r)
			n.used++
			n.live++
		}
	}
	return n
}
