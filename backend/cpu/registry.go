package cpu

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/hpgo/hpgo/execution"
)

// The kernel registry maps the operations of package op to SIMD kernels.
//
// An operation is recognised by the code pointer of its instantiation
// (reflect.ValueOf(fn).Pointer()): op.Add[float32] referenced anywhere in
// non-generic code is the same function value, whichever package names it,
// so parallel.Reduce(p, xs, 0, op.Add) finds the kernel registered for
// op.Add[float32]. Any other function, a closure doing the same included,
// has another code pointer and runs on the generic path. So does an op
// instantiated inside a generic function (op.Add[T] with T a type
// parameter): Go builds a fresh closure around the shared shape code there.
// An op instantiated for a named type (op.Add[Celsius] with type Celsius
// float32, op.Add[time.Duration]) has a code pointer of its own too; its
// first lookup finds the kernel of the underlying type (derive.go).
//
// Kernels that need no operation (fill, iota, find, min/max values) are keyed
// by element type.
//
// Every entry records its Exactness. An Exact kernel gives bit for bit what
// the sequential left fold (or the element-wise loop) gives, so it may run
// under every policy, Seq included. A Reassociates kernel (a float sum in
// SIMD lanes, say) runs only where the policy allows reassociation: Unseq,
// Par and ParUnseq. A policy on execution.PureGo never gets a kernel.
//
// Registration takes top-level functions (and instantiations of generic
// ones): every closure of one function literal runs the same code whatever
// it captures, as does every method value of one method, so the Register
// functions panic on them rather than hand one's kernel to the others.
//
// Registration is meant for package initialisation; lookups are lock-free.

// Exactness says whether a kernel may replace the sequential loop under Seq.
type Exactness bool

const (
	// Exact: bit-identical to the sequential reference loop (integer add
	// and mul wrap, min/max, element-wise ops, fill, iota, find), up to the
	// sign and payload of a NaN that min/max return (which Go's own min and
	// max do not promise either).
	Exact Exactness = true
	// Reassociates: the kernel regroups a float reduction or scan; its
	// result may differ from the left fold by rounding.
	Reassociates Exactness = false
)

type kernelKind uint8

const (
	kindReduce kernelKind = iota + 1
	kindTransformReduce
	kindTransformReduce2
	kindTransform
	kindTransform2
	kindScan
	kindFill
	kindIota
	kindIndexOf
	kindMinValue
	kindMaxValue
	kindFold
	kindTransformFold
	kindTransformFold2
	kindIotaOffset
	kindMinMaxValue
	kindLastIndexOf
	kindMaxNonNaN
	kindCount
)

// key identifies a registry entry: the kind of kernel, the code pointers of
// the operations involved (zero where unused) and, for the kernels keyed by
// element type, that type's identity (typeID). Only integers, so a lookup
// hashes 32 bytes and compares words: no interfaces, no reflection.
type key struct {
	kind kernelKind
	a, b uintptr
	t    uintptr
}

type entry struct {
	fn    any // the typed kernel, e.g. func([]float32) float32
	exact Exactness
	// builtin marks this package's own registrations (kernels.go), and the
	// entries derived from them: package asm's kernels for package op's
	// functions, which cannot panic (see LookupReduceBuiltin).
	builtin bool
}

// The registry: entries, the authoritative map, written under tableMu by
// registrations (some hundred, at initialisation) and by derive (one entry
// per new key); table, a frozen open-addressing copy of it, which a
// registration clears and the next lookup rebuilds (derive), and derive
// extends one key at a time. A lookup is one atomic load, a multiply-shift
// hash of the key's words and a probe or two: a few nanoseconds, no locks
// (a Go map spends most of ~30 ns hashing the 32-byte key).
var (
	tableMu sync.Mutex
	entries = map[key]entry{}
	table   atomic.Pointer[frozenTable]
)

type slot struct {
	k    key
	e    entry
	used bool
}

