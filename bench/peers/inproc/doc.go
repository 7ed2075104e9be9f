// Package inproc compares hpgo's kernels with the loops g++/gcc builds for
// the C++ peers, in one process, on the same Go slices.
//
// bench/peers/run.sh times the C++ peers in processes of their own, each
// round on freshly allocated pages, beside hpgo in the hpgo bench process.
// When the two differ by a few percent at DRAM sizes, that leaves open
// whether the loops differ or the processes do. Here gcc's loops (the
// OpenMP "simd reduction" loops of transform_reduce.cpp, built with
// -O3 -march=native -fopenmp-simd through cgo) and hpgo's kernels read the
// very same memory, on one goroutine and split in halves on two, and
// go test -count interleaves them:
//
//	cd bench/peers/inproc
//	go test -run '^$' -bench . -count 6 | tee inproc.txt
//	benchstat -col /impl inproc.txt
//
// It is a module of its own, so cgo and these flags never reach hpgo's
// users; CI vets it and runs its correctness test.
package inproc
