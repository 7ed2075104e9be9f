//go:build !(linux && amd64)

package sched

// CPU returns the number of the CPU the calling thread runs on, or -1 where
// that is unknown (always -1 on this platform).
func CPU() int { return -1 }