// frozenTable is an immutable hash table with linear probing, at most half
// full, so every probe sequence ends at an unused slot.
type frozenTable struct {
	slots []slot // len is a power of two
	mask  uint64
	n     int // used slots
}

func (k key) hash() uint64 {
	h := uint64(k.a)*0x9e3779b97f4a7c15 ^ uint64(k.b)*0xc2b2ae3d27d4eb4f ^
		uint64(k.t)*0x165667b19e3779f9 ^ uint64(k.kind)
	return h ^ h>>29
}

func freeze(m map[key]entry) *frozenTable {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	t := &frozenTable{slots: make([]slot, size), mask: uint64(size - 1)}
	for k, e := range m {
		i := k.hash() & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{k: k, e: e, used: true}
	}
	t.n = len(m)
	return t
}

// with returns a copy of t that also holds e under k (a key t lacks), or,
// when that copy would be more than half full, a fresh freeze of m (which
// holds every entry, k's included). Copying the slots is much cheaper than
// rehashing every entry: derive adds one key at a time.
func (t *frozenTable) with(m map[key]entry, k key, e entry) *frozenTable {
	if t == nil || 2*(t.n+1) > len(t.slots) {
		return freeze(m)
	}
	c := &frozenTable{slots: make([]slot, len(t.slots)), mask: t.mask, n: t.n + 1}
	copy(c.slots, t.slots)
	i := k.hash() & c.mask
	for c.slots[i].used {
		i = (i + 1) & c.mask
	}
	c.slots[i] = slot{k: k, e: e, used: true}
	return c
}

func (t *frozenTable) get(k key) (entry, bool) {
	for i := k.hash() & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			return entry{}, false
		}
		if s.k == k {
			return s.e, true
		}
	}
}

// codePtr is the code pointer of a function value; 0 for a nil function. A
// func value points at a closure record whose first word is the code
// pointer; that is the word reflect.Value.Pointer reports for it (see
// CodePointer, which the tests hold equal to this).
func codePtr[F any](fn F) uintptr {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&fn))
	if p == nil {
		return 0
	}
	return *(*uintptr)(p)
}

// CodePointer reports the code pointer the registry keys fn by: equal for
// every reference to the same function or instantiation of a generic
// function, from any package. Every closure made from one function literal
// shares one code pointer, whatever it captures, as do the method values of
// one method; the Register functions refuse them (see keyFunc), and a
// Lookup never finds a kernel for them. It returns 0 when fn is not a
// non-nil function. It is exported for tests and diagnostics.
func CodePointer(fn any) uintptr {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || v.IsNil() {
		return 0
	}
	return v.Pointer()
}

// sharedCode matches the names of functions whose code many function values
// share, each computing something else: the closures of a function literal
// (F.func1, F.func1.2, F[...].func1, F-range1), method values (T.M-fm) and
// the functions reflect.MakeFunc and reflect.Value.Method make.
var sharedCode = regexp.MustCompile(`\.func\d+(\.\d+)*$|-range\d+(\.\d+)*$|-fm$|^reflect\.(makeFuncStub|methodValueCall)$`)

// keyFunc returns the code pointer of fn, the argument arg of the Register
// function api, for a registration key. It panics if fn is nil, or if its
// code is shared by function values that compute other things (a closure,
// a method value): a kernel registered for one of them would run for all.
// The name check (about 1.4 µs) is skipped for this package's own
// registrations, all of package op's functions, so that it costs nothing at
// start-up; TestBuiltinKeysAreNotSharedCode checks those.
func keyFunc[F any](api, arg string, fn F) uintptr {
	pc := codePtr(fn)
	if pc == 0 {
		panic(fmt.Sprintf("hpgo: cpu.%s: %s is nil", api, arg))
	}
	if registeringBuiltins {
		return pc
	}
	if name := opName(pc); sharedCode.MatchString(name) {
		panic(fmt.Sprintf("hpgo: cpu.%s: %s is a closure or method value (%s), whose code others of its kind share, each computing something else; register a top-level function", api, arg, name))
	}
	return pc
}

