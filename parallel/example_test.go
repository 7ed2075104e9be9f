package parallel_test

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

func ExampleForLoop() {
	squares := make([]int, 5)
	parallel.ForLoop(execution.Par, 0, len(squares), func(i int) { squares[i] = i * i })
	fmt.Println(squares)
	// Output: [0 1 4 9 16]
}

func ExampleForLoopTask() {
	var sum atomic.Int64
	f := parallel.ForLoopTask(execution.ParTask, 1, 101, func(i int) { sum.Add(int64(i)) })
	_, err := f.Get()
	fmt.Println(sum.Load(), err)
	// Output: 5050 <nil>
}

func ExampleForEach() {
	xs := []float64{1, 2, 3}
	parallel.ForEach(execution.Par, xs, func(x *float64) { *x *= 10 })
	fmt.Println(xs)
	// Output: [10 20 30]
}

func ExampleForEachTask() {
	names := []string{"ada", "grace"}
	_, err := parallel.ForEachTask(execution.ParTask, names, func(s *string) { *s = strings.ToUpper(*s) }).Get()
	fmt.Println(names, err)
	// Output: [ADA GRACE] <nil>
}

func ExampleTransform() {
	xs := []float32{1, -2, 3}
	sq := make([]float32, len(xs))
	parallel.Transform(execution.Par, sq, xs, op.Square) // a SIMD kernel
	labels := make([]string, len(xs))
	parallel.Transform(execution.Seq, labels, xs, func(x float32) string { return fmt.Sprintf("<%g>", x) })
	fmt.Println(sq, labels)
	// Output: [1 4 9] [<1> <-2> <3>]
}

func ExampleTransformTask() {
	xs := []int{1, 2, 3}
	f := parallel.TransformTask(execution.ParTask, xs, xs, op.Negate[int]) // in place
	f.Get()
	fmt.Println(xs)
	// Output: [-1 -2 -3]
}

func ExampleTransform2() {
	a := []float64{1, 2, 3}
	b := []float64{10, 20, 30}
	sum := make([]float64, 3)
	parallel.Transform2(execution.Par, sum, a, b, op.Add)
	fmt.Println(sum)
	// Output: [11 22 33]
}

func ExampleTransform2Task() {
	words := []string{"a", "b"}
	counts := []int{3, 2}
	out := make([]string, 2)
	parallel.Transform2Task(execution.ParTask, out, words, counts, strings.Repeat).Get()
	fmt.Println(out)
	// Output: [aaa bb]
}

func ExampleReduce() {
	xs := []int{1, 2, 3, 4}
	fmt.Println(parallel.Reduce(execution.Par, xs, 0, op.Add))
	fmt.Println(parallel.Reduce(execution.Seq, xs, 100, op.Max))
	// Reduce needs associativity, not commutativity: chunks combine in order.
	words := []string{"par", "al", "lel"}
	fmt.Println(parallel.Reduce(execution.Par, words, "", func(a, b string) string { return a + b }))
	// Output:
	// 10
	// 100
	// parallel
}

// Named element types run the SIMD kernels of their underlying types:
// durations sum on the int64 kernel, a named float32 on the float32 one.
// Instantiate the op where the type is concrete: op.Add[T] written inside a
// generic function is a closure, and runs as a Go loop.
func ExampleReduce_namedType() {
	type celsius float32
	laps := []time.Duration{62 * time.Second, 58 * time.Second, 61 * time.Second}
	temps := []celsius{21.5, 23, 19.5}
	fmt.Println(parallel.Reduce(execution.Par, laps, 0, op.Add))
	fmt.Println(parallel.Reduce(execution.Par, temps, -273.15, op.Max))
	fmt.Println(cpu.LookupReduce(execution.Par, op.Add[time.Duration]) != nil)
	// Output:
	// 3m1s
	// 23
	// true
}

func ExampleReduceTask() {
	xs := []int64{5, 7, 9}
	v, err := parallel.ReduceTask(execution.ParTask, xs, 1, op.Mul).Await(context.Background())
	fmt.Println(v, err)
	// Output: 315 <nil>
}

func ExampleTransformReduce() {
	xs := []float32{1, 2, 3}
	// op.Add and op.Square are inferred to float32: a SIMD sum of squares.
	sum := parallel.TransformReduce(execution.Par, xs, 0, op.Add, op.Square)
	longest := parallel.TransformReduce(execution.Par, []string{"go", "hpgo", "hpx"}, 0, op.Max, func(s string) int { return len(s) })
	fmt.Println(sum, longest)
	// Output: 14 4
}

func ExampleTransformReduceTask() {
	xs := []float64{3, 4}
	f := parallel.TransformReduceTask(execution.ParTask, xs, 0, op.Add, op.Square)
	select {
	case <-f.Done():
		v, _ := f.Get()
		fmt.Println(v)
	case <-context.Background().Done():
	}
	// Output: 25
}

