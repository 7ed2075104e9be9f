package parallel_test

import (
	"cmp"
	"encoding/binary"
	"math"
	"testing"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
	"github.com/hpgo/hpgo/parallel"
)

// fuzzPolicy picks a parallel policy with small chunks from a fuzzed byte,
// so that short inputs are split too.
func fuzzPolicy(b byte) execution.Policy {
	size := int(b%61) + 1
	switch b % 4 {
	case 0:
		return execution.Par.With(execution.StaticChunk(size))
	case 1:
		return execution.ParUnseq.With(execution.DynamicChunk(size))
	case 2:
		return execution.Par.With(execution.GuidedChunk())
	}
	return execution.Unseq
}

func int64s(data []byte) []int64 {
	xs := make([]int64, len(data)/8)
	for i := range xs {
		xs[i] = int64(binary.LittleEndian.Uint64(data[8*i:]))
	}
	return xs
}

// floats turns the data into float64s, special values included.
func floats(data []byte) []float64 {
	xs := make([]float64, len(data)/8)
	for i := range xs {
		xs[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
	}
	return xs
}

func fuzzSeeds(f *testing.F) {
	f.Add(byte(0), []byte{})
	f.Add(byte(1), []byte("0123456789abcdef0123456789abcdef01234567"))
	f.Add(byte(6), make([]byte, 8*100))
	seq := make([]byte, 8*300)
	for i := range seq {
		seq[i] = byte(i * 37)
	}
	f.Add(byte(7), seq)
	nan := make([]byte, 8*20)
	binary.LittleEndian.PutUint64(nan[8*5:], math.Float64bits(math.NaN()))
	binary.LittleEndian.PutUint64(nan[8*9:], math.Float64bits(math.Inf(-1)))
	f.Add(byte(9), nan)
	negZeros := make([]byte, 8*70)
	for i := 0; i < len(negZeros); i += 8 {
		binary.LittleEndian.PutUint64(negZeros[i:], math.Float64bits(math.Copysign(0, -1)))
	}
	f.Add(byte(10), negZeros)
	f.Add(byte(13), negZeros[:8*9])
}

// FuzzTransformReduceParVsSeq: integer results are identical under Seq and
// a parallel policy; float sums agree within the reassociation bound.
func FuzzTransformReduceParVsSeq(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, pb byte, data []byte) {
		p := fuzzPolicy(pb)
		xs := int64s(data)
		sq := func(x int64) int64 { return x * x }
		if s, q := parallel.TransformReduce(execution.Seq, xs, 3, op.Add, sq), parallel.TransformReduce(p, xs, 3, op.Add, sq); s != q {
			t.Fatalf("%v: closure int64 %d, seq %d", p, q, s)
		}
		if s, q := parallel.TransformReduce(execution.Seq, xs, 3, op.Add, op.Square), parallel.TransformReduce(p, xs, 3, op.Add, op.Square); s != q {
			t.Fatalf("%v: kernel int64 %d, seq %d", p, q, s)
		}
		fs := floats(data)
		// Scale finite values down so the sum cannot overflow.
		for i, x := range fs {
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				fs[i] = math.Mod(x, 1e6)
			}
		}
		want, abs := sumRef(fs)
		for _, got := range []float64{
			parallel.TransformReduce(p, fs, 0, op.Add, op.Identity),
			parallel.Reduce(p, fs, 0, op.Add),
			parallel.Reduce(p, fs, 0, func(a, b float64) float64 { return a + b }),
		} {
			if !closeTo(got, want, len(fs)+1, epsF64, abs) {
				t.Fatalf("%v: float sum %v, want %v", p, got, want)
			}
		}
		// A zero sum has the same sign in every order: -0 exactly when every
		// term (and init) is -0.
		negZero := math.Copysign(0, -1)
		if s := parallel.Reduce(execution.Seq, fs, negZero, op.Add); s == 0 {
			for _, got := range []float64{
				parallel.Reduce(p, fs, negZero, op.Add),
				parallel.TransformReduce(p, fs, negZero, op.Add, op.Identity),
			} {
				if got == 0 && math.Signbit(got) != math.Signbit(s) {
					t.Fatalf("%v: float sum %v, seq %v", p, got, s)
				}
			}
		}
		if s, q := parallel.Reduce(execution.Seq, fs, math.Inf(1), op.Min), parallel.Reduce(p, fs, math.Inf(1), op.Min); !sameBits(s, q) {
			t.Fatalf("%v: min %v, seq %v", p, q, s)
		}
	})
}

