package parallel_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

func get[T any](t *testing.T, f *future.Future[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	v, err := f.Await(ctx)
	if err != nil {
		t.Fatalf("task failed: %v", err)
	}
	return v
}

// Every Task form resolves to what its synchronous form returns under the
// same policy (the default and explicit chunkings are deterministic).
func TestTaskFormsMatch(t *testing.T) {
	for _, p := range []execution.Policy{
		execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq.With(execution.StaticChunk(7)),
		execution.Par.On(execution.PureGo), execution.Par.With(execution.DynamicChunk(100)),
	} {
		tp := p.Task()
		ns := []int{0, 1, 7, 2*cpu.GrainLoop + 1}
		if !raceOn || p == execution.Par {
			ns = append(ns, 2*cpu.GrainKernel+1)
		}
		for _, n := range ns {
			name := fmt.Sprintf("%v/n=%d", tp, n)
			f := randFloats[float32](n)
			d := randFloats[float64](n)
			is := randInts[int64](n, 1000)
			pos := func(x int64) bool { return x > 990 }
			eq := func(name string, got, want any) {
				t.Helper()
				if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
					t.Errorf("%s: task %.200s, sync %.200s", name, g, w)
				}
			}
			eq(name+" Reduce", get(t, parallel.ReduceTask(tp, f, 1, op.Add)), parallel.Reduce(p, f, 1, op.Add))
			eq(name+" TransformReduce", get(t, parallel.TransformReduceTask(tp, f, 0, op.Add, op.Square)), parallel.TransformReduce(p, f, 0, op.Add, op.Square))
			eq(name+" TransformReduce2", get(t, parallel.TransformReduce2Task(tp, d, d, 0, op.Add, op.Mul)), parallel.TransformReduce2(p, d, d, 0, op.Add, op.Mul))
			eq(name+" Count", get(t, parallel.CountTask(tp, is, 7)), parallel.Count(p, is, 7))
			eq(name+" CountIf", get(t, parallel.CountIfTask(tp, is, pos)), parallel.CountIf(p, is, pos))
			eq(name+" Find", get(t, parallel.FindTask(tp, is, 999)), parallel.Find(p, is, 999))
			eq(name+" FindIf", get(t, parallel.FindIfTask(tp, is, pos)), parallel.FindIf(p, is, pos))
			eq(name+" AnyOf", get(t, parallel.AnyOfTask(tp, is, pos)), parallel.AnyOf(p, is, pos))
			eq(name+" AllOf", get(t, parallel.AllOfTask(tp, is, pos)), parallel.AllOf(p, is, pos))
			eq(name+" NoneOf", get(t, parallel.NoneOfTask(tp, is, pos)), parallel.NoneOf(p, is, pos))
			eq(name+" MinElement", get(t, parallel.MinElementTask(tp, d)), parallel.MinElement(p, d))
			eq(name+" MaxElement", get(t, parallel.MaxElementTask(tp, d)), parallel.MaxElement(p, d))
			mn, mx := parallel.MinMaxElement(p, is)
			eq(name+" MinMaxElement", get(t, parallel.MinMaxElementTask(tp, is)), [2]int{mn, mx})
			eq(name+" MinElementFunc", get(t, parallel.MinElementFuncTask(tp, is, cmp.Compare[int64])), parallel.MinElementFunc(p, is, cmp.Compare[int64]))
			eq(name+" MaxElementFunc", get(t, parallel.MaxElementFuncTask(tp, is, cmp.Compare[int64])), parallel.MaxElementFunc(p, is, cmp.Compare[int64]))
			mn, mx = parallel.MinMaxElementFunc(p, is, cmp.Compare[int64])
			eq(name+" MinMaxElementFunc", get(t, parallel.MinMaxElementFuncTask(tp, is, cmp.Compare[int64])), [2]int{mn, mx})

			// The void forms: compare what they wrote.
			a, b := make([]float64, n), make([]float64, n)
			get(t, parallel.TransformTask(tp, a, f, func(x float32) float64 { return float64(x) / 3 }))
			parallel.Transform(p, b, f, func(x float32) float64 { return float64(x) / 3 })
			eq(name+" Transform", a, b)
			get(t, parallel.Transform2Task(tp, a, d, d, op.Mul[float64]))
			parallel.Transform2(p, b, d, d, op.Mul[float64])
			eq(name+" Transform2", a, b)
			get(t, parallel.InclusiveScanTask(tp, a, d, op.Add))
			parallel.InclusiveScan(p, b, d, op.Add)
			eq(name+" InclusiveScan", a, b)
			get(t, parallel.ExclusiveScanTask(tp, a, d, 1, op.Add))
			parallel.ExclusiveScan(p, b, d, 1, op.Add)
			eq(name+" ExclusiveScan", a, b)
			get(t, parallel.FillTask(tp, a, 2.5))
			parallel.Fill(p, b, 2.5)
			eq(name+" Fill", a, b)
			get(t, parallel.IotaTask(tp, a, -3))
			parallel.Iota(p, b, -3)
			eq(name+" Iota", a, b)
			get(t, parallel.CopyTask(tp, a, d))
			parallel.Copy(p, b, d)
			eq(name+" Copy", a, d)
			ka := get(t, parallel.CopyIfTask(tp, a, d, func(x float64) bool { return x > 0 }))
			kb := parallel.CopyIf(p, b, d, func(x float64) bool { return x > 0 })
			eq(name+" CopyIf", a[:ka], b[:kb])
			get(t, parallel.ForEachTask(tp, a, func(x *float64) { *x *= 2 }))
			parallel.ForEach(p, b, func(x *float64) { *x *= 2 })
			eq(name+" ForEach", a, b)
			var sa, sb atomic.Int64
			get(t, parallel.ForLoopTask(tp, 3, 3+n, func(i int) { sa.Add(int64(i)) }))
			parallel.ForLoop(p, 3, 3+n, func(i int) { sb.Add(int64(i)) })
			eq(name+" ForLoop", sa.Load(), sb.Load())
		}
	}
}

