package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/future"
)

// MaxN is the largest n that GET /compute/{n} accepts. SumSquaresMod costs
// about a nanosecond per unit of n, so one request costs at most about a
// second of one worker's time.
const MaxN = 1_000_000_000

// Modulus is the prime that SumSquaresMod reduces by.
const Modulus = 1_000_000_007

// checkEvery is how many iterations SumSquaresMod runs between two looks at
// its context: about 65 µs of work, so a cancelled request stops quickly.
const checkEvery = 1 << 16

// SumSquaresMod returns (0² + 1² + ... + (n-1)²) mod Modulus, the CPU-bound
// work behind GET /compute/{n}: one pass of n iterations, whose answer has the
// closed form n(n-1)(2n-1)/6 mod Modulus. It looks at ctx every checkEvery
// iterations and returns ctx.Err() once ctx is done, so work whose client has
// gone away stops. At the same points it yields the processor
// (runtime.Gosched, about 0.2% of the work): when the workers fill every P,
// Go would otherwise preempt them only every 10 ms, and light endpoints such
// as /health would wait that long. n must be in [0, MaxN].
func SumSquaresMod(ctx context.Context, n int64) (int64, error) {
	var acc uint64
	for lo := int64(0); lo < n; lo += checkEvery {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if lo > 0 {
			runtime.Gosched()
		}
		hi := min(lo+checkEvery, n)
		for i := uint64(lo); i < uint64(hi); i++ {
			acc += i * i % Modulus // i < 2^30: i*i fits, and so do 2^16 sums
		}
		acc %= Modulus
	}
	return int64(acc), nil
}

// Server is the HTTP server of the example. Its CPU-bound endpoint runs on
// hpgo's workers, so at most Workers computations run at a time however many
// requests arrive, while light endpoints keep answering from their own
// goroutines.
//
// Endpoints:
//
//	GET /compute/{n}  {"n":n,"result":SumSquaresMod(n)}; 400 with {"error":...}
//	                  when n is not an integer in [0, MaxN]
//	GET /health       ok
//	GET /stats        the counters of Stats, as JSON
type Server struct {
	workers int
	mux     *http.ServeMux

	submitted atomic.Int64 // tasks handed to the workers (AsyncContext returned)
	started   atomic.Int64 // tasks a worker began to run
	completed atomic.Int64 // computations that ran to the end
	aborted   atomic.Int64 // computations stopped part-way by cancellation
	abandoned atomic.Int64 // requests whose client went away before the answer

	// onStart, when set, is called by every computation as it starts, before
	// its loop; tests use it to hold workers deterministically. Set it before
	// the server serves.
	onStart func(ctx context.Context, n int64)
}

// Stats is a snapshot of a Server's counters.
type Stats struct {
	Workers   int   `json:"workers"`   // hpgo workers: the bound on concurrent computations
	Submitted int64 `json:"submitted"` // computations asked of future.AsyncContext (one whose client had already gone never reaches a worker)
	Started   int64 `json:"started"`   // computations that actually began to run
	Completed int64 `json:"completed"` // computations that ran to the end
	Aborted   int64 `json:"aborted"`   // computations stopped part-way because their client went away
	Abandoned int64 `json:"abandoned"` // requests whose client went away before their answer
}

