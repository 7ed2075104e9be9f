package asm

// The elementwise kernels' assembly and declarations are generated with avo
// by asm/_gen/elementwise (a separate module, so avo is no dependency of
// hpgo's users); regenerating must change nothing.
//go:generate go run -C _gen ./elementwise -out ../elementwise_amd64.s -stubs ../elementwise_decl_amd64.go -pkg asm