// Cancelling a Task future stops the chunks that have not started.
func TestTaskCancelStopsChunks(t *testing.T) {
	const n = 1000
	var ran atomic.Int64
	started := make(chan struct{}, n)
	release := make(chan struct{})
	tp := execution.Par.With(execution.DynamicChunk(1)).Task()
	f := parallel.ForLoopTask(tp, 0, n, func(i int) {
		ran.Add(1)
		started <- struct{}{}
		<-release
	})
	<-started // a chunk runs, the rest wait
	f.Cancel()
	close(release)
	_, err := f.Get()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled task resolved with %v, want context.Canceled", err)
	}
	if r := ran.Load(); r > int64(execution.NumWorkers()+1) {
		t.Fatalf("%d of %d chunks ran after the cancel (workers: %d)", r, n, execution.NumWorkers())
	}

	// A reduction too: the chunk count stays small and the error comes back.
	var chunks atomic.Int64
	gate := make(chan struct{})
	xs := make([]int, 1<<16)
	rf := parallel.TransformReduceTask(execution.Par.With(execution.StaticChunk(64)).Task(), xs, 0, op.Add[int], func(x int) int {
		if chunks.Add(1) == 1 {
			<-gate
		}
		return x
	})
	for chunks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	rf.Cancel()
	close(gate)
	if _, err := rf.Get(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled reduction resolved with %v", err)
	}
	// Each participant may finish the chunk it was in: 64 calls each.
	if c := chunks.Load(); c >= int64(len(xs)) {
		t.Fatalf("all %d elements were transformed despite the cancel", c)
	}
}

type boom struct{ at int }

