package parallel_test

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

func TestForLoop(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		const first = 5
		hits := make([]atomic.Int32, n)
		var order []int
		parallel.ForLoop(p, first, first+n, func(i int) {
			hits[i-first].Add(1)
			if p.Ordered() {
				order = append(order, i)
			}
		})
		for i := range hits {
			if h := hits[i].Load(); h != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i+first, h)
			}
		}
		if p.Ordered() {
			for k, i := range order {
				if i != first+k {
					t.Fatalf("n=%d: Seq visit %d was index %d", n, k, i)
				}
			}
		}
	})
	parallel.ForLoop(execution.Par, 10, 3, func(int) { t.Fatal("called for last < first") })
}

func TestForEach(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		xs := randInts[int64](n, 1000)
		want := make([]int64, n)
		for i, x := range xs {
			want[i] = 3*x + 1
		}
		parallel.ForEach(p, xs, func(x *int64) { *x = 3**x + 1 })
		if i := firstDiff(xs, want); i >= 0 {
			t.Fatalf("n=%d: [%d] = %d, want %d", n, i, xs[i], want[i])
		}
	})
}

func TestTransform(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		// Kernels: bit-identical to the loop under every policy.
		f := withSpecials(randFloats[float32](n), 3)
		if n > 2 {
			f[1] = float32(math.Copysign(0, -1))
		}
		for name, fn := range map[string]func(float32) float32{
			"square": op.Square[float32], "abs": op.Abs[float32], "negate": op.Negate[float32],
			"closure": func(x float32) float32 { return x*x + 1 },
		} {
			got := make([]float32, n+1)
			got[n] = 42 // guard
			parallel.Transform(p, got, f, fn)
			want := make([]float32, n+1)
			want[n] = 42
			for i, x := range f {
				want[i] = fn(x)
			}
			if i := bitsDiff(got, want); i >= 0 {
				t.Fatalf("n=%d %s: [%d] = %v, want %v", n, name, i, got[i], want[i])
			}
		}
		ints := randInts[int](n, 0)
		if n > 0 {
			ints[0] = math.MinInt
		}
		want := make([]int, n)
		for i, x := range ints {
			want[i] = op.Abs(x)
		}
		parallel.Transform(p, ints, ints, op.Abs[int]) // in place
		if i := firstDiff(ints, want); i >= 0 {
			t.Fatalf("n=%d abs[int] in place: [%d] = %d, want %d", n, i, ints[i], want[i])
		}
		// Another result type.
		is := randInts[int32](n, 50)
		strs := make([]string, n)
		parallel.Transform(p, strs, is, func(x int32) string { return strconv.Itoa(int(x)) })
		for i, x := range is {
			if strs[i] != strconv.Itoa(int(x)) {
				t.Fatalf("n=%d itoa: [%d] = %q", n, i, strs[i])
			}
		}
	})
}

func TestTransform2(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		a := withSpecials(randFloats[float64](n), 1)
		b := withSpecials(randFloats[float64](n + 1)[:n], 2)
		for name, fn := range map[string]func(float64, float64) float64{
			"add": op.Add[float64], "mul": op.Mul[float64],
			"closure": func(x, y float64) float64 { return x - 2*y },
		} {
			got := make([]float64, n)
			parallel.Transform2(p, got, a, b, fn)
			for i := range got {
				if w := fn(a[i], b[i]); !sameBits(got[i], w) {
					t.Fatalf("n=%d %s: [%d] = %v, want %v", n, name, i, got[i], w)
				}
			}
		}
		x := randInts[uint32](n, 0)
		y := randInts[uint32](n+2, 0)[:n]
		want := make([]uint32, n)
		for i := range x {
			want[i] = x[i] * y[i]
		}
		parallel.Transform2(p, x, x, y, op.Mul[uint32]) // in place
		if i := firstDiff(x, want); i >= 0 {
			t.Fatalf("n=%d mul[uint32]: [%d]", n, i)
		}
		is := randInts[int8](n, 100)
		fs := randFloats[float32](n)
		out := make([]float64, n)
		parallel.Transform2(p, out, is, fs, func(i int8, f float32) float64 { return float64(i) * float64(f) })
		for i := range out {
			if out[i] != float64(is[i])*float64(fs[i]) {
				t.Fatalf("n=%d mixed: [%d]", n, i)
			}
		}
	})
}

// sumRef is the exact-ish float64 reference (Neumaier) and Σ|x|.
func sumRef(xs []float64) (sum, sumAbs float64) {
	var s, c float64
	for _, x := range xs {
		sumAbs += math.Abs(x)
		t := s + x
		if math.Abs(s) >= math.Abs(x) {
			c += (s - t) + x
		} else {
			c += (x - t) + s
		}
		s = t
	}
	if math.IsInf(s, 0) || math.IsNaN(s) {
		return s, sumAbs
	}
	return s + c, sumAbs
}