// typeID identifies type T: the address of its runtime type descriptor,
// which is unique per type (the data word of the reflect.Type interface).
func typeID[T any]() uintptr {
	t := reflect.TypeFor[T]()
	return (*[2]uintptr)(unsafe.Pointer(&t))[1]
}

// registeringBuiltins is true while kernels.go registers this package's own
// kernels (package initialisation, before any other package can register).
var registeringBuiltins bool

func register(k key, fn any, exact Exactness) {
	if reflect.ValueOf(fn).IsNil() {
		return // an adapter that does not apply on this platform
	}
	tableMu.Lock()
	defer tableMu.Unlock()
	forgetDerived() // what derive found may no longer be what it would find
	entries[k] = entry{fn: fn, exact: exact, builtin: registeringBuiltins}
	if sk, ok := shapeKeyOf(k, reflect.TypeOf(fn), true); ok {
		byShape[sk] = k
	}
	// The table is rebuilt on the next lookup (derive), once for all the
	// registrations of package initialisation rather than once per line.
	table.Store(nil)
}

// kernelsAllowed reports whether p may use any kernel at all.
func kernelsAllowed(p execution.Policy) bool { return p.Backend() != execution.PureGo }

// usable returns the kernel under k as an F when p allows it; known is
// false when the table holds nothing under k yet, for the Lookup function
// to derive it (see derive.go), once. It inlines into the Lookup
// functions, which leaves one call (kernelFor) between a Lookup and the
// table: each call level cost ~1 ns of the ~5 ns a lookup takes. For that
// reason every Lookup spells out "usable, else derive": a shared helper
// holding both does not inline, and cost 1.9 ns a lookup (5.6 → 7.4 ns).
func usable[F any](p execution.Policy, k key) (f F, known bool) {
	fn, known := kernelFor(p, k)
	f, _ = fn.(F)
	return f, known
}

// kernelFor returns the kernel under k when p allows it, else nil; known is
// false when the table holds nothing under k (derive has not seen it yet).
func kernelFor(p execution.Policy, k key) (fn any, known bool) {
	fn, _, known = kernelEntry(p, k)
	return fn, known
}

// kernelEntry is kernelFor that also reports the entry's builtin mark.
func kernelEntry(p execution.Policy, k key) (fn any, builtin, known bool) {
	if !kernelsAllowed(p) {
		return nil, false, true
	}
	t := table.Load()
	if t == nil {
		return nil, false, false
	}
	e, ok := t.get(k)
	if !ok {
		return nil, false, false
	}
	if !bool(e.exact) && p.Ordered() {
		return nil, false, true
	}
	return e.fn, e.builtin, true
}

// opName is the name of the function at code pointer pc, e.g.
// "github.com/hpgo/hpgo/op.Min[...]".
func opName(pc uintptr) string {
	if f := runtime.FuncForPC(pc); f != nil {
		return f.Name()
	}
	return ""
}

const opPkg = "github.com/hpgo/hpgo/op."

// RegisterReduce registers kernel as the reduction of a non-empty slice by
// reduce: kernel(x) == x[0] reduce x[1] reduce ... (up to reassociation when
// exact is Reassociates). It is never called with an empty slice.
//
// Registering op.Min[T] or op.Max[T] also makes kernel the min/max value
// kernel of element type T (see LookupMinValue), used by MinElement.
func RegisterReduce[T any](reduce func(T, T) T, kernel func([]T) T, exact Exactness) {
	pc := keyFunc("RegisterReduce", "reduce", reduce)
	register(key{kind: kindReduce, a: pc}, kernel, exact)
	switch name, _ := opFunc(pc); name {
	case "Min":
		register(key{kind: kindMinValue, t: typeID[T]()}, kernel, exact)
	case "Max":
		register(key{kind: kindMaxValue, t: typeID[T]()}, kernel, exact)
	}
}

