package sched

import "github.com/klauspost/cpuid/v2"

// rdtscpAux returns the TSC_AUX register, which Linux sets to the number of
// the CPU the thread runs on (low 12 bits) and its NUMA node (above).
//
//go:noescape
func rdtscpAux() uint32

var hasRDTSCP = cpuid.CPU.Has(cpuid.RDTSCP)

// CPU returns the number of the CPU the calling thread runs on, or -1 where
// that is unknown. The thread may move at any time, so the answer is a hint
// (for keeping work near the cache that holds its data), never a fact to
// rely on. It costs one RDTSCP instruction, tens of cycles.
func CPU() int {
	if !hasRDTSCP {
		return -1
	}
	return int(rdtscpAux() & 0xfff)
}