// A panic in a user function reaches the caller as a *future.PanicError
// with the original value, under every policy; the Task forms resolve with
// it; the runtime keeps working afterwards.
func TestPanicPropagates(t *testing.T) {
	const n = 3 * cpu.GrainLoop
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	const at = 2*cpu.GrainLoop + 17
	explode := func(x int) {
		if x == at {
			panic(boom{x})
		}
	}
	calls := map[string]func(p execution.Policy){
		"ForLoop": func(p execution.Policy) { parallel.ForLoop(p, 0, n, explode) },
		"ForEach": func(p execution.Policy) { parallel.ForEach(p, xs, func(x *int) { explode(*x) }) },
		"Transform": func(p execution.Policy) {
			parallel.Transform(p, make([]int, n), xs, func(x int) int { explode(x); return x })
		},
		"Transform2": func(p execution.Policy) {
			parallel.Transform2(p, make([]int, n), xs, xs, func(x, y int) int { explode(x); return x })
		},
		"Reduce": func(p execution.Policy) { parallel.Reduce(p, xs, 0, func(a, b int) int { explode(b); return a + b }) },
		"TransformReduce": func(p execution.Policy) {
			parallel.TransformReduce(p, xs, 0, op.Add, func(x int) int { explode(x); return x })
		},
		"TransformReduce2": func(p execution.Policy) {
			parallel.TransformReduce2(p, xs, xs, 0, op.Add, func(x, y int) int { explode(x); return x })
		},
		"CountIf": func(p execution.Policy) { parallel.CountIf(p, xs, func(x int) bool { explode(x); return false }) },
		"FindIf":  func(p execution.Policy) { parallel.FindIf(p, xs, func(x int) bool { explode(x); return false }) },
		"AllOf":   func(p execution.Policy) { parallel.AllOf(p, xs, func(x int) bool { explode(x); return true }) },
		"CopyIf": func(p execution.Policy) {
			parallel.CopyIf(p, make([]int, n), xs, func(x int) bool { explode(x); return true })
		},
		"Inclusive": func(p execution.Policy) {
			parallel.InclusiveScan(p, make([]int, n), xs, func(a, b int) int { explode(b); return a + b })
		},
		"Exclusive": func(p execution.Policy) {
			parallel.ExclusiveScan(p, make([]int, n), xs, 0, func(a, b int) int { explode(b); return a + b })
		},
		"MinElementFunc": func(p execution.Policy) {
			parallel.MinElementFunc(p, xs, func(a, b int) int { explode(a); return cmp.Compare(a, b) })
		},
	}
	for _, p := range []execution.Policy{
		execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq.With(execution.StaticChunk(1)),
		execution.Par.With(execution.DynamicChunk(100)),
	} {
		for name, call := range calls {
			v := mustPanic(t, func() { call(p) })
			pe, ok := v.(*future.PanicError)
			if !ok {
				t.Fatalf("%v %s: panic value %T %v, want *future.PanicError", p, name, v, v)
			}
			if pe.Value != (boom{at}) || len(pe.Stack) == 0 {
				t.Fatalf("%v %s: PanicError.Value = %v", p, name, pe.Value)
			}
		}
	}
	// Task forms resolve with it.
	_, err := parallel.ReduceTask(execution.ParTask, xs, 0, func(a, b int) int { explode(b); return a + b }).Get()
	var pe *future.PanicError
	if !errors.As(err, &pe) || pe.Value != (boom{at}) {
		t.Fatalf("ReduceTask resolved with %v, want a PanicError", err)
	}
	_, err = parallel.ForEachTask(execution.SeqTask, xs, func(x *int) { explode(*x) }).Get()
	if !errors.As(err, &pe) || pe.Value != (boom{at}) {
		t.Fatalf("ForEachTask(seq) resolved with %v, want a PanicError", err)
	}
	// Still working.
	if got := parallel.Reduce(execution.Par, xs, 0, func(a, b int) int { return a + b }); got != n*(n-1)/2 {
		t.Fatalf("after the panics: sum %d", got)
	}
	if got := get(t, parallel.ReduceTask(execution.ParTask, xs, 0, op.Add)); got != n*(n-1)/2 {
		t.Fatalf("after the panics: task sum %d", got)
	}
}

// earlyExit checks that once the answer is known the other chunks stop:
// elements beyond the first block wait until the match has been seen, then
// every participant may finish the blocks it runs before it sees the answer.
func earlyExit(t *testing.T, name string, run func(p execution.Policy, xs []int, pred func(int) bool) int, want int) {
	t.Helper()
	const n = 1 << 20
	const match = 10
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	for _, p := range []execution.Policy{execution.Par, execution.ParUnseq.With(execution.DynamicChunk(50000)), execution.Par.With(execution.StaticChunk(4096))} {
		found := make(chan struct{})
		var once atomic.Bool
		var calls atomic.Int64
		pred := func(x int) bool {
			calls.Add(1)
			if x == match || x == n-5 {
				if x == match && once.CompareAndSwap(false, true) {
					close(found)
				}
				return true
			}
			if x >= 1024 {
				select {
				case <-found:
				case <-time.After(10 * time.Second):
				}
			}
			return false
		}
		if got := run(p, xs, pred); got != want {
			t.Fatalf("%s %v = %d, want %d", name, p, got, want)
		}
		// Each participant stops within a block or two once it sees the
		// answer; how many blocks it runs first depends on when the finder
		// publishes it, which a loaded machine can delay. Without early exit
		// pred would run about n times; a sixteenth of that is the bound.
		limit := int64(n / 16)
		if c := calls.Load(); c > limit {
			t.Errorf("%s %v: pred called %d times after an early match, want at most %d", name, p, c, limit)
		}
	}
}

