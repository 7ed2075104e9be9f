package cpu

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/hpgo/hpgo/execution"
)

// Kernels for named element types.
//
// The kernels are registered for the predeclared types: op.Add[float32],
// op.Add[int64], ... A named type has the arithmetic of its underlying type,
// so op.Add[Celsius] (type Celsius float32) or op.Add[time.Duration] (an
// int64) computes exactly what op.Add[float32] or op.Add[int64] computes, on
// values laid out the same way; but its instantiation has a code pointer of
// its own, which the table does not hold.
//
// The first lookup of such a key derives its kernel: it names the op
// functions of the key (runtime.FuncForPC gives "…/op.Add[...]" for every
// instantiation of op.Add), takes the element type's kind from the
// requested kernel signature F, and finds the kernel registered for the
// same ops on the predeclared type of that kind (byShape). That kernel,
// func([]float32) float32 say, is then used as the F the lookup asked for,
// func([]Celsius) Celsius: the two differ only in names of types with the
// same underlying types, so they take and return their arguments in the same
// registers and memory (sameABI checks it, kind by kind). What derive finds,
// a kernel or none (a closure, a function outside package op, an element
// kind without kernels), is recorded under the key, so every later lookup
// of it is an ordinary hit in the table.
//
// Ops instantiated inside generic code (op.Add[T] with T a type parameter)
// are closures built around shared code, not instantiations of op: they
// stay on the generic path.

// shapeKey names a kernel by what it computes: its kind, the names of its
// op functions ("Add", "Square"; empty where unused) and the kind of its
// element type.
type shapeKey struct {
	kind kernelKind
	a, b string
	elem reflect.Kind
}

// byShape maps the shape of every kernel registered for ops of package op
// on a predeclared element type to its key; derived holds the keys derive
// added to entries. Both are written under tableMu.
var (
	byShape = map[shapeKey]key{}
	derived = map[key]bool{}
)

// forgetDerived drops what derive recorded, for a registration that may
// change it. The caller holds tableMu.
func forgetDerived() {
	for k := range derived {
		delete(entries, k)
	}
	clear(derived)
}

// shapeKeyOf gives the shape of the kernel under k with signature ft, and
// whether it has one: the ops of k must be functions of package op, and
// ft's element type (the elements of its first parameter) must be a
// predeclared type when predeclared is set.
func shapeKeyOf(k key, ft reflect.Type, predeclared bool) (shapeKey, bool) {
	if ft.Kind() != reflect.Func || ft.NumIn() == 0 {
		return shapeKey{}, false
	}
	elem := ft.In(0)
	if elem.Kind() == reflect.Slice {
		elem = elem.Elem()
	}
	if predeclared && (elem.PkgPath() != "" || elem.Name() != elem.Kind().String()) {
		return shapeKey{}, false
	}
	a, okA := opFunc(k.a)
	b, okB := opFunc(k.b)
	return shapeKey{kind: k.kind, a: a, b: b, elem: elem.Kind()}, okA && okB
}

// opFunc is the name of the op function at code pointer pc ("Add" for any
// instantiation of op.Add), "" for pc 0; ok is false for a function outside
// package op.
func opFunc(pc uintptr) (name string, ok bool) {
	if pc == 0 {
		return "", true
	}
	name, ok = strings.CutPrefix(opName(pc), opPkg)
	if !ok {
		return "", false
	}
	name, generic := strings.CutSuffix(name, "[...]")
	return name, generic && !strings.ContainsAny(name, ".[]")
}

// derive finds, records and returns the kernel for a key the table does not
// hold yet (see the top of this file).
func derive[F any](p execution.Policy, k key) (f F) {
	f, _ = deriveEntry[F](p, k)
	return f
}

// deriveEntry is derive that also reports the entry's builtin mark.
func deriveEntry[F any](p execution.Policy, k key) (f F, builtin bool) {
	ft := reflect.TypeFor[F]()
	tableMu.Lock()
	if table.Load() == nil { // registrations since the last build
		table.Store(freeze(entries))
	}
	e, ok := entries[k]
	if !ok {
		if base, found := baseEntry(k, ft); found {
			var g F
			*(*unsafe.Pointer)(unsafe.Pointer(&g)) = funcWord(base.fn)
			e = entry{fn: g, exact: base.exact, builtin: base.builtin}
		}
		entries[k] = e // a kernel, or none (fn nil): derived once
		derived[k] = true
		table.Store(table.Load().with(entries, k, e))
	}
	tableMu.Unlock()
	if e.fn == nil || !kernelsAllowed(p) || (!bool(e.exact) && p.Ordered()) {
		return f, false
	}
	f, typed := e.fn.(F)
	return f, typed && e.builtin
}

// baseEntry returns the registered kernel of k's shape on the predeclared
// type of ft's element kind, if there is one and its signature has ft's
// ABI. The caller holds tableMu.
func baseEntry(k key, ft reflect.Type) (entry, bool) {
	sk, ok := shapeKeyOf(k, ft, false)
	if !ok {
		return entry{}, false
	}
	bk, ok := byShape[sk]
	if !ok {
		return entry{}, false
	}
	e := entries[bk]
	if e.fn == nil || !sameABI(reflect.TypeOf(e.fn), ft) {
		return entry{}, false
	}
	return e, true
}

// funcWord is the data word of an interface holding a func value: the
// pointer to its closure record, which is the func value itself.
func funcWord(fn any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&fn))[1]
}

// sameABI reports whether func types a and b pass their arguments and
// results alike: the same shape, with numeric (or bool) kinds where b has
// names of its own (func([]float32) float32 and func([]Celsius) Celsius,
// say).
func sameABI(a, b reflect.Type) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case reflect.Func:
		if a.NumIn() != b.NumIn() || a.NumOut() != b.NumOut() || a.IsVariadic() != b.IsVariadic() {
			return false
		}
		for i := range a.NumIn() {
			if !sameABI(a.In(i), b.In(i)) {
				return false
			}
		}
		for i := range a.NumOut() {
			if !sameABI(a.Out(i), b.Out(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		return sameABI(a.Elem(), b.Elem())
	case reflect.Int, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return true
	}
	return false
}
