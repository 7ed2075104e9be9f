package asm

// The reduction kernels' assembly and declarations are generated with avo by
// asm/_gen/reduce (a separate module, so avo is no dependency of hpgo's
// users); regenerating must change nothing.
//go:generate go run -C _gen ./reduce -out ../reduce_amd64.s -stubs ../reduce_decl_amd64.go -pkg asm