// RegisterTransformReduce registers kernel(x) as the reduction by reduce of
// transform applied to each element of a non-empty x.
func RegisterTransformReduce[T, R any](reduce func(R, R) R, transform func(T) R, kernel func([]T) R, exact Exactness) {
	register(key{kind: kindTransformReduce, a: keyFunc("RegisterTransformReduce", "reduce", reduce), b: keyFunc("RegisterTransformReduce", "transform", transform)}, kernel, exact)
}

// RegisterTransformReduce2 registers kernel(x, y) as the reduction by reduce
// of transform(x[i], y[i]) over non-empty x and y of equal length: with
// op.Add and op.Mul, the dot product.
func RegisterTransformReduce2[T, U, R any](reduce func(R, R) R, transform func(T, U) R, kernel func([]T, []U) R, exact Exactness) {
	register(key{kind: kindTransformReduce2, a: keyFunc("RegisterTransformReduce2", "reduce", reduce), b: keyFunc("RegisterTransformReduce2", "transform", transform)}, kernel, exact)
}

// RegisterTransform registers kernel(dst, src) as dst[i] = fn(src[i]) for i
// < len(src) (len(dst) >= len(src)). Element-wise kernels are Exact.
func RegisterTransform[T, U any](fn func(T) U, kernel func(dst []U, src []T)) {
	register(key{kind: kindTransform, a: keyFunc("RegisterTransform", "fn", fn)}, kernel, Exact)
}

// RegisterTransform2 registers kernel(dst, a, b) as dst[i] = fn(a[i], b[i])
// for i < len(a) (len(b) == len(a), len(dst) >= len(a)).
func RegisterTransform2[T, U, V any](fn func(T, U) V, kernel func(dst []V, a []T, b []U)) {
	register(key{kind: kindTransform2, a: keyFunc("RegisterTransform2", "fn", fn)}, kernel, Exact)
}

// RegisterScan registers kernel as the inclusive scan of src by op starting
// from carry: dst[i] = carry op src[0] op ... op src[i]; it returns the last
// value (carry when src is empty). dst may be src.
func RegisterScan[T any](op func(T, T) T, kernel func(dst, src []T, carry T) T, exact Exactness) {
	register(key{kind: kindScan, a: keyFunc("RegisterScan", "op", op)}, kernel, exact)
}

// RegisterFill registers kernel(dst, v) as setting every element of dst to
// v, for element type T.
func RegisterFill[T any](kernel func(dst []T, v T)) {
	register(key{kind: kindFill, t: typeID[T]()}, kernel, Exact)
}

// RegisterIota registers kernel(dst, start) as dst[i] = start + T(i), for
// element type T.
func RegisterIota[T any](kernel func(dst []T, start T)) {
	register(key{kind: kindIota, t: typeID[T]()}, kernel, Exact)
}

// RegisterIotaOffset registers kernel(dst, start, offset) as
// dst[i] = start + T(offset+i), for element type T: a piece of an iota that
// agrees with the whole where start + T(offset) would round (floats).
func RegisterIotaOffset[T any](kernel func(dst []T, start T, offset int)) {
	register(key{kind: kindIotaOffset, t: typeID[T]()}, kernel, Exact)
}

// RegisterIndexOf registers kernel(x, v) as the lowest i with x[i] == v (Go's
// ==: NaN matches nothing, -0 matches +0), or -1, for element type T.
func RegisterIndexOf[T any](kernel func(x []T, v T) int) {
	register(key{kind: kindIndexOf, t: typeID[T]()}, kernel, Exact)
}

// RegisterMinMaxValue registers kernel(x) as (min of x, max of x) with the
// builtin min and max semantics (NaN if any element is NaN, -0 < +0), over
// a non-empty x of element type T, in one pass: MinMaxElement's kernel.
func RegisterMinMaxValue[T any](kernel func(x []T) (lo, hi T)) {
	register(key{kind: kindMinMaxValue, t: typeID[T]()}, kernel, Exact)
}

