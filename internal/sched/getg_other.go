//go:build !(386 || amd64 || arm64)

package sched

import "runtime"

// getg returns the calling goroutine's id, parsed from the header line of
// runtime.Stack ("goroutine 18 [running]:"). It is about 100 times slower
// than the assembly version but needs no assembly. Goroutine ids are never
// reused, so they identify goroutines as well as g addresses do.
func getg() uintptr {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = len("goroutine ")
	var id uintptr
	for i := prefix; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		id = id*10 + uintptr(b[i]-'0')
	}
	return id
}