func TestEarlyExit(t *testing.T) {
	earlyExit(t, "FindIf", parallel.FindIf[int], 10)
	earlyExit(t, "AnyOf", func(p execution.Policy, xs []int, pred func(int) bool) int {
		return b2i(parallel.AnyOf(p, xs, pred))
	}, 1)
	earlyExit(t, "NoneOf", func(p execution.Policy, xs []int, pred func(int) bool) int {
		return b2i(parallel.NoneOf(p, xs, pred))
	}, 0)
	earlyExit(t, "AllOf", func(p execution.Policy, xs []int, pred func(int) bool) int {
		return b2i(parallel.AllOf(p, xs, func(x int) bool { return !pred(x) }))
	}, 0)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Find returns the lowest match even when a later chunk finds its match
// first.
func TestFindLowestWhenLaterChunkFirst(t *testing.T) {
	const n = 1 << 16
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	late := make(chan struct{})
	var once atomic.Bool
	pred := func(x int) bool {
		switch {
		case x == n-100:
			if once.CompareAndSwap(false, true) {
				close(late)
			}
			return true
		case x == 3000:
			select { // let the high match land first
			case <-late:
			case <-time.After(2 * time.Second):
			}
			return true
		}
		return false
	}
	for _, p := range []execution.Policy{execution.Par.With(execution.StaticChunk(1024)), execution.Par.With(execution.DynamicChunk(2048))} {
		once.Store(false)
		late = make(chan struct{})
		if got := parallel.FindIf(p, xs, pred); got != 3000 {
			t.Fatalf("%v: FindIf = %d, want 3000", p, got)
		}
	}
}

// A dst that overlaps an input without being that input panics at the call,
// under every policy, before anything is written; dst being the input
// itself (in place), dst right next to it, and inputs overlapping each
// other are fine.
func TestOverlappingDst(t *testing.T) {
	buf := make([]int32, 128)
	for i := range buf {
		buf[i] = int32(i)
	}
	orig := slices.Clone(buf)
	wide := unsafe.Slice((*int64)(unsafe.Pointer(&buf[0])), 16) // buf[:32], 8-byte elements
	neg := func(x int32) int32 { return -x }
	for _, p := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.Par.On(execution.PureGo)} {
		src, ahead, behind := buf[8:40], buf[9:41], buf[7:39]
		for _, dst := range [][]int32{ahead, behind, buf[39:71] /* one element shared */} {
			mustPanicHpgo(t, "Transform", func() { parallel.Transform(p, dst, src, neg) })
			mustPanicHpgo(t, "Transform", func() { parallel.Transform(p, dst, src, op.Negate[int32]) })
			mustPanicHpgo(t, "TransformTask", func() { parallel.TransformTask(p.Task(), dst, src, neg) })
			mustPanicHpgo(t, "Transform2", func() { parallel.Transform2(p, dst, src, buf[:32], op.Add[int32]) })
			mustPanicHpgo(t, "Transform2", func() { parallel.Transform2(p, dst, buf[:32], src, op.Add[int32]) })
			mustPanicHpgo(t, "Transform2Task", func() { parallel.Transform2Task(p.Task(), dst, src, src, op.Mul[int32]) })
			mustPanicHpgo(t, "InclusiveScan", func() { parallel.InclusiveScan(p, dst, src, op.Add[int32]) })
			mustPanicHpgo(t, "InclusiveScanTask", func() { parallel.InclusiveScanTask(p.Task(), dst, src, op.Add[int32]) })
			mustPanicHpgo(t, "ExclusiveScan", func() { parallel.ExclusiveScan(p, dst, src, 0, op.Add[int32]) })
			mustPanicHpgo(t, "ExclusiveScanTask", func() { parallel.ExclusiveScanTask(p.Task(), dst, src, 0, op.Add[int32]) })
		}
		// Same start, wider elements: dst[0] covers src[0] and src[1].
		mustPanicHpgo(t, "Transform", func() {
			parallel.Transform(p, wide, buf[:16], func(x int32) int64 { return int64(x) })
		})
		if !slices.Equal(buf, orig) {
			t.Fatalf("%v: a call that panicked on overlap wrote to dst", p)
		}

		// Allowed: in place, adjacent, and inputs that overlap each other.
		parallel.Transform(p, buf[8:40], buf[8:40], neg)
		parallel.Transform(p, buf[8:40], buf[8:40], neg)
		parallel.Transform(p, buf[40:64], buf[16:40], op.Negate[int32])
		parallel.Transform2(p, buf[40:64], buf[:24], buf[1:25], op.Add[int32])
		parallel.InclusiveScan(p, buf[:8], buf[:8], op.Add[int32])
		parallel.Transform(p, []struct{}{{}}, []struct{}{{}}, func(struct{}) struct{} { return struct{}{} })
		for i := range 24 {
			if want := orig[i] + orig[i+1]; buf[40+i] != want {
				t.Fatalf("%v: Transform2 of overlapping inputs: [%d] = %d, want %d", p, i, buf[40+i], want)
			}
		}
		copy(buf, orig)
	}
}

