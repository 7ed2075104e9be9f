//go:build amd64 && !purego

package asm

import (
	"fmt"
	"slices"
	"testing"
)

// BenchmarkReadOrder times SumF64, CountF64 and DotF64 on the default tier
// over inputs that rdPlan cuts, read three ways:
//   - order=alternate: the same input call after call, as shipped (the
//     direction turns round on each call);
//   - order=forward: the same input, first to last on every call (the
//     direction set before each call), as before the order alternated;
//   - order=cold and order=cold-forward: a different input on each call,
//     64 of them in turn (for 256Ki float64 that is 128 MiB: it comes from
//     L3 or DRAM), where no order finds anything left in L1 or L2; the
//     first alternates, the second reads first to last every time.
//
// Compare them with
//
//	go test ./asm -run '^$' -bench ReadOrder -count 6 > order.txt
//	benchstat -col /order order.txt
func BenchmarkReadOrder(b *testing.B) {
	const copies = 64
	for _, c := range []struct {
		name  string
		n, in int // elements, inputs (1 sum, 2 dot)
	}{
		{"sum/type=f64", 256 << 10, 1},
		{"count/type=f64", 256 << 10, 1},
		{"dot/type=f64", 4 << 10, 2},
		{"dot/type=f64", 256 << 10, 2},
	} {
		xs := make([][]float64, copies*c.in)
		for i := range xs {
			xs[i] = slices.Clone(rdBenchSlice[float64](c.n, 7))
		}
		run := func(i int) float64 {
			i %= copies
			if c.name[:5] == "count" {
				return float64(CountF64(xs[i], 0.5))
			}
			if c.in == 1 {
				return SumF64(xs[i])
			}
			return DotF64(xs[2*i], xs[2*i+1])
		}
		for _, order := range []string{"alternate", "forward", "cold", "cold-forward"} {
			b.Run(fmt.Sprintf("%s/n=%d/order=%s", c.name, c.n, order), func(b *testing.B) {
				b.SetBytes(int64(8 * c.n * c.in))
				i := 0
				for b.Loop() {
					switch order {
					case "forward":
						rdDirection.Store(false)
						rdSinkF64 = run(0)
					case "alternate":
						rdSinkF64 = run(0)
					case "cold":
						rdSinkF64 = run(i)
						i++
					case "cold-forward":
						rdDirection.Store(false)
						rdSinkF64 = run(i)
						i++
					}
				}
			})
		}
	}
}
