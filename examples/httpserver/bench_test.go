package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkHealthUnderLoad measures the latency of GET /health, one request
// per iteration over a kept-alive connection, with the workers idle and with
// /compute saturated: 2 clients per worker keep asking for ~20 ms
// computations, so every worker is busy and work waits in the queue. It
// reports the median and the 99th percentile in µs; nothing is asserted.
//
//	go test ./examples/httpserver -run '^$' -bench HealthUnderLoad -count 3
func BenchmarkHealthUnderLoad(b *testing.B) {
	for _, bc := range []struct {
		load    string
		workers int
	}{
		{"idle", testWorkers},
		{"saturated", 1},
		{"saturated", testWorkers},
	} {
		b.Run(fmt.Sprintf("load=%s/workers=%d", bc.load, bc.workers), func(b *testing.B) {
			benchmarkHealth(b, bc.workers, bc.load == "saturated")
		})
	}
}

const (
	loadN        = 20_000_000 // ~20 ms of work per /compute request
	loadMaxReqs  = 10_000     // per load client: every loop is bounded
	loadMaxTime  = 5 * time.Minute
	healthSample = 1 << 16 // initial capacity of the latency samples
)

func benchmarkHealth(b *testing.B, workers int, saturate bool) {
	ts := startServer(b, workers, nil)

	loadCtx, stopLoad := context.WithCancel(context.Background())
	defer stopLoad()
	var wg sync.WaitGroup
	var loadErrMu sync.Mutex
	var loadErr error
	if saturate {
		deadline := time.Now().Add(loadMaxTime)
		for range 2 * workers {
			wg.Go(func() {
				for i := 0; i < loadMaxReqs && time.Now().Before(deadline) && loadCtx.Err() == nil; i++ {
					status, _, err := ts.get(loadCtx, fmt.Sprintf("/compute/%d", loadN))
					if loadCtx.Err() == nil && (err != nil || status != http.StatusOK) {
						loadErrMu.Lock()
						loadErr = fmt.Errorf("load request: status %d, err %v", status, err)
						loadErrMu.Unlock()
						return
					}
				}
			})
		}
		waitFor(b, "every worker to be busy", func() bool {
			st := ts.s.Stats()
			return st.Started-st.Completed >= int64(workers) && st.Submitted > int64(workers)
		})
	}

	health := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}, Timeout: waitLimit}
	defer health.CloseIdleConnections()
	getHealth := func() {
		resp, err := health.Get(ts.url + "/health")
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("/health: status %d, err %v", resp.StatusCode, err)
		}
	}
	getHealth() // open the connection outside the measurement

	lat := make([]time.Duration, 0, healthSample)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		getHealth()
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	stopLoad()
	wg.Wait()
	if loadErr != nil {
		b.Fatal(loadErr)
	}

	slices.Sort(lat)
	pct := func(p float64) float64 {
		i := max(int(math.Ceil(p*float64(len(lat))))-1, 0)
		return float64(lat[i]) / float64(time.Microsecond)
	}
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
}
