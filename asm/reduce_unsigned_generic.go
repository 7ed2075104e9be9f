//go:build !amd64 || purego

package asm

func minU32(x []uint32) uint32              { return minU32Go(x) }
func minU64(x []uint64) uint64              { return minU64Go(x) }
func maxU32(x []uint32) uint32              { return maxU32Go(x) }
func maxU64(x []uint64) uint64              { return maxU64Go(x) }
func minMaxU32(x []uint32) (uint32, uint32) { return minMaxU32Go(x) }
func minMaxU64(x []uint64) (uint64, uint64) { return minMaxU64Go(x) }