func to64[T float32 | float64](xs []T, f func(T) float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// checkFloatSum checks a float reduction: the exact left fold under Seq,
// within the reassociation bound otherwise.
func checkFloatSum[T float32 | float64](t *testing.T, what string, p execution.Policy, n int, got, leftFold T, terms []float64, u float64) {
	t.Helper()
	if p.Ordered() {
		if !sameBits(got, leftFold) {
			t.Fatalf("n=%d %s: Seq gave %v, want the left fold %v", n, what, got, leftFold)
		}
		return
	}
	want, sumAbs := sumRef(terms)
	if !closeTo(float64(got), want, len(terms), u, sumAbs) {
		t.Fatalf("n=%d %s: got %v, want %v (Σ|x| %v)", n, what, got, want, sumAbs)
	}
}

func TestReduce(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		// Float sums, kernel and closure, with and without specials.
		for _, kind := range kinds(n) {
			f32 := withSpecials(randFloats[float32](n), kind)
			var lf32 float32 = 0.5
			for _, x := range f32 {
				lf32 += x
			}
			terms := append(to64(f32, func(x float32) float64 { return float64(x) }), 0.5)
			checkFloatSum(t, "sum[float32]", p, n, parallel.Reduce(p, f32, 0.5, op.Add), lf32, terms, epsF32)
			checkFloatSum(t, "closure sum[float32]", p, n, parallel.Reduce(p, f32, 0.5, func(a, b float32) float32 { return a + b }), lf32, terms, epsF32)

			f64 := withSpecials(randFloats[float64](n), kind)
			lf64 := -1.0
			for _, x := range f64 {
				lf64 += x
			}
			terms = append(to64(f64, func(x float64) float64 { return x }), -1)
			checkFloatSum(t, "sum[float64]", p, n, parallel.Reduce(p, f64, -1, op.Add), lf64, terms, epsF64)

			// Min and max are exact under every policy, NaN included.
			mn, mx := 2.0, -2.0
			for _, x := range f64 {
				mn, mx = min(mn, x), max(mx, x)
			}
			if got := parallel.Reduce(p, f64, 2, op.Min); !sameBits(got, mn) {
				t.Fatalf("n=%d kind=%d min: %v, want %v", n, kind, got, mn)
			}
			if got := parallel.Reduce(p, f64, -2, op.Max[float64]); !sameBits(got, mx) {
				t.Fatalf("n=%d kind=%d max: %v, want %v", n, kind, got, mx)
			}
		}
		// Integers: exact (wrapping) under every policy.
		i64 := randInts[int64](n, 0)
		var s64 int64 = 7
		for _, x := range i64 {
			s64 += x
		}
		if got := parallel.Reduce(p, i64, 7, op.Add); got != s64 {
			t.Fatalf("n=%d sum[int64] = %d, want %d", n, got, s64)
		}
		if got := parallel.Reduce(p, i64, 7, func(a, b int64) int64 { return a + b }); got != s64 {
			t.Fatalf("n=%d closure sum[int64] = %d, want %d", n, got, s64)
		}
		ints := randInts[int](n, 1<<40)
		s, mn := 0, math.MaxInt
		for _, x := range ints {
			s += x
			mn = min(mn, x)
		}
		if got := parallel.Reduce(p, ints, 0, op.Add); got != s {
			t.Fatalf("n=%d sum[int] = %d, want %d", n, got, s)
		}
		if got := parallel.Reduce(p, ints, math.MaxInt, op.Min); got != mn {
			t.Fatalf("n=%d min[int] = %d, want %d", n, got, mn)
		}
		u32s := randInts[uint32](n, 0)
		var su uint32
		for _, x := range u32s {
			su += x
		}
		if got := parallel.Reduce(p, u32s, 0, op.Add); got != su {
			t.Fatalf("n=%d sum[uint32] = %d, want %d", n, got, su)
		}
		// Unsigned min and max: values either side of the top bit, where
		// a signed order would put 1<<31 first.
		mnU, mxU := uint32(math.MaxUint32), uint32(0)
		u64s := make([]uint64, n)
		mnU64, mxU64 := uint64(math.MaxUint64), uint64(0)
		for i := range u32s {
			u32s[i] ^= uint32(i%2) << 31
			u64s[i] = uint64(u32s[i]) << 32
			mnU, mxU = min(mnU, u32s[i]), max(mxU, u32s[i])
			mnU64, mxU64 = min(mnU64, u64s[i]), max(mxU64, u64s[i])
		}
		if got := parallel.Reduce(p, u32s, math.MaxUint32, op.Min); got != mnU {
			t.Fatalf("n=%d min[uint32] = %d, want %d", n, got, mnU)
		}
		if got := parallel.Reduce(p, u32s, 0, op.Max); got != mxU {
			t.Fatalf("n=%d max[uint32] = %d, want %d", n, got, mxU)
		}
		if got := parallel.Reduce(p, u64s, math.MaxUint64, op.Min); got != mnU64 {
			t.Fatalf("n=%d min[uint64] = %d, want %d", n, got, mnU64)
		}
		if got := parallel.Reduce(p, u64s, 0, op.Max); got != mxU64 {
			t.Fatalf("n=%d max[uint64] = %d, want %d", n, got, mxU64)
		}
		// Associative, not commutative: chunks must be combined in order
		// and init must come first.
		fs := randAffine(n)
		init := affine{3, 5}
		want := init
		for _, f := range fs {
			want = then(want, f)
		}
		if got := parallel.Reduce(p, fs, init, then); got != want {
			t.Fatalf("n=%d affine: %v, want %v", n, got, want)
		}
	})
}

