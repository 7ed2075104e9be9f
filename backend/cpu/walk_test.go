package cpu

import (
	"context"
	"slices"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/sched"
)

// claimDown hands out every chunk of a dynamic plan exactly once, from any
// starting point down, going on cyclically from the last chunk; also when
// participants race.
func TestClaimDownTakesEachChunkOnce(t *testing.T) {
	for _, count := range []int{1, 2, 3, 8, 63, 64} {
		for from := -1; from <= count; from++ {
			j := &job[int]{pl: plan{count: count}}
			start := from
			if from < 0 || from >= count {
				start = count - 1
			}
			for k := range count {
				if got, want := j.claimDown(from), (start-k+count)%count; got != want {
					t.Fatalf("count %d, from %d: claimDown %d gave %d, want %d", count, from, k, got, want)
				}
			}
			if got := j.claimDown(from); got != -1 {
				t.Fatalf("count %d: claimDown after all taken gave %d, want -1", count, got)
			}
		}
	}
	raceClaims(t, (*job[int]).claimDown, func(c, count, claimers int) int { return (c+1)*count/claimers - 1 }, -1)
}

// One participant walks a plan first to last, or last to first when the
// job walks back, and its chunks see that direction as their read-order
// hint; the worker has no hint left afterwards.
func TestWalkOrderAndHint(t *testing.T) {
	const count = 12
	for _, back := range []bool{false, true} {
		var order []int
		var dirs []sched.Direction
		j := &job[int]{pl: uniformPlan(0, count, 1), back: back, body: func(lo, hi int) int {
			order = append(order, lo) // one participant: no race
			dirs = append(dirs, sched.CurrentDirection())
			return lo
		}}
		j.results = make([]int, count)
		j.run(1)
		want, dir := make([]int, count), sched.Forward
		for i := range want {
			want[i] = i
		}
		if back {
			slices.Reverse(want)
			dir = sched.Backward
		}
		if !slices.Equal(order, want) {
			t.Errorf("back=%v: chunks ran in the order %v, want %v", back, order, want)
		}
		for i, d := range dirs {
			if d != dir {
				t.Errorf("back=%v: chunk %d saw hint %d, want %d", back, order[i], d, dir)
			}
		}
		for i, r := range j.results {
			if r != i {
				t.Fatalf("back=%v: results %v are not in chunk order", back, j.results)
			}
		}
	}
	for range 4 * sched.NumWorkers() {
		hint := make(chan sched.Direction)
		sched.Spawn(func() { hint <- sched.CurrentDirection() })
		if d := <-hint; d != sched.Unhinted {
			t.Fatalf("a task after the walks sees hint %d", d)
		}
	}
}

// Consecutive Par calls walk their chunks in opposite directions, every
// chunk of a call with the same hint, whatever calls that do not walk ran
// between them; a nested call inside a chunk walks
// its own way and leaves the chunk's hint as it found it.
func TestCallsWalkAlternately(t *testing.T) {
	p := execution.Par.With(execution.DynamicChunk(1))
	callHint := func() sched.Direction {
		hints, err := MapChunks(context.Background(), p, 8, 1, func(lo, hi int) sched.Direction {
			return sched.CurrentDirection()
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hints[1:] {
			if h != hints[0] {
				t.Fatalf("one call's chunks saw hints %v", hints)
			}
		}
		if hints[0] == sched.Unhinted {
			t.Fatal("a Par chunk saw no hint")
		}
		return hints[0]
	}
	// Calls that do not walk (static chunks, more than 64 chunks, chunks
	// in index order) leave the walk's direction alone.
	others := []func(){
		func() {
			_, _ = MapChunks(context.Background(), execution.Par.With(execution.StaticChunk(1)), 8, 1, func(lo, hi int) int { return lo })
		},
		func() { _, _ = MapChunks(context.Background(), p, 65, 1, func(lo, hi int) int { return lo }) },
		func() { _, _ = MapChunksInOrder(context.Background(), p, 8, 1, func(lo, hi int) int { return lo }) },
	}
	prev := callHint()
	for i := range 6 {
		others[i%len(others)]()
		h := callHint()
		if h == prev {
			t.Fatalf("two consecutive walking calls both walked with hint %d", h)
		}
		prev = h
	}

	type seen struct{ before, nested, after sched.Direction }
	rs, err := MapChunks(context.Background(), p, 4, 1, func(lo, hi int) seen {
		s := seen{before: sched.CurrentDirection()}
		s.nested = callHint()
		s.after = sched.CurrentDirection()
		return s
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range rs {
		if s.before == sched.Unhinted || s.after != s.before {
			t.Errorf("chunk %d: hint %d before a nested call, %d after it", i, s.before, s.after)
		}
	}
}
