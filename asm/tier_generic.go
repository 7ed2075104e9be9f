//go:build !amd64 || purego

package asm

const haveAsm = false