func TestTransformReduce(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		for _, kind := range kinds(n) {
			f32 := withSpecials(randFloats[float32](n), kind)
			var lf float32 = 1
			for _, x := range f32 {
				lf += float32(x * x) // rounded, as Seq rounds each op: no fused reference
			}
			terms := append(to64(f32, func(x float32) float64 { return float64(x) * float64(x) }), 1)
			checkFloatSum(t, "sumsq[float32]", p, n, parallel.TransformReduce(p, f32, 1, op.Add, op.Square), lf, terms, epsF32)
			checkFloatSum(t, "closure sumsq[float32]", p, n,
				parallel.TransformReduce(p, f32, 1, op.Add, func(x float32) float32 { return x * x }), lf, terms, epsF32)

			// float32 in, float64 out.
			var l64 float64
			for _, x := range f32 {
				l64 += float64(x) * 2
			}
			terms = to64(f32, func(x float32) float64 { return float64(x) * 2 })
			checkFloatSum(t, "widen", p, n,
				parallel.TransformReduce(p, f32, 0, op.Add[float64], func(x float32) float64 { return float64(x) * 2 }), l64, terms, epsF64)

			f64 := withSpecials(randFloats[float64](n), kind)
			var s64 float64
			for _, x := range f64 {
				s64 += x
			}
			checkFloatSum(t, "sum via identity[float64]", p, n, parallel.TransformReduce(p, f64, 0, op.Add, op.Identity), s64, f64, epsF64)
		}
		i32 := randInts[int32](n, 0)
		var sq int32
		for _, x := range i32 {
			sq += x * x
		}
		if got := parallel.TransformReduce(p, i32, 0, op.Add, op.Square); got != sq {
			t.Fatalf("n=%d sumsq[int32] = %d, want %d", n, got, sq)
		}
		strs := make([]string, n)
		for i := range strs {
			strs[i] = strconv.Itoa(i % 100)
		}
		total := 0
		for _, s := range strs {
			total += len(s)
		}
		if got := parallel.TransformReduce(p, strs, 0, op.Add, func(s string) int { return len(s) }); got != total {
			t.Fatalf("n=%d total length = %d, want %d", n, got, total)
		}
	})
}

func TestTransformReduce2(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		for _, kind := range kinds(n) {
			x := withSpecials(randFloats[float64](n), kind)
			y := randFloats[float64](n + 1)[:n]
			lf := 0.25
			for i := range x {
				lf += float64(x[i] * y[i]) // no fused reference
			}
			terms := []float64{0.25}
			for i := range x {
				terms = append(terms, x[i]*y[i])
			}
			checkFloatSum(t, "dot[float64]", p, n, parallel.TransformReduce2(p, x, y, 0.25, op.Add, op.Mul), lf, terms, 2*epsF64)
			checkFloatSum(t, "closure dot[float64]", p, n,
				parallel.TransformReduce2(p, x, y, 0.25, op.Add, func(a, b float64) float64 { return a * b }), lf, terms, 2*epsF64)
			xf := withSpecials(randFloats[float32](n), kind)
			yf := randFloats[float32](n + 2)[:n]
			var l32 float32
			terms = terms[:0]
			for i := range xf {
				l32 += float32(xf[i] * yf[i])
				terms = append(terms, float64(xf[i])*float64(yf[i]))
			}
			checkFloatSum(t, "dot[float32]", p, n, parallel.TransformReduce2(p, xf, yf, 0, op.Add, op.Mul), l32, terms, 2*epsF32)
		}
		a := randInts[int64](n, 0)
		b := randInts[int64](n+1, 0)[:n]
		var dot int64
		for i := range a {
			dot += a[i] * b[i]
		}
		if got := parallel.TransformReduce2(p, a, b, 0, op.Add, op.Mul); got != dot {
			t.Fatalf("n=%d dot[int64] = %d, want %d", n, got, dot)
		}
		ai := randInts[int](n, 1000)
		bs := make([]string, n)
		want := 0
		for i := range bs {
			bs[i] = strconv.Itoa(i % 7)
			want += ai[i] * len(bs[i])
		}
		if got := parallel.TransformReduce2(p, ai, bs, 0, op.Add, func(x int, s string) int { return x * len(s) }); got != want {
			t.Fatalf("n=%d mixed = %d, want %d", n, got, want)
		}
	})
}

