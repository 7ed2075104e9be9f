package cpu_test

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"strings"
	"sync/atomic"

	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

// The operations and element types below belong to these examples. The
// registry keys a kernel by the code pointer of its operation (or by its
// element type), so registering kernels for them replaces none of the
// kernels that hpgo registers for package op.

func addF32(a, b float32) float32 { return a + b }
func addF64(a, b float64) float64 { return a + b }
func addInt(a, b int) int         { return a + b }
func maxI32(a, b int32) int32     { return max(a, b) }
func xorU32(a, b uint32) uint32   { return a ^ b }
func mulF64(a, b float64) float64 { return a * b }
func squareF64(x float64) float64 { return x * x }

// absI32 is |x|.
func absI32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// differ is 1 where two bytes differ: summed, the Hamming distance.
func differ(a, b byte) int {
	if a != b {
		return 1
	}
	return 0
}

// clampU8 saturates x to a byte.
func clampU8(x int32) uint8 { return uint8(min(max(x, 0), 255)) }

// avgU8 is the rounded-up mean of two bytes.
func avgU8(a, b uint8) uint8 { return uint8((uint16(a) + uint16(b) + 1) / 2) }

type (
	pixel  uint32 // a packed RGBA colour
	ticket int64  // a sequence number
	userID uint64
)

func ExampleCodePointer() {
	var add func(float32, float32) float32 = op.Add // inferred: op.Add[float32]
	pc := cpu.CodePointer(op.Add[float32])
	fmt.Println(pc != 0, pc == cpu.CodePointer(add))
	// A closure doing the same is another function.
	fmt.Println(pc == cpu.CodePointer(func(a, b float32) float32 { return a + b }))
	fmt.Println(cpu.CodePointer("not a function"))
	// Output:
	// true true
	// false
	// 0
}

// pairwiseSum adds the halves of x separately: it regroups the additions,
// so its rounding may differ from the left fold's.
func pairwiseSum(x []float32) float32 {
	if len(x) == 1 {
		return x[0]
	}
	h := len(x) / 2
	return pairwiseSum(x[:h]) + pairwiseSum(x[h:])
}

func ExampleRegisterReduce() {
	cpu.RegisterReduce(addF32, pairwiseSum, cpu.Reassociates)
	if sum := cpu.LookupReduce(execution.Par, addF32); sum != nil {
		fmt.Println("par:", sum([]float32{1, 2, 3, 4}))
	}
	// Seq promises the exact left fold, and PureGo no kernel at all.
	fmt.Println("seq:", cpu.LookupReduce(execution.Seq, addF32) != nil)
	fmt.Println("purego:", cpu.LookupReduce(execution.Par.On(execution.PureGo), addF32) != nil)
	// Output:
	// par: 10
	// seq: false
	// purego: false
}

func ExampleLookupReduce() {
	xs := []float32{1, 2, 3, 4, 5}
	sum := cpu.LookupReduce(execution.Par, op.Add[float32]) // a SIMD kernel
	fmt.Println(sum(xs))
	// A float sum reassociates: no kernel under Seq. An integer sum is exact.
	fmt.Println(cpu.LookupReduce(execution.Seq, op.Add[float32]) != nil)
	fmt.Println(cpu.LookupReduce(execution.Seq, op.Add[int64])([]int64{10, 20, 30}))
	// Output:
	// 15
	// false
	// 60
}

// hpgo's own kernel for op.Add is builtin; one that another package
// registered (addF32's, in ExampleRegisterReduce) is not: parallel.Reduce
// runs only builtin kernels without a deferred recover.
func ExampleLookupReduceBuiltin() {
	cpu.RegisterReduce(addF32, pairwiseSum, cpu.Reassociates)
	sum, builtin := cpu.LookupReduceBuiltin(execution.Unseq, op.Add[float32])
	fmt.Println(sum([]float32{1, 2, 3}), builtin)
	mine, builtin := cpu.LookupReduceBuiltin(execution.Unseq, addF32)
	fmt.Println(mine([]float32{1, 2, 3}), builtin)
	// Output:
	// 6 true
	// 6 false
}

