package inproc

/*
#cgo CFLAGS: -O3 -march=native -fopenmp
#cgo LDFLAGS: -fopenmp
#include <stddef.h>

#define LOOPS(T, S)                                              \
T sum_##S(const T* x, size_t n) {                                \
	T s = 0;                                                     \
	_Pragma("omp simd reduction(+:s)")                           \
	for (size_t i = 0; i < n; i++) s += x[i];                    \
	return s;                                                    \
}                                                                \
T sumsq_##S(const T* x, size_t n) {                              \
	T s = 0;                                                     \
	_Pragma("omp simd reduction(+:s)")                           \
	for (size_t i = 0; i < n; i++) s += x[i] * x[i];             \
	return s;                                                    \
}                                                                \
T dot_##S(const T* x, const T* y, size_t n) {                    \
	T s = 0;                                                     \
	_Pragma("omp simd reduction(+:s)")                           \
	for (size_t i = 0; i < n; i++) s += x[i] * y[i];             \
	return s;                                                    \
}                                                                \
T omp_sum_##S(const T* x, size_t n, int t) {                     \
	T s = 0;                                                     \
	_Pragma("omp parallel for simd reduction(+:s) schedule(static) num_threads(t)") \
	for (size_t i = 0; i < n; i++) s += x[i];                    \
	return s;                                                    \
}                                                                \
T omp_sumsq_##S(const T* x, size_t n, int t) {                   \
	T s = 0;                                                     \
	_Pragma("omp parallel for simd reduction(+:s) schedule(static) num_threads(t)") \
	for (size_t i = 0; i < n; i++) s += x[i] * x[i];             \
	return s;                                                    \
}                                                                \
T omp_dot_##S(const T* x, const T* y, size_t n, int t) {         \
	T s = 0;                                                     \
	_Pragma("omp parallel for simd reduction(+:s) schedule(static) num_threads(t)") \
	for (size_t i = 0; i < n; i++) s += x[i] * y[i];             \
	return s;                                                    \
}

LOOPS(float, f32)
LOOPS(double, f64)
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Float is the element types the loops cover.
type Float interface{ ~float32 | ~float64 }

// Sum returns gcc's vectorised sum of x (0 for an empty x).
func Sum[T Float](x []T) T {
	if len(x) == 0 {
		return 0
	}
	p, n := unsafe.Pointer(unsafe.SliceData(x)), C.size_t(len(x))
	if isF32[T]() {
		return T(C.sum_f32((*C.float)(p), n))
	}
	return T(C.sum_f64((*C.double)(p), n))
}

// SumSquares returns gcc's vectorised sum of the squares of x.
func SumSquares[T Float](x []T) T {
	if len(x) == 0 {
		return 0
	}
	p, n := unsafe.Pointer(unsafe.SliceData(x)), C.size_t(len(x))
	if isF32[T]() {
		return T(C.sumsq_f32((*C.float)(p), n))
	}
	return T(C.sumsq_f64((*C.double)(p), n))
}

// Dot returns gcc's vectorised dot product of x and y[:len(x)].
func Dot[T Float](x, y []T) T {
	if len(x) == 0 {
		return 0
	}
	y = y[:len(x)]
	p, q, n := unsafe.Pointer(unsafe.SliceData(x)), unsafe.Pointer(unsafe.SliceData(y)), C.size_t(len(x))
	if isF32[T]() {
		return T(C.dot_f32((*C.float)(p), (*C.float)(q), n))
	}
	return T(C.dot_f64((*C.double)(p), (*C.double)(q), n))
}

// OMPSum is Sum as transform_reduce.cpp's cpp-omp peer runs it: an
// OpenMP parallel for simd reduction on threads threads of OpenMP's own
// (static schedule: one contiguous span each). It panics unless threads
// >= 1.
func OMPSum[T Float](x []T, threads int) T {
	checkThreads(threads)
	if len(x) == 0 {
		return 0
	}
	p, n, t := unsafe.Pointer(unsafe.SliceData(x)), C.size_t(len(x)), C.int(threads)
	if isF32[T]() {
		return T(C.omp_sum_f32((*C.float)(p), n, t))
	}
	return T(C.omp_sum_f64((*C.double)(p), n, t))
}

// OMPSumSquares is SumSquares on threads OpenMP threads (see OMPSum).
func OMPSumSquares[T Float](x []T, threads int) T {
	checkThreads(threads)
	if len(x) == 0 {
		return 0
	}
	p, n, t := unsafe.Pointer(unsafe.SliceData(x)), C.size_t(len(x)), C.int(threads)
	if isF32[T]() {
		return T(C.omp_sumsq_f32((*C.float)(p), n, t))
	}
	return T(C.omp_sumsq_f64((*C.double)(p), n, t))
}

// OMPDot is Dot on threads OpenMP threads (see OMPSum).
func OMPDot[T Float](x, y []T, threads int) T {
	checkThreads(threads)
	if len(x) == 0 {
		return 0
	}
	y = y[:len(x)]
	p, q, n, t := unsafe.Pointer(unsafe.SliceData(x)), unsafe.Pointer(unsafe.SliceData(y)), C.size_t(len(x)), C.int(threads)
	if isF32[T]() {
		return T(C.omp_dot_f32((*C.float)(p), (*C.float)(q), n, t))
	}
	return T(C.omp_dot_f64((*C.double)(p), (*C.double)(q), n, t))
}

// checkThreads panics unless threads >= 1: OpenMP takes 0 for its default
// count and aborts the process on a negative one.
func checkThreads(threads int) {
	if threads < 1 {
		panic(fmt.Sprintf("inproc: %d OpenMP threads; want 1 or more", threads))
	}
}

func isF32[T Float]() bool {
	var z T
	return unsafe.Sizeof(z) == 4
}