func TestCount(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		xs := randInts[int32](n, 3)
		c, ci := 0, 0
		for _, x := range xs {
			if x == 2 {
				c++
			}
			if x < 0 {
				ci++
			}
		}
		if got := parallel.Count(p, xs, 2); got != c {
			t.Fatalf("n=%d Count = %d, want %d", n, got, c)
		}
		if got := parallel.CountIf(p, xs, func(x int32) bool { return x < 0 }); got != ci {
			t.Fatalf("n=%d CountIf = %d, want %d", n, got, ci)
		}
		fs := withSpecials(randFloats[float64](n), 1)
		if got := parallel.Count(p, fs, math.NaN()); got != 0 {
			t.Fatalf("n=%d Count(NaN) = %d", n, got)
		}
		// The kernels' element types, and a named one, against plain
		// loops: every third element the value (0 matching -0 too, for
		// floats), at odd places an infinity.
		zeros := make([]float32, n)
		ks := make([]kelvin, n)
		is := make([]int, n)
		us := make([]uint32, n)
		want := 0
		for i := range zeros {
			zeros[i], ks[i], is[i], us[i] = float32(i%5)+0.25, kelvin(i%5)+0.5, i%3-1, uint32(i%3)
			switch {
			case i%3 == 0:
				zeros[i], ks[i], is[i], us[i] = 0, -1.5, -1, 0
				if i%2 == 1 {
					zeros[i] = float32(math.Copysign(0, -1))
				}
				want++
			case i%2 == 1:
				zeros[i] = float32(math.Inf(1 - i%4))
			}
		}
		if got := parallel.Count(p, zeros, 0); got != want {
			t.Fatalf("n=%d Count[float32](0) = %d, want %d", n, got, want)
		}
		if got := parallel.Count(p, ks, -1.5); got != want {
			t.Fatalf("n=%d Count[kelvin] = %d, want %d", n, got, want)
		}
		if got := parallel.Count(p, is, -1); got != want {
			t.Fatalf("n=%d Count[int] = %d, want %d", n, got, want)
		}
		if got := parallel.Count(p, us, 0); got != want {
			t.Fatalf("n=%d Count[uint32] = %d, want %d", n, got, want)
		}
	})
}

func TestFind(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		xs := randInts[int64](n, 1<<20)
		// Plant the value at several places; the lowest must win.
		for _, at := range []int{n - 1, n / 2, n/2 + 1, n / 3} {
			if at < 0 || at >= n {
				continue
			}
			ys := append([]int64(nil), xs...)
			const v = 1<<30 + 7 // outside xs, and an int on 32-bit targets too
			ys[at] = v
			if at+5 < n {
				ys[at+5] = v
			}
			if n > 0 && at > 0 {
				ys[n-1] = v
			}
			want := slices.Index(ys, v)
			if got := parallel.Find(p, ys, v); got != want {
				t.Fatalf("n=%d at=%d Find = %d, want %d", n, at, got, want)
			}
			if got := parallel.FindIf(p, ys, func(x int64) bool { return x == v }); got != want {
				t.Fatalf("n=%d at=%d FindIf = %d, want %d", n, at, got, want)
			}
			is := make([]int, n)
			for i := range is {
				is[i] = int(ys[i])
			}
			if got := parallel.Find(p, is, v); got != want {
				t.Fatalf("n=%d at=%d Find[int] = %d, want %d", n, at, got, want)
			}
		}
		if got := parallel.Find(p, xs, 1<<41); got != -1 {
			t.Fatalf("n=%d absent: %d", n, got)
		}
		// Floats: Go's ==: NaN is never found, -0 finds +0.
		fs := withSpecials(randFloats[float32](n), 1)
		if got := parallel.Find(p, fs, float32(math.NaN())); got != -1 {
			t.Fatalf("n=%d Find(NaN) = %d", n, got)
		}
		if n > 3 {
			fs[n-2] = 0
			if got, want := parallel.Find(p, fs, float32(math.Copysign(0, -1))), slices.Index(fs, 0); got != want {
				t.Fatalf("n=%d Find(-0) = %d, want %d", n, got, want)
			}
		}
		// A type without kernels.
		strs := make([]string, n)
		for i := range strs {
			strs[i] = strconv.Itoa(i % 1000)
		}
		if got, want := parallel.Find(p, strs, "999"), slices.Index(strs, "999"); got != want {
			t.Fatalf("n=%d Find[string] = %d, want %d", n, got, want)
		}
	})
}

func TestAnyAllNone(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		xs := randInts[int64](n, 1<<30)
		for _, at := range []int{-1, 0, n / 2, n - 1} {
			ys := append([]int64(nil), xs...)
			if at >= 0 && at < n {
				ys[at] = -1 << 40
			}
			neg := func(x int64) bool { return x < -1<<35 }
			some := slices.ContainsFunc(ys, neg)
			if got := parallel.AnyOf(p, ys, neg); got != some {
				t.Fatalf("n=%d at=%d AnyOf = %v", n, at, got)
			}
			if got := parallel.NoneOf(p, ys, neg); got != !some {
				t.Fatalf("n=%d at=%d NoneOf = %v", n, at, got)
			}
			notNeg := func(x int64) bool { return !neg(x) }
			if got := parallel.AllOf(p, ys, notNeg); got != !some {
				t.Fatalf("n=%d at=%d AllOf = %v", n, at, got)
			}
		}
	})
}

type point struct{ x, y int16 }