// FuzzScanParVsSeq: integer scans are identical under Seq and a parallel
// policy, in place or not, inclusive and exclusive.
func FuzzScanParVsSeq(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, pb byte, data []byte) {
		p := fuzzPolicy(pb)
		xs := int64s(data)
		for _, fn := range []func(a, b int64) int64{op.Add[int64], func(a, b int64) int64 { return a ^ b }} {
			want := make([]int64, len(xs))
			parallel.InclusiveScan(execution.Seq, want, xs, fn)
			got := append([]int64(nil), xs...)
			parallel.InclusiveScan(p, got, got, fn)
			if i := firstDiff(got, want); i >= 0 {
				t.Fatalf("%v inclusive: [%d] = %d, want %d", p, i, got[i], want[i])
			}
			parallel.ExclusiveScan(execution.Seq, want, xs, 17, fn)
			got = make([]int64, len(xs))
			parallel.ExclusiveScan(p, got, xs, 17, fn)
			if i := firstDiff(got, want); i >= 0 {
				t.Fatalf("%v exclusive: [%d] = %d, want %d", p, i, got[i], want[i])
			}
		}
		fs := randAffine(len(xs))
		want := make([]affine, len(fs))
		parallel.InclusiveScan(execution.Seq, want, fs, then)
		parallel.InclusiveScan(p, fs, fs, then)
		if i := firstDiff(fs, want); i >= 0 {
			t.Fatalf("%v affine: [%d]", p, i)
		}
	})
}

// FuzzFindParVsSeq: Find, FindIf, AnyOf, Count, MinElement and
// MinMaxElement give the same answers under Seq and a parallel policy (and
// MinMaxElement and Count[int64] the same as the generic loops of
// MinMaxElementFunc and CountIf).
func FuzzFindParVsSeq(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, pb byte, data []byte) {
		p := fuzzPolicy(pb)
		for _, v := range []byte{0, 1, 48, 255} {
			if s, q := parallel.Find(execution.Seq, data, v), parallel.Find(p, data, v); s != q {
				t.Fatalf("%v: Find(%d) = %d, seq %d", p, v, q, s)
			}
			pred := func(b byte) bool { return b > v }
			if s, q := parallel.FindIf(execution.Seq, data, pred), parallel.FindIf(p, data, pred); s != q {
				t.Fatalf("%v: FindIf(>%d) = %d, seq %d", p, v, q, s)
			}
			if s, q := parallel.AnyOf(execution.Seq, data, pred), parallel.AnyOf(p, data, pred); s != q {
				t.Fatalf("%v: AnyOf(>%d) = %v, seq %v", p, v, q, s)
			}
			if s, q := parallel.Count(execution.Seq, data, v), parallel.Count(p, data, v); s != q {
				t.Fatalf("%v: Count(%d) = %d, seq %d", p, v, q, s)
			}
		}
		xs := int64s(data)
		if len(xs) > 0 {
			v := xs[len(xs)/2]
			// The count kernel against the generic loop of CountIf.
			if s, q := parallel.CountIf(execution.Seq, xs, func(x int64) bool { return x == v }), parallel.Count(p, xs, v); s != q {
				t.Fatalf("%v: Count[int64] = %d, loop %d", p, q, s)
			}
			if s, q := parallel.Find(execution.Seq, xs, v), parallel.Find(p, xs, v); s != q {
				t.Fatalf("%v: Find[int64] = %d, seq %d", p, q, s)
			}
			// Kernels (fused min+max, backward find) against the generic
			// loop of the Func form under Seq.
			lo, hi := parallel.MinMaxElementFunc(execution.Seq, xs, cmp.Compare[int64])
			if a, b := parallel.MinMaxElement(p, xs); a != lo || b != hi {
				t.Fatalf("%v: MinMaxElement[int64] = %d, %d, loop %d, %d", p, a, b, lo, hi)
			}
		}
		fs := floats(data)
		if len(fs) > 0 {
			v := fs[len(fs)-1]
			if s, q := parallel.Find(execution.Seq, fs, v), parallel.Find(p, fs, v); s != q {
				t.Fatalf("%v: Find[float64](%v) = %d, seq %d", p, v, q, s)
			}
			if s, q := parallel.MinElement(execution.Seq, fs), parallel.MinElement(p, fs); s != q {
				t.Fatalf("%v: MinElement = %d, seq %d", p, q, s)
			}
			lo, hi := parallel.MinMaxElementFunc(execution.Seq, fs, cmp.Compare[float64])
			for _, q := range []execution.Policy{execution.Seq, p} {
				if a, b := parallel.MinMaxElement(q, fs); a != lo || b != hi {
					t.Fatalf("%v: MinMaxElement = %d, %d, loop %d, %d", q, a, b, lo, hi)
				}
			}
		}
	})
}
