package bench

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sink receives every timed result, so that no call is optimised away.
var Sink float64

// MeasureIters times run like testing.B does: one warm-up call, then
// batches of growing size until one batch takes at least minTime. It
// returns the nanoseconds per call of that last batch and its size, which
// MedianOfReps repeats.
func MeasureIters(run func() float64, minTime time.Duration) (nsPerOp float64, iters int) {
	s := run() // warm-up: page faults, caches, worker start
	iters = 1
	for {
		start := time.Now()
		for range iters {
			s += run()
		}
		took := time.Since(start)
		if took >= minTime || iters >= 1<<30 {
			Sink = s
			return float64(took.Nanoseconds()) / float64(iters), iters
		}
		// Aim 20% past minTime, growing at least 2x and at most 100x.
		next := iters * 100
		if took > 0 {
			next = int(float64(iters) * 1.2 * float64(minTime) / float64(took))
		}
		iters = min(max(next, 2*iters), 100*iters)
	}
}

// timeBatch times one batch of iters calls and returns the nanoseconds per
// call.
func timeBatch(run func() float64, iters int) float64 {
	iters = max(iters, 1)
	var s float64
	start := time.Now()
	for range iters {
		s += run()
	}
	took := time.Since(start)
	Sink = s
	return float64(took.Nanoseconds()) / float64(iters)
}

// MedianOfReps times run as the C++ peers (bench/peers) time their loops:
// it sizes a batch with MeasureIters until one takes at least minTime
// (which warms up too), then times reps batches of that size and returns the
// median nanoseconds per call. A median of short batches drops the dips a
// shared host's memory bandwidth takes now and then, where the mean over
// one long batch would count them; timing the Go rows the same way keeps
// the comparison with the C++ rows even.
func MedianOfReps(run func() float64, minTime time.Duration, reps int) float64 {
	_, iters := MeasureIters(run, minTime)
	ns := make([]float64, max(reps, 1))
	for i := range ns {
		ns[i] = timeBatch(run, iters)
	}
	return Median(ns)
}

// Median returns the median of xs (the mean of the middle two for an even
// count), 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ParseSizes parses a comma-separated list of lengths; each may carry a
// binary suffix: 4Ki, 256Ki, 4Mi, 64Mi (K and M work too).
func ParseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := ParseSize(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// ParseSize parses one positive length, e.g. "4096", "4Ki" or "64Mi" (K,
// M, G and Gi work too).
func ParseSize(s string) (int, error) {
	digits, mult := s, 1
	for _, suf := range []struct {
		s string
		m int
	}{{"Ki", 1 << 10}, {"Mi", 1 << 20}, {"Gi", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}} {
		if before, ok := strings.CutSuffix(s, suf.s); ok {
			digits, mult = before, suf.m
			break
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 || n > math.MaxInt/mult {
		return 0, fmt.Errorf("bad size %q (want a positive length such as 4096, 4Ki or 64Mi)", s)
	}
	return n * mult, nil
}

// FormatSize writes n as 4Ki, 64Mi, ... when it is such a multiple.
func FormatSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + "Mi"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + "Ki"
	}
	return strconv.Itoa(n)
}

// EnvSizes returns the sizes HPGO_BENCH_SIZES names (e.g. "4Ki,256Ki"), or
// def when it is unset or empty. It panics with an "hpgo: bench:" message
// when the variable is not a valid list of sizes (one bad entry is enough):
// a typo must not quietly run the default sizes, 64Mi inputs and minutes
// of timing among them.
func EnvSizes(def []int) []int {
	v := os.Getenv("HPGO_BENCH_SIZES")
	if strings.TrimSpace(v) == "" {
		return def
	}
	s, err := ParseSizes(v)
	if err == nil && len(s) == 0 {
		err = errors.New("no size in it")
	}
	if err != nil {
		panic(fmt.Sprintf("hpgo: bench: HPGO_BENCH_SIZES=%q: %v", v, err))
	}
	return s
}
