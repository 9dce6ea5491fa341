// Package isolation runs a review in a child process of the same binary (the
// hidden `leakguard review-worker` command), so that a crash, an
// out-of-memory or a review that never ends costs that review alone: the
// child is killed, the review fails with the reason, and the server and the
// other reviews go on.
//
// The parent writes a Job as JSON on the child's stdin and reads an Output
// (versioned, see WireVersion) from its stdout. The child's memory is bounded
// twice: the child caps its own data segment (RLIMIT_DATA, which counts the
// Go heap and the C allocations of tree-sitter and pg_query alike) and sets
// the Go runtime's soft limit below it, and the parent watches its resident
// size and kills it over the limit. A deadline kills it too.
package isolation

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"syscall"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/review"
)

// memoryEnv carries the memory limit in bytes from the parent to the worker.
const memoryEnv = "LEAKGUARD_WORKER_MEMORY"

// maxJobBytes bounds the worker's input.
const maxJobBytes = 1 << 20

// Serve is the worker: it reads one Job from stdin, runs the review with the
// analyzers of this binary that the job names, writes the Output on stdout
// and returns the exit code. Logs go to stderr, which the parent keeps for
// its own log when the worker fails.
func Serve(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, available []*analyzers.Analyzer) int {
	if err := limitMemory(os.Getenv(memoryEnv)); err != nil {
		fmt.Fprintf(stderr, "review-worker: %v\n", err)
		return 2
	}
	var job Job
	if err := json.NewDecoder(io.LimitReader(stdin, maxJobBytes)).Decode(&job); err != nil {
		fmt.Fprintf(stderr, "review-worker: read job: %v\n", err)
		return 2
	}
	if job.Version != WireVersion {
		fmt.Fprintf(stderr, "review-worker: job has wire version %d, this worker %d\n", job.Version, WireVersion)
		return 2
	}
	byName := map[string]*analyzers.Analyzer{}
	for _, a := range available {
		byName[a.Name] = a
	}
	var run []*analyzers.Analyzer
	for _, n := range job.Analyzers {
		a := byName[n]
		if a == nil {
			fmt.Fprintf(stderr, "review-worker: this binary has no analyzer %q\n", n)
			return 2
		}
		run = append(run, a)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	res, files, err := review.Run(ctx, review.Request{
		Dir: job.Dir, Base: job.Base, Head: job.Head, ConfigRev: job.ConfigRev, ConfigFile: job.ConfigFile,
		Analyzers: run, Logger: log,
	})
	b, err := encodeOutput(res, files, err)
	if err != nil {
		fmt.Fprintf(stderr, "review-worker: encode result: %v\n", err)
		return 2
	}
	if _, err := stdout.Write(b); err != nil {
		fmt.Fprintf(stderr, "review-worker: write result: %v\n", err)
		return 2
	}
	return 0
}

// limitMemory caps this process's data segment and sets the Go runtime's
// soft limit at three quarters of it, so the collector works harder before
// the hard cap is reached.
func limitMemory(v string) error {
	if v == "" {
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%s: want a number of bytes, got %q", memoryEnv, v)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}); err != nil {
		return fmt.Errorf("set memory limit: %w", err)
	}
	debug.SetMemoryLimit(n / 4 * 3)
	return nil
}