// A nil function panics at the call, naming the algorithm and the argument,
// whatever the input (empty included) and the policy.
func TestNilFunction(t *testing.T) {
	for _, p := range []execution.Policy{execution.Seq, execution.Par} {
		for _, xs := range [][]int{nil, make([]int, 3*cpu.GrainLoop)} {
			tp := p.Task()
			dst := make([]int, len(xs))
			var pred func(int) bool
			var cmp func(a, b int) int
			var add func(a, b int) int
			var unary func(int) int
			var binary func(a, b int) int
			calls := map[string]func(){
				"AllOf":                 func() { parallel.AllOf(p, xs, pred) },
				"AllOfTask":             func() { parallel.AllOfTask(tp, xs, pred) },
				"AnyOf":                 func() { parallel.AnyOf(p, xs, pred) },
				"AnyOfTask":             func() { parallel.AnyOfTask(tp, xs, pred) },
				"NoneOf":                func() { parallel.NoneOf(p, xs, pred) },
				"NoneOfTask":            func() { parallel.NoneOfTask(tp, xs, pred) },
				"CountIf":               func() { parallel.CountIf(p, xs, pred) },
				"CountIfTask":           func() { parallel.CountIfTask(tp, xs, pred) },
				"FindIf":                func() { parallel.FindIf(p, xs, pred) },
				"FindIfTask":            func() { parallel.FindIfTask(tp, xs, pred) },
				"CopyIf":                func() { parallel.CopyIf(p, dst, xs, pred) },
				"CopyIfTask":            func() { parallel.CopyIfTask(tp, dst, xs, pred) },
				"ForEach":               func() { parallel.ForEach(p, xs, nil) },
				"ForEachTask":           func() { parallel.ForEachTask(tp, xs, nil) },
				"ForLoop":               func() { parallel.ForLoop(p, 0, len(xs), nil) },
				"ForLoopTask":           func() { parallel.ForLoopTask(tp, 0, len(xs), nil) },
				"Transform":             func() { parallel.Transform(p, dst, xs, unary) },
				"TransformTask":         func() { parallel.TransformTask(tp, dst, xs, unary) },
				"Transform2":            func() { parallel.Transform2(p, dst, xs, xs, binary) },
				"Transform2Task":        func() { parallel.Transform2Task(tp, dst, xs, xs, binary) },
				"Reduce":                func() { parallel.Reduce(p, xs, 0, add) },
				"ReduceTask":            func() { parallel.ReduceTask(tp, xs, 0, add) },
				"TransformReduce":       func() { parallel.TransformReduce(p, xs, 0, op.Add, unary) },
				"TransformReduceTask":   func() { parallel.TransformReduceTask(tp, xs, 0, add, op.Square) },
				"TransformReduce2":      func() { parallel.TransformReduce2(p, xs, xs, 0, op.Add, binary) },
				"TransformReduce2Task":  func() { parallel.TransformReduce2Task(tp, xs, xs, 0, add, op.Mul) },
				"InclusiveScan":         func() { parallel.InclusiveScan(p, dst, xs, add) },
				"InclusiveScanTask":     func() { parallel.InclusiveScanTask(tp, dst, xs, add) },
				"ExclusiveScan":         func() { parallel.ExclusiveScan(p, dst, xs, 0, add) },
				"ExclusiveScanTask":     func() { parallel.ExclusiveScanTask(tp, dst, xs, 0, add) },
				"SortFunc":              func() { parallel.SortFunc(p, xs, cmp) },
				"SortFuncTask":          func() { parallel.SortFuncTask(tp, xs, cmp) },
				"StableSortFunc":        func() { parallel.StableSortFunc(p, xs, cmp) },
				"StableSortFuncTask":    func() { parallel.StableSortFuncTask(tp, xs, cmp) },
				"MinElementFunc":        func() { parallel.MinElementFunc(p, xs, cmp) },
				"MinElementFuncTask":    func() { parallel.MinElementFuncTask(tp, xs, cmp) },
				"MaxElementFunc":        func() { parallel.MaxElementFunc(p, xs, cmp) },
				"MaxElementFuncTask":    func() { parallel.MaxElementFuncTask(tp, xs, cmp) },
				"MinMaxElementFunc":     func() { parallel.MinMaxElementFunc(p, xs, cmp) },
				"MinMaxElementFuncTask": func() { parallel.MinMaxElementFuncTask(tp, xs, cmp) },
			}
			for name, call := range calls {
				v := mustPanic(t, call)
				if s, ok := v.(string); !ok || !strings.HasPrefix(s, "hpgo: parallel."+name+": ") || !strings.HasSuffix(s, " is nil") {
					t.Errorf("%v, n=%d: %s with a nil function panicked with %T %.80q", p, len(xs), name, v, fmt.Sprint(v))
				}
			}
		}
	}
}

