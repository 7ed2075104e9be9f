package parallel_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// Benchmarks: every algorithm at n=64Ki and n=16Mi under policy=seq, unseq
// and par, with fn=op (the op package's functions: SIMD kernels where there
// are some) and fn=closure (the generic path), side by side with a plain
// sequential loop (policy=loop) and the slices package (policy=slices)
// where it has the same operation. Compare with benchstat.

var benchSizes = []int{1 << 16, 1 << 24}

var benchPolicies = []struct {
	name string
	p    execution.Policy
}{{"seq", execution.Seq}, {"unseq", execution.Unseq}, {"par", execution.Par}}

var (
	benchMu   sync.Mutex
	benchF32s = map[int][]float32{}
	benchI32s = map[int][]int32{}
)

// benchF32 returns a shared input of n floats in [-1, 1) (read-only).
func benchF32(n int) []float32 {
	benchMu.Lock()
	defer benchMu.Unlock()
	if xs, ok := benchF32s[n]; ok {
		return xs
	}
	xs := make([]float32, n)
	r := rng(n)
	for i := range xs {
		xs[i] = float32(r.Float64()*2 - 1)
	}
	benchF32s[n] = xs
	return xs
}

// benchI32 returns a shared input of n int32 in [0, 1000) (read-only).
func benchI32(n int) []int32 {
	benchMu.Lock()
	defer benchMu.Unlock()
	if xs, ok := benchI32s[n]; ok {
		return xs
	}
	xs := make([]int32, n)
	r := rng(n)
	for i := range xs {
		xs[i] = int32(r.IntN(1000))
	}
	benchI32s[n] = xs
	return xs
}

var (
	sinkF32  float32
	sinkInt  int
	sinkBool bool
)

// bench runs fn as sub-benchmark name, moving bytes bytes per call.
func bench(b *testing.B, name string, bytes int, fn func()) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(bytes))
		b.ReportAllocs()
		for b.Loop() {
			fn()
		}
	})
}

// sizes runs body for each benchmark size under "n=<n>".
func sizes(b *testing.B, body func(b *testing.B, n int)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { body(b, n) })
	}
}

func addF32(a, b float32) float32 { return a + b }

func BenchmarkTransformReduce(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		add := func(a, b float32) float32 { return a + b }
		sq := func(x float32) float32 { return x * x }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() { sinkF32 = parallel.TransformReduce(bp.p, xs, 0, add, sq) })
			bench(b, "policy="+bp.name+"/fn=op", 4*n, func() { sinkF32 = parallel.TransformReduce(bp.p, xs, 0, op.Add, op.Square) })
		}
		bench(b, "policy=loop/fn=closure", 4*n, func() {
			var s float32
			for _, x := range xs {
				s = add(s, sq(x))
			}
			sinkF32 = s
		})
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			var s float32
			for _, x := range xs {
				s += x * x
			}
			sinkF32 = s
		})
	})
}

func BenchmarkTransformReduce2(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs, ys := benchF32(n), benchF32(n + 1)[:n]
		mul := func(a, b float32) float32 { return a * b }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { sinkF32 = parallel.TransformReduce2(bp.p, xs, ys, 0, addF32, mul) })
			bench(b, "policy="+bp.name+"/fn=op", 8*n, func() { sinkF32 = parallel.TransformReduce2(bp.p, xs, ys, 0, op.Add, op.Mul) })
		}
		bench(b, "policy=loop/fn=inline", 8*n, func() {
			var s float32
			for i, x := range xs {
				s += x * ys[i]
			}
			sinkF32 = s
		})
	})
}

func BenchmarkReduce(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		is := benchI32(n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() { sinkF32 = parallel.Reduce(bp.p, xs, 0, addF32) })
			bench(b, "policy="+bp.name+"/fn=op", 4*n, func() { sinkF32 = parallel.Reduce(bp.p, xs, 0, op.Add) })
			bench(b, "policy="+bp.name+"/fn=op/type=int32", 4*n, func() { sinkInt = int(parallel.Reduce(bp.p, is, 0, op.Add)) })
			bench(b, "policy="+bp.name+"/fn=max", 4*n, func() { sinkF32 = parallel.Reduce(bp.p, xs, -2, op.Max) })
		}
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			var s float32
			for _, x := range xs {
				s += x
			}
			sinkF32 = s
		})
		bench(b, "policy=slices/fn=max", 4*n, func() { sinkF32 = slices.Max(xs) })
	})
}

func BenchmarkTransform(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		dst := make([]float32, n)
		sq := func(x float32) float32 { return x * x }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { parallel.Transform(bp.p, dst, xs, sq) })
			bench(b, "policy="+bp.name+"/fn=op", 8*n, func() { parallel.Transform(bp.p, dst, xs, op.Square) })
		}
		bench(b, "policy=loop/fn=inline", 8*n, func() {
			for i, x := range xs {
				dst[i] = x * x
			}
		})
	})
}

func BenchmarkTransform2(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs, ys := benchF32(n), benchF32(n + 1)[:n]
		dst := make([]float32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 12*n, func() { parallel.Transform2(bp.p, dst, xs, ys, addF32) })
			bench(b, "policy="+bp.name+"/fn=op", 12*n, func() { parallel.Transform2(bp.p, dst, xs, ys, op.Add) })
		}
		bench(b, "policy=loop/fn=inline", 12*n, func() {
			for i, x := range xs {
				dst[i] = x + ys[i]
			}
		})
	})
}