func ExampleRegisterTransformReduce() {
	// The largest magnitude: max of |x|. Exact, so it serves Seq too.
	cpu.RegisterTransformReduce(maxI32, absI32, func(x []int32) int32 {
		m := absI32(x[0])
		for _, v := range x[1:] {
			m = max(m, absI32(v))
		}
		return m
	}, cpu.Exact)
	peak := cpu.LookupTransformReduce(execution.Seq, maxI32, absI32)
	fmt.Println(peak([]int32{3, -7, 5}))
	fmt.Println(cpu.LookupTransformReduce(execution.Seq.On(execution.PureGo), maxI32, absI32) != nil)
	// Output:
	// 7
	// false
}

func ExampleLookupTransformReduce() {
	// The sum of squares: op.Add over op.Square.
	sumSq := cpu.LookupTransformReduce(execution.Par, op.Add[float64], op.Square[float64])
	fmt.Println(sumSq([]float64{1, 2, 3}))
	// Output: 14
}

func ExampleLookupTransformReduceBuiltin() {
	sumSq, builtin := cpu.LookupTransformReduceBuiltin(execution.Par, op.Add[float64], op.Square[float64])
	fmt.Println(sumSq([]float64{1, 2, 3}), builtin)
	// Output: 14 true
}

func ExampleRegisterTransformReduce2() {
	// The Hamming distance: the sum of differ over two byte strings.
	cpu.RegisterTransformReduce2(addInt, differ, func(x, y []byte) int {
		n := 0
		for i := range x {
			n += differ(x[i], y[i])
		}
		return n
	}, cpu.Exact)
	hamming := cpu.LookupTransformReduce2(execution.Seq, addInt, differ)
	fmt.Println(hamming([]byte("karolin"), []byte("kathrin")))
	// Output: 3
}

func ExampleLookupTransformReduce2() {
	// The dot product: op.Add over op.Mul.
	dot := cpu.LookupTransformReduce2(execution.Par, op.Add[float32], op.Mul[float32])
	fmt.Println(dot([]float32{1, 2, 3}, []float32{4, 5, 6}))
	// Output: 32
}

func ExampleLookupTransformReduce2Builtin() {
	dot, builtin := cpu.LookupTransformReduce2Builtin(execution.Par, op.Add[float32], op.Mul[float32])
	fmt.Println(dot([]float32{1, 2, 3}, []float32{4, 5, 6}), builtin)
	// Output: 32 true
}

func ExampleRegisterTransform() {
	cpu.RegisterTransform(clampU8, func(dst []uint8, src []int32) {
		for i, v := range src {
			dst[i] = clampU8(v)
		}
	})
	clamp := cpu.LookupTransform(execution.Par, clampU8)
	out := make([]uint8, 4)
	clamp(out, []int32{-20, 100, 300, 255})
	fmt.Println(out)
	// Output: [0 100 255 255]
}

func ExampleLookupTransform() {
	xs := []int{-3, 0, 4}
	abs := cpu.LookupTransform(execution.Seq, op.Abs[int]) // element-wise: exact
	abs(xs, xs)                                            // in place
	fmt.Println(xs)
	// Output: [3 0 4]
}

func ExampleRegisterTransform2() {
	cpu.RegisterTransform2(avgU8, func(dst, a, b []uint8) {
		for i := range a {
			dst[i] = avgU8(a[i], b[i])
		}
	})
	blend := cpu.LookupTransform2(execution.Par, avgU8)
	out := make([]uint8, 3)
	blend(out, []uint8{0, 100, 255}, []uint8{255, 101, 255})
	fmt.Println(out)
	// Output: [128 101 255]
}

func ExampleLookupTransform2() {
	prod := make([]int64, 3)
	mul := cpu.LookupTransform2(execution.Par, op.Mul[int64])
	mul(prod, []int64{1, 2, 3}, []int64{10, 20, 30})
	fmt.Println(prod)
	// Output: [10 40 90]
}

func ExampleRegisterScan() {
	// A running xor checksum. Xor is associative and exact.
	cpu.RegisterScan(xorU32, func(dst, src []uint32, carry uint32) uint32 {
		for i, v := range src {
			carry ^= v
			dst[i] = carry
		}
		return carry
	}, cpu.Exact)
	scan := cpu.LookupScan(execution.Seq, xorU32)
	xs := []uint32{0b0001, 0b0011, 0b0100}
	last := scan(xs, xs, 0) // in place
	fmt.Printf("%04b %04b\n", xs, last)
	// Output: [0001 0010 0110] 0110
}

