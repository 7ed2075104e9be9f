//go:build !amd64 || purego

package asm

// Without assembly every reduction runs its pure-Go twin.

func sumF32(x []float32) float32                { return sumF32Go(x) }
func sumF64(x []float64) float64                { return sumF64Go(x) }
func sumI32(x []int32) int32                    { return sumI32Go(x) }
func sumI64(x []int64) int64                    { return sumI64Go(x) }
func sumSquaresF32(x []float32) float32         { return sumSquaresF32Go(x) }
func sumSquaresF64(x []float64) float64         { return sumSquaresF64Go(x) }
func sumSquaresI32(x []int32) int32             { return sumSquaresI32Go(x) }
func sumSquaresI64(x []int64) int64             { return sumSquaresI64Go(x) }
func dotF32(x, y []float32) float32             { return dotF32Go(x, y) }
func dotF64(x, y []float64) float64             { return dotF64Go(x, y) }
func dotI32(x, y []int32) int32                 { return dotI32Go(x, y) }
func dotI64(x, y []int64) int64                 { return dotI64Go(x, y) }
func minF32(x []float32) float32                { return minF32Go(x) }
func minF64(x []float64) float64                { return minF64Go(x) }
func minI32(x []int32) int32                    { return minI32Go(x) }
func minI64(x []int64) int64                    { return minI64Go(x) }
func maxF32(x []float32) float32                { return maxF32Go(x) }
func maxF64(x []float64) float64                { return maxF64Go(x) }
func maxI32(x []int32) int32                    { return maxI32Go(x) }
func maxI64(x []int64) int64                    { return maxI64Go(x) }
func maxNonNaNF32(x []float32) (float32, bool)  { return maxNonNaNF32Go(x) }
func maxNonNaNF64(x []float64) (float64, bool)  { return maxNonNaNF64Go(x) }
func minMaxF32(x []float32) (float32, float32)  { return minMaxF32Go(x) }
func minMaxF64(x []float64) (float64, float64)  { return minMaxF64Go(x) }
func minMaxI32(x []int32) (int32, int32)        { return minMaxI32Go(x) }
func minMaxI64(x []int64) (int64, int64)        { return minMaxI64Go(x) }
func indexOfF32(x []float32, v float32) int     { return indexOfF32Go(x, v) }
func indexOfF64(x []float64, v float64) int     { return indexOfF64Go(x, v) }
func indexOfI32(x []int32, v int32) int         { return indexOfI32Go(x, v) }
func indexOfI64(x []int64, v int64) int         { return indexOfI64Go(x, v) }
func lastIndexOfF32(x []float32, v float32) int { return lastIndexOfF32Go(x, v) }
func lastIndexOfF64(x []float64, v float64) int { return lastIndexOfF64Go(x, v) }
func lastIndexOfI32(x []int32, v int32) int     { return lastIndexOfI32Go(x, v) }
func lastIndexOfI64(x []int64, v int64) int     { return lastIndexOfI64Go(x, v) }
func countF32(x []float32, v float32) int       { return countF32Go(x, v) }
func countF64(x []float64, v float64) int       { return countF64Go(x, v) }
func countI32(x []int32, v int32) int           { return countI32Go(x, v) }
func countI64(x []int64, v int64) int           { return countI64Go(x, v) }
func xorU64(x []uint64) uint64                  { return xorU64Go(x) }