func BenchmarkForEach(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := make([]float32, n)
		inc := func(x *float32) { *x += 1 }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { parallel.ForEach(bp.p, xs, inc) })
		}
		bench(b, "policy=loop/fn=closure", 8*n, func() {
			for i := range xs {
				inc(&xs[i])
			}
		})
	})
}

func BenchmarkForLoop(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := make([]float32, n)
		body := func(i int) { xs[i] = float32(i) }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() { parallel.ForLoop(bp.p, 0, n, body) })
		}
		bench(b, "policy=loop/fn=closure", 4*n, func() {
			for i := range n {
				body(i)
			}
		})
	})
}

func BenchmarkCount(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		is := benchI32(n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=eq", 4*n, func() { sinkInt = parallel.Count(bp.p, is, 7) })
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() { sinkInt = parallel.CountIf(bp.p, is, func(x int32) bool { return x == 7 }) })
		}
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			c := 0
			for _, x := range is {
				if x == 7 {
					c++
				}
			}
			sinkInt = c
		})
	})
}

// Find looks for an absent value: the whole input is scanned.
func BenchmarkFind(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		is := benchI32(n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=eq", 4*n, func() { sinkInt = parallel.Find(bp.p, is, -1) })
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() { sinkInt = parallel.FindIf(bp.p, is, func(x int32) bool { return x < 0 }) })
			bench(b, "policy="+bp.name+"/fn=anyof", 4*n, func() { sinkBool = parallel.AnyOf(bp.p, is, func(x int32) bool { return x < 0 }) })
		}
		bench(b, "policy=slices/fn=eq", 4*n, func() { sinkInt = slices.Index(is, -1) })
		bench(b, "policy=slices/fn=closure", 4*n, func() { sinkInt = slices.IndexFunc(is, func(x int32) bool { return x < 0 }) })
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			k := -1
			for i, x := range is {
				if x == -1 {
					k = i
					break
				}
			}
			sinkInt = k
		})
	})
}

func BenchmarkFill(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := make([]float32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=value", 4*n, func() { parallel.Fill(bp.p, xs, 1.5) })
		}
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			for i := range xs {
				xs[i] = 1.5
			}
		})
	})
}

func BenchmarkIota(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := make([]int32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=value", 4*n, func() { parallel.Iota(bp.p, xs, 3) })
		}
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			for i := range xs {
				xs[i] = 3 + int32(i)
			}
		})
	})
}

func BenchmarkCopy(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		dst := make([]float32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=copy", 8*n, func() { parallel.Copy(bp.p, dst, xs) })
		}
		bench(b, "policy=loop/fn=copy", 8*n, func() { copy(dst, xs) })
	})
}

func BenchmarkCopyIf(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		dst := make([]float32, n)
		pos := func(x float32) bool { return x > 0 }
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { sinkInt = parallel.CopyIf(bp.p, dst, xs, pos) })
		}
		bench(b, "policy=loop/fn=closure", 8*n, func() {
			k := 0
			for _, x := range xs {
				if pos(x) {
					dst[k] = x
					k++
				}
			}
			sinkInt = k
		})
	})
}

func BenchmarkInclusiveScan(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		is := benchI32(n)
		dst := make([]float32, n)
		idst := make([]int32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { parallel.InclusiveScan(bp.p, dst, xs, addF32) })
			bench(b, "policy="+bp.name+"/fn=op", 8*n, func() { parallel.InclusiveScan(bp.p, dst, xs, op.Add) })
			bench(b, "policy="+bp.name+"/fn=op/type=int32", 8*n, func() { parallel.InclusiveScan(bp.p, idst, is, op.Add) })
		}
		bench(b, "policy=loop/fn=inline", 8*n, func() {
			var s float32
			for i, x := range xs {
				s += x
				dst[i] = s
			}
		})
	})
}

func BenchmarkExclusiveScan(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		dst := make([]float32, n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=closure", 8*n, func() { parallel.ExclusiveScan(bp.p, dst, xs, 0, addF32) })
			bench(b, "policy="+bp.name+"/fn=op", 8*n, func() { parallel.ExclusiveScan(bp.p, dst, xs, 0, op.Add) })
		}
		bench(b, "policy=loop/fn=inline", 8*n, func() {
			var s float32
			for i, x := range xs {
				dst[i] = s
				s += x
			}
		})
	})
}

func BenchmarkMinElement(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		xs := benchF32(n)
		for _, bp := range benchPolicies {
			bench(b, "policy="+bp.name+"/fn=ordered", 4*n, func() { sinkInt = parallel.MinElement(bp.p, xs) })
			bench(b, "policy="+bp.name+"/fn=max", 4*n, func() { sinkInt = parallel.MaxElement(bp.p, xs) })
			bench(b, "policy="+bp.name+"/fn=minmax", 4*n, func() { sinkInt, _ = parallel.MinMaxElement(bp.p, xs) })
			bench(b, "policy="+bp.name+"/fn=closure", 4*n, func() {
				sinkInt = parallel.MinElementFunc(bp.p, xs, func(a, b float32) int {
					switch {
					case a < b:
						return -1
					case a > b:
						return 1
					}
					return 0
				})
			})
		}
		bench(b, "policy=slices/fn=ordered", 4*n, func() { sinkF32 = slices.Min(xs) })
		bench(b, "policy=loop/fn=inline", 4*n, func() {
			m := 0
			for i, x := range xs {
				if x < xs[m] {
					m = i
				}
			}
			sinkInt = m
		})
	})
}
