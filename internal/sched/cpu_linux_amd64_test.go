package sched

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// CPU names the CPU the thread runs on: pinned to each CPU it may use in
// turn, the thread reads that CPU's number.
func TestCPUIsTheCurrentCPU(t *testing.T) {
	if !hasRDTSCP {
		t.Skip("CPU reports -1 here: no RDTSCP")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var all unix.CPUSet
	if err := unix.SchedGetaffinity(0, &all); err != nil {
		t.Skipf("sched_getaffinity: %v", err)
	}
	defer unix.SchedSetaffinity(0, &all)
	tried := 0
	for c := 0; c < 1024 && tried < all.Count(); c++ {
		if !all.IsSet(c) {
			continue
		}
		tried++
		var one unix.CPUSet
		one.Set(c)
		if err := unix.SchedSetaffinity(0, &one); err != nil {
			t.Fatalf("pinning to CPU %d: %v", c, err)
		}
		if got := CPU(); got != c {
			t.Errorf("pinned to CPU %d, CPU() = %d", c, got)
		}
	}
}