func TestFill(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		f := make([]float32, n+1)
		f[n] = 7
		parallel.Fill(p, f[:n], float32(math.Copysign(0, -1)))
		for i := range n {
			if !sameBits(f[i], float32(math.Copysign(0, -1))) {
				t.Fatalf("n=%d [%d] = %v", n, i, f[i])
			}
		}
		if f[n] != 7 {
			t.Fatalf("n=%d: Fill wrote past the end", n)
		}
		ps := make([]point, n)
		parallel.Fill(p, ps, point{1, -2})
		if i := slices.IndexFunc(ps, func(q point) bool { return q != point{1, -2} }); i >= 0 {
			t.Fatalf("n=%d point [%d]", n, i)
		}
		us := make([]uint, n)
		parallel.Fill(p, us, math.MaxUint)
		if i := slices.IndexFunc(us, func(v uint) bool { return v != math.MaxUint }); i >= 0 {
			t.Fatalf("n=%d uint [%d]", n, i)
		}
	})
}

func TestIota(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		i64 := make([]int64, n)
		parallel.Iota(p, i64, math.MaxInt64-5) // wraps
		for i, v := range i64 {
			if v != math.MaxInt64-5+int64(i) {
				t.Fatalf("n=%d int64 [%d] = %d", n, i, v)
			}
		}
		f32 := make([]float32, n)
		parallel.Iota(p, f32, 0.25)
		for i, v := range f32 {
			if v != 0.25+float32(i) {
				t.Fatalf("n=%d float32 [%d] = %v, want %v", n, i, v, 0.25+float32(i))
			}
		}
		// Starts whose fraction rounds differently once than twice (on the
		// grid of [2^17, 2^18), then on that of [2^18, 2^19): 1.4 ulps of the
		// coarser grid): a chunk that crosses 2^18 must compute
		// start + T(i), rounded once, not (start + T(lo)) + T(i-lo).
		const f32Start, f64Start = 1.4 / (1 << 5), 1.4 / (1 << 34)
		g32 := make([]float32, n)
		parallel.Iota(p, g32, f32Start)
		for i, v := range g32 {
			if want := float32(f32Start) + float32(i); v != want {
				t.Fatalf("n=%d float32 from %v [%d] = %v, want %v", n, float32(f32Start), i, v, want)
			}
		}
		g64 := make([]float64, n)
		parallel.Iota(p, g64, f64Start)
		for i, v := range g64 {
			if want := f64Start + float64(i); v != want {
				t.Fatalf("n=%d float64 from %v [%d] = %v, want %v", n, f64Start, i, v, want)
			}
		}
		u8 := make([]uint8, n)
		parallel.Iota(p, u8, 250)
		for i, v := range u8 {
			if v != uint8(250+i) {
				t.Fatalf("n=%d uint8 [%d] = %d", n, i, v)
			}
		}
		u32 := make([]uint32, n)
		parallel.Iota(p, u32, math.MaxUint32)
		for i, v := range u32 {
			if v != uint32(math.MaxUint32)+uint32(i) {
				t.Fatalf("n=%d uint32 [%d] = %d", n, i, v)
			}
		}
	})
}

func TestCopy(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		src := randInts[int](n, 0)
		dst := make([]int, n+2)
		dst[n], dst[n+1] = 1, 2
		parallel.Copy(p, dst, src)
		if i := firstDiff(dst[:n], src); i >= 0 || dst[n] != 1 {
			t.Fatalf("n=%d Copy [%d]", n, i)
		}
		// Overlapping: as the built-in copy.
		buf := randInts[int](n+3, 0)
		want := append([]int(nil), buf...)
		copy(want[3:], want[:n])
		parallel.Copy(p, buf[3:], buf[:n])
		if i := firstDiff(buf, want); i >= 0 {
			t.Fatalf("n=%d overlapping Copy [%d]", n, i)
		}
	})
}

func TestCopyIf(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		src := randInts[int64](n, 100)
		pred := func(x int64) bool { return x%3 == 0 }
		var want []int64
		for _, x := range src {
			if pred(x) {
				want = append(want, x)
			}
		}
		dst := make([]int64, n+1)
		for i := range dst {
			dst[i] = -999
		}
		k := parallel.CopyIf(p, dst, src, pred)
		if k != len(want) {
			t.Fatalf("n=%d CopyIf wrote %d, want %d", n, k, len(want))
		}
		if i := firstDiff(dst[:k], want); i >= 0 {
			t.Fatalf("n=%d CopyIf [%d] = %d, want %d", n, i, dst[i], want[i])
		}
		for i := k; i < len(dst); i++ {
			if dst[i] != -999 {
				t.Fatalf("n=%d CopyIf touched [%d] past the count", n, i)
			}
		}
		// Exactly enough room.
		tight := make([]int64, len(want))
		if k := parallel.CopyIf(p, tight, src, pred); k != len(want) || firstDiff(tight, want) >= 0 {
			t.Fatalf("n=%d tight CopyIf", n)
		}
		// In place, and into the same array from further back.
		in := append([]int64(nil), src...)
		k = parallel.CopyIf(p, in, in, pred)
		if firstDiff(in[:k], want) >= 0 {
			t.Fatalf("n=%d in-place CopyIf", n)
		}
		back := append([]int64{-1, -1, -1}, src...)
		k = parallel.CopyIf(p, back, back[3:], pred)
		if firstDiff(back[:k], want) >= 0 {
			t.Fatalf("n=%d CopyIf into the same array, 3 elements back", n)
		}
		if n > 1 {
			ahead := append([]int64(nil), src...)
			mustPanicHpgo(t, "CopyIf", func() { parallel.CopyIf(p, ahead[1:], ahead, pred) })
			mustPanicHpgo(t, "CopyIfTask", func() { parallel.CopyIfTask(p.Task(), ahead[1:], ahead, pred) })
			if firstDiff(ahead, src) >= 0 {
				t.Fatalf("n=%d CopyIf into dst ahead of src wrote before panicking", n)
			}
		}
		// pred called once per element.
		var calls atomic.Int64
		parallel.CopyIf(p, dst, src, func(x int64) bool { calls.Add(1); return pred(x) })
		if c := calls.Load(); c != int64(n) {
			t.Fatalf("n=%d: pred called %d times", n, c)
		}
	})
}