func ExampleLookupScan() {
	src := []int32{1, 2, 3, 4}
	dst := make([]int32, len(src))
	prefix := cpu.LookupScan(execution.Seq, op.Add[int32]) // integer sums are exact
	last := prefix(dst, src, 100)                          // starting from a carry of 100
	fmt.Println(dst, last)
	// Output: [101 103 106 110] 110
}

func ExampleRegisterFill() {
	// pixel is a uint32 underneath: the int32 kernel fills it bit for bit.
	cpu.RegisterFill(cpu.FillAs[pixel](asm.FillI32))
	img := make([]pixel, 3)
	cpu.LookupFill[pixel](execution.Par)(img, 0xff00ff00)
	fmt.Printf("%#x\n", img)
	// Output: [0xff00ff00 0xff00ff00 0xff00ff00]
}

func ExampleLookupFill() {
	xs := make([]float64, 4)
	cpu.LookupFill[float64](execution.Seq)(xs, 1.5)
	fmt.Println(xs)
	fmt.Println(cpu.LookupFill[string](execution.Par) != nil) // nobody registered one
	// Output:
	// [1.5 1.5 1.5 1.5]
	// false
}

func ExampleRegisterIota() {
	cpu.RegisterIota(cpu.FillAs[ticket](asm.IotaI64))
	queue := make([]ticket, 4)
	cpu.LookupIota[ticket](execution.Par)(queue, 1000)
	fmt.Println(queue)
	// Output: [1000 1001 1002 1003]
}

func ExampleLookupIota() {
	xs := make([]float32, 5)
	cpu.LookupIota[float32](execution.Seq)(xs, -2)
	fmt.Println(xs)
	// Output: [-2 -1 0 1 2]
}

// A piece of an iota: with offset, it agrees with the whole.
func ExampleLookupIotaOffset() {
	xs := make([]float64, 6)
	iota := cpu.LookupIotaOffset[float64](execution.Par)
	iota(xs[:2], 0.25, 0)
	iota(xs[2:], 0.25, 2)
	fmt.Println(xs)
	// Output: [0.25 1.25 2.25 3.25 4.25 5.25]
}

type grams float64

func ExampleRegisterIotaOffset() {
	cpu.RegisterIotaOffset(func(dst []grams, start grams, offset int) {
		for i := range dst {
			dst[i] = start + grams(offset+i)
		}
	})
	xs := make([]grams, 3)
	cpu.LookupIotaOffset[grams](execution.Par)(xs, 0.5, 10)
	fmt.Println(xs)
	// Output: [10.5 11.5 12.5]
}

func ExampleRegisterIndexOf() {
	cpu.RegisterIndexOf(cpu.IndexOfAs[userID](asm.IndexOfI64))
	find := cpu.LookupIndexOf[userID](execution.Par)
	ids := []userID{17, 42, 99, 42}
	fmt.Println(find(ids, 42), find(ids, 7))
	// Output: 1 -1
}

func ExampleLookupIndexOf() {
	xs := []float64{0.5, math.NaN(), math.Copysign(0, -1)}
	find := cpu.LookupIndexOf[float64](execution.Seq)
	// Go's ==: +0 matches -0, NaN matches nothing.
	fmt.Println(find(xs, 0), find(xs, math.NaN()))
	// Output: 2 -1
}

func ExampleLookupCount() {
	count := cpu.LookupCount[float64](execution.Par)
	// Go's ==: +0 matches -0, NaN matches nothing.
	xs := []float64{0, 1.5, math.Copysign(0, -1), math.NaN()}
	fmt.Println(count(xs, 0), count(xs, math.NaN()))
	// Output: 2 0
}

func ExampleRegisterCount() {
	cpu.RegisterCount(cpu.IndexOfAs[altitude](asm.CountI64))
	count := cpu.LookupCount[altitude](execution.Par)
	fmt.Println(count([]altitude{3, -1, 3, 8}, 3))
	// Output: 2
}

func ExampleLookupLastIndexOf() {
	findLast := cpu.LookupLastIndexOf[float32](execution.Par)
	fmt.Println(findLast([]float32{4, 0.5, 4, 2}, 4), findLast([]float32{4, 0.5}, 9))
	// Output: 2 -1
}

func ExampleRegisterLastIndexOf() {
	cpu.RegisterLastIndexOf(cpu.IndexOfAs[altitude](asm.LastIndexOfI64))
	findLast := cpu.LookupLastIndexOf[altitude](execution.Par)
	fmt.Println(findLast([]altitude{3, -1, 3, 8}, 3))
	// Output: 2
}