// Programmer errors panic at the call with an "hpgo: " message.
func TestBadInput(t *testing.T) {
	p := execution.Par
	a, b := make([]int, 5), make([]int, 4)
	f := func(x int) int { return x }
	f2 := func(x, y int) int { return x }
	mustPanicHpgo(t, "Transform", func() { parallel.Transform(p, b, a, f) })
	mustPanicHpgo(t, "TransformTask", func() { parallel.TransformTask(p.Task(), b, a, f) })
	mustPanicHpgo(t, "Transform2", func() { parallel.Transform2(p, a, a, b, f2) })
	mustPanicHpgo(t, "Transform2", func() { parallel.Transform2(p, b, a, a, f2) })
	mustPanicHpgo(t, "Transform2Task", func() { parallel.Transform2Task(p.Task(), a, b, a, f2) })
	mustPanicHpgo(t, "TransformReduce2", func() { parallel.TransformReduce2(p, a, b, 0, op.Add, f2) })
	mustPanicHpgo(t, "TransformReduce2Task", func() { parallel.TransformReduce2Task(p.Task(), a, b, 0, op.Add, f2) })
	mustPanicHpgo(t, "Copy", func() { parallel.Copy(p, b, a) })
	mustPanicHpgo(t, "CopyTask", func() { parallel.CopyTask(p.Task(), b, a) })
	mustPanicHpgo(t, "ForLoop", func() { parallel.ForLoop(p, math.MinInt, 1, func(int) {}) })
	mustPanicHpgo(t, "ForLoopTask", func() { parallel.ForLoopTask(p.Task(), -2, math.MaxInt, func(int) {}) })
	mustPanicHpgo(t, "InclusiveScan", func() { parallel.InclusiveScan(p, b, a, op.Add) })
	mustPanicHpgo(t, "InclusiveScanTask", func() { parallel.InclusiveScanTask(p.Task(), b, a, op.Add) })
	mustPanicHpgo(t, "ExclusiveScan", func() { parallel.ExclusiveScan(p, b, a, 0, op.Add) })
	mustPanicHpgo(t, "ExclusiveScanTask", func() { parallel.ExclusiveScanTask(p.Task(), b, a, 0, op.Add) })
	big := make([]int, 3*cpu.GrainLoop)
	for _, q := range []execution.Policy{execution.Seq, execution.Par, execution.Par.With(execution.StaticChunk(10))} {
		mustPanicHpgo(t, "CopyIf", func() { parallel.CopyIf(q, b, big, func(int) bool { return true }) })
		_, err := parallel.CopyIfTask(q.Task(), b, big, func(int) bool { return true }).Get()
		var pe *future.PanicError
		if !errors.As(err, &pe) || !strings.HasPrefix(fmt.Sprint(pe.Value), "hpgo: parallel.CopyIfTask: ") {
			t.Errorf("%v: CopyIfTask with a short dst resolved with %v", q, err)
		}
	}
	// Nothing written when the parallel CopyIf finds dst too short.
	short := make([]int, 4)
	mustPanic(t, func() { parallel.CopyIf(execution.Par, short, big, func(int) bool { return true }) })
	big[0] = 1
	mustPanic(t, func() { parallel.CopyIf(execution.Par, short, big, func(int) bool { return true }) })
	if short[0] != 0 {
		t.Error("parallel CopyIf wrote into a dst that is too short")
	}
	// The sequential path writes the matches that fit, as documented.
	mustPanic(t, func() { parallel.CopyIf(execution.Seq, short, big, func(x int) bool { return x == 1 || x == 0 }) })
	if short[0] != 1 || short[3] != 0 {
		t.Errorf("sequential CopyIf with a short dst left %v, want the first matches", short)
	}
	// Empty and zero-length inputs are fine.
	parallel.Transform(p, nil, []int(nil), f)
	if parallel.Reduce(p, []int(nil), 3, op.Add) != 3 || parallel.Find(p, []int(nil), 0) != -1 || parallel.MinElement(p, []int(nil)) != -1 {
		t.Error("empty input")
	}
	if a, b := parallel.MinMaxElement(p, []int(nil)); a != -1 || b != -1 {
		t.Error("empty MinMaxElement")
	}
	if !parallel.AllOf(p, []int(nil), func(int) bool { return false }) || parallel.AnyOf(p, []int(nil), func(int) bool { return true }) {
		t.Error("empty AllOf/AnyOf")
	}
}

