package cuda_test

import (
	"fmt"

	"github.com/hpgo/hpgo/backend/cuda"
)

func ExampleAvailable() {
	fmt.Println(cuda.Available())
	// Output: hpgo: the CUDA backend is not built in (build with -tags cuda)
}