func ExampleTransformReduce2() {
	x := []float64{1, 2, 3}
	y := []float64{4, 5, 6}
	fmt.Println(parallel.TransformReduce2(execution.Par, x, y, 0, op.Add, op.Mul)) // dot product
	// Output: 32
}

func ExampleTransformReduce2Task() {
	a := []string{"x", "y", "z"}
	b := []string{"x", "b", "z"}
	same := func(p, q string) int {
		if p == q {
			return 1
		}
		return 0
	}
	v, _ := parallel.TransformReduce2Task(execution.ParTask, a, b, 0, op.Add, same).Get()
	fmt.Println(v)
	// Output: 2
}

func ExampleCount() {
	fmt.Println(parallel.Count(execution.Par, []string{"a", "b", "a"}, "a"))
	// Output: 2
}

func ExampleCountTask() {
	v, _ := parallel.CountTask(execution.ParTask, []int{1, 0, 1, 1}, 1).Get()
	fmt.Println(v)
	// Output: 3
}

func ExampleCountIf() {
	even := func(x int) bool { return x%2 == 0 }
	fmt.Println(parallel.CountIf(execution.Par, []int{1, 2, 3, 4, 6}, even))
	// Output: 3
}

func ExampleCountIfTask() {
	v, _ := parallel.CountIfTask(execution.ParTask, []float64{-1, 2, -3}, func(x float64) bool { return x < 0 }).Get()
	fmt.Println(v)
	// Output: 2
}

func ExampleFind() {
	xs := []int32{4, 8, 15, 16, 23, 42, 15}
	fmt.Println(parallel.Find(execution.Par, xs, 15), parallel.Find(execution.Par, xs, 7))
	// Output: 2 -1
}

func ExampleFindTask() {
	v, _ := parallel.FindTask(execution.ParTask, []string{"a", "b", "c"}, "c").Get()
	fmt.Println(v)
	// Output: 2
}

func ExampleFindIf() {
	xs := []float64{0.5, 1.5, 2.5, 3.5}
	fmt.Println(parallel.FindIf(execution.Par, xs, func(x float64) bool { return x > 2 }))
	// Output: 2
}

func ExampleFindIfTask() {
	v, _ := parallel.FindIfTask(execution.ParTask, []int{1, 3, 4, 5}, func(x int) bool { return x%2 == 0 }).Get()
	fmt.Println(v)
	// Output: 2
}

func ExampleAnyOf() {
	fmt.Println(parallel.AnyOf(execution.Par, []int{1, 3, 4}, func(x int) bool { return x%2 == 0 }))
	// Output: true
}

func ExampleAnyOfTask() {
	v, _ := parallel.AnyOfTask(execution.ParTask, []int{1, 3}, func(x int) bool { return x > 5 }).Get()
	fmt.Println(v)
	// Output: false
}

func ExampleAllOf() {
	fmt.Println(parallel.AllOf(execution.Par, []int{2, 4, 6}, func(x int) bool { return x%2 == 0 }))
	// Output: true
}

func ExampleAllOfTask() {
	v, _ := parallel.AllOfTask(execution.ParTask, []string{"go", ""}, func(s string) bool { return s != "" }).Get()
	fmt.Println(v)
	// Output: false
}

func ExampleNoneOf() {
	fmt.Println(parallel.NoneOf(execution.Par, []int{1, 3, 5}, func(x int) bool { return x%2 == 0 }))
	// Output: true
}

func ExampleNoneOfTask() {
	v, _ := parallel.NoneOfTask(execution.ParTask, []int{1, -3}, func(x int) bool { return x < 0 }).Get()
	fmt.Println(v)
	// Output: false
}

func ExampleFill() {
	xs := make([]float32, 4)
	parallel.Fill(execution.Par, xs, 1.5)
	fmt.Println(xs)
	// Output: [1.5 1.5 1.5 1.5]
}

func ExampleFillTask() {
	xs := make([]string, 3)
	parallel.FillTask(execution.ParTask, xs, "hi").Get()
	fmt.Println(xs)
	// Output: [hi hi hi]
}

func ExampleIota() {
	xs := make([]int, 5)
	parallel.Iota(execution.Par, xs, 10)
	fs := make([]float64, 3)
	parallel.Iota(execution.Seq, fs, 0.5)
	fmt.Println(xs, fs)
	// Output: [10 11 12 13 14] [0.5 1.5 2.5]
}

func ExampleIotaTask() {
	xs := make([]uint8, 4)
	parallel.IotaTask(execution.ParTask, xs, 254).Get() // integers wrap
	fmt.Println(xs)
	// Output: [254 255 0 1]
}

func ExampleCopy() {
	src := []int{1, 2, 3}
	dst := make([]int, 5)
	parallel.Copy(execution.Par, dst, src)
	fmt.Println(dst)
	// Output: [1 2 3 0 0]
}

func ExampleCopyTask() {
	src := []string{"a", "b"}
	dst := make([]string, 2)
	parallel.CopyTask(execution.ParTask, dst, src).Get()
	fmt.Println(dst)
	// Output: [a b]
}

