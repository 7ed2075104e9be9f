package future

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"github.com/hpgo/hpgo/internal/sched"
	"golang.org/x/sync/errgroup"
)

// The benchmarks run on the default runtime (GOMAXPROCS workers) unless
// their name says workers=N, and set
// each hpgo primitive beside its plain-Go counterpart, so that benchstat
// shows them side by side:
//
//	go test ./future -run '^$' -bench . -count 6 -benchtime 200ms > fut.txt
//	benchstat fut.txt

func work() (int, error) { return 1, nil }

// workersFor gives a benchmark a runtime of n workers, or of the default
// size if n is 0.
func workersFor(b *testing.B, n int) {
	b.Helper()
	if err := sched.Stop(context.Background()); err != nil {
		b.Fatal(err)
	}
	if err := sched.Start(n); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = sched.Stop(context.Background()) })
}

// BenchmarkRoundTrip: start one function and wait for its result, from a
// goroutine outside the pool, against a goroutine and a channel.
func BenchmarkRoundTrip(b *testing.B) {
	b.Run("impl=future", func(b *testing.B) {
		workersFor(b, 0)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Async(work).Get(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ch := make(chan int)
			go func() { v, _ := work(); ch <- v }()
			<-ch
		}
	})
}

// BenchmarkRoundTripWorkers: the future round trip on one and on two
// workers (HPX reports about 0.7 µs and 1.5 µs for async+get there).
func BenchmarkRoundTripWorkers(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			workersFor(b, w)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Async(work).Get(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRoundTripInWorker: the same from inside a task, where Get claims
// the task and runs it inline.
func BenchmarkRoundTripInWorker(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			workersFor(b, w)
			b.ReportAllocs()
			_, _ = Async(func() (int, error) {
				for b.Loop() {
					if _, err := Async(work).Get(); err != nil {
						b.Error(err)
					}
				}
				return 0, nil
			}).Get()
		})
	}
}

// BenchmarkSpawnJoin: start n functions, then wait for all of them.
func BenchmarkSpawnJoin(b *testing.B) {
	for _, n := range []int{1000} {
		name := "n=" + strconv.Itoa(n)
		b.Run(name+"/impl=future", func(b *testing.B) {
			b.ReportAllocs()
			fs := make([]*Future[int], n)
			for b.Loop() {
				for i := range fs {
					fs[i] = Async(work)
				}
				if _, err := WhenAll(fs...).Get(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/impl=errgroup", func(b *testing.B) {
			b.ReportAllocs()
			vs := make([]int, n)
			for b.Loop() {
				var g errgroup.Group
				for i := range vs {
					g.Go(func() (err error) { vs[i], err = work(); return })
				}
				if err := g.Wait(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/impl=waitgroup", func(b *testing.B) {
			b.ReportAllocs()
			vs := make([]int, n)
			for b.Loop() {
				var wg sync.WaitGroup
				for i := range vs {
					wg.Go(func() { vs[i], _ = work() })
				}
				wg.Wait()
			}
		})
	}
}

// fibGo is fib with a goroutine and a channel per call.
func fibGo(n int) int {
	if n < 2 {
		return n
	}
	ch := make(chan int, 1)
	go func() { ch <- fibGo(n - 1) }()
	y := fibGo(n - 2)
	return <-ch + y
}

// BenchmarkFib: the recursive Fibonacci, a future (or goroutine) per call;
// fib(25) makes 242,785 of them.
func BenchmarkFib(b *testing.B) {
	const n = 25
	b.Run("n=25/impl=future", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v, _ := Async(func() (int, error) { return fib(n) }).Get(); v != 75025 {
				b.Fatal(v)
			}
		}
	})
	b.Run("n=25/impl=goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v := fibGo(n); v != 75025 {
				b.Fatal(v)
			}
		}
	})
}