func ExampleLookupMaxNonNaN() {
	maxNum := cpu.LookupMaxNonNaN[float64](execution.Par)
	fmt.Println(maxNum([]float64{2, math.NaN(), 7, math.NaN()}))
	fmt.Println(maxNum([]float64{math.NaN()}))
	// Output:
	// 7 true
	// -Inf false
}

func ExampleRegisterMaxNonNaN() {
	// A named float type derives hpgo's kernel by itself; registering
	// one is for a kernel of your own.
	cpu.RegisterMaxNonNaN(func(x []grams) (m grams, ok bool) {
		m = grams(math.Inf(-1))
		for _, v := range x {
			if v == v {
				m, ok = max(m, v), true
			}
		}
		return m, ok
	})
	fmt.Println(cpu.LookupMaxNonNaN[grams](execution.Par)([]grams{1.5, grams(math.NaN())}))
	// Output: 1.5 true
}

func ExampleLookupMinValue() {
	lowest := cpu.LookupMinValue[float64](execution.Seq) // registered with op.Min[float64]
	fmt.Println(lowest([]float64{2.5, -1, 7}))
	fmt.Println(lowest([]float64{2.5, math.NaN(), 7})) // like the builtin min
	// Output:
	// -1
	// NaN
}

func ExampleLookupMaxValue() {
	highest := cpu.LookupMaxValue[int](execution.Par)
	fmt.Println(highest([]int{3, 9, -4, 8}))
	top := cpu.LookupMaxValue[uint32](execution.Par) // unsigned order
	fmt.Println(top([]uint32{5, 1 << 31, 7}))
	// Output:
	// 9
	// 2147483648
}

func ExampleLookupMinMaxValue() {
	extremes := cpu.LookupMinMaxValue[float32](execution.Par) // one pass
	fmt.Println(extremes([]float32{2.5, -1, 7}))
	fmt.Println(extremes([]float32{0, float32(math.Copysign(0, -1))})) // -0 < +0
	// Output:
	// -1 7
	// -0 0
}

// altitude is a signed integer type with the order of int64.
type altitude int64

func ExampleRegisterMinMaxValue() {
	cpu.RegisterMinMaxValue(cpu.MinMaxAs[altitude](asm.MinMaxI64))
	extremes := cpu.LookupMinMaxValue[altitude](execution.Par)
	fmt.Println(extremes([]altitude{17, 42, -3, 9}))
	// Output: -3 42
}

func ExampleMinMaxAs() {
	extremes := cpu.MinMaxAs[altitude](asm.MinMaxI64) // same size, same order
	fmt.Println(extremes([]altitude{5, -8, 13}))
	// Output: -8 13
}

func ExampleRegisterFold() {
	// A typed loop: the exact left fold, so it serves Seq.
	cpu.RegisterFold(addF64, func(acc float64, x []float64) float64 {
		for _, v := range x {
			acc += v
		}
		return acc
	})
	fold := cpu.LookupFold(execution.Seq, addF64)
	fmt.Println(fold(0.5, []float64{1, 2, 3}))
	fmt.Println(cpu.LookupFold(execution.Seq.On(execution.PureGo), addF64) != nil)
	// Output:
	// 6.5
	// false
}

func ExampleLookupFold() {
	// Under Seq the float sum has no SIMD kernel, but a typed left fold.
	fmt.Println(cpu.LookupReduce(execution.Seq, op.Add[float32]) != nil)
	fold := cpu.LookupFold(execution.Seq, op.Add[float32])
	fmt.Println(fold(100, []float32{1, 2, 3}))
	// Output:
	// false
	// 106
}

func ExampleRegisterTransformFold() {
	cpu.RegisterTransformFold(addF64, squareF64, func(acc float64, x []float64) float64 {
		for _, v := range x {
			acc += squareF64(v)
		}
		return acc
	})
	sumSq := cpu.LookupTransformFold(execution.Seq, addF64, squareF64)
	fmt.Println(sumSq(0, []float64{3, 4}))
	// Output: 25
}

func ExampleLookupTransformFold() {
	sumSq := cpu.LookupTransformFold(execution.Seq, op.Add[float64], op.Square[float64])
	fmt.Println(sumSq(1, []float64{1, 2, 3}))
	// Output: 15
}

