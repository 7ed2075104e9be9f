package asm

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"
)

// Fuzz targets: every tier the CPU supports against the Go twin, on inputs
// decoded from the fuzzer's bytes, with guard elements around the output.
//
//	go test ./asm -run '^$' -fuzz FuzzElementwiseUnary -fuzztime 30s

// ewDecode reads little-endian elements of T from data (a partial last
// element is dropped), at most 1<<16 of them.
func ewDecode[T ewNum](data []byte) []T {
	var zero T
	size := 4
	switch any(zero).(type) {
	case float64, int64:
		size = 8
	}
	n := min(len(data)/size, 1<<16)
	out := make([]T, n)
	for i := range out {
		b := data[i*size:]
		switch any(zero).(type) {
		case float32:
			out[i] = any(math.Float32frombits(binary.LittleEndian.Uint32(b))).(T)
		case float64:
			out[i] = any(math.Float64frombits(binary.LittleEndian.Uint64(b))).(T)
		case int32:
			out[i] = any(int32(binary.LittleEndian.Uint32(b))).(T)
		default:
			out[i] = any(int64(binary.LittleEndian.Uint64(b))).(T)
		}
	}
	return out
}

// ewFromBits makes a T from the low bits of v.
func ewFromBits[T ewNum](v uint64) T {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return ewDecode[T](b[:])[0]
}

// ewFuzzSeeds returns byte strings that decode to special values.
func ewFuzzSeeds() [][]byte {
	var f32, f64, i32, i64 []byte
	for _, v := range ewSpecials[float32]() {
		f32 = binary.LittleEndian.AppendUint32(f32, math.Float32bits(v))
	}
	for _, v := range ewSpecials[float64]() {
		f64 = binary.LittleEndian.AppendUint64(f64, math.Float64bits(v))
	}
	for _, v := range ewSpecials[int32]() {
		i32 = binary.LittleEndian.AppendUint32(i32, uint32(v))
	}
	for _, v := range ewSpecials[int64]() {
		i64 = binary.LittleEndian.AppendUint64(i64, uint64(v))
	}
	long := make([]byte, 1000)
	for i := range long {
		long[i] = byte(i*7 + i/13)
	}
	return [][]byte{nil, {1, 2, 3}, f32, f64, i32, i64, long}
}

// ewEachTier runs f with each supported tier active and, for a SIMD tier,
// once more with every output sent to the NT kernels (streamMin 0).
func ewEachTier(f func(tier Tier)) {
	for _, tier := range ewSupportedTiers() {
		restore, err := Use(tier)
		if err != nil {
			panic(err)
		}
		f(tier)
		if tier != PureGo {
			unforce := rdForceStream()
			f(tier)
			unforce()
		}
		restore()
	}
}

func ewCasesFor[C any](all []any) C {
	for _, cs := range all {
		if c, ok := cs.(C); ok {
			return c
		}
	}
	panic("no cases")
}

func FuzzElementwiseUnary(f *testing.F) {
	for i, s := range ewFuzzSeeds() {
		f.Add(uint8(i), uint8(i), uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, op, typ, off uint8, data []byte) {
		switch typ % 4 {
		case 0:
			ewFuzzUnary(t, ewCasesFor[[]ewUnaryCase[float32]](ewUnaryCases()), op, off, data)
		case 1:
			ewFuzzUnary(t, ewCasesFor[[]ewUnaryCase[float64]](ewUnaryCases()), op, off, data)
		case 2:
			ewFuzzUnary(t, ewCasesFor[[]ewUnaryCase[int32]](ewUnaryCases()), op, off, data)
		default:
			ewFuzzUnary(t, ewCasesFor[[]ewUnaryCase[int64]](ewUnaryCases()), op, off, data)
		}
	})
}

func ewFuzzUnary[T ewNum](t *testing.T, cases []ewUnaryCase[T], op, off uint8, data []byte) {
	c := cases[int(op)%len(cases)]
	src := ewAt(ewDecode[T](data), int(off/8)%8)
	want := make([]T, len(src))
	c.twin(want, src)
	r := rand.New(rand.NewPCG(uint64(op), uint64(off)))
	ewEachTier(func(tier Tier) {
		what := func() string { return c.name + " tier=" + tier.String() }
		o := newEwOut[T](r, int(off%8), len(src), 1)
		c.api(o.dst(1), src)
		o.check(t, what, want, ewSameBits[T])
		d := o.dst(0)
		copy(d, src)
		c.api(d, d)
		o.check(t, func() string { return what() + " in place" }, want, ewSameBits[T])
	})
}

func FuzzElementwiseBinary(f *testing.F) {
	for i, s := range ewFuzzSeeds() {
		f.Add(uint8(i), uint8(i), uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, op, typ, off uint8, data []byte) {
		switch typ % 4 {
		case 0:
			ewFuzzBinary(t, ewCasesFor[[]ewBinaryCase[float32]](ewBinaryCases()), op, off, data)
		case 1:
			ewFuzzBinary(t, ewCasesFor[[]ewBinaryCase[float64]](ewBinaryCases()), op, off, data)
		case 2:
			ewFuzzBinary(t, ewCasesFor[[]ewBinaryCase[int32]](ewBinaryCases()), op, off, data)
		default:
			ewFuzzBinary(t, ewCasesFor[[]ewBinaryCase[int64]](ewBinaryCases()), op, off, data)
		}
	})
}

