package cpu

import (
	"github.com/hpgo/hpgo/asm"
	"github.com/hpgo/hpgo/op"
)

// The SIMD kernels of package asm, registered for the operations of package
// op. Adding a kernel is one line here. Each op must be a concrete
// instantiation (op.Add[float32], never op.Add[T] inside a generic helper,
// whose code pointer differs from the one users pass). int, uint, uint32 and
// uint64 run on the kernels of the signed type of their size wherever the
// bits agree: wrapping add and mul, fill, iota and find (not min/max, whose
// order differs for unsigned types). int and uint have two lines each, one
// per size: the adapter of the other size is nil, which registers nothing,
// so a 64-bit target gets the int64 kernels and a 32-bit one the int32
// kernels. Named types (time.Duration, type
// Celsius float32) need no line here: derive.go finds them the kernels of
// their underlying types on first use.
func init() {
	registeringBuiltins = true
	defer func() { registeringBuiltins = false }()

	// Reductions. Float sums reassociate; integer sums wrap, and min/max
	// are exact for every type.
	RegisterReduce(op.Add[float32], sumF32, Reassociates) // signedzero.go
	RegisterReduce(op.Add[float64], sumF64, Reassociates)
	RegisterReduce(op.Add[int32], asm.SumI32, Exact)
	RegisterReduce(op.Add[int64], asm.SumI64, Exact)
	RegisterReduce(op.Add[int], ReduceAs[int](asm.SumI64), Exact)
	RegisterReduce(op.Add[int], ReduceAs[int](asm.SumI32), Exact)
	RegisterReduce(op.Add[uint], ReduceAs[uint](asm.SumI64), Exact)
	RegisterReduce(op.Add[uint], ReduceAs[uint](asm.SumI32), Exact)
	RegisterReduce(op.Add[uint32], ReduceAs[uint32](asm.SumI32), Exact)
	RegisterReduce(op.Add[uint64], ReduceAs[uint64](asm.SumI64), Exact)
	RegisterReduce(op.Min[float32], asm.MinF32, Exact)
	RegisterReduce(op.Min[float64], asm.MinF64, Exact)
	RegisterReduce(op.Min[int32], asm.MinI32, Exact)
	RegisterReduce(op.Min[int64], asm.MinI64, Exact)
	RegisterReduce(op.Min[int], ReduceAs[int](asm.MinI64), Exact)
	RegisterReduce(op.Min[int], ReduceAs[int](asm.MinI32), Exact)
	RegisterReduce(op.Max[float32], asm.MaxF32, Exact)
	RegisterReduce(op.Max[float64], asm.MaxF64, Exact)
	RegisterReduce(op.Max[int32], asm.MaxI32, Exact)
	RegisterReduce(op.Max[int64], asm.MaxI64, Exact)
	RegisterReduce(op.Max[int], ReduceAs[int](asm.MaxI64), Exact)
	RegisterReduce(op.Max[int], ReduceAs[int](asm.MaxI32), Exact)

	// Transform-reductions: sums of squares, and sums through op.Identity.
	RegisterTransformReduce(op.Add[float32], op.Square[float32], asm.SumSquaresF32, Reassociates)
	RegisterTransformReduce(op.Add[float64], op.Square[float64], asm.SumSquaresF64, Reassociates)
	RegisterTransformReduce(op.Add[int32], op.Square[int32], asm.SumSquaresI32, Exact)
	RegisterTransformReduce(op.Add[int64], op.Square[int64], asm.SumSquaresI64, Exact)
	RegisterTransformReduce(op.Add[int], op.Square[int], ReduceAs[int](asm.SumSquaresI64), Exact)
	RegisterTransformReduce(op.Add[int], op.Square[int], ReduceAs[int](asm.SumSquaresI32), Exact)
	RegisterTransformReduce(op.Add[uint], op.Square[uint], ReduceAs[uint](asm.SumSquaresI64), Exact)
	RegisterTransformReduce(op.Add[uint], op.Square[uint], ReduceAs[uint](asm.SumSquaresI32), Exact)
	RegisterTransformReduce(op.Add[uint32], op.Square[uint32], ReduceAs[uint32](asm.SumSquaresI32), Exact)
	RegisterTransformReduce(op.Add[uint64], op.Square[uint64], ReduceAs[uint64](asm.SumSquaresI64), Exact)
	RegisterTransformReduce(op.Add[float32], op.Identity[float32], sumF32, Reassociates)
	RegisterTransformReduce(op.Add[float64], op.Identity[float64], sumF64, Reassociates)
	RegisterTransformReduce(op.Add[int32], op.Identity[int32], asm.SumI32, Exact)
	RegisterTransformReduce(op.Add[int64], op.Identity[int64], asm.SumI64, Exact)
	RegisterTransformReduce(op.Add[int], op.Identity[int], ReduceAs[int](asm.SumI64), Exact)
	RegisterTransformReduce(op.Add[int], op.Identity[int], ReduceAs[int](asm.SumI32), Exact)

	// Dot products: TransformReduce2 with op.Add and op.Mul.
	RegisterTransformReduce2(op.Add[float32], op.Mul[float32], dotF32, Reassociates)
	RegisterTransformReduce2(op.Add[float64], op.Mul[float64], dotF64, Reassociates)
	RegisterTransformReduce2(op.Add[int32], op.Mul[int32], asm.DotI32, Exact)
	RegisterTransformReduce2(op.Add[int64], op.Mul[int64], asm.DotI64, Exact)
	RegisterTransformReduce2(op.Add[int], op.Mul[int], Reduce2As[int](asm.DotI64), Exact)
	RegisterTransformReduce2(op.Add[int], op.Mul[int], Reduce2As[int](asm.DotI32), Exact)
	RegisterTransformReduce2(op.Add[uint], op.Mul[uint], Reduce2As[uint](asm.DotI64), Exact)
	RegisterTransformReduce2(op.Add[uint], op.Mul[uint], Reduce2As[uint](asm.DotI32), Exact)
	RegisterTransformReduce2(op.Add[uint32], op.Mul[uint32], Reduce2As[uint32](asm.DotI32), Exact)
	RegisterTransformReduce2(op.Add[uint64], op.Mul[uint64], Reduce2As[uint64](asm.DotI64), Exact)

	// Sequential folds for the float sums under Seq (exact left folds in
	// typed Go loops; integer sums have exact SIMD kernels above).
	RegisterFold(op.Add[float32], foldAdd[float32])
	RegisterFold(op.Add[float64], foldAdd[float64])
	RegisterTransformFold(op.Add[float32], op.Identity[float32], foldAdd[float32])
	RegisterTransformFold(op.Add[float64], op.Identity[float64], foldAdd[float64])
	RegisterTransformFold(op.Add[float32], op.Square[float32], foldAddSquares[float32])
	RegisterTransformFold(op.Add[float64], op.Square[float64], foldAddSquares[float64])
	RegisterTransformFold2(op.Add[float32], op.Mul[float32], foldAddProducts[float32])
	RegisterTransformFold2(op.Add[float64], op.Mul[float64], foldAddProducts[float64])

	// Element-wise kernels (always exact).
	RegisterTransform(op.Square[float32], asm.SquareF32)
	RegisterTransform(op.Square[float64], asm.SquareF64)
	RegisterTransform(op.Square[int32], asm.SquareI32)
	RegisterTransform(op.Square[int64], asm.SquareI64)
	RegisterTransform(op.Square[int], mapAsStreaming[int](asm.SquareI64))
	RegisterTransform(op.Square[int], mapAsStreaming[int](asm.SquareI32))
	RegisterTransform(op.Square[uint], mapAsStreaming[uint](asm.SquareI64))
	RegisterTransform(op.Square[uint], mapAsStreaming[uint](asm.SquareI32))
	RegisterTransform(op.Square[uint32], mapAsStreaming[uint32](asm.SquareI32))
	RegisterTransform(op.Square[uint64], mapAsStreaming[uint64](asm.SquareI64))
	RegisterTransform(op.Abs[float32], asm.AbsF32)
	RegisterTransform(op.Abs[float64], asm.AbsF64)
	RegisterTransform(op.Abs[int32], asm.AbsI32)
	RegisterTransform(op.Abs[int64], asm.AbsI64)
	RegisterTransform(op.Abs[int], mapAsStreaming[int](asm.AbsI64))
	RegisterTransform(op.Abs[int], mapAsStreaming[int](asm.AbsI32))
	RegisterTransform(op.Negate[float32], asm.NegateF32)
	RegisterTransform(op.Negate[float64], asm.NegateF64)
	RegisterTransform(op.Negate[int32], asm.NegateI32)
	RegisterTransform(op.Negate[int64], asm.NegateI64)
	RegisterTransform(op.Negate[int], mapAsStreaming[int](asm.NegateI64))
	RegisterTransform(op.Negate[int], mapAsStreaming[int](asm.NegateI32))
	RegisterTransform2(op.Add[float32], asm.AddF32)
	RegisterTransform2(op.Add[float64], asm.AddF64)
	RegisterTransform2(op.Add[int32], asm.AddI32)
	RegisterTransform2(op.Add[int64], asm.AddI64)
	RegisterTransform2(op.Add[int], map2AsStreaming[int](asm.AddI64))
	RegisterTransform2(op.Add[int], map2AsStreaming[int](asm.AddI32))
	RegisterTransform2(op.Add[uint], map2AsStreaming[uint](asm.AddI64))
	RegisterTransform2(op.Add[uint], map2AsStreaming[uint](asm.AddI32))
	RegisterTransform2(op.Add[uint32], map2AsStreaming[uint32](asm.AddI32))
	RegisterTransform2(op.Add[uint64], map2AsStreaming[uint64](asm.AddI64))
	RegisterTransform2(op.Mul[float32], asm.MulF32)
	RegisterTransform2(op.Mul[float64], asm.MulF64)
	RegisterTransform2(op.Mul[int32], asm.MulI32)
	RegisterTransform2(op.Mul[int64], asm.MulI64)
	RegisterTransform2(op.Mul[int], map2AsStreaming[int](asm.MulI64))
	RegisterTransform2(op.Mul[int], map2AsStreaming[int](asm.MulI32))
	RegisterTransform2(op.Mul[uint], map2AsStreaming[uint](asm.MulI64))
	RegisterTransform2(op.Mul[uint], map2AsStreaming[uint](asm.MulI32))
	RegisterTransform2(op.Mul[uint32], map2AsStreaming[uint32](asm.MulI32))
	RegisterTransform2(op.Mul[uint64], map2AsStreaming[uint64](asm.MulI64))

	// Scans: prefix sums. Float ones reassociate; integer ones wrap.
	RegisterScan(op.Add[float32], asm.PrefixSumF32, Reassociates)
	RegisterScan(op.Add[float64], asm.PrefixSumF64, Reassociates)
	RegisterScan(op.Add[int32], asm.PrefixSumI32, Exact)
	RegisterScan(op.Add[int64], asm.PrefixSumI64, Exact)
	RegisterScan(op.Add[int], ScanAs[int](asm.PrefixSumI64), Exact)
	RegisterScan(op.Add[int], ScanAs[int](asm.PrefixSumI32), Exact)
	RegisterScan(op.Add[uint], ScanAs[uint](asm.PrefixSumI64), Exact)
	RegisterScan(op.Add[uint], ScanAs[uint](asm.PrefixSumI32), Exact)
	RegisterScan(op.Add[uint32], ScanAs[uint32](asm.PrefixSumI32), Exact)
	RegisterScan(op.Add[uint64], ScanAs[uint64](asm.PrefixSumI64), Exact)

	// Kernels keyed by element type: fill, iota, find.
	RegisterFill(asm.FillF32)
	RegisterFill(asm.FillF64)
	RegisterFill(asm.FillI32)
	RegisterFill(asm.FillI64)
	RegisterFill(FillAs[int](asm.FillI64))
	RegisterFill(FillAs[int](asm.FillI32))
	RegisterFill(FillAs[uint](asm.FillI64))
	RegisterFill(FillAs[uint](asm.FillI32))
	RegisterFill(FillAs[uint32](asm.FillI32))
	RegisterFill(FillAs[uint64](asm.FillI64))
	RegisterIota(asm.IotaF32)
	RegisterIota(asm.IotaF64)
	RegisterIota(asm.IotaI32)
	RegisterIota(asm.IotaI64)
	RegisterIotaOffset(asm.IotaOffsetF32)
	RegisterIotaOffset(asm.IotaOffsetF64)
	RegisterIota(FillAs[int](asm.IotaI64))
	RegisterIota(FillAs[int](asm.IotaI32))
	RegisterIota(FillAs[uint](asm.IotaI64))
	RegisterIota(FillAs[uint](asm.IotaI32))
	RegisterIota(FillAs[uint32](asm.IotaI32))
	RegisterIota(FillAs[uint64](asm.IotaI64))
	RegisterMinMaxValue(asm.MinMaxF32)
	RegisterMinMaxValue(asm.MinMaxF64)
	RegisterMinMaxValue(asm.MinMaxI32)
	RegisterMinMaxValue(asm.MinMaxI64)
	RegisterMinMaxValue(MinMaxAs[int](asm.MinMaxI64))
	RegisterMinMaxValue(MinMaxAs[int](asm.MinMaxI32))
	RegisterIndexOf(asm.IndexOfF32)
	RegisterIndexOf(asm.IndexOfF64)
	RegisterIndexOf(asm.IndexOfI32)
	RegisterIndexOf(asm.IndexOfI64)
	RegisterIndexOf(IndexOfAs[int](asm.IndexOfI64))
	RegisterIndexOf(IndexOfAs[int](asm.IndexOfI32))
	RegisterIndexOf(IndexOfAs[uint](asm.IndexOfI64))
	RegisterIndexOf(IndexOfAs[uint](asm.IndexOfI32))
	RegisterIndexOf(IndexOfAs[uint32](asm.IndexOfI32))
	RegisterIndexOf(IndexOfAs[uint64](asm.IndexOfI64))
}