// RegisterLastIndexOf registers kernel(x, v) as the highest i with x[i] == v
// (Go's ==), or -1, for element type T.
func RegisterLastIndexOf[T any](kernel func(x []T, v T) int) {
	register(key{kind: kindLastIndexOf, t: typeID[T]()}, kernel, Exact)
}

// RegisterCount registers kernel(x, v) as the number of i with x[i] == v
// (Go's ==: NaN matches nothing, -0 matches +0), for element type T.
func RegisterCount[T any](kernel func(x []T, v T) int) {
	register(key{kind: kindCount, t: typeID[T]()}, kernel, Exact)
}

// RegisterMaxNonNaN registers kernel(x) as the greatest element of x that
// is not a NaN (the builtin max's order otherwise: -0 < +0), with ok false
// when x holds none, for float element type T. MaxElement and
// MinMaxElement use it on a block that holds a NaN.
func RegisterMaxNonNaN[T any](kernel func(x []T) (m T, ok bool)) {
	register(key{kind: kindMaxNonNaN, t: typeID[T]()}, kernel, Exact)
}

// LookupReduce returns the kernel registered for reduce when policy p may
// use it, else nil.
func LookupReduce[T any](p execution.Policy, reduce func(T, T) T) func([]T) T {
	k, _ := LookupReduceBuiltin(p, reduce)
	return k
}

// LookupReduceBuiltin is LookupReduce that also reports whether the kernel
// is one of hpgo's own, registered by this package for a function of
// package op (or derived from one for a named type): such a kernel and its
// op cannot panic, so package parallel runs them inline without a deferred
// recover (~2 ns a call). A kernel registered by any other package may
// panic like any user code, and builtin is false for it.
func LookupReduceBuiltin[T any](p execution.Policy, reduce func(T, T) T) (kernel func([]T) T, builtin bool) {
	k := key{kind: kindReduce, a: codePtr(reduce)}
	if fn, b, known := kernelEntry(p, k); known {
		kernel, _ = fn.(func([]T) T)
		return kernel, b && kernel != nil
	}
	return deriveEntry[func([]T) T](p, k)
}

// LookupTransformReduce returns the kernel registered for the pair
// (reduce, transform) when policy p may use it, else nil.
func LookupTransformReduce[T, R any](p execution.Policy, reduce func(R, R) R, transform func(T) R) func([]T) R {
	k, _ := LookupTransformReduceBuiltin(p, reduce, transform)
	return k
}

// LookupTransformReduceBuiltin is LookupTransformReduce that also reports
// whether the kernel is one of hpgo's own (see LookupReduceBuiltin).
func LookupTransformReduceBuiltin[T, R any](p execution.Policy, reduce func(R, R) R, transform func(T) R) (kernel func([]T) R, builtin bool) {
	k := key{kind: kindTransformReduce, a: codePtr(reduce), b: codePtr(transform)}
	if fn, b, known := kernelEntry(p, k); known {
		kernel, _ = fn.(func([]T) R)
		return kernel, b && kernel != nil
	}
	return deriveEntry[func([]T) R](p, k)
}

// LookupTransformReduce2 returns the kernel registered for the pair
// (reduce, transform) of the binary form when policy p may use it, else nil.
func LookupTransformReduce2[T, U, R any](p execution.Policy, reduce func(R, R) R, transform func(T, U) R) func([]T, []U) R {
	k, _ := LookupTransformReduce2Builtin(p, reduce, transform)
	return k
}

// LookupTransformReduce2Builtin is LookupTransformReduce2 that also reports
// whether the kernel is one of hpgo's own (see LookupReduceBuiltin).
func LookupTransformReduce2Builtin[T, U, R any](p execution.Policy, reduce func(R, R) R, transform func(T, U) R) (kernel func([]T, []U) R, builtin bool) {
	k := key{kind: kindTransformReduce2, a: codePtr(reduce), b: codePtr(transform)}
	if fn, b, known := kernelEntry(p, k); known {
		kernel, _ = fn.(func([]T, []U) R)
		return kernel, b && kernel != nil
	}
	return deriveEntry[func([]T, []U) R](p, k)
}

