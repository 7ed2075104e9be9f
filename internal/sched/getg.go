//go:build 386 || amd64 || arm64

package sched

// getg returns the address of the calling goroutine's runtime g structure:
// unique among live goroutines and stable for a goroutine's lifetime (the
// garbage collector does not move g structures). It is two instructions of
// assembly, kept under the purego build tag too: that tag selects the
// compute tier of package asm, and the fallback costs microseconds.
//
//go:noescape
func getg() uintptr
