package isolation

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

// Defaults of the limits of one review.
const (
	DefaultMemory  = 1 << 30
	DefaultTimeout = 5 * time.Minute
)

// maxOutputBytes bounds what the parent reads from a worker.
const maxOutputBytes = 512 << 20

// Runner starts one worker per review.
type Runner struct {
	// Command is the worker's argument list: this binary and
	// "review-worker" (see Command).
	Command []string
	// Env is added to the worker's environment, which otherwise holds only
	// PATH, HOME, TMPDIR and the locale: never the server's secrets.
	Env []string
	// Memory caps the worker's memory in bytes (0: DefaultMemory).
	Memory int64
	// Timeout is the longest a review may run (0: DefaultTimeout).
	Timeout time.Duration
	// Rule resolves the rule ids in the worker's findings.
	Rule func(id string) *analyzers.Rule
	// Poll is how often the worker's resident size is read (0: 50ms).
	Poll time.Duration
	// Log receives the last lines a failed worker wrote (its stack).
	Log *slog.Logger
}

// Command is the worker command of the running binary.
func Command() ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find this binary: %w", err)
	}
	return []string{exe, "review-worker"}, nil
}

// Failure is a review ended by its worker's fate rather than by its result.
type Failure struct {
	Kind   string // "memory", "timeout" or "crash"
	Reason string // a sentence for the check run
}

func (f *Failure) Error() string { return f.Reason }

// Run reviews a job in a new worker and returns its result. A worker that
// runs out of memory or time, or dies, yields a *Failure; ctx ending kills
// the worker and returns ctx's error.
func (r *Runner) Run(ctx context.Context, job Job) (*analyzers.Result, []*source.File, error) {
	if len(r.Command) == 0 {
		return nil, nil, errors.New("isolation: no worker command")
	}
	memory, timeout, poll := r.Memory, r.Timeout, r.Poll
	if memory <= 0 {
		memory = DefaultMemory
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if poll <= 0 {
		poll = 50 * time.Millisecond
	}
	job.Version = WireVersion
	in, err := json.Marshal(job)
	if err != nil {
		return nil, nil, err
	}

	cmd := exec.Command(r.Command[0], r.Command[1:]...)
	cmd.Env = append(workerEnv(), memoryEnv+"="+strconv.FormatInt(memory, 10))
	cmd.Env = append(cmd.Env, r.Env...)
	cmd.Stdin = bytes.NewReader(in)
	var stdout bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &stdout, n: maxOutputBytes}
	stderr := &tailWriter{max: 64 << 10}
	cmd.Stderr = stderr
	// Its own process group, so a kill reaches the git processes it runs;
	// and it dies with the server.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	// Pdeathsig fires when the thread that started the child ends, so that
	// thread stays locked to this goroutine until the child is reaped.
	started, waited := make(chan error, 1), make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		waited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return nil, nil, fmt.Errorf("start review worker: %w", err)
	}
	pid := cmd.Process.Pid
	var once sync.Once
	var killedFor string
	kill := func(why string) {
		once.Do(func() {
			killedFor = why
			syscall.Kill(-pid, syscall.SIGKILL)
		})
	}
	done := make(chan struct{})
	go func() {
		deadline := time.NewTimer(timeout)
		defer deadline.Stop()
		tick := time.NewTicker(poll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				kill("cancel")
				return
			case <-deadline.C:
				kill("timeout")
				return
			case <-tick.C:
				if residentBytes(pid) > memory {
					kill("memory")
					return
				}
			}
		}
	}()
	waitErr := <-waited
	close(done)
	syscall.Kill(-pid, syscall.SIGKILL) // git processes left behind, if any

	if waitErr != nil || killedFor != "" {
		r.logTail(stderr.String(), killedFor, waitErr)
	}
	switch killedFor {
	case "cancel":
		return nil, nil, ctx.Err()
	case "timeout":
		return nil, nil, &Failure{Kind: "timeout", Reason: fmt.Sprintf("The review took longer than %s, the limit for one review (LEAKGUARD_REVIEW_TIMEOUT), and was stopped.", human(timeout))}
	case "memory":
		return nil, nil, oom(memory)
	}
	if waitErr != nil {
		tail := stderr.String()
		if outOfMemory(tail) {
			return nil, nil, oom(memory)
		}
		return nil, nil, &Failure{Kind: "crash", Reason: "The review crashed (" + crashLine(tail, waitErr) + ") and was stopped; the server and other reviews were not affected."}
	}
	res, files, analysisErr, err := decodeOutput(stdout.Bytes(), r.rule)
	if err != nil {
		return nil, nil, err
	}
	if analysisErr != "" {
		return nil, nil, errors.New(analysisErr)
	}
	return res, files, nil
}

