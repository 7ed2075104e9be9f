package asm_test

import (
	"fmt"
	"math"

	"github.com/hpgo/hpgo/asm"
)

func ExampleMinU32() {
	fmt.Println(asm.MinU32([]uint32{1 << 31, 7, math.MaxUint32})) // unsigned order: 1<<31 is not the least
	// Output: 7
}

func ExampleMinU64() {
	fmt.Println(asm.MinU64([]uint64{1 << 63, 9, 8}))
	// Output: 8
}

func ExampleMaxU32() {
	fmt.Println(asm.MaxU32([]uint32{5, 1 << 31, math.MaxInt32}))
	// Output: 2147483648
}

func ExampleMaxU64() {
	fmt.Println(asm.MaxU64([]uint64{math.MaxUint64, 0, 1 << 62}))
	// Output: 18446744073709551615
}

func ExampleMinMaxU32() {
	fmt.Println(asm.MinMaxU32([]uint32{9, 1 << 31, 3}))
	// Output: 3 2147483648
}

func ExampleMinMaxU64() {
	fmt.Println(asm.MinMaxU64([]uint64{9, 1 << 63, 3}))
	// Output: 3 9223372036854775808
}
