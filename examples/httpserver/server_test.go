package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hpgo/hpgo/execution"
)

// The tests run the real server (NewServer + serve) on a loopback port with
// two workers, and talk to it over HTTP.

const (
	testWorkers = 2
	waitLimit   = 20 * time.Second // the most any test waits for one event
)

type testServer struct {
	s      *Server
	url    string
	client *http.Client
	stop   func() error // shuts the server down (HTTP, then hpgo); idempotent
}

// startServer starts NewServer(threads) on 127.0.0.1:0 through serve, the
// code path of main, and shuts it down when the test ends. onStart, if not
// nil, becomes the server's hook at the start of every computation.
func startServer(tb testing.TB, threads int, onStart func(context.Context, int64)) *testServer {
	tb.Helper()
	s, err := NewServer(threads)
	if err != nil {
		tb.Fatal(err)
	}
	s.onStart = onStart
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = s.Close(context.Background())
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, s, waitLimit) }()

	var once sync.Once
	var stopErr error
	tr := &http.Transport{MaxIdleConnsPerHost: 256} // no proxy: loopback only
	ts := &testServer{
		s:      s,
		url:    "http://" + ln.Addr().String(),
		client: &http.Client{Transport: tr, Timeout: 2 * waitLimit},
		stop: func() error {
			once.Do(func() {
				// Close the client's idle connections first: Shutdown
				// waits up to 5 s for a connection that never sent a
				// request, and the transport may have dialed spares.
				tr.CloseIdleConnections()
				cancel()
				stopErr = <-done
			})
			return stopErr
		},
	}
	tb.Cleanup(func() {
		if err := ts.stop(); err != nil {
			tb.Errorf("shutting the server down: %v", err)
		}
	})
	return ts
}

// get sends GET path and returns the status and body.
func (ts *testServer) get(ctx context.Context, path string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+path, nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := ts.client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// checkCompute checks a /compute/{n} answer against the sequential reference.
func checkCompute(t *testing.T, n int64, status int, body string, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("/compute/%d: %v", n, err)
		return
	}
	if status != http.StatusOK {
		t.Errorf("/compute/%d: status %d, body %q", n, status, body)
		return
	}
	var got computeResponse
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Errorf("/compute/%d: body %q: %v", n, body, err)
		return
	}
	if want := (computeResponse{N: n, Result: refSumSquares(n)}); got != want {
		t.Errorf("/compute/%d = %+v, want %+v", n, got, want)
	}
}

// refSumSquares is the plain sequential reference of SumSquaresMod.
func refSumSquares(n int64) int64 {
	var acc int64
	for i := range n {
		acc = (acc + i*i%Modulus) % Modulus
	}
	return acc
}

// waitFor polls cond until it holds, failing the test after waitLimit.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("gave up after %v waiting for %s", waitLimit, what)
		}
		time.Sleep(time.Millisecond)
	}
}

// gate holds the computations of chosen n at their start until it opens: a
// deterministic way to keep workers busy.
type gate struct {
	hold    map[int64]bool
	entered chan int64
	release chan struct{}
	once    sync.Once
}

func newGate(ns ...int64) *gate {
	g := &gate{hold: map[int64]bool{}, entered: make(chan int64, 64), release: make(chan struct{})}
	for _, n := range ns {
		g.hold[n] = true
	}
	return g
}

func (g *gate) onStart(_ context.Context, n int64) {
	if !g.hold[n] {
		return
	}
	g.entered <- n
	select {
	case <-g.release:
	case <-time.After(2 * waitLimit): // never hold a worker forever
	}
}

func (g *gate) open() { g.once.Do(func() { close(g.release) }) }

// waitEntered waits until k held computations have started.
func (g *gate) waitEntered(t *testing.T, k int) {
	t.Helper()
	timeout := time.After(waitLimit)
	for range k {
		select {
		case <-g.entered:
		case <-timeout:
			t.Fatalf("held computations did not start within %v", waitLimit)
		}
	}
}

type result struct {
	n      int64
	status int
	body   string
	err    error
}