// logTail logs the end of a failed worker's stderr, tokens masked.
func (r *Runner) logTail(tail, killedFor string, waitErr error) {
	if r.Log == nil {
		return
	}
	lines := strings.Split(strings.TrimSpace(tail), "\n")
	if len(lines) > 40 {
		lines = lines[len(lines)-40:]
	}
	for i, l := range lines {
		lines[i] = analyzers.MaskTokens(l)
	}
	r.Log.Warn("review worker failed", "killed_for", killedFor, "error", fmt.Sprint(waitErr), "stderr_tail", strings.Join(lines, "\n"))
}

func (r *Runner) rule(id string) *analyzers.Rule {
	if r.Rule == nil {
		return nil
	}
	return r.Rule(id)
}

func oom(memory int64) *Failure {
	return &Failure{Kind: "memory", Reason: fmt.Sprintf("The review ran out of memory (limit %s, LEAKGUARD_REVIEW_MEMORY) and was stopped; the server and other reviews were not affected.", humanBytes(memory))}
}

// workerEnv is the part of this process's environment a worker gets.
func workerEnv() []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// residentBytes reads a process's resident set size (0 when unknown).
func residentBytes(pid int) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// outOfMemory recognizes the last words of a process whose allocation failed
// under its limit: Go's runtime, tree-sitter's allocator and libc.
func outOfMemory(stderr string) bool {
	for _, s := range []string{"runtime: out of memory", "fatal error: out of memory", "failed to allocate", "Cannot allocate memory", "cannot allocate memory", "std::bad_alloc"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// crashLine is the first line of a panic or fatal error (the stack stays in
// the server log), or how the process ended.
func crashLine(stderr string, waitErr error) string {
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "SIGSEGV") || strings.HasPrefix(l, "runtime: ") {
			return analyzers.MaskTokens(cut(l, 200))
		}
	}
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return "killed by signal " + ws.Signal().String()
		}
		return "exit status " + strconv.Itoa(ee.ExitCode())
	}
	return cut(waitErr.Error(), 200)
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func human(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		if d == time.Minute {
			return "1 min"
		}
		return strconv.Itoa(int(d/time.Minute)) + " min"
	}
	return d.String()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// tailWriter keeps the first and the last bytes written: the worker's first
// words (a fatal error's reason) and its last (the stack's end).
type tailWriter struct {
	mu         sync.Mutex
	head, tail []byte
	max        int
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(p)
	if room := t.max/8 - len(t.head); room > 0 {
		k := min(room, len(p))
		t.head = append(t.head, p[:k]...)
		p = p[k:]
	}
	t.tail = append(t.tail, p...)
	if len(t.tail) > t.max {
		t.tail = append([]byte(nil), t.tail[len(t.tail)-t.max:]...)
	}
	return n, nil
}

func (t *tailWriter) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + string(t.tail)
}

// limitedWriter fails once n bytes were written.
type limitedWriter struct {
	w io.Writer
	n int64
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.n {
		return 0, errors.New("worker output too large")
	}
	l.n -= int64(len(p))
	return l.w.Write(p)
}
