// Package bench holds hpgo's benchmark suites and the harness they share with
// `hpgo bench` (cmd/hpgo) and the C++ peer comparison (bench/peers).
//
// The suites are ordinary Go benchmarks:
//
//	go test -run '^$' -bench . -count 5 ./bench | tee new.txt
//	benchstat new.txt
//
// They time, side by side in one run:
//
//   - BenchmarkReadBandwidth: a STREAM-like read kernel (asm.XorU64 over a
//     large []uint64) on 1 and 2 goroutines — the machine's read limit that
//     every other number is compared to;
//   - BenchmarkSum, BenchmarkSumSquares (the headline call
//     parallel.TransformReduce(p, xs, 0, op.Add, op.Square)), BenchmarkDot
//     and BenchmarkMinMax, for float32 and float64 at n = 4Ki, 256Ki, 4Mi
//     and 64Mi elements, through hpgo under every policy (and every SIMD
//     tier the CPU has for the reordering ones), a plain Go loop, gonum
//     and vek.
//
// Sub-benchmark names are key=value pairs (type=f32/n=4096/impl=hpgo/
// policy=par/tier=avx2) so benchstat can slice them. b.SetBytes is the
// number of input bytes each call reads, so MB/s is the read throughput.
//
// With -short, or with HPGO_BENCH_SIZES=4096,262144, the large sizes are
// left out. The tests in this package (the harness checked against a float64
// reference) are fast and run under plain `go test`.
package bench