// LookupTransform returns the element-wise kernel registered for fn when
// policy p may use it, else nil.
func LookupTransform[T, U any](p execution.Policy, fn func(T) U) func(dst []U, src []T) {
	k := key{kind: kindTransform, a: codePtr(fn)}
	if f, known := usable[func([]U, []T)](p, k); known {
		return f
	}
	return derive[func([]U, []T)](p, k)
}

// LookupTransform2 returns the binary element-wise kernel registered for fn
// when policy p may use it, else nil.
func LookupTransform2[T, U, V any](p execution.Policy, fn func(T, U) V) func(dst []V, a []T, b []U) {
	k := key{kind: kindTransform2, a: codePtr(fn)}
	if f, known := usable[func([]V, []T, []U)](p, k); known {
		return f
	}
	return derive[func([]V, []T, []U)](p, k)
}

// LookupScan returns the scan kernel registered for op when policy p may use
// it, else nil.
func LookupScan[T any](p execution.Policy, op func(T, T) T) func(dst, src []T, carry T) T {
	k := key{kind: kindScan, a: codePtr(op)}
	if f, known := usable[func([]T, []T, T) T](p, k); known {
		return f
	}
	return derive[func([]T, []T, T) T](p, k)
}

// LookupFill returns the fill kernel for element type T, or nil.
func LookupFill[T any](p execution.Policy) func(dst []T, v T) {
	k := key{kind: kindFill, t: typeID[T]()}
	if f, known := usable[func([]T, T)](p, k); known {
		return f
	}
	return derive[func([]T, T)](p, k)
}

// LookupIota returns the iota kernel for element type T, or nil.
func LookupIota[T any](p execution.Policy) func(dst []T, start T) {
	k := key{kind: kindIota, t: typeID[T]()}
	if f, known := usable[func([]T, T)](p, k); known {
		return f
	}
	return derive[func([]T, T)](p, k)
}

// LookupIotaOffset returns the kernel that fills a piece of an iota, for
// element type T, or nil (see RegisterIotaOffset).
func LookupIotaOffset[T any](p execution.Policy) func(dst []T, start T, offset int) {
	k := key{kind: kindIotaOffset, t: typeID[T]()}
	if f, known := usable[func([]T, T, int)](p, k); known {
		return f
	}
	return derive[func([]T, T, int)](p, k)
}

// LookupIndexOf returns the find kernel for element type T, or nil.
func LookupIndexOf[T any](p execution.Policy) func(x []T, v T) int {
	k := key{kind: kindIndexOf, t: typeID[T]()}
	if f, known := usable[func([]T, T) int](p, k); known {
		return f
	}
	return derive[func([]T, T) int](p, k)
}

// LookupMinValue returns the kernel registered for op.Min[T] (builtin min
// semantics over a non-empty slice: NaN if any element is NaN), or nil.
func LookupMinValue[T any](p execution.Policy) func([]T) T {
	k := key{kind: kindMinValue, t: typeID[T]()}
	if f, known := usable[func([]T) T](p, k); known {
		return f
	}
	return derive[func([]T) T](p, k)
}

// LookupLastIndexOf returns the backward find kernel for element type T, or
// nil.
func LookupLastIndexOf[T any](p execution.Policy) func(x []T, v T) int {
	k := key{kind: kindLastIndexOf, t: typeID[T]()}
	if f, known := usable[func([]T, T) int](p, k); known {
		return f
	}
	return derive[func([]T, T) int](p, k)
}

// LookupCount returns the count kernel for element type T (see
// RegisterCount), or nil.
func LookupCount[T any](p execution.Policy) func(x []T, v T) int {
	k := key{kind: kindCount, t: typeID[T]()}
	if f, known := usable[func([]T, T) int](p, k); known {
		return f
	}
	return derive[func([]T, T) int](p, k)
}

