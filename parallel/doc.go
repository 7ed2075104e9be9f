// Package parallel holds hpgo's parallel algorithms over slices, after HPX's
// (and C++17's) parallel algorithms: ForLoop, ForEach, Transform,
// Transform2, Reduce, TransformReduce, TransformReduce2, Count, CountIf,
// Find, FindIf, AllOf, AnyOf, NoneOf, Fill, Copy, CopyIf, Iota,
// InclusiveScan, ExclusiveScan, MinElement, MaxElement, MinMaxElement, Sort
// and StableSort.
//
//	sum := parallel.TransformReduce(execution.Par, xs, 0, op.Add, op.Square)
//
// # Policies
//
// The first argument, an execution.Policy, says how an algorithm may run:
//
//   - execution.Seq: in order, in the calling goroutine. A reduction is the
//     exact left fold init op x0 op x1 ...; this is the reference semantics.
//   - execution.Unseq: in the calling goroutine, but the association may
//     change (SIMD lanes).
//   - execution.Par, execution.ParUnseq: in chunks on the runtime's workers
//     (backend/cpu's runner). Chunk results are combined in chunk order, so
//     a reduction needs an associative operation but not a commutative one,
//     and init is folded in once, first. User functions are then called
//     concurrently and must be safe for that. With the default chunking an
//     input below one grain runs inline in the caller, and one of one to
//     two grains runs its chunks in the caller unless a worker is awake
//     (see cpu.MapChunks); the chunks, and so the result, are the same
//     either way.
//
// Policy.With picks the chunking (execution.StaticChunk, DynamicChunk,
// GuidedChunk, AutoChunk), Policy.On the backend. Floating-point results
// under the reassociating policies stay within the bounds stated by each
// algorithm; integer results and every non-reducing algorithm give the same
// result under every policy.
//
// # Kernels
//
// The operations of package op are recognised by their code pointer and run
// as SIMD kernels of package asm: Reduce with op.Add, op.Min or op.Max,
// TransformReduce with (op.Add, op.Square), TransformReduce2 with (op.Add,
// op.Mul), Transform with op.Square, op.Abs, op.Negate, Transform2 with
// op.Add, op.Mul, InclusiveScan and ExclusiveScan with op.Add, and Fill,
// Iota, Find, Count, MinElement, MaxElement and MinMaxElement by element
// type. The element types with kernels are float32, float64, int32, int64
// and int, and, all but op.Abs and op.Negate, uint32, uint64 and uint; other
// types (int8, uint16, strings, structs) run as Go loops. Kernels that give
// the same bits as the sequential loop (integers, min/max, element-wise
// operations) run under every policy; float sums and scans, which
// reassociate, run only under Unseq, Par and ParUnseq. Any other function,
// a closure doing the same included, runs as a Go loop with the same result
// up to floating-point reassociation (and the fused multiply-adds of the
// float SumSquares and Dot kernels, see asm.SumF32); so does op.Add[T]
// instantiated inside
// a generic function of yours (Go builds a fresh closure there), while op.Add
// inferred from the slice or written op.Add[float32] anywhere is recognised.
// Named element types run the kernels of their underlying types: a
// []time.Duration sums on the int64 kernel, a []Celsius (type Celsius
// float32) on the float32 one; the first call with such a type looks the
// kernel up by the op's name (some microseconds, once per op and type).
// Policy.On(execution.PureGo) never uses a kernel. The CUDA backend is not
// wired into these algorithms yet: On(CUDA) runs them on the CPU.
//
// A reduction kernel reads an input a little larger than a cache (one to
// two times the L1 data cache, or more than asm.MaxStep elements; below
// the DRAM sizes where the sums and dots switch to their Stream kernels)
// from start to end and from end to start on alternate calls in the
// process. A call on the input the last call read then starts with what
// the cache kept of it: 30–50% faster for inputs of 64 KiB and of 2–4 MiB
// on a core with a 48 KiB L1 and a 2 MiB L2, and no slower when nothing
// is cached. The direction is one flag for the whole process, so calls on
// other slices in between can take the gain away. The result never depends
// on the direction.
//
// # Panics and errors
//
// A panic inside a user function never kills the process from a worker: the
// synchronous forms re-panic in the caller's goroutine with a
// *future.PanicError carrying the original value and stack (under every
// policy, Seq included), and the Task forms resolve their future with it.
// The runtime keeps working afterwards. Programmer errors — a nil
// function, mismatched lengths, a dst too short, a dst that overlaps an
// input without being that input — panic at the call with a message that
// starts with "hpgo: parallel.<Algorithm>: ".
//
// # Task forms
//
// Every algorithm has a Task twin taking an execution.TaskPolicy (such as
// execution.ParTask or execution.Par.Task()) that returns a *future.Future
// at once; algorithms without a result return a *future.Future[struct{}].
// The work runs as a task on the runtime's workers. Cancelling the future
// (Future.Cancel) cancels the task's context: the chunks not yet started are
// skipped and, if any were, the future resolves with the context's error (a
// cancel that comes while the last chunks run leaves the result to stand).
// Wait for it with Get, Await(ctx) or in a select on Done. Await(ctx)
// returning early leaves the work running; to stop it when a context ends,
// cancel the future too, for example with
// context.AfterFunc(ctx, func() { f.Cancel() }).
package parallel