// goGet sends GET /compute/{n} from a new goroutine; the answer comes on the
// returned channel.
func (ts *testServer) goGet(ctx context.Context, n int64) <-chan result {
	c := make(chan result, 1)
	go func() {
		status, body, err := ts.get(ctx, fmt.Sprintf("/compute/%d", n))
		c <- result{n, status, body, err}
	}()
	return c
}

func recv(t *testing.T, c <-chan result) result {
	t.Helper()
	select {
	case r := <-c:
		return r
	case <-time.After(2 * waitLimit):
		t.Fatal("no answer")
		return result{}
	}
}

func TestSumSquaresModClosedForm(t *testing.T) {
	for _, n := range []int64{0, 1, 2, 3, 10, checkEvery - 1, checkEvery, checkEvery + 1, 1_000_000, 12_345_678, MaxN} {
		// n(n-1)(2n-1)/6 mod Modulus, in exact arithmetic.
		bn := big.NewInt(n)
		want := new(big.Int).Mul(bn, new(big.Int).Sub(bn, big.NewInt(1)))
		want.Mul(want, new(big.Int).Sub(new(big.Int).Lsh(bn, 1), big.NewInt(1)))
		want.Quo(want, big.NewInt(6))
		want.Mod(want, big.NewInt(Modulus))
		got, err := SumSquaresMod(context.Background(), n)
		if err != nil || got != want.Int64() {
			t.Errorf("SumSquaresMod(%d) = %d, %v; want %d", n, got, err, want)
		}
		if n <= 12_345_678 && got != refSumSquares(n) {
			t.Errorf("SumSquaresMod(%d) = %d, reference %d", n, got, refSumSquares(n))
		}
	}
}

// countingCtx reports cancellation from its (limit+1)-th call of Err on.
type countingCtx struct {
	context.Context
	calls, limit int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.calls > c.limit {
		return context.Canceled
	}
	return nil
}

func TestSumSquaresModStopsWhenCancelled(t *testing.T) {
	ctx := &countingCtx{Context: context.Background(), limit: 3}
	if _, err := SumSquaresMod(ctx, MaxN); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// Cancelled after 3 blocks of checkEvery iterations, not at the end.
	if ctx.calls != 4 {
		t.Errorf("looked at ctx %d times, want 4", ctx.calls)
	}
}

