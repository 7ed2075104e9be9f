package sched

import (
	"sync"
	"testing"
)

// Goroutines register and deregister themselves concurrently, many more
// than the smallest table holds: each finds its own runner and nobody
// else's, before and after the table grows and drops tombstones.
func TestRegistryManyGoroutines(t *testing.T) {
	const n = 3000
	base := liveRegistered()
	var registered, release sync.WaitGroup
	registered.Add(n)
	release.Add(1)
	errs := make(chan string, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if self() != nil {
				errs <- "a fresh goroutine is registered"
			}
			r := &runner{g: getg()}
			register(r)
			if self() != r {
				errs <- "self() is not the runner just registered"
			}
			registered.Done()
			release.Wait() // every goroutine registered: the table has grown
			if self() != r {
				errs <- "self() lost its runner when the table grew"
			}
			deregister(r)
			if self() != nil {
				errs <- "self() after deregister is not nil"
			}
		})
	}
	registered.Wait()
	if got := liveRegistered(); got != base+n {
		t.Errorf("%d live entries with every goroutine registered, want %d", got, base+n)
	}
	release.Done()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	if got := liveRegistered(); got != base {
		t.Errorf("%d live entries after every goroutine left, want %d", got, base)
	}
	// The table shrinks back once tombstones fill it: register and
	// deregister one goroutine many times over.
	for range 4 * n {
		spawnAndLeave()
	}
	if size := len(registry.Load().keys); size > 4*minRegistry && base < minRegistry/4 {
		t.Errorf("the table kept %d slots for %d live entries", size, liveRegistered())
	}
}

func spawnAndLeave() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := &runner{g: getg()}
		register(r)
		deregister(r)
	}()
	<-done
}

func liveRegistered() int {
	registryMu.Lock()
	defer registryMu.Unlock()
	if t := registry.Load(); t != nil {
		return t.live
	}
	return 0
}

// Tasks that block in great numbers (each start a spare goroutine, which
// registers) all resume and finish; with a copy of the registry per
// registration this took seconds for ten thousand.
func TestManyBlockedTasks(t *testing.T) {
	restart(t, 2)
	const n = 10000
	gate := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(n)
	var mu sync.Mutex
	ran := 0
	for range n {
		Spawn(func() {
			defer wg.Done()
			Block(func() { <-gate })
			mu.Lock()
			ran++
			mu.Unlock()
		})
	}
	close(gate)
	wg.Wait()
	if ran != n {
		t.Fatalf("%d of %d blocked tasks ran on", ran, n)
	}
}

// A goroutine that never registered finds no runner, even when the empty
// slot its probe ends on is claimed by another goroutine between the probe
// and the read of the runner: the table is left as that reader sees it,
// an empty key with a runner beside it.
func TestRegistryLookupRechecksKey(t *testing.T) {
	tab := newRegTable(minRegistry)
	const stranger, other = uintptr(0x1000), uintptr(0x2000)
	i := tab.slot(stranger)
	if tab.keys[i].Load() != 0 {
		t.Fatal("the probe of an empty table ends on a used slot")
	}
	tab.vals[i].Store(&runner{g: other}) // other's key is not stored yet
	if r := tab.lookup(stranger); r != nil {
		t.Fatalf("lookup(stranger) = runner of %#x, want nil", r.g)
	}
	tab.keys[i].Store(other) // and now it is
	if r := tab.lookup(stranger); r != nil {
		t.Fatalf("lookup(stranger) = runner of %#x, want nil", r.g)
	}
	// The check does not hide a goroutine's own runner.
	own := newRegTable(minRegistry)
	j := own.slot(stranger)
	own.keys[j].Store(stranger)
	own.vals[j].Store(&runner{g: stranger})
	if r := own.lookup(stranger); r == nil || r.g != stranger {
		t.Fatalf("lookup(stranger) = %v, want its own runner", r)
	}
}