func inclusiveRef[T any](src []T, f func(T, T) T) []T {
	out := make([]T, len(src))
	for i, x := range src {
		if i == 0 {
			out[i] = x
		} else {
			out[i] = f(out[i-1], x)
		}
	}
	return out
}

func exclusiveRef[T any](src []T, init T, f func(T, T) T) []T {
	out := make([]T, len(src))
	acc := init
	for i, x := range src {
		out[i] = acc
		acc = f(acc, x)
	}
	return out
}

// checkFloatScan: exact under Seq; otherwise each element within the bound
// of its own sum, and special values where the left fold has them.
func checkFloatScan[T float32 | float64](t *testing.T, what string, p execution.Policy, got, want []T, terms []T, init float64, exclusive bool, u float64) {
	t.Helper()
	if p.Ordered() {
		if i := bitsDiff(got, want); i >= 0 {
			t.Fatalf("n=%d %s: Seq [%d] = %v, want %v", len(terms), what, i, got[i], want[i])
		}
		return
	}
	s, c, abs := init, 0.0, math.Abs(init)
	special := false
	for i, x := range terms {
		if !exclusive {
			special = special || math.IsNaN(float64(x)) || math.IsInf(float64(x), 0)
			s, c, abs = addComp(s, c, abs, float64(x))
		}
		if special {
			w := float64(want[i])
			if !(math.IsNaN(w) && math.IsNaN(float64(got[i]))) && float64(got[i]) != w {
				t.Fatalf("n=%d %s: [%d] = %v, want %v", len(terms), what, i, got[i], w)
			}
		} else if !closeTo(float64(got[i]), s+c, i+2, u, abs) {
			t.Fatalf("n=%d %s: [%d] = %v, want %v", len(terms), what, i, got[i], s+c)
		}
		if exclusive {
			special = special || math.IsNaN(float64(x)) || math.IsInf(float64(x), 0)
			s, c, abs = addComp(s, c, abs, float64(x))
		}
	}
}

// addComp adds x to the compensated sum (s, c) and |x| to abs.
func addComp(s, c, abs, x float64) (float64, float64, float64) {
	t := s + x
	if math.Abs(s) >= math.Abs(x) {
		c += (s - t) + x
	} else {
		c += (x - t) + s
	}
	return t, c, abs + math.Abs(x)
}

func TestInclusiveScan(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		i64 := randInts[int64](n, 0)
		want := inclusiveRef(i64, op.Add[int64])
		got := make([]int64, n)
		parallel.InclusiveScan(p, got, i64, op.Add)
		if i := firstDiff(got, want); i >= 0 {
			t.Fatalf("n=%d add[int64]: [%d] = %d, want %d", n, i, got[i], want[i])
		}
		parallel.InclusiveScan(p, i64, i64, func(a, b int64) int64 { return a + b }) // in place, closure
		if i := firstDiff(i64, want); i >= 0 {
			t.Fatalf("n=%d closure in place: [%d]", n, i)
		}
		u32 := randInts[uint32](n, 0)
		wantU := inclusiveRef(u32, op.Add[uint32])
		parallel.InclusiveScan(p, u32, u32, op.Add)
		if i := firstDiff(u32, wantU); i >= 0 {
			t.Fatalf("n=%d add[uint32] in place: [%d]", n, i)
		}
		fs := randAffine(n)
		wantA := inclusiveRef(fs, then)
		gotA := make([]affine, n+1)
		parallel.InclusiveScan(p, gotA, fs, then)
		if i := firstDiff(gotA[:n], wantA); i >= 0 || gotA[n] != (affine{}) {
			t.Fatalf("n=%d affine: [%d]", n, i)
		}
		for _, kind := range kinds(n) {
			f := withSpecials(randFloats[float32](n), kind)
			wantF := inclusiveRef(f, op.Add[float32])
			gotF := make([]float32, n)
			parallel.InclusiveScan(p, gotF, f, op.Add)
			checkFloatScan(t, "add[float32]", p, gotF, wantF, f, 0, false, epsF32)
			d := withSpecials(randFloats[float64](n), kind)
			wantD := inclusiveRef(d, op.Add[float64])
			orig := append([]float64(nil), d...)
			parallel.InclusiveScan(p, d, d, op.Add)
			checkFloatScan(t, "add[float64] in place", p, d, wantD, orig, 0, false, epsF64)
		}
	})
}

