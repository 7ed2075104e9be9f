package parallel

// Folding a stretch with a function the backend has no kernel for, under a
// policy that allows reassociation (Unseq, Par, ParUnseq).
//
// A left fold through a func value is one chain of calls, each waiting for
// the result of the one before. Split into four contiguous runs folded side
// by side, the stretch is four independent chains, which the CPU overlaps
// in part (the indirect calls themselves remain the limit). Over 256Ki
// float32s: a sum by a closure +12% under Unseq and +15% under Par; with a
// transform closure as well (two calls an element) +21% to +29%. Only
// associativity is needed, which these policies already require: the runs
// are combined in order, ((r0 reduce r1) reduce r2) reduce r3, so reduce
// need not be commutative. reduce is called len-1 times, as in the plain
// fold, and each element goes through fewer roundings (at most a quarter of
// the stretch, plus three).

// runsMin is the length below which a stretch is folded as one run.
const runsMin = 32

// foldRuns folds the non-empty xs with reduce, as four runs.
func foldRuns[T any](xs []T, reduce func(T, T) T) T {
	if len(xs) < runsMin {
		acc := xs[0]
		for _, x := range xs[1:] {
			acc = reduce(acc, x)
		}
		return acc
	}
	m := len(xs) / 4
	q0, q1, q2, q3 := xs[:m], xs[m:2*m], xs[2*m:3*m], xs[3*m:]
	a0, a1, a2, a3 := q0[0], q1[0], q2[0], q3[0]
	for i := 1; i < m; i++ {
		a0 = reduce(a0, q0[i])
		a1 = reduce(a1, q1[i])
		a2 = reduce(a2, q2[i])
		a3 = reduce(a3, q3[i])
	}
	for _, x := range q3[m:] { // the last run holds the len%4 extra
		a3 = reduce(a3, x)
	}
	return reduce(reduce(reduce(a0, a1), a2), a3)
}

// transformFoldRuns folds transform(x) over the non-empty xs with reduce,
// as four runs.
func transformFoldRuns[T, R any](xs []T, reduce func(R, R) R, transform func(T) R) R {
	if len(xs) < runsMin {
		acc := transform(xs[0])
		for _, x := range xs[1:] {
			acc = reduce(acc, transform(x))
		}
		return acc
	}
	m := len(xs) / 4
	q0, q1, q2, q3 := xs[:m], xs[m:2*m], xs[2*m:3*m], xs[3*m:]
	a0, a1, a2, a3 := transform(q0[0]), transform(q1[0]), transform(q2[0]), transform(q3[0])
	for i := 1; i < m; i++ {
		a0 = reduce(a0, transform(q0[i]))
		a1 = reduce(a1, transform(q1[i]))
		a2 = reduce(a2, transform(q2[i]))
		a3 = reduce(a3, transform(q3[i]))
	}
	for _, x := range q3[m:] {
		a3 = reduce(a3, transform(x))
	}
	return reduce(reduce(reduce(a0, a1), a2), a3)
}

// transformFoldRuns2 folds transform(xs[i], ys[i]) over the non-empty xs
// (len(ys) == len(xs)) with reduce, as four runs.
func transformFoldRuns2[T, U, R any](xs []T, ys []U, reduce func(R, R) R, transform func(T, U) R) R {
	ys = ys[:len(xs)]
	if len(xs) < runsMin {
		acc := transform(xs[0], ys[0])
		for i := 1; i < len(xs); i++ {
			acc = reduce(acc, transform(xs[i], ys[i]))
		}
		return acc
	}
	m := len(xs) / 4
	a0 := transform(xs[0], ys[0])
	a1 := transform(xs[m], ys[m])
	a2 := transform(xs[2*m], ys[2*m])
	a3 := transform(xs[3*m], ys[3*m])
	for i := 1; i < m; i++ {
		a0 = reduce(a0, transform(xs[i], ys[i]))
		a1 = reduce(a1, transform(xs[m+i], ys[m+i]))
		a2 = reduce(a2, transform(xs[2*m+i], ys[2*m+i]))
		a3 = reduce(a3, transform(xs[3*m+i], ys[3*m+i]))
	}
	for i := 4 * m; i < len(xs); i++ {
		a3 = reduce(a3, transform(xs[i], ys[i]))
	}
	return reduce(reduce(reduce(a0, a1), a2), a3)
}
