package execution_test

import (
	"fmt"
	"strings"

	"github.com/hpgo/hpgo/execution"
)

func ExampleAutoChunk() {
	c := execution.AutoChunk()
	fmt.Println(c, c.Kind(), c.Size())
	fmt.Println(execution.Par.With(c))
	// Output:
	// auto() auto 0
	// par.with(auto())
}

func ExampleBackend_String() {
	fmt.Println(execution.Auto, execution.CPU, execution.PureGo, execution.CUDA)
	fmt.Println(execution.Backend(9))
	// Output:
	// auto cpu purego cuda
	// Backend(9)
}

func ExampleChunk_Kind() {
	var def execution.Chunk // the zero Chunk is the default chunking
	fmt.Println(def.Kind() == execution.ChunkDefault)
	fmt.Println(execution.DynamicChunk(8).Kind(), execution.GuidedChunk().Kind())
	// Output:
	// true
	// dynamic guided
}

func ExampleChunk_Size() {
	fmt.Println(execution.StaticChunk(512).Size(), execution.DynamicChunk(32).Size())
	fmt.Println(execution.GuidedChunk().Size()) // no fixed size
	// Output:
	// 512 32
	// 0
}

func ExampleChunk_String() {
	fmt.Println(execution.Chunk{}.String(), execution.StaticChunk(64).String())
	// Output: default() static(64)
}

func ExampleChunkKind_String() {
	var names []string
	for _, k := range []execution.ChunkKind{
		execution.ChunkDefault, execution.ChunkStatic, execution.ChunkDynamic,
		execution.ChunkGuided, execution.ChunkAuto,
	} {
		names = append(names, k.String())
	}
	fmt.Println(strings.Join(names, " "))
	// Output: default static dynamic guided auto
}

func ExampleKind_String() {
	fmt.Println(execution.KindSeq, execution.KindUnseq, execution.KindPar, execution.KindParUnseq)
	// Output: seq unseq par par_unseq
}

func ExamplePolicy_Backend() {
	fmt.Println(execution.Par.Backend()) // the default
	p := execution.Par.On(execution.PureGo)
	fmt.Println(p.Backend(), p.Backend() == execution.PureGo)
	// Output:
	// auto
	// purego true
}

func ExamplePolicy_Chunk() {
	fmt.Println(execution.Par.Chunk().Kind())
	p := execution.Par.With(execution.DynamicChunk(256))
	fmt.Println(p.Chunk(), p.Chunk().Size())
	// Output:
	// default
	// dynamic(256) 256
}

func ExamplePolicy_Kind() {
	p := execution.ParUnseq.With(execution.GuidedChunk())
	fmt.Println(p.Kind(), p.Kind() == execution.KindParUnseq)
	// Output: par_unseq true
}

func ExamplePolicy_Ordered() {
	// Only Seq promises in-order visits and the exact left fold.
	for _, p := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq} {
		fmt.Println(p, p.Ordered())
	}
	// Output:
	// seq true
	// unseq false
	// par false
	// par_unseq false
}

func ExamplePolicy_Parallel() {
	for _, p := range []execution.Policy{execution.Seq, execution.Unseq, execution.Par, execution.ParUnseq} {
		fmt.Println(p, p.Parallel())
	}
	// Output:
	// seq false
	// unseq false
	// par true
	// par_unseq true
}

func ExamplePolicy_String() {
	p := execution.Par.With(execution.StaticChunk(1024)).On(execution.PureGo)
	fmt.Println(p.String())
	fmt.Println(execution.Seq.On(execution.Auto).String()) // defaults are left out
	// Output:
	// par.with(static(1024)).on(purego)
	// seq
}

func ExampleTaskPolicy_On() {
	t := execution.ParTask.On(execution.PureGo)
	fmt.Println(t, t.Policy().Backend())
	// Output: par(task).on(purego) purego
}

func ExampleTaskPolicy_Policy() {
	t := execution.ParTask.With(execution.StaticChunk(8))
	p := t.Policy() // the synchronous form the task runs under
	fmt.Println(p, p.Parallel())
	// Output: par.with(static(8)) true
}

func ExampleTaskPolicy_String() {
	fmt.Println(execution.SeqTask.String())
	fmt.Println(execution.ParUnseq.Task().With(execution.GuidedChunk()).String())
	// Output:
	// seq(task)
	// par_unseq(task).with(guided())
}
