// Package inproc compares hpgo's kernels with the loops g++/gcc builds for
// the C++ peers, in one process, on the same Go slices.
//
// bench/peers/run.sh times the C++ peers in processes of their own, each
// round on freshly allocated pages, beside hpgo in the hpgo bench process.
// When the two differ by a few percent at DRAM sizes, that leaves open
// whether the loops differ or the processes do. Here gcc's loops (the
// OpenMP "simd reduction" loops of transform_reduce.cpp, built with
// -O3 -march=native -fopenmp through cgo) and hpgo's kernels read the
// very same memory, on one goroutine and split in halves on two, and the
// cpp-omp peer itself (OMPSum, OMPSumSquares, OMPDot: the "parallel for
// simd reduction" on OpenMP's own two threads) beside hpgo's Par; go test
// -count interleaves them. OMP_WAIT_POLICY=passive keeps OpenMP's idle
// threads from spinning through the next benchmark, at the price of a
// wake-up (tens of µs) in every OpenMP call: run it at DRAM sizes, where
// that is under 1% of a call, and read no gcc-omp row below them. Every
// gcc row also carries a cgo call, about 20 ns (40.5 ns for 16 elements,
// against 18.8 ns for hpgo's kernel). run.sh's C++ binary runs without
// the OMP_ variables.
//
//	cd bench/peers/inproc
//	OMP_WAIT_POLICY=passive HPGO_BENCH_SIZES=64Mi go test -run '^$' -bench . -count 6 | tee inproc.txt
//	benchstat -col /impl inproc.txt
//
// BenchmarkDotLayout times OpenMP's dot and hpgo's Par on two layouts of
// the same inputs: one right after the other, as two make calls place
// them, and 4 KiB apart, as glibc's malloc places the C++ peers' vectors.
//
// It is a module of its own, so cgo and these flags never reach hpgo's
// users; CI vets it and runs its correctness test.
package inproc