func ExampleRegisterTransformFold2() {
	cpu.RegisterTransformFold2(addF64, mulF64, func(acc float64, x, y []float64) float64 {
		for i, v := range x {
			acc += mulF64(v, y[i])
		}
		return acc
	})
	dot := cpu.LookupTransformFold2(execution.Seq, addF64, mulF64)
	fmt.Println(dot(0, []float64{1, 2, 3}, []float64{4, 5, 6}))
	// Output: 32
}

func ExampleLookupTransformFold2() {
	dot := cpu.LookupTransformFold2(execution.Seq, op.Add[float32], op.Mul[float32])
	fmt.Println(dot(0, []float32{0.5, 1.5}, []float32{2, 4}))
	// Output: 7
}

func ExampleReduceAs() {
	type cents int64 // an int64 underneath: the int64 sum kernel fits
	total := cpu.ReduceAs[cents](asm.SumI64)
	fmt.Println(total([]cents{199, 250, 1}))
	fmt.Println(cpu.ReduceAs[int16](asm.SumI32) == nil) // sizes differ
	// Output:
	// 450
	// true
}

func ExampleReduce2As() {
	dot := cpu.Reduce2As[uint32](asm.DotI32) // wrapping products and sums agree
	fmt.Println(dot([]uint32{1, 2, 3}, []uint32{4, 5, 6}))
	// Output: 32
}

func ExampleMapAs() {
	square := cpu.MapAs[uint64](asm.SquareI64)
	xs := []uint64{3, 1 << 32}
	square(xs, xs) // wraps like uint64 multiplication
	fmt.Println(xs)
	// Output: [9 0]
}

func ExampleMap2As() {
	add := cpu.Map2As[uint32](asm.AddI32)
	dst := make([]uint32, 2)
	add(dst, []uint32{1, math.MaxUint32}, []uint32{2, 1})
	fmt.Println(dst)
	// Output: [3 0]
}

func ExampleScanAs() {
	prefix := cpu.ScanAs[uint64](asm.PrefixSumI64)
	xs := []uint64{1, 2, 3}
	last := prefix(xs, xs, 10)
	fmt.Println(xs, last)
	// Output: [11 13 16] 16
}

func ExampleFillAs() {
	// Fill and iota kernels share a shape: FillAs adapts both.
	fill := cpu.FillAs[uint32](asm.FillI32)
	count := cpu.FillAs[uint32](asm.IotaI32)
	xs := make([]uint32, 3)
	fill(xs, 7)
	fmt.Println(xs)
	count(xs, math.MaxUint32-1) // wraps
	fmt.Println(xs)
	// Output:
	// [7 7 7]
	// [4294967294 4294967295 0]
}

func ExampleIndexOfAs() {
	find := cpu.IndexOfAs[uint64](asm.IndexOfI64) // integers: bit equality is ==
	fmt.Println(find([]uint64{5, math.MaxUint64, 8}, math.MaxUint64))
	// Output: 1
}

func ExampleMapChunks() {
	sum := func(lo, hi int) int {
		s := 0
		for i := lo; i < hi; i++ {
			s += i
		}
		return s
	}
	// Chunks of 25: four chunks, run on the workers, results in index order.
	p := execution.Par.With(execution.StaticChunk(25))
	parts, err := cpu.MapChunks(context.Background(), p, 100, cpu.GrainLoop, sum)
	fmt.Println(parts, err)
	// Seq runs one chunk in the caller.
	parts, err = cpu.MapChunks(context.Background(), execution.Seq, 100, cpu.GrainLoop, sum)
	fmt.Println(parts, err)
	// Output:
	// [300 925 1550 2175] <nil>
	// [4950] <nil>
}

func ExampleMapChunksInOrder() {
	// The first index of a value in chunks started lowest first: a chunk
	// that starts after a match below it has nothing to do.
	xs := make([]int, 10_000)
	xs[1234], xs[8765] = 7, 7
	var found atomic.Int64
	found.Store(int64(len(xs)))
	p := execution.Par.With(execution.DynamicChunk(1000))
	_, err := cpu.MapChunksInOrder(context.Background(), p, len(xs), cpu.GrainLoop, func(lo, hi int) struct{} {
		for i := lo; i < hi && int64(i) < found.Load(); i++ {
			if xs[i] == 7 {
				for f := found.Load(); int64(i) < f && !found.CompareAndSwap(f, int64(i)); f = found.Load() {
				}
				break
			}
		}
		return struct{}{}
	})
	fmt.Println(found.Load(), err)
	// Output:
	// 1234 <nil>
}