func ewFuzzBinary[T ewNum](t *testing.T, cases []ewBinaryCase[T], op, off uint8, data []byte) {
	c := cases[int(op)%len(cases)]
	all := ewDecode[T](data)
	h := len(all) / 2
	a0, b0 := all[:h], all[h:2*h]
	if h > 0 && op&0x10 != 0 { // b is a rotated: NaN pairs, x*x, x+x
		b0 = append(append([]T(nil), a0[int(op)%h:]...), a0[:int(op)%h]...)
	}
	a, b := ewAt(a0, int(off/8)%8), ewAt(b0, int(off/64))
	want := make([]T, h)
	c.twin(want, a, b)
	same := ewSameBinary(a, b)
	r := rand.New(rand.NewPCG(uint64(op), uint64(off)))
	ewEachTier(func(tier Tier) {
		what := func() string { return c.name + " tier=" + tier.String() }
		o := newEwOut[T](r, int(off%8), h, 1)
		c.api(o.dst(1), a, b)
		o.check(t, what, want, same)
		d := o.dst(0)
		copy(d, a)
		c.api(d, d, b)
		o.check(t, func() string { return what() + " dst=a" }, want, same)
	})
}

// ewTame scales finite floats down so that no partial sum of up to 2^16 of
// them overflows; the PrefixSum bound assumes that.
func ewTame[T ewNum](v T) T {
	switch x := any(v).(type) {
	case float32:
		if !math.IsInf(float64(x), 0) && math.Abs(float64(x)) > 0x1p100 {
			return any(x * 0x1p-40).(T)
		}
	case float64:
		if !math.IsInf(x, 0) && math.Abs(x) > 0x1p1000 {
			return any(x * 0x1p-40).(T)
		}
	}
	return v
}

func FuzzElementwisePrefixSum(f *testing.F) {
	for i, s := range ewFuzzSeeds() {
		f.Add(uint8(i), uint8(i), uint64(i)<<60, s)
	}
	f.Fuzz(func(t *testing.T, typ, off uint8, carry uint64, data []byte) {
		switch typ % 4 {
		case 0:
			ewFuzzPrefix(t, PrefixSumF32, prefixSumGo[float32], off, carry, data)
		case 1:
			ewFuzzPrefix(t, PrefixSumF64, prefixSumGo[float64], off, carry, data)
		case 2:
			ewFuzzPrefix(t, PrefixSumI32, prefixSumGo[int32], off, carry, data)
		default:
			ewFuzzPrefix(t, PrefixSumI64, prefixSumGo[int64], off, carry, data)
		}
	})
}

func ewFuzzPrefix[T ewNum](t *testing.T, api, twin func(dst, src []T, carry T) T, off uint8, carryBits uint64, data []byte) {
	src := ewDecode[T](data)
	for i := range src {
		src[i] = ewTame(src[i])
	}
	src = ewAt(src, int(off/8)%8)
	carry := ewTame(ewFromBits[T](carryBits))
	want := make([]T, len(src))
	wantRet := twin(want, src, carry)
	same, sameRet := ewCheckPrefix(carry, src, want, wantRet)
	r := rand.New(rand.NewPCG(uint64(off), carryBits))
	ewEachTier(func(tier Tier) {
		what := func() string { return "PrefixSum" + ewTypeName[T]() + " tier=" + tier.String() }
		o := newEwOut[T](r, int(off%8), len(src), 1)
		got := api(o.dst(1), src, carry)
		o.check(t, what, want, same)
		if !sameRet(got) {
			t.Fatalf("%s returned %s, want %s", what(), ewFmt(got), ewFmt(wantRet))
		}
		d := o.dst(0)
		copy(d, src)
		api(d, d, carry)
		o.check(t, func() string { return what() + " in place" }, want, same)
	})
}

func FuzzElementwiseFillIota(f *testing.F) {
	for i, v := range []uint64{0, 1, 0x7fc00000, 0xff800000, 1 << 63, 0x7fffffff, math.MaxUint64} {
		f.Add(uint8(i), uint8(i), uint16(i*97), v)
	}
	f.Fuzz(func(t *testing.T, typ, off uint8, n uint16, v uint64) {
		switch typ % 4 {
		case 0:
			ewFuzzFillIota(t, FillF32, IotaF32, off, int(n), v)
		case 1:
			ewFuzzFillIota(t, FillF64, IotaF64, off, int(n), v)
		case 2:
			ewFuzzFillIota(t, FillI32, IotaI32, off, int(n), v)
		default:
			ewFuzzFillIota(t, FillI64, IotaI64, off, int(n), v)
		}
	})
}

func ewFuzzFillIota[T ewNum](t *testing.T, fill, iota func(dst []T, v T), off uint8, n int, bits uint64) {
	v := ewFromBits[T](bits)
	wantFill, wantIota := make([]T, n), make([]T, n)
	fillGo(wantFill, v)
	iotaGo(wantIota, v, 0)
	r := rand.New(rand.NewPCG(uint64(n), bits))
	ewEachTier(func(tier Tier) {
		o := newEwOut[T](r, int(off%8), n, 0)
		fill(o.dst(0), v)
		o.check(t, func() string { return "Fill" + ewTypeName[T]() + " tier=" + tier.String() }, wantFill, ewSameBits[T])
		o = newEwOut[T](r, int(off%8), n, 0)
		iota(o.dst(0), v)
		o.check(t, func() string { return "Iota" + ewTypeName[T]() + " tier=" + tier.String() }, wantIota, ewSameBits[T])
	})
}