// LookupMaxNonNaN returns the NaN-skipping max kernel for element type T
// (see RegisterMaxNonNaN), or nil.
func LookupMaxNonNaN[T any](p execution.Policy) func(x []T) (m T, ok bool) {
	k := key{kind: kindMaxNonNaN, t: typeID[T]()}
	if f, known := usable[func([]T) (T, bool)](p, k); known {
		return f
	}
	return derive[func([]T) (T, bool)](p, k)
}

// LookupMinMaxValue returns the fused min and max kernel for element type T
// (see RegisterMinMaxValue), or nil.
func LookupMinMaxValue[T any](p execution.Policy) func(x []T) (lo, hi T) {
	k := key{kind: kindMinMaxValue, t: typeID[T]()}
	if f, known := usable[func([]T) (T, T)](p, k); known {
		return f
	}
	return derive[func([]T) (T, T)](p, k)
}

// LookupMaxValue returns the kernel registered for op.Max[T], or nil.
func LookupMaxValue[T any](p execution.Policy) func([]T) T {
	k := key{kind: kindMaxValue, t: typeID[T]()}
	if f, known := usable[func([]T) T](p, k); known {
		return f
	}
	return derive[func([]T) T](p, k)
}

// Adapters that run a kernel written for one element type on another of the
// same size and bit-level behaviour (int on int64, uint32 on int32, ...).
// Each returns nil when the sizes differ, which register ignores, so a line
// such as RegisterReduce(op.Add[int], ReduceAs[int](asm.SumI64), Exact) is
// harmless on a 32-bit platform.

func sameSize[A, B any]() bool {
	var a A
	var b B
	return unsafe.Sizeof(a) == unsafe.Sizeof(b)
}

func cast[To, From any](x []From) []To {
	return unsafe.Slice((*To)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

func castv[To, From any](v From) To { return *(*To)(unsafe.Pointer(&v)) }

// ReduceAs adapts a reduction kernel over K to element type T.
func ReduceAs[T, K any](k func([]K) K) func([]T) T {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(x []T) T { return castv[T](k(cast[K](x))) }
}

// MinMaxAs adapts a fused min and max kernel over K to T.
func MinMaxAs[T, K any](k func([]K) (K, K)) func([]T) (T, T) {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(x []T) (T, T) {
		lo, hi := k(cast[K](x))
		return castv[T](lo), castv[T](hi)
	}
}

// Reduce2As adapts a binary reduction kernel (a dot product) over K to T.
func Reduce2As[T, K any](k func([]K, []K) K) func([]T, []T) T {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(x, y []T) T { return castv[T](k(cast[K](x), cast[K](y))) }
}

// MapAs adapts an element-wise kernel over K to T.
func MapAs[T, K any](k func(dst, src []K)) func(dst, src []T) {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(dst, src []T) { k(cast[K](dst), cast[K](src)) }
}

// Map2As adapts a binary element-wise kernel over K to T.
func Map2As[T, K any](k func(dst, a, b []K)) func(dst, a, b []T) {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(dst, a, b []T) { k(cast[K](dst), cast[K](a), cast[K](b)) }
}

// ScanAs adapts a scan kernel over K to T.
func ScanAs[T, K any](k func(dst, src []K, carry K) K) func(dst, src []T, carry T) T {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(dst, src []T, carry T) T {
		return castv[T](k(cast[K](dst), cast[K](src), castv[K](carry)))
	}
}

// FillAs adapts a fill or iota kernel over K to T.
func FillAs[T, K any](k func(dst []K, v K)) func(dst []T, v T) {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(dst []T, v T) { k(cast[K](dst), castv[K](v)) }
}

// IndexOfAs adapts a find or count kernel (IndexOf, LastIndexOf or Count)
// over K to T (bit
// equality must be Go's == for T: integers, not floats).
func IndexOfAs[T, K any](k func(x []K, v K) int) func(x []T, v T) int {
	if k == nil || !sameSize[T, K]() {
		return nil
	}
	return func(x []T, v T) int { return k(cast[K](x), castv[K](v)) }
}
