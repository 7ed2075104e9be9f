package sched

import "testing"

// A direction hint belongs to the goroutine that set it: outside the pool
// there is none to set, on a worker SetDirection returns the hint it
// replaces, and a task that puts its hint back leaves none for the next.
func TestDirectionHint(t *testing.T) {
	restart(t, 2)
	if old := SetDirection(Backward); old != Unhinted {
		t.Fatalf("SetDirection outside the pool returned %d", old)
	}
	if d := CurrentDirection(); d != Unhinted {
		t.Fatalf("outside the pool the hint is %d after SetDirection, want Unhinted", d)
	}
	spawnWait(func() {
		if d := CurrentDirection(); d != Unhinted {
			t.Errorf("a fresh task sees hint %d", d)
		}
		old := SetDirection(Forward)
		if old != Unhinted || CurrentDirection() != Forward {
			t.Errorf("SetDirection(Forward) replaced %d, hint now %d", old, CurrentDirection())
		}
		if old := SetDirection(Backward); old != Forward || CurrentDirection() != Backward {
			t.Errorf("SetDirection(Backward) replaced %d, hint now %d", old, CurrentDirection())
		}
		SetDirection(Unhinted)
	})
	for range 20 {
		spawnWait(func() {
			if d := CurrentDirection(); d != Unhinted {
				t.Errorf("a task after one that put its hint back sees %d", d)
			}
		})
	}
}
