package cuda_test

import (
	"fmt"

	"github.com/hpgo/hpgo/backend/cuda"
)

func ExampleDevices() {
	devices := cuda.Devices()
	if len(devices) == 0 {
		fmt.Println("no GPU: the CPU backend runs everything")
	}
	for _, d := range devices {
		fmt.Println(d)
	}
	// Output: no GPU: the CPU backend runs everything
}