// 200 concurrent requests on 2 workers, each answer checked against the
// sequential reference; every computation runs on an hpgo worker.
func TestComputeConcurrent(t *testing.T) {
	var mu sync.Mutex
	badWorker := map[int]bool{}
	ts := startServer(t, testWorkers, func(context.Context, int64) {
		if id := execution.WorkerID(); id < 0 || id >= testWorkers {
			mu.Lock()
			badWorker[id] = true
			mu.Unlock()
		}
	})

	const requests = 200
	ns := make([]int64, requests)
	for i := range ns {
		ns[i] = int64(i) * 7919 % 300_000 // 0, 1-ish and up to 3e5, spread out
	}
	ns[1], ns[2] = 1, 2

	start := make(chan struct{})
	results := make(chan result, requests)
	var wg sync.WaitGroup
	for _, n := range ns {
		wg.Go(func() {
			<-start
			status, body, err := ts.get(t.Context(), fmt.Sprintf("/compute/%d", n))
			results <- result{n, status, body, err}
		})
	}
	close(start)
	wg.Wait()
	close(results)
	for r := range results {
		checkCompute(t, r.n, r.status, r.body, r.err)
	}

	st := ts.s.Stats()
	if st.Submitted != requests || st.Started != requests || st.Completed != requests {
		t.Errorf("stats = %+v, want %d submitted, started and completed", st, requests)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(badWorker) > 0 {
		t.Errorf("computations ran outside the %d hpgo workers: WorkerID in %v", testWorkers, badWorker)
	}
}

// Clients that go away while their work waits in the queue cancel that work:
// it never runs, which the started counter proves after the runtime drained.
func TestDisconnectBeforeStartNeverRuns(t *testing.T) {
	const holdA, holdB = 1_000_001, 1_000_002
	g := newGate(holdA, holdB)
	ts := startServer(t, testWorkers, g.onStart)
	t.Cleanup(g.open) // runs before the server's shutdown

	// Occupy both workers.
	heldA, heldB := ts.goGet(t.Context(), holdA), ts.goGet(t.Context(), holdB)
	g.waitEntered(t, testWorkers)

	// Queue work behind them, from clients that then go away.
	const cancelled = 8
	ctx, cancel := context.WithCancel(t.Context())
	var gone []<-chan result
	for i := range cancelled {
		gone = append(gone, ts.goGet(ctx, int64(100+i)))
	}
	waitFor(t, "the queued requests to reach the workers' queue", func() bool {
		return ts.s.Stats().Submitted == testWorkers+cancelled
	})
	if st := ts.s.Stats(); st.Started != testWorkers {
		t.Fatalf("with every worker held, stats = %+v; want %d started", st, testWorkers)
	}
	cancel()
	for _, c := range gone {
		if r := recv(t, c); !errors.Is(r.err, context.Canceled) {
			t.Errorf("cancelled /compute/%d: status %d, err %v; want context.Canceled", r.n, r.status, r.err)
		}
	}
	// The server has seen every one of them go before a worker is free.
	waitFor(t, "the server to see the cancelled clients go", func() bool {
		return ts.s.Stats().Abandoned == cancelled
	})

	// Free the workers: the held requests finish; the server still serves.
	g.open()
	for _, c := range []<-chan result{heldA, heldB} {
		r := recv(t, c)
		checkCompute(t, r.n, r.status, r.body, r.err)
	}
	r := recv(t, ts.goGet(t.Context(), 54_321))
	checkCompute(t, r.n, r.status, r.body, r.err)

	// Shut down: execution.Shutdown drains the queue, so anything that
	// would ever run has run by now.
	if err := ts.stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	st := ts.s.Stats()
	want := Stats{Workers: testWorkers, Submitted: testWorkers + cancelled + 1, Started: testWorkers + 1,
		Completed: testWorkers + 1, Aborted: 0, Abandoned: cancelled}
	if st != want {
		t.Errorf("after drain, stats = %+v\nwant %+v (the %d cancelled computations must never start)", st, want, cancelled)
	}
}

// A client that goes away while its work runs stops that work part-way.
func TestDisconnectWhileRunningStopsWork(t *testing.T) {
	entered := make(chan struct{}, 1)
	ts := startServer(t, testWorkers, func(ctx context.Context, n int64) {
		if n != MaxN {
			return
		}
		entered <- struct{}{}
		// Hold until the client has gone, so the loop sees a cancelled ctx
		// deterministically (TestSumSquaresModStopsWhenCancelled shows it
		// looks at ctx all along, not only at its start).
		select {
		case <-ctx.Done():
		case <-time.After(2 * waitLimit):
		}
	})
	ctx, cancel := context.WithCancel(t.Context())
	c := ts.goGet(ctx, MaxN)
	select {
	case <-entered:
	case <-time.After(waitLimit):
		t.Fatal("computation did not start")
	}
	cancel()
	if r := recv(t, c); !errors.Is(r.err, context.Canceled) {
		t.Errorf("status %d, err %v; want context.Canceled", r.status, r.err)
	}
	waitFor(t, "the running computation to stop", func() bool { return ts.s.Stats().Aborted == 1 })
	if st := ts.s.Stats(); st.Completed != 0 || st.Started != 1 {
		t.Errorf("stats = %+v, want 1 started, 0 completed", st)
	}
	r := recv(t, ts.goGet(t.Context(), 1000))
	checkCompute(t, r.n, r.status, r.body, r.err)
}

// /health (and /stats) answer while every worker is busy and more work waits.
func TestHealthWhileComputeSaturated(t *testing.T) {
	const queued = 6
	holds := make([]int64, 0, testWorkers+queued)
	for i := range testWorkers + queued {
		holds = append(holds, int64(2_000_000+i))
	}
	g := newGate(holds...)
	ts := startServer(t, testWorkers, g.onStart)
	t.Cleanup(g.open)

	var pending []<-chan result
	for _, n := range holds {
		pending = append(pending, ts.goGet(t.Context(), n))
	}
	g.waitEntered(t, testWorkers)
	waitFor(t, "all compute requests to be queued", func() bool {
		return ts.s.Stats().Submitted == int64(len(holds))
	})

	for i := range 20 {
		ctx, cancel := context.WithTimeout(t.Context(), waitLimit)
		status, body, err := ts.get(ctx, "/health")
		cancel()
		if err != nil || status != http.StatusOK || body != "ok\n" {
			t.Fatalf("/health #%d under saturation: status %d, body %q, err %v", i, status, body, err)
		}
	}
	status, body, err := ts.get(t.Context(), "/stats")
	var st Stats
	if err != nil || status != http.StatusOK || json.Unmarshal([]byte(body), &st) != nil {
		t.Fatalf("/stats under saturation: status %d, body %q, err %v", status, body, err)
	}
	if st.Started != testWorkers || st.Submitted != int64(len(holds)) {
		t.Errorf("/stats under saturation = %+v, want %d started of %d", st, testWorkers, len(holds))
	}

	g.open()
	for _, c := range pending {
		r := recv(t, c)
		checkCompute(t, r.n, r.status, r.body, r.err)
	}
}

func TestBadInput(t *testing.T) {
	ts := startServer(t, testWorkers, nil)
	for _, tc := range []struct {
		path, want string
	}{
		{"/compute/abc", `n must be a non-negative integer, got "abc"`},
		{"/compute/-5", "n must be non-negative, got -5"},
		{"/compute/99999999999999", "n must be at most 1000000000, got 99999999999999"},
		{"/compute/1000000001", "n must be at most 1000000000, got 1000000001"},
		{"/compute/99999999999999999999999", `n must be at most 1000000000, got "99999999999999999999999"`},
		{"/compute/-99999999999999999999999", `n must be non-negative, got "-99999999999999999999999"`},
		{"/compute/1.5", `n must be a non-negative integer, got "1.5"`},
		{"/compute/0x10", `n must be a non-negative integer, got "0x10"`},
		{"/compute/%207", `n must be a non-negative integer, got " 7"`},
	} {
		status, body, err := ts.get(t.Context(), tc.path)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		var got errorResponse
		if status != http.StatusBadRequest || json.Unmarshal([]byte(body), &got) != nil || got.Error != tc.want {
			t.Errorf("%s: status %d, body %q; want 400 with error %q", tc.path, status, body, tc.want)
		}
	}
	// Routes that do not exist, or the wrong method.
	for path, want := range map[string]int{"/compute/": 404, "/compute/1/2": 404, "/nope": 404} {
		if status, _, err := ts.get(t.Context(), path); err != nil || status != want {
			t.Errorf("%s: status %d, err %v; want %d", path, status, err, want)
		}
	}
	resp, err := ts.client.Post(ts.url+"/compute/5", "text/plain", strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /compute/5: status %d, want 405", resp.StatusCode)
	}

	// Bad input never reached the workers, and the server keeps serving.
	if st := ts.s.Stats(); st.Submitted != 0 {
		t.Errorf("bad input reached the workers: %+v", st)
	}
	r := recv(t, ts.goGet(t.Context(), 10))
	checkCompute(t, r.n, r.status, r.body, r.err)
	if status, body, err := ts.get(t.Context(), "/health"); err != nil || status != 200 || body != "ok\n" {
		t.Errorf("/health after bad input: status %d, body %q, err %v", status, body, err)
	}
}

func TestNewServerRejectsNoThreads(t *testing.T) {
	if _, err := NewServer(0); err == nil {
		t.Error("NewServer(0) succeeded")
	}
}

// Close may be called twice; a server can be built again after it.
func TestServerRestart(t *testing.T) {
	for range 2 {
		ts := startServer(t, testWorkers, nil)
		r := recv(t, ts.goGet(t.Context(), 777))
		checkCompute(t, r.n, r.status, r.body, r.err)
		if err := ts.stop(); err != nil {
			t.Fatal(err)
		}
		if err := ts.s.Close(t.Context()); err != nil {
			t.Errorf("second Close: %v", err)
		}
	}
}