func ExampleFor() {
	squares := make([]int, 8)
	cpu.For(execution.Par.With(execution.DynamicChunk(2)), len(squares), cpu.GrainLoop, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			squares[i] = i * i
		}
	})
	fmt.Println(squares)
	// Output: [0 1 4 9 16 25 36 49]
}

func ExampleForContext() {
	var seen [4]bool
	mark := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			seen[i] = true
		}
	}
	err := cpu.ForContext(context.Background(), execution.Par, len(seen), cpu.GrainLoop, mark)
	fmt.Println(seen, err)

	ctx, cancel := context.WithCancel(context.Background())
	cancel() // done before the loop starts: no chunk runs
	seen = [4]bool{}
	err = cpu.ForContext(ctx, execution.Par, len(seen), cpu.GrainLoop, mark)
	fmt.Println(seen, err)
	// Output:
	// [true true true true] <nil>
	// [false false false false] context canceled
}

func ExampleMapReduce() {
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	body := func(lo, hi int) float64 {
		s := 0.0
		for _, v := range xs[lo:hi] {
			s += v
		}
		return s
	}
	p := execution.Par.With(execution.StaticChunk(100))
	total, ok := cpu.MapReduce(p, len(xs), cpu.GrainLoop, body, addF64)
	fmt.Println(total, ok)
	_, ok = cpu.MapReduce(p, 0, cpu.GrainLoop, body, addF64) // nothing to reduce
	fmt.Println(ok)
	// Output:
	// 500500 true
	// false
}

func ExampleMapReduceContext() {
	// The chunk results are combined in chunk order, whichever worker ran them.
	span := func(lo, hi int) string { return fmt.Sprintf("[%d,%d)", lo, hi) }
	concat := func(a, b string) string { return a + b }
	p := execution.Par.With(execution.StaticChunk(4))
	s, ok, err := cpu.MapReduceContext(context.Background(), p, 10, 1, span, concat)
	fmt.Println(s, ok, err)
	// Output: [0,4)[4,8)[8,10) true <nil>
}

func ExampleRadixSort() {
	xs := []float64{3, math.NaN(), -1, 2.5, -0.5}
	ok, err := cpu.RadixSort(context.Background(), execution.Par, xs, false)
	fmt.Println(xs, ok, err) // NaNs first, as slices.Sort orders them
	names := []string{"b", "a"}
	ok, _ = cpu.RadixSort(context.Background(), execution.Par, names, false)
	fmt.Println(names, ok) // not a number type: left alone
	// Output:
	// [NaN -1 -0.5 2.5 3] true <nil>
	// [b a] false
}

func ExampleMergeSortOrdered() {
	words := strings.Fields("pear fig apple kiwi banana")
	err := cpu.MergeSortOrdered(context.Background(), execution.Par, words)
	fmt.Println(words, err)
	// Output: [apple banana fig kiwi pear] <nil>
}

func ExampleMergeSortFunc() {
	type order struct {
		id    string
		price int
	}
	orders := []order{{"a", 30}, {"b", 10}, {"c", 30}, {"d", 20}, {"e", 10}}
	byPrice := func(x, y order) int { return cmp.Compare(x.price, y.price) }
	// Stable: equal prices keep their input order.
	err := cpu.MergeSortFunc(context.Background(), execution.Par, orders, byPrice, true)
	fmt.Println(orders, err)
	// Output: [{b 10} {e 10} {d 20} {a 30} {c 30}] <nil>
}

func ExampleStreaming() {
	square := cpu.LookupTransform(execution.Par, op.Square[float32])
	// A call that writes 64 MiB out of place runs the kernel's streaming
	// form (non-temporal stores, where the build has them) on every chunk.
	// It computes the same values.
	k := cpu.Streaming(square, 64<<20)
	dst := make([]float32, 3)
	k(dst, []float32{1, 2, 3})
	fmt.Println(dst)
	// In place (outBytes 0), or small, the kernel itself.
	fmt.Println(cpu.CodePointer(cpu.Streaming(square, 0)) == cpu.CodePointer(square))
	// Output:
	// [1 4 9]
	// true
}