// op.Add as inferred by a caller is recognised (kernel), a closure is not:
// both give the same integer result, and the closure is really called.
func TestKernelVsClosure(t *testing.T) {
	xs := randInts[int64](1<<16+5, 0)
	var calls atomic.Int64
	add := func(a, b int64) int64 { calls.Add(1); return a + b }
	for _, p := range []execution.Policy{execution.Seq, execution.Par, execution.Unseq.On(execution.PureGo)} {
		calls.Store(0)
		if k, c := parallel.Reduce(p, xs, 0, op.Add), parallel.Reduce(p, xs, 0, add); k != c {
			t.Fatalf("%v: kernel %d, closure %d", p, k, c)
		}
		if calls.Load() < int64(len(xs))-64 {
			t.Fatalf("%v: the closure ran %d times", p, calls.Load())
		}
	}
}

// A Par algorithm inside the body of another (on the workers) neither
// deadlocks nor loses work.
func TestNestedParallel(t *testing.T) {
	const outer, inner = 64, 3 * cpu.GrainLoop
	xs := make([]int, inner)
	for i := range xs {
		xs[i] = 1
	}
	sums := make([]int, outer)
	parallel.ForLoop(execution.Par.With(execution.DynamicChunk(1)), 0, outer, func(i int) {
		sums[i] = parallel.Reduce(execution.Par, xs, i, func(a, b int) int { return a + b })
	})
	for i, s := range sums {
		if s != inner+i {
			t.Fatalf("sums[%d] = %d, want %d", i, s, inner+i)
		}
	}
	// And a Task waited for inside a worker.
	got := get(t, parallel.TransformReduceTask(execution.ParTask.With(execution.StaticChunk(4)), sums, 0, op.Add, func(b int) int {
		return parallel.Count(execution.Par, []int{b}, b)
	}))
	if got != outer {
		t.Fatalf("nested task = %d, want %d", got, outer)
	}
}

// A function that calls runtime.Goexit (t.FailNow, say) on a helper worker
// fails the call like a panic, instead of leaving the caller waiting for a
// helper that never reports back. The caller here is not a worker, so
// every chunk runs on a helper.
func TestGoexitOnAHelperFailsTheCall(t *testing.T) {
	for _, p := range []execution.Policy{
		execution.Par.With(execution.DynamicChunk(1)),
		execution.Par.With(execution.StaticChunk(1)),
		execution.ParUnseq.With(execution.StaticChunk(7)),
	} {
		done := make(chan any, 1)
		go func() {
			defer func() { done <- recover() }()
			parallel.ForLoop(p, 0, 100, func(i int) {
				if i == 50 {
					runtime.Goexit()
				}
			})
		}()
		select {
		case v := <-done:
			pe, ok := v.(*future.PanicError)
			if !ok {
				t.Fatalf("%v: the call ended with %v, want a *future.PanicError", p, v)
			}
			if err, _ := pe.Value.(error); err == nil || !strings.Contains(err.Error(), "runtime.Goexit") {
				t.Fatalf("%v: PanicError.Value = %v, want the Goexit error", p, pe.Value)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: ForLoop never returned after a Goexit on a helper", p)
		}
	}
	// The runtime still works.
	if got := parallel.Reduce(execution.Par, make([]int, 1<<16), 1, op.Add); got != 1 {
		t.Fatalf("Reduce after the Goexits = %d", got)
	}
}

// A cancelled reduction resolves with the context's error, and its reduce
// never sees the zero values standing for the chunks that did not run (here
// nil pointers, which addIntPtrs would dereference).
func TestTaskCancelFoldsOnlyChunksThatRan(t *testing.T) {
	xs := make([]*int, 64)
	for i := range xs {
		xs[i] = new(int)
		*xs[i] = i
	}
	for _, c := range []struct {
		name  string
		start func(tp execution.TaskPolicy, block func()) *future.Future[*int]
	}{
		{"ReduceTask", func(tp execution.TaskPolicy, block func()) *future.Future[*int] {
			return parallel.ReduceTask(tp, xs, new(int), func(a, b *int) *int { block(); return addIntPtrs(a, b) })
		}},
		{"ReduceTask kernel", func(tp execution.TaskPolicy, block func()) *future.Future[*int] {
			blockIntPtrKernel.Store(&block)
			t.Cleanup(func() { blockIntPtrKernel.Store(nil) })
			return parallel.ReduceTask(tp, xs, new(int), addIntPtrs)
		}},
		{"TransformReduceTask", func(tp execution.TaskPolicy, block func()) *future.Future[*int] {
			return parallel.TransformReduceTask(tp, xs, new(int), addIntPtrs, func(x *int) *int { block(); return x })
		}},
		{"TransformReduce2Task", func(tp execution.TaskPolicy, block func()) *future.Future[*int] {
			return parallel.TransformReduce2Task(tp, xs, xs, new(int), addIntPtrs, func(x, y *int) *int { block(); return addIntPtrs(x, y) })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Every chunk waits at the gate, so the cancel comes while
			// each worker holds one and the others never start.
			entered, gate := make(chan struct{}, 64), make(chan struct{})
			block := func() { entered <- struct{}{}; <-gate }
			f := c.start(execution.Par.With(execution.DynamicChunk(2)).Task(), block)
			<-entered
			f.Cancel()
			close(gate)
			_, err := f.Get()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("resolved with %v, want context.Canceled", err)
			}
		})
	}
}

