// Command httpserver is hpgo's version of the FastAPI example of HPyX: an
// HTTP server whose CPU-bound endpoint runs on hpgo's workers, so that
//
//   - CPU-bound work is bounded to -threads workers however many requests
//     arrive, instead of one goroutine per request fighting for the cores;
//   - light endpoints (/health) keep answering while /compute is saturated;
//   - a client that goes away cancels its work: queued work never runs, and
//     running work stops at its next look at the request's context.
//
// At startup it calls execution.Init(execution.OSThreads(n)), as the FastAPI
// app calls hpyx.init(os_threads=8); each request runs
// future.AsyncContext(r.Context(), compute).Await(r.Context()), as the Python
// handler awaits hpyx.async_(expensive_compute, item_id). On SIGINT or SIGTERM
// it stops taking requests, lets in-flight ones finish (up to 10 s), then
// calls execution.Shutdown.
//
// Run it:
//
//	go run ./examples/httpserver -addr 127.0.0.1:8080 -threads 4
//
// and ask it:
//
//	curl http://127.0.0.1:8080/compute/1000000
//	{"n":1000000,"result":170183}
//	curl http://127.0.0.1:8080/health
//	ok
//	curl http://127.0.0.1:8080/stats
//	{"workers":4,"submitted":1,"started":1,"completed":1,"aborted":0,"abandoned":0}
//	curl http://127.0.0.1:8080/compute/abc
//	{"error":"n must be a non-negative integer, got \"abc\""}
//
// Choosing -threads: the default, GOMAXPROCS-1 (at least 1), keeps one P of
// the Go scheduler for the light endpoints, as HPyX's FastAPI example keeps
// the event loop's thread. With -threads GOMAXPROCS, saturated /compute takes
// every P; Go then polls the network only every ~10 ms, so /health still
// answers but in milliseconds rather than microseconds
// (BenchmarkHealthUnderLoad measures both).
//
// GET /compute/{n} answers (0² + 1² + ... + (n-1)²) mod 1000000007 for n in
// [0, 1000000000] (about a nanosecond per unit of n); any other n gets
// 400 Bad Request.
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	threads := flag.Int("threads", max(1, runtime.GOMAXPROCS(0)-1), "hpgo worker threads: the bound on concurrent computations")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	s, err := NewServer(*threads)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		_ = s.Close(context.Background())
		log.Fatal(err)
	}
	log.Printf("httpserver: listening on http://%s with %d hpgo workers", ln.Addr(), *threads)
	if err := serve(ctx, ln, s, 10*time.Second); err != nil {
		log.Fatal(err)
	}
	log.Print("httpserver: stopped")
}
