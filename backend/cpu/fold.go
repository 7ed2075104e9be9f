package cpu

import "github.com/hpgo/hpgo/execution"

// Sequential folds: typed Go loops that compute exactly the left fold
// ((acc op x0) op x1) ... of an op of package op, for the float sums that
// have no exact SIMD kernel. Under Seq they replace the generic loop, which
// calls the op through a function value once per element (about twice as
// slow), and give the same bits: every operation rounds where the generic
// loop rounds (an explicit conversion keeps x*y from fusing into acc+x*y on
// platforms with FMA).

// RegisterFold registers fold(acc, x) as the left fold of x into acc by
// reduce.
func RegisterFold[T any](reduce func(T, T) T, fold func(acc T, x []T) T) {
	register(key{kind: kindFold, a: keyFunc("RegisterFold", "reduce", reduce)}, fold, Exact)
}

// RegisterTransformFold registers fold(acc, x) as the left fold of
// transform(x[i]) into acc by reduce.
func RegisterTransformFold[T, R any](reduce func(R, R) R, transform func(T) R, fold func(acc R, x []T) R) {
	register(key{kind: kindTransformFold, a: keyFunc("RegisterTransformFold", "reduce", reduce), b: keyFunc("RegisterTransformFold", "transform", transform)}, fold, Exact)
}

// RegisterTransformFold2 registers fold(acc, x, y) as the left fold of
// transform(x[i], y[i]) into acc by reduce (len(y) >= len(x)).
func RegisterTransformFold2[T, U, R any](reduce func(R, R) R, transform func(T, U) R, fold func(acc R, x []T, y []U) R) {
	register(key{kind: kindTransformFold2, a: keyFunc("RegisterTransformFold2", "reduce", reduce), b: keyFunc("RegisterTransformFold2", "transform", transform)}, fold, Exact)
}

// LookupFold returns the sequential fold registered for reduce, or nil
// (also for a policy on execution.PureGo).
func LookupFold[T any](p execution.Policy, reduce func(T, T) T) func(acc T, x []T) T {
	k := key{kind: kindFold, a: codePtr(reduce)}
	if f, known := usable[func(T, []T) T](p, k); known {
		return f
	}
	return derive[func(T, []T) T](p, k)
}

// LookupTransformFold returns the sequential fold registered for the pair
// (reduce, transform), or nil.
func LookupTransformFold[T, R any](p execution.Policy, reduce func(R, R) R, transform func(T) R) func(acc R, x []T) R {
	k := key{kind: kindTransformFold, a: codePtr(reduce), b: codePtr(transform)}
	if f, known := usable[func(R, []T) R](p, k); known {
		return f
	}
	return derive[func(R, []T) R](p, k)
}

// LookupTransformFold2 returns the sequential fold registered for the pair
// (reduce, transform) of the binary form, or nil.
func LookupTransformFold2[T, U, R any](p execution.Policy, reduce func(R, R) R, transform func(T, U) R) func(acc R, x []T, y []U) R {
	k := key{kind: kindTransformFold2, a: codePtr(reduce), b: codePtr(transform)}
	if f, known := usable[func(R, []T, []U) R](p, k); known {
		return f
	}
	return derive[func(R, []T, []U) R](p, k)
}

type float interface{ ~float32 | ~float64 }

// foldAdd is the left fold by op.Add: acc + x[0] + x[1] + ...
func foldAdd[F float](acc F, x []F) F {
	for _, v := range x {
		acc += v
	}
	return acc
}

// foldAddSquares is the left fold of op.Square by op.Add.
func foldAddSquares[F float](acc F, x []F) F {
	for _, v := range x {
		acc += F(v * v)
	}
	return acc
}

// foldAddProducts is the left fold of op.Mul by op.Add: the dot product
// in index order.
func foldAddProducts[F float](acc F, x, y []F) F {
	y = y[:len(x)]
	for i, v := range x {
		acc += F(v * y[i])
	}
	return acc
}
