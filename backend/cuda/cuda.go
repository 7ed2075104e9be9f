// Package cuda is hpgo's GPU backend (DESIGN.md §4): CUDA through
// gorgonia.org/cu, only with -tags cuda.
//
// The GPU kernels are not written yet. Until they are, every build, with the
// cuda tag or without, gets this stub, which reports the backend as not built
// in, and nothing imports gorgonia.org/cu (whose init exits the process when
// no driver is present).
package cuda

import "errors"

// ErrNotBuiltIn is what Available reports when this binary has no GPU
// backend.
var ErrNotBuiltIn = errors.New("hpgo: the CUDA backend is not built in (not implemented yet, with or without -tags cuda)")

// Available reports whether the CUDA backend can run: ErrNotBuiltIn in a
// build without the GPU backend.
func Available() error { return ErrNotBuiltIn }

// Devices lists the GPUs the backend sees; none without the GPU backend.
func Devices() []string { return nil }
