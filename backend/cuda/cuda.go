// Package cuda is hpgo's GPU backend. Built without the cuda tag it is a stub
// that reports the backend as not built in; with -tags cuda it drives NVIDIA
// GPUs through gorgonia.org/cu (see DESIGN.md §4).
package cuda

import "errors"

// ErrNotBuiltIn is returned, and panicked with by algorithms asked to run
// with execution.CUDA, when the binary was built without -tags cuda.
var ErrNotBuiltIn = errors.New("hpgo: the CUDA backend is not built in (build with -tags cuda)")
