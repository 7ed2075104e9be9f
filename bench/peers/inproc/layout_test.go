package inproc

import (
	"fmt"
	"testing"

	"github.com/hpgo/hpgo/bench"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// BenchmarkDotLayout times a dot of two DRAM-sized slices under two
// layouts of the same bytes, in one buffer of 2n+gap elements: x =
// buf[:n] and y = buf[n+gap:2n+gap].
//
//   - gap=0B is how Go's allocator lays out two back-to-back make calls of
//     64Mi float32s: the second starts exactly 2^28 bytes after the first.
//   - gap=4KiB is how glibc's malloc (so std::vector, and the C++ peers of
//     transform_reduce.cpp) lays them out: each block it maps is a page
//     longer than asked for (its header), so the two start 2^28 + 4 KiB
//     apart.
//
// The cpp-omp peer (OMPDot on two OpenMP threads) and hpgo's Par read both
// layouts; benchstat -col /gap shows what the layout alone costs each:
//
//	OMP_WAIT_POLICY=passive go test -run '^$' -bench DotLayout -count 10 | tee layout.txt
//	benchstat -col /gap layout.txt
//
// HPGO_BENCH_SIZES sets n (default 64Mi).
func BenchmarkDotLayout(b *testing.B) {
	for _, n := range bench.EnvSizes([]int{1 << 26}) {
		for _, gap := range []int{0, 4096} {
			buf := make([]float32, 2*n+gap/4)
			copy(buf, bench.Float32s(n, 1))
			copy(buf[n+gap/4:], bench.Float32s(n, 2))
			bench.Release()
			x, y := buf[:n], buf[n+gap/4:2*n+gap/4]
			for _, impl := range []struct {
				name string
				dot  func() float32
			}{
				{"cpp-omp/threads=2", func() float32 { return OMPDot(x, y, 2) }},
				{"hpgo/policy=par", func() float32 {
					return parallel.TransformReduce2(execution.Par, x, y, 0, op.Add[float32], op.Mul[float32])
				}},
			} {
				name := fmt.Sprintf("type=f32/n=%s/impl=%s/gap=%s", bench.FormatSize(n), impl.name, gapName(gap))
				b.Run(name, func(b *testing.B) {
					b.SetBytes(int64(2 * n * 4))
					b.ReportAllocs()
					for b.Loop() {
						sink += float64(impl.dot())
					}
				})
			}
		}
	}
}

func gapName(bytes int) string {
	if bytes == 0 {
		return "0B"
	}
	return bench.FormatSize(bytes) + "B"
}