func addIntPtrs(a, b *int) *int { v := *a + *b; return &v }

// blockIntPtrKernel is what the kernel registered for addIntPtrs calls
// first, for each chunk.
var blockIntPtrKernel atomic.Pointer[func()]

func init() {
	cpu.RegisterReduce(addIntPtrs, func(x []*int) *int {
		if b := blockIntPtrKernel.Load(); b != nil {
			(*b)()
		}
		s := 0
		for _, p := range x {
			s += *p
		}
		return &s
	}, cpu.Exact)
}

// A panic in a kernel that another package registered reaches the caller as
// a *future.PanicError under every policy, as one in any user code does:
// only hpgo's own kernels, which cannot panic, run without a recover.
func TestRegisteredKernelPanicIsWrapped(t *testing.T) {
	xs := []uint32{1, 2, 3}
	for _, p := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq, execution.Par.With(execution.StaticChunk(1))} {
		for name, call := range map[string]func(){
			"Reduce":           func() { parallel.Reduce(p, xs, 0, xorU32) },
			"TransformReduce":  func() { parallel.TransformReduce(p, xs, 0, xorU32, identityU32) },
			"TransformReduce2": func() { parallel.TransformReduce2(p, xs, xs, 0, xorU32, andU32) },
		} {
			v := mustPanic(t, call)
			if pe, ok := v.(*future.PanicError); !ok || pe.Value != "kernel refuses" {
				t.Errorf("%s under %v: recovered %T %v, want a *future.PanicError of \"kernel refuses\"", name, p, v, v)
			}
		}
	}
	// hpgo's own kernels still run: the registry tells them apart.
	if got := parallel.Reduce(execution.Unseq, []float32{1, 2, 3}, 0, op.Add[float32]); got != 6 {
		t.Fatalf("Reduce(op.Add) = %v, want 6", got)
	}
	if k, builtin := cpu.LookupReduceBuiltin(execution.Unseq, op.Add[float32]); k == nil || !builtin {
		t.Errorf("op.Add[float32]: LookupReduceBuiltin = %v, %v; want hpgo's kernel, builtin", k != nil, builtin)
	}
	if k, builtin := cpu.LookupReduceBuiltin(execution.Unseq, xorU32); k == nil || builtin {
		t.Errorf("xorU32: LookupReduceBuiltin = %v, %v; want the registered kernel, not builtin", k != nil, builtin)
	}
}

func xorU32(a, b uint32) uint32   { return a ^ b }
func andU32(a, b uint32) uint32   { return a & b }
func identityU32(x uint32) uint32 { return x }

func init() {
	refuse := func() uint32 { panic("kernel refuses") }
	cpu.RegisterReduce(xorU32, func([]uint32) uint32 { return refuse() }, cpu.Exact)
	cpu.RegisterTransformReduce(xorU32, identityU32, func([]uint32) uint32 { return refuse() }, cpu.Exact)
	cpu.RegisterTransformReduce2(xorU32, andU32, func(_, _ []uint32) uint32 { return refuse() }, cpu.Exact)
}