func ExampleCopyIf() {
	src := []int{5, -1, 7, -3, 9}
	dst := make([]int, len(src)) // as long as src: always enough room
	n := parallel.CopyIf(execution.Par, dst, src, func(x int) bool { return x > 0 })
	fmt.Println(dst[:n])
	// In place: an order-keeping filter.
	xs := []int{1, 2, 3, 4, 5, 6}
	xs = xs[:parallel.CopyIf(execution.Par, xs, xs, func(x int) bool { return x%2 == 0 })]
	fmt.Println(xs)
	// Output:
	// [5 7 9]
	// [2 4 6]
}

func ExampleCopyIfTask() {
	src := []string{"go", "", "hpx", ""}
	dst := make([]string, len(src))
	n, _ := parallel.CopyIfTask(execution.ParTask, dst, src, func(s string) bool { return s != "" }).Get()
	fmt.Println(n, dst[:n])
	// Output: 2 [go hpx]
}

func ExampleInclusiveScan() {
	xs := []int{1, 2, 3, 4}
	parallel.InclusiveScan(execution.Par, xs, xs, op.Add) // in place
	fmt.Println(xs)
	// Output: [1 3 6 10]
}

func ExampleInclusiveScanTask() {
	xs := []float64{3, 1, 4, 1, 5}
	running := make([]float64, len(xs))
	parallel.InclusiveScanTask(execution.ParTask, running, xs, op.Max).Get()
	fmt.Println(running)
	// Output: [3 3 4 4 5]
}

func ExampleExclusiveScan() {
	sizes := []int{3, 1, 2}
	offsets := make([]int, len(sizes))
	parallel.ExclusiveScan(execution.Par, offsets, sizes, 0, op.Add)
	fmt.Println(offsets)
	// Output: [0 3 4]
}

func ExampleExclusiveScanTask() {
	xs := []int64{2, 3, 4}
	parallel.ExclusiveScanTask(execution.ParTask, xs, xs, 1, op.Mul).Get()
	fmt.Println(xs)
	// Output: [1 2 6]
}

func ExampleMinElement() {
	xs := []float64{3, 1, 4, 1, 5}
	i := parallel.MinElement(execution.Par, xs)
	fmt.Println(i, xs[i], parallel.MinElement(execution.Par, []int{}))
	// Output: 1 1 -1
}

func ExampleMinElementTask() {
	i, _ := parallel.MinElementTask(execution.ParTask, []string{"pear", "apple", "fig"}).Get()
	fmt.Println(i)
	// Output: 1
}

func ExampleMaxElement() {
	xs := []int{3, 9, 4, 9}
	fmt.Println(parallel.MaxElement(execution.Par, xs)) // the first largest
	// Output: 1
}

func ExampleMaxElementTask() {
	i, _ := parallel.MaxElementTask(execution.ParTask, []float32{1, 7, 2}).Get()
	fmt.Println(i)
	// Output: 1
}

func ExampleMinMaxElement() {
	xs := []int{5, 1, 9, 1, 9}
	lo, hi := parallel.MinMaxElement(execution.Par, xs) // first smallest, last largest
	fmt.Println(lo, hi)
	// Output: 1 4
}

func ExampleMinMaxElementTask() {
	r, _ := parallel.MinMaxElementTask(execution.ParTask, []int{4, 2, 8}).Get()
	fmt.Println(r[0], r[1])
	// Output: 1 2
}

type city struct {
	name string
	pop  int
}

var cities = []city{{"Lyon", 522}, {"Nice", 342}, {"Paris", 2103}, {"Nantes", 320}}

func byPop(a, b city) int { return cmp.Compare(a.pop, b.pop) }

func ExampleMinElementFunc() {
	fmt.Println(cities[parallel.MinElementFunc(execution.Par, cities, byPop)].name)
	// Output: Nantes
}

func ExampleMinElementFuncTask() {
	i, _ := parallel.MinElementFuncTask(execution.ParTask, cities, byPop).Get()
	fmt.Println(cities[i].name)
	// Output: Nantes
}

func ExampleMaxElementFunc() {
	fmt.Println(cities[parallel.MaxElementFunc(execution.Par, cities, byPop)].name)
	// Output: Paris
}

func ExampleMaxElementFuncTask() {
	i, _ := parallel.MaxElementFuncTask(execution.ParTask, cities, byPop).Get()
	fmt.Println(cities[i].name)
	// Output: Paris
}

func ExampleMinMaxElementFunc() {
	lo, hi := parallel.MinMaxElementFunc(execution.Par, cities, byPop)
	fmt.Println(cities[lo].name, cities[hi].name)
	// Output: Nantes Paris
}

func ExampleMinMaxElementFuncTask() {
	r, _ := parallel.MinMaxElementFuncTask(execution.ParTask, cities, byPop).Get()
	fmt.Println(cities[r[0]].name, cities[r[1]].name)
	// Output: Nantes Paris
}
