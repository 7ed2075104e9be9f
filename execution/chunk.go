package execution

import "fmt"

// ChunkKind names a chunking strategy, after HPX's executor parameters.
type ChunkKind uint8

const (
	// ChunkDefault: about four chunks per worker (up to 16 each for large
	// inputs on more than four workers); inputs too small to pay for a
	// fork/join run inline in the caller.
	ChunkDefault ChunkKind = iota
	// ChunkStatic: chunks of a fixed size, dealt round-robin to the workers
	// up front (HPX static_chunk_size).
	ChunkStatic
	// ChunkDynamic: chunks of a fixed size, taken by whichever worker is free
	// (HPX dynamic_chunk_size).
	ChunkDynamic
	// ChunkGuided: chunks that shrink as the work runs out, each about the
	// remaining work divided by twice the number of workers (HPX
	// guided_chunk_size).
	ChunkGuided
	// ChunkAuto: time a small sample, then size chunks to take about
	// 100–200 µs each (HPX auto_chunk_size).
	ChunkAuto
)

func (k ChunkKind) String() string {
	switch k {
	case ChunkDefault:
		return "default"
	case ChunkStatic:
		return "static"
	case ChunkDynamic:
		return "dynamic"
	case ChunkGuided:
		return "guided"
	case ChunkAuto:
		return "auto"
	}
	return fmt.Sprintf("ChunkKind(%d)", uint8(k))
}

// Chunk is a chunking specification for Policy.With. The zero value is the
// default chunking.
type Chunk struct {
	kind ChunkKind
	size int
}

// StaticChunk splits the input into chunks of n elements (the last may be
// shorter), dealt round-robin to the participating workers. It panics if
// n <= 0.
func StaticChunk(n int) Chunk {
	if n <= 0 {
		panic(fmt.Sprintf("hpgo: execution.StaticChunk: chunk size must be positive, got %d", n))
	}
	return Chunk{kind: ChunkStatic, size: n}
}

// DynamicChunk splits the input into chunks of n elements that the workers
// take one at a time as they become free. It panics if n <= 0.
func DynamicChunk(n int) Chunk {
	if n <= 0 {
		panic(fmt.Sprintf("hpgo: execution.DynamicChunk: chunk size must be positive, got %d", n))
	}
	return Chunk{kind: ChunkDynamic, size: n}
}

// GuidedChunk hands out chunks that shrink as the work runs out: each is
// the remaining length divided by twice the number of workers, and at least
// one element.
func GuidedChunk() Chunk { return Chunk{kind: ChunkGuided} }

// AutoChunk times the loop body on a small sample, then splits the rest into
// chunks that take roughly 100–200 µs each.
func AutoChunk() Chunk { return Chunk{kind: ChunkAuto} }

// Kind reports the strategy.
func (c Chunk) Kind() ChunkKind { return c.kind }

// Size reports the chunk size of a static or dynamic chunking, 0 otherwise.
func (c Chunk) Size() int { return c.size }

func (c Chunk) String() string {
	if c.size > 0 {
		return fmt.Sprintf("%s(%d)", c.kind, c.size)
	}
	return c.kind.String() + "()"
}
