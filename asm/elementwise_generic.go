//go:build !amd64 || purego

package asm

// Without assembly every elementwise kernel is its Go twin.

func squareF32(dst, src []float32) { squareGo[float32](dst, src) }

func absF32(dst, src []float32) { absF32Go(dst, src) }

func negateF32(dst, src []float32) { negateF32Go(dst, src) }

func addF32(dst, a, b []float32) { addGo[float32](dst, a, b) }

func mulF32(dst, a, b []float32) { mulGo[float32](dst, a, b) }

func prefixSumF32(dst, src []float32, carry float32) float32 { return prefixSumGo(dst, src, carry) }

func fillF32(dst []float32, v float32) { fillGo(dst, v) }

func iotaF32(dst []float32, start float32) { iotaGo(dst, start, 0) }

func squareF64(dst, src []float64) { squareGo[float64](dst, src) }

func absF64(dst, src []float64) { absF64Go(dst, src) }

func negateF64(dst, src []float64) { negateF64Go(dst, src) }

func addF64(dst, a, b []float64) { addGo[float64](dst, a, b) }

func mulF64(dst, a, b []float64) { mulGo[float64](dst, a, b) }

func prefixSumF64(dst, src []float64, carry float64) float64 { return prefixSumGo(dst, src, carry) }

func fillF64(dst []float64, v float64) { fillGo(dst, v) }

func iotaF64(dst []float64, start float64) { iotaGo(dst, start, 0) }

func squareI32(dst, src []int32) { squareGo[int32](dst, src) }

func absI32(dst, src []int32) { absIntGo[int32](dst, src) }

func negateI32(dst, src []int32) { negateIntGo[int32](dst, src) }

func addI32(dst, a, b []int32) { addGo[int32](dst, a, b) }

func mulI32(dst, a, b []int32) { mulGo[int32](dst, a, b) }

func prefixSumI32(dst, src []int32, carry int32) int32 { return prefixSumGo(dst, src, carry) }

func fillI32(dst []int32, v int32) { fillGo(dst, v) }

func iotaI32(dst []int32, start int32) { iotaGo(dst, start, 0) }

func squareI64(dst, src []int64) { squareGo[int64](dst, src) }

func absI64(dst, src []int64) { absIntGo[int64](dst, src) }

func negateI64(dst, src []int64) { negateIntGo[int64](dst, src) }

func addI64(dst, a, b []int64) { addGo[int64](dst, a, b) }

func mulI64(dst, a, b []int64) { mulGo[int64](dst, a, b) }

func prefixSumI64(dst, src []int64, carry int64) int64 { return prefixSumGo(dst, src, carry) }

func fillI64(dst []int64, v int64) { fillGo(dst, v) }

func iotaI64(dst []int64, start int64) { iotaGo(dst, start, 0) }

// iotaF32At and iotaF64At set dst[i] = start + T(base+i).
func iotaF32At(dst []float32, start float32, base int) { iotaGo(dst, start, base) }

func iotaF64At(dst []float64, start float64, base int) { iotaGo(dst, start, base) }
