package execution_test

import (
	"fmt"

	"github.com/hpgo/hpgo/execution"
)

func ExamplePolicy() {
	fmt.Println(execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq)
	fmt.Println(execution.Par.Parallel(), execution.Seq.Ordered())
	// Output:
	// seq unseq par par_unseq
	// true true
}

func ExamplePolicy_With() {
	p := execution.Par.With(execution.StaticChunk(1024))
	fmt.Println(p, p.Chunk().Size())
	// Output: par.with(static(1024)) 1024
}

func ExamplePolicy_On() {
	fmt.Println(execution.Par.On(execution.PureGo))
	// Output: par.on(purego)
}

func ExamplePolicy_Task() {
	fmt.Println(execution.Par.Task(), execution.ParTask, execution.SeqTask)
	// Output: par(task) par(task) seq(task)
}

func ExampleTaskPolicy_With() {
	fmt.Println(execution.ParTask.With(execution.DynamicChunk(64)).On(execution.CPU))
	// Output: par(task).with(dynamic(64)).on(cpu)
}

func ExampleStaticChunk() {
	c := execution.StaticChunk(256)
	fmt.Println(c, c.Kind(), c.Size())
	// Output: static(256) static 256
}

func ExampleDynamicChunk() {
	fmt.Println(execution.DynamicChunk(16))
	// Output: dynamic(16)
}

func ExampleGuidedChunk() {
	fmt.Println(execution.GuidedChunk(), execution.AutoChunk())
	// Output: guided() auto()
}
