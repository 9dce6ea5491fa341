// Command bench measures what a review costs as the repository grows: it
// generates synthetic Next.js + Supabase repositories (internal/benchrepo),
// runs `leakguard scan` on a pull request of each as a child process, and
// prints wall time and peak memory (the child's maximum resident set size)
// with an empty cache (cold) and with a cache an earlier review filled (warm).
//
//	go run ./internal/bench [-sizes 2500,5000,10000,20000] [-prs 10,100,1000] [-bin leakguard]
//
// It also checks that the findings are the same cold, warm and without the
// cache, and fails otherwise.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/leakguard/leakguard/internal/benchrepo"
)

func main() {
	opts := options{}
	flag.StringVar(&opts.sizes, "sizes", "2500,5000,10000,20000", "repository sizes in files, comma-separated")
	flag.StringVar(&opts.prs, "prs", "10,100,1000", "pull request sizes in files, comma-separated (pairs that do not fit a repository are left out)")
	flag.StringVar(&opts.bin, "bin", "", "leakguard binary to measure (default: build ./cmd/leakguard)")
	flag.StringVar(&opts.work, "work", "", "directory for the generated repositories (default: a temporary one, removed afterwards)")
	flag.BoolVar(&opts.coldOnly, "cold-only", false, "measure only the cold review (for a build without the facts cache, warm is the same)")
	flag.StringVar(&opts.generate, "generate", "", "only generate one repository (the first sizes and prs) into this directory and print its commits")
	flag.Parse()
	if err := run(context.Background(), opts, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	sizes, prs string
	bin, work  string
	generate   string
	coldOnly   bool
}

// measurement is one scan: wall time, CPU time (user and system), peak
// memory and what it found.
type measurement struct {
	wall     time.Duration
	cpu      time.Duration
	peakKiB  int64
	findings []json.RawMessage
}

// row is one repository size and pull request size.
type row struct {
	files, prFiles int
	cold, warm     measurement
	findings       int
}

func run(ctx context.Context, opts options, out io.Writer) error {
	sizes, err := ints(opts.sizes)
	if err != nil {
		return fmt.Errorf("-sizes: %w", err)
	}
	prs, err := ints(opts.prs)
	if err != nil {
		return fmt.Errorf("-prs: %w", err)
	}
	if opts.generate != "" {
		repo, err := benchrepo.Generate(opts.generate, sizes[0], prs[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: %d files; root %s, earlier PR %s, PR %s (%d files)\n", repo.Dir, repo.Files, repo.Root, repo.Earlier, repo.PR, repo.PRFiles)
		return nil
	}
	work := opts.work
	if work == "" {
		if work, err = os.MkdirTemp("", "leakguard-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	bin := opts.bin
	if bin == "" {
		bin = filepath.Join(work, "leakguard")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/leakguard")
		build.Dir, build.Stderr = moduleRoot(), os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build leakguard: %w", err)
		}
	}
	cacheFlag := supportsNoCache(ctx, bin)
	fmt.Fprintf(out, "| PR files | repository files | cold wall | cold CPU | cold peak RSS | warm wall | warm CPU | warm peak RSS | findings |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, size := range sizes {
		for _, pr := range prs {
			dir := filepath.Join(work, fmt.Sprintf("repo-%d-%d", size, pr))
			repo, err := benchrepo.Generate(dir, size, pr)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: %d-file PR in a %d-file repository: %v; left out\n", pr, size, err)
				os.RemoveAll(dir)
				continue
			}
			r, err := measureRepo(ctx, bin, repo, filepath.Join(work, "cache"), cacheFlag, opts.coldOnly)
			os.RemoveAll(dir)
			if err != nil {
				return fmt.Errorf("%d-file PR in a %d-file repository: %w", pr, size, err)
			}
			warm := fmt.Sprintf("%s | %s | %s", seconds(r.warm.wall), seconds(r.warm.cpu), megabytes(r.warm.peakKiB))
			if opts.coldOnly {
				warm = "– | – | –"
			}
			fmt.Fprintf(out, "| %d | %d | %s | %s | %s | %s | %d |\n", r.prFiles, r.files,
				seconds(r.cold.wall), seconds(r.cold.cpu), megabytes(r.cold.peakKiB), warm, r.findings)
		}
	}
	return nil
}

// measureRepo reviews the pull request with an empty cache, then again after
// a review of the earlier pull request filled a fresh cache, and without the
// cache when the binary has --no-cache; the findings must agree.
func measureRepo(ctx context.Context, bin string, repo *benchrepo.Repo, cacheRoot string, noCacheFlag, coldOnly bool) (row, error) {
	r := row{files: repo.Files, prFiles: repo.PRFiles}
	var err error
	os.RemoveAll(cacheRoot)
	if r.cold, err = scan(ctx, bin, repo.Dir, repo.Earlier, repo.PR, cacheRoot); err != nil {
		return r, fmt.Errorf("cold: %w", err)
	}
	r.findings = len(r.cold.findings)
	if coldOnly {
		return r, nil
	}
	os.RemoveAll(cacheRoot)
	if _, err = scan(ctx, bin, repo.Dir, repo.Root, repo.Earlier, cacheRoot); err != nil {
		return r, fmt.Errorf("earlier review: %w", err)
	}
	if r.warm, err = scan(ctx, bin, repo.Dir, repo.Earlier, repo.PR, cacheRoot); err != nil {
		return r, fmt.Errorf("warm: %w", err)
	}
	os.RemoveAll(cacheRoot)
	r.findings = len(r.cold.findings)
	if r.findings == 0 {
		return r, errors.New("the review found nothing: the generated regressions were missed")
	}
	if !reflect.DeepEqual(r.cold.findings, r.warm.findings) {
		return r, errors.New("findings differ between the cold and the warm review")
	}
	if noCacheFlag {
		nc, err := scan(ctx, bin, repo.Dir, repo.Earlier, repo.PR, cacheRoot, "--no-cache")
		if err != nil {
			return r, fmt.Errorf("--no-cache: %w", err)
		}
		if !reflect.DeepEqual(r.cold.findings, nc.findings) {
			return r, errors.New("findings differ between the cached and the --no-cache review")
		}
	}
	return r, nil
}

// scan runs one review as a child process, with its user cache directory
// under cacheRoot.
func scan(ctx context.Context, bin, dir, base, head, cacheRoot string, extra ...string) (measurement, error) {
	args := append([]string{"scan", "--repo", dir, "--base", base, "--head", head, "--format", "json"}, extra...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cacheRoot)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: blocking findings
		return measurement{}, fmt.Errorf("leakguard scan: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	m := measurement{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakKiB = ru.Maxrss
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		return m, fmt.Errorf("read scan output: %w", err)
	}
	m.findings = doc.Findings
	return m, nil
}

func supportsNoCache(ctx context.Context, bin string) bool {
	out, _ := exec.CommandContext(ctx, bin, "scan", "-h").CombinedOutput()
	return bytes.Contains(out, []byte("no-cache"))
}

// moduleRoot is the directory of go.mod, found from the working directory up.
func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(kib int64) string { return fmt.Sprintf("%d MB", kib*1024/1_000_000) }
