package parallel_test

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/parallel"
)

func ExampleSort() {
	xs := []float64{3, math.Inf(-1), 1.5, math.NaN(), -2, 0}
	parallel.Sort(execution.Par, xs)
	fmt.Println(xs)

	names := []string{"pear", "apple", "fig"}
	parallel.Sort(execution.Seq, names)
	fmt.Println(names)
	// Output:
	// [NaN -Inf -2 0 1.5 3]
	// [apple fig pear]
}

func ExampleSortTask() {
	xs := []int64{5, -1, 3, 9, 0}
	f := parallel.SortTask(execution.ParTask, xs)
	// ... other work; xs must not be touched until f resolves ...
	if _, err := f.Get(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(xs)
	// Output: [-1 0 3 5 9]
}

func ExampleStableSort() {
	negZero := math.Copysign(0, -1)
	xs := []float64{0, 2, negZero, -1}
	parallel.StableSort(execution.Par, xs)
	// -0 and +0 compare equal, so they keep their input order.
	var out []string
	for _, x := range xs {
		out = append(out, strconv.FormatFloat(x, 'g', -1, 64))
	}
	fmt.Println(strings.Join(out, " "))
	// Output: -1 0 -0 2
}

func ExampleStableSortTask() {
	xs := []uint8{200, 7, 7, 0, 255}
	if _, err := parallel.StableSortTask(execution.ParTask, xs).Get(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(xs)
	// Output: [0 7 7 200 255]
}

type sortPerson struct {
	name string
	age  int
}

func ExampleSortFunc() {
	people := []sortPerson{{"Ada", 36}, {"Alan", 41}, {"Grace", 85}, {"Edsger", 72}}
	// Oldest first.
	parallel.SortFunc(execution.Par, people, func(a, b sortPerson) int { return cmp.Compare(b.age, a.age) })
	fmt.Println(people)
	// Output: [{Grace 85} {Edsger 72} {Alan 41} {Ada 36}]
}

func ExampleSortFuncTask() {
	words := []string{"Banana", "apple", "Cherry"}
	f := parallel.SortFuncTask(execution.ParTask, words, func(a, b string) int {
		return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	if _, err := f.Get(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(words)
	// Output: [apple Banana Cherry]
}

func ExampleStableSortFunc() {
	people := []sortPerson{{"Ada", 36}, {"Alan", 41}, {"Grace", 36}, {"Edsger", 41}}
	// By age; people of the same age keep their order.
	parallel.StableSortFunc(execution.Par, people, func(a, b sortPerson) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	// Output: [{Ada 36} {Grace 36} {Alan 41} {Edsger 41}]
}

func ExampleStableSortFuncTask() {
	people := []sortPerson{{"Ada", 36}, {"Alan", 41}, {"Grace", 36}}
	f := parallel.StableSortFuncTask(execution.ParTask, people, func(a, b sortPerson) int {
		return cmp.Compare(len(a.name), len(b.name))
	})
	if _, err := f.Get(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(people)
	// Output: [{Ada 36} {Alan 41} {Grace 36}]
}
