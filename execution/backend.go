package execution

import "fmt"

// Backend selects where an algorithm runs; see Policy.On.
type Backend uint8

const (
	// Auto lets hpgo choose: the CPU path at package asm's default tier (the
	// best SIMD tier the processor has, AVX2 on AMD Zen 4). The default.
	Auto Backend = iota
	// CPU is the default CPU path: SIMD kernels for the known operations of
	// package op, Go loops for everything else.
	CPU
	// PureGo forces the generic Go path: no assembly kernel is used.
	PureGo
	// CUDA is reserved for the GPU backend (package backend/cuda), which is
	// not implemented yet: On(CUDA) runs on the CPU, as Auto does, with or
	// without -tags cuda.
	CUDA
)

func (b Backend) String() string {
	switch b {
	case Auto:
		return "auto"
	case CPU:
		return "cpu"
	case PureGo:
		return "purego"
	case CUDA:
		return "cuda"
	}
	return fmt.Sprintf("Backend(%d)", uint8(b))
}