// NewServer starts hpgo's runtime with threads workers, like
// hpyx.init(os_threads=...) at FastAPI startup, and returns the server that
// uses it. Call Close when done with it.
func NewServer(threads int) (*Server, error) {
	if threads < 1 {
		return nil, fmt.Errorf("httpserver: threads must be at least 1, got %d", threads)
	}
	if err := execution.Init(execution.OSThreads(threads)); err != nil {
		return nil, fmt.Errorf("httpserver: starting hpgo with %d workers: %w", threads, err)
	}
	s := &Server{workers: threads, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /compute/{n}", s.handleCompute)
	s.mux.HandleFunc("GET /health", s.handleHealth)
	s.mux.HandleFunc("GET /stats", s.handleStats)
	return s, nil
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler { return s.mux }

// Close stops hpgo's runtime: queued work whose request was cancelled is
// dropped without running, the rest drains. Call it after http.Server.Shutdown,
// once no handler submits work any more. Closing twice is harmless.
func (s *Server) Close(ctx context.Context) error { return execution.Shutdown(ctx) }

// Stats returns a snapshot of the server's counters.
func (s *Server) Stats() Stats {
	return Stats{
		Workers:   s.workers,
		Submitted: s.submitted.Load(),
		Started:   s.started.Load(),
		Completed: s.completed.Load(),
		Aborted:   s.aborted.Load(),
		Abandoned: s.abandoned.Load(),
	}
}

type computeResponse struct {
	N      int64 `json:"n"`
	Result int64 `json:"result"`
}

type errorResponse struct {
	Error string `json:"error"`
}

// parseN reads the {n} of /compute/{n}; its errors are for the client.
func parseN(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange) && strings.HasPrefix(s, "-"):
		return 0, fmt.Errorf("n must be non-negative, got %q", s)
	case errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("n must be at most %d, got %q", MaxN, s)
	case err != nil:
		return 0, fmt.Errorf("n must be a non-negative integer, got %q", s)
	case n < 0:
		return 0, fmt.Errorf("n must be non-negative, got %d", n)
	case n > MaxN:
		return 0, fmt.Errorf("n must be at most %d, got %d", MaxN, n)
	}
	return n, nil
}

// handleCompute is the handler of HPyX's FastAPI example:
//
//	result = await hpyx.async_(expensive_compute, item_id)
//
// The work is queued on hpgo's workers under the request's context, and the
// handler waits for it under the same context. A client that goes away
// cancels that context: work that has not started never runs, work that runs
// stops at its next look at ctx, and the handler returns at once.
func (s *Server) handleCompute(w http.ResponseWriter, r *http.Request) {
	n, err := parseN(r.PathValue("n"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorResponse{Error: err.Error()})
		return
	}
	ctx := r.Context()
	fut := future.AsyncContext(ctx, func(ctx context.Context) (int64, error) {
		return s.compute(ctx, n)
	})
	s.submitted.Add(1)
	result, err := fut.Await(ctx)
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, computeResponse{N: n, Result: result})
	case ctx.Err() != nil:
		// The client went away (or the server is closing): no one is left
		// to read an answer, but say why to anyone who is.
		s.abandoned.Add(1)
		writeJSON(w, http.StatusServiceUnavailable, errorResponse{Error: "request cancelled"})
	default:
		log.Printf("httpserver: /compute/%d: %v", n, err)
		writeJSON(w, http.StatusInternalServerError, errorResponse{Error: "internal error"})
	}
}

// compute is the task run on a worker.
func (s *Server) compute(ctx context.Context, n int64) (int64, error) {
	s.started.Add(1)
	if s.onStart != nil {
		s.onStart(ctx, n)
	}
	v, err := SumSquaresMod(ctx, n)
	if err != nil {
		s.aborted.Add(1)
		return 0, err
	}
	s.completed.Add(1)
	return v, nil
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *Server) handleStats(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Stats())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serve serves s on ln until ctx is done, then shuts down in order: the HTTP
// server first (no new requests; in-flight ones finish within grace, after
// which their contexts are cancelled, and so their work), then hpgo's runtime
// (execution.Shutdown). It returns nil after a clean shutdown.
func serve(ctx context.Context, ln net.Listener, s *Server, grace time.Duration) error {
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
	}

	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	httpErr := hs.Shutdown(sctx)
	if httpErr != nil {
		// Handlers still run after grace: cancel their requests, which
		// cancels their work, and drop their connections.
		cancelBase()
		_ = hs.Close()
	}
	if serveErr == nil {
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			serveErr = err
		}
	}
	rctx, cancel2 := context.WithTimeout(context.Background(), grace)
	defer cancel2()
	return errors.Join(serveErr, httpErr, s.Close(rctx))
}