func TestExclusiveScan(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		i64 := randInts[int64](n, 0)
		want := exclusiveRef(i64, 11, op.Add[int64])
		got := make([]int64, n)
		parallel.ExclusiveScan(p, got, i64, 11, op.Add)
		if i := firstDiff(got, want); i >= 0 {
			t.Fatalf("n=%d add[int64]: [%d] = %d, want %d", n, i, got[i], want[i])
		}
		parallel.ExclusiveScan(p, i64, i64, 11, func(a, b int64) int64 { return a + b })
		if i := firstDiff(i64, want); i >= 0 {
			t.Fatalf("n=%d closure in place: [%d]", n, i)
		}
		is := randInts[int](n, 0)
		wantI := exclusiveRef(is, -4, op.Add[int])
		parallel.ExclusiveScan(p, is, is, -4, op.Add)
		if i := firstDiff(is, wantI); i >= 0 {
			t.Fatalf("n=%d add[int] in place: [%d]", n, i)
		}
		fs := randAffine(n)
		wantA := exclusiveRef(fs, affine{5, 7}, then)
		parallel.ExclusiveScan(p, fs, fs, affine{5, 7}, then)
		if i := firstDiff(fs, wantA); i >= 0 {
			t.Fatalf("n=%d affine: [%d]", n, i)
		}
		for _, kind := range kinds(n) {
			f := withSpecials(randFloats[float32](n), kind)
			wantF := exclusiveRef(f, 0.5, op.Add[float32])
			gotF := make([]float32, n)
			parallel.ExclusiveScan(p, gotF, f, 0.5, op.Add)
			checkFloatScan(t, "add[float32]", p, gotF, wantF, f, 0.5, true, epsF32)
			d := withSpecials(randFloats[float64](n), kind)
			wantD := exclusiveRef(d, 0, op.Add[float64])
			orig := append([]float64(nil), d...)
			parallel.ExclusiveScan(p, d, d, 0, op.Add)
			checkFloatScan(t, "add[float64] in place", p, d, wantD, orig, 0, true, epsF64)
		}
	})
}

// minMaxRef: first smallest, first largest and last largest under cmp.
func minMaxRef[T any](xs []T, c func(a, b T) int) (first, firstMax, lastMax int) {
	if len(xs) == 0 {
		return -1, -1, -1
	}
	for i := range xs {
		if c(xs[i], xs[first]) < 0 {
			first = i
		}
		if c(xs[i], xs[firstMax]) > 0 {
			firstMax = i
		}
		if c(xs[i], xs[lastMax]) >= 0 {
			lastMax = i
		}
	}
	return
}

func checkMinMax[T cmp.Ordered](t *testing.T, what string, p execution.Policy, xs []T) {
	t.Helper()
	mn, mx, lmx := minMaxRef(xs, cmp.Compare[T])
	if got := parallel.MinElement(p, xs); got != mn {
		t.Fatalf("n=%d %s MinElement = %d, want %d", len(xs), what, got, mn)
	}
	if got := parallel.MaxElement(p, xs); got != mx {
		t.Fatalf("n=%d %s MaxElement = %d, want %d", len(xs), what, got, mx)
	}
	if a, b := parallel.MinMaxElement(p, xs); a != mn || b != lmx {
		t.Fatalf("n=%d %s MinMaxElement = %d, %d, want %d, %d", len(xs), what, a, b, mn, lmx)
	}
	if got := parallel.MinElementFunc(p, xs, cmp.Compare[T]); got != mn {
		t.Fatalf("n=%d %s MinElementFunc = %d, want %d", len(xs), what, got, mn)
	}
	if got := parallel.MaxElementFunc(p, xs, cmp.Compare[T]); got != mx {
		t.Fatalf("n=%d %s MaxElementFunc = %d, want %d", len(xs), what, got, mx)
	}
	if a, b := parallel.MinMaxElementFunc(p, xs, cmp.Compare[T]); a != mn || b != lmx {
		t.Fatalf("n=%d %s MinMaxElementFunc = %d, %d, want %d, %d", len(xs), what, a, b, mn, lmx)
	}
}

func TestMinMaxElement(t *testing.T) {
	each(t, func(t *testing.T, p execution.Policy, n int) {
		// Few distinct values: many ties.
		checkMinMax(t, "int32", p, randInts[int32](n, 20))
		f := randFloats[float64](n)
		for i := range f {
			f[i] = math.Round(f[i] * 4)
		}
		checkMinMax(t, "float64 ties", p, f)
		for _, kind := range kinds(n)[1:] {
			checkMinMax(t, "float32 specials", p, withSpecials(randFloats[float32](n), kind))
		}
		if n > 2*cpu.GrainLoop+1 {
			return // the rest only on the shorter inputs
		}
		checkMinMax(t, "int", p, randInts[int](n, 0))
		checkMinMax(t, "uint64", p, randInts[uint64](n, 0))
		u32 := randInts[uint32](n, 0)
		for i := range u32 {
			u32[i] ^= uint32(i%3) << 31 // either side of the top bit
		}
		checkMinMax(t, "uint32", p, u32)
		checkMinMax(t, "uint", p, randInts[uint](n, 0))
		if n > 0 {
			nans := make([]float32, n)
			for i := range nans {
				nans[i] = float32(math.NaN())
			}
			checkMinMax(t, "all NaN", p, nans)
			z := make([]float64, n)
			for i := range z {
				if i%2 == 1 {
					z[i] = math.Copysign(0, -1)
				}
			}
			checkMinMax(t, "signed zeros", p, z)
		}
		strs := make([]string, n)
		for i := range strs {
			strs[i] = strconv.Itoa((i * 7919) % 1013)
		}
		checkMinMax(t, "string", p, strs)
	})
}

