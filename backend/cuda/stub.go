//go:build !cuda

package cuda

// Available reports whether the CUDA backend can run: without the cuda build
// tag it always returns ErrNotBuiltIn.
func Available() error { return ErrNotBuiltIn }

// Devices lists the GPUs the backend sees; none without the cuda build tag.
func Devices() []string { return nil }
