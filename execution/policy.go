package execution

import (
	"fmt"
	"strings"
)

// Policy says how an algorithm in package parallel may run: in order in the
// calling goroutine (Seq), reordered in the calling goroutine (Unseq), or in
// chunks on the runtime's workers (Par, ParUnseq); which chunking to use
// (With) and which backend (On).
//
// A Policy is a small immutable value: With and On return modified copies, so
// policies can be stored in package variables and shared freely.
type Policy struct {
	kind    Kind
	chunk   Chunk
	backend Backend
}

// Kind is the ordering guarantee of a Policy.
type Kind uint8

const (
	// KindSeq: elements are visited in order in the calling goroutine; a
	// reduction is the exact left fold.
	KindSeq Kind = iota
	// KindUnseq: the calling goroutine only, but the order of visits and the
	// association of a reduction may change (SIMD lanes).
	KindUnseq
	// KindPar: chunks run concurrently on the runtime's workers.
	KindPar
	// KindParUnseq: chunks run concurrently, and each chunk may be vectorised.
	KindParUnseq
)

func (k Kind) String() string {
	switch k {
	case KindSeq:
		return "seq"
	case KindUnseq:
		return "unseq"
	case KindPar:
		return "par"
	case KindParUnseq:
		return "par_unseq"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// The four policies of HPX (and of C++17's std::execution).
var (
	// Seq runs in order in the calling goroutine: the reference semantics.
	Seq = Policy{kind: KindSeq}
	// Unseq runs in the calling goroutine and may reorder (SIMD kernels).
	Unseq = Policy{kind: KindUnseq}
	// Par runs chunks on the runtime's workers.
	Par = Policy{kind: KindPar}
	// ParUnseq runs chunks on the workers, each chunk possibly vectorised.
	ParUnseq = Policy{kind: KindParUnseq}
)

// The task forms: an algorithm called with one returns a *future.Future at
// once instead of blocking.
var (
	SeqTask = Seq.Task()
	ParTask = Par.Task()
)

// Task returns the asynchronous form of p, for the ...Task algorithms.
func (p Policy) Task() TaskPolicy { return TaskPolicy{policy: p} }

// With returns p with the chunking c. The zero Chunk is the default (about
// four chunks per worker, and small inputs run inline).
func (p Policy) With(c Chunk) Policy { p.chunk = c; return p }

// On returns p running on backend b. It panics if b is not a Backend value.
func (p Policy) On(b Backend) Policy {
	if b > CUDA {
		panic(fmt.Sprintf("hpgo: execution.Policy.On: unknown backend %d", uint8(b)))
	}
	p.backend = b
	return p
}

// Kind reports p's ordering guarantee.
func (p Policy) Kind() Kind { return p.kind }

// Parallel reports whether p may run on several workers (Par, ParUnseq).
func (p Policy) Parallel() bool { return p.kind == KindPar || p.kind == KindParUnseq }

// Ordered reports whether p must visit in order and fold exactly left to
// right (Seq). Every other policy may reassociate.
func (p Policy) Ordered() bool { return p.kind == KindSeq }

// Chunk reports p's chunking; the zero Chunk means the default.
func (p Policy) Chunk() Chunk { return p.chunk }

// Backend reports the backend p asks for.
func (p Policy) Backend() Backend { return p.backend }

// String gives the policy in HPX's spelling, e.g. "par.with(static(1024)).on(purego)".
func (p Policy) String() string {
	var b strings.Builder
	b.WriteString(p.kind.String())
	if p.chunk.kind != ChunkDefault {
		fmt.Fprintf(&b, ".with(%s)", p.chunk)
	}
	if p.backend != Auto {
		fmt.Fprintf(&b, ".on(%s)", p.backend)
	}
	return b.String()
}

// TaskPolicy is the asynchronous form of a Policy: see Policy.Task.
type TaskPolicy struct {
	policy Policy
}

// Policy returns the synchronous policy that t runs its work under.
func (t TaskPolicy) Policy() Policy { return t.policy }

// With returns t with the chunking c.
func (t TaskPolicy) With(c Chunk) TaskPolicy { t.policy = t.policy.With(c); return t }

// On returns t running on backend b.
func (t TaskPolicy) On(b Backend) TaskPolicy { t.policy = t.policy.On(b); return t }

// String gives the policy in HPX's spelling, e.g. "par(task)".
func (t TaskPolicy) String() string {
	s := t.policy.String()
	k := t.policy.kind.String()
	return k + "(task)" + s[len(k):]
}
