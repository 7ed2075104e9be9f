package cuda_test

import (
	"fmt"

	"github.com/hpgo/hpgo/backend/cuda"
)

func ExampleAvailable() {
	fmt.Println(cuda.Available())
	// Output: hpgo: the CUDA backend is not built in (not implemented yet, with or without -tags cuda)
}