// ExclusiveScan never calls op on the last element: no output holds that
// value. An op that panics on int8 overflow must not fail when only the
// unused total overflows, and Seq calls it n-1 times for n elements.
func TestExclusiveScanSkipsTheUnusedTotal(t *testing.T) {
	var calls atomic.Int64
	checkedAdd := func(a, b int8) int8 {
		calls.Add(1)
		s := a + b
		if (b > 0 && s < a) || (b < 0 && s > a) {
			panic("int8 overflow")
		}
		return s
	}
	each(t, func(t *testing.T, p execution.Policy, n int) {
		if n == 0 {
			return
		}
		src := make([]int8, n)
		src[n-1] = 127 // 1 + 127 overflows; only the total would hold it
		dst := make([]int8, n)
		calls.Store(0)
		parallel.ExclusiveScan(p, dst, src, 1, checkedAdd)
		for i, v := range dst {
			if v != 1 {
				t.Fatalf("n=%d dst[%d] = %d, want 1", n, i, v)
			}
		}
		if c := calls.Load(); p == execution.Seq && c != int64(n-1) {
			t.Fatalf("n=%d: Seq called op %d times, want %d", n, c, n-1)
		}
	})
}

// TestFloatSumsSignOfZero: a reduction by op.Add of terms that are all -0
// is -0 under every policy, as the left fold gives and any regrouping of
// it; one +0 term, or a pair that cancels, makes it +0. The SIMD kernels
// (which start from +0) and the scan's chunk totals must agree.
func TestFloatSumsSignOfZero(t *testing.T) {
	nz32, nz64 := float32(math.Copysign(0, -1)), math.Copysign(0, -1)
	for _, tp := range policies() {
		for _, n := range tp.lens {
			if n == 0 {
				continue
			}
			x32, x64 := make([]float32, n), make([]float64, n)
			one32, one64 := make([]float32, n), make([]float64, n)
			for i := range x32 {
				x32[i], x64[i], one32[i], one64[i] = nz32, nz64, 1, 1
			}
			where := fmt.Sprintf("%s n=%d", tp.name(), n)
			p := tp.p
			want := func(what string, got float64, neg bool) {
				t.Helper()
				if got != 0 || math.Signbit(got) != neg {
					t.Errorf("%s %s = %v, want %s", where, what, got, map[bool]string{true: "-0", false: "+0"}[neg])
				}
			}
			want("Reduce f32 of -0s", float64(parallel.Reduce(p, x32, nz32, op.Add[float32])), true)
			want("Reduce f64 of -0s", parallel.Reduce(p, x64, nz64, op.Add[float64]), true)
			want("Reduce f64 of -0s from +0", parallel.Reduce(p, x64, 0, op.Add[float64]), false)
			want("TransformReduce f32 Identity of -0s", float64(parallel.TransformReduce(p, x32, nz32, op.Add[float32], op.Identity[float32])), true)
			want("TransformReduce2 f32 -0·1", float64(parallel.TransformReduce2(p, x32, one32, nz32, op.Add[float32], op.Mul[float32])), true)
			want("TransformReduce2 f64 -0·1", parallel.TransformReduce2(p, x64, one64, nz64, op.Add[float64], op.Mul[float64]), true)
			want("TransformReduce f64 Square of -0s", parallel.TransformReduce(p, x64, nz64, op.Add[float64], op.Square[float64]), false)
			dst := make([]float64, n)
			parallel.InclusiveScan(p, dst, x64, op.Add[float64])
			if i := bitsDiff(dst, x64); i >= 0 {
				t.Errorf("%s InclusiveScan f64 of -0s: dst[%d] = %v, want -0", where, i, dst[i])
			}
			// One +0 anywhere makes the sum +0; so does a pair that cancels.
			k := n / 2
			x64[k] = 0
			want("Reduce f64 of -0s and one +0", parallel.Reduce(p, x64, nz64, op.Add[float64]), false)
			one64[k] = -1
			x64[k] = nz64
			want("TransformReduce2 f64 with one (-0)·(-1)", parallel.TransformReduce2(p, x64, one64, nz64, op.Add[float64], op.Mul[float64]), false)
			if n >= 2 {
				x32[0], x32[n-1] = 3, -3
				want("Reduce f32 of -0s and 3, -3", float64(parallel.Reduce(p, x32, nz32, op.Add[float32])), false)
			}
		}
	}
}
