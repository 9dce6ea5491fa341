// Package testsummary ends `go test ./...` by naming the test suites this
// machine cannot run and the command that enables each one.
//
// go test hides everything a passing package prints when it tests a list of
// packages, so a skipped suite's reason shows only with -v. This package's
// path sorts last, so go prints its result last; its test waits until the go
// command has nothing else running, then writes the summary to the go
// command's own standard output, where it lands just before the final "ok"
// line. Its result is never cached, so the summary comes on every run.
// Under CI (CI set) a missing prerequisite fails instead, here and in the
// suites themselves.
package testsummary

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leakguard/leakguard/internal/npmdeps"
)

// suite is a group of tests that needs something installed.
type suite struct {
	name    string
	tests   string // what does not run without it
	enable  string // the command that installs it
	missing func() string
}

// suites are the test suites that skip (locally) when a prerequisite is
// missing. A new suite that skips on a prerequisite belongs here.
var suites = []suite{
	{
		name:   "GitHub contract tests",
		tests:  "App end to end against GitHub's OpenAPI, GraphQL schema, webhook payloads and permission data (app); SARIF schema (checks)",
		enable: "npm install --no-save --prefix .npm-deps " + strings.Join(npmdeps.Packages, " "),
		missing: func() string {
			var out []string
			for _, p := range npmdeps.Packages {
				name := p[:strings.LastIndex(p, "@")]
				if _, err := os.Stat(filepath.Join(npmdeps.Dir(), "node_modules", name, "package.json")); err != nil {
					out = append(out, name)
				}
			}
			if len(out) == 0 {
				return ""
			}
			return "npm packages missing in " + filepath.Join(npmdeps.Dir(), "node_modules") + ": " + strings.Join(out, ", ")
		},
	},
	{
		name:   "PostgreSQL tests",
		tests:  "the policy model against a real server (analyzers/pgmodel); the App on a shared PostgreSQL store (app)",
		enable: "apt-get install -y postgresql",
		missing: func() string {
			// Where analyzers/pgmodel and app look for the server binaries.
			matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
			for _, m := range matches {
				if _, err := os.Stat(filepath.Join(filepath.Dir(m), "initdb")); err == nil {
					return ""
				}
			}
			return "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin"
		},
	},
}

func TestSkippedSuites(t *testing.T) {
	noCache(t)
	var lines []string
	for _, s := range suites {
		if why := s.missing(); why != "" {
			lines = append(lines, fmt.Sprintf("  %s — %s (%s)\n    enable: %s", s.name, s.tests, why, s.enable))
		}
	}
	if len(lines) == 0 {
		return
	}
	summary := fmt.Sprintf("leakguard: %d test suite(s) were skipped on this machine; CI runs them all (.ci/run installs what they need):\n%s\n",
		len(lines), strings.Join(lines, "\n"))
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set, so missing prerequisites fail:\n%s", summary)
	}
	t.Log("\n" + summary)
	if w := goCommandOutput(); w != nil {
		defer w.Close()
		waitForOtherPackages(os.Getppid(), 15*time.Minute)
		fmt.Fprint(w, summary)
	}
}

// noCache makes the result uncacheable: go test does not cache a run that
// read a file of the module modified less than two seconds before the run
// is saved; this one's time is set ahead, so it always is (.cache/ is
// git-ignored).
func noCache(t *testing.T) {
	dir := filepath.Join("..", ".cache")
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, "testsummary.stamp")
	os.WriteFile(p, []byte("read by testsummary so that its result is never cached\n"), 0o644)
	ahead := time.Now().Add(24 * time.Hour)
	os.Chtimes(p, ahead, ahead)
	os.ReadFile(p)
}

// goCommandOutput opens the go command's standard output for appending, or
// returns nil when the summary would not show there or would show twice:
// -json (test2json output must stay JSON), a go command streaming this
// test's own output (-v on one package), a parent that is not go, or no
// /proc.
func goCommandOutput() *os.File {
	if f := flag.Lookup("test.v"); f != nil && f.Value.String() == "test2json" {
		return nil
	}
	ppid := os.Getppid()
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", ppid))
	if err != nil || strings.TrimSpace(string(comm)) != "go" {
		return nil
	}
	theirs := fmt.Sprintf("/proc/%d/fd/1", ppid)
	a, errA := os.Stat(theirs)
	b, errB := os.Stat("/proc/self/fd/1")
	if errA != nil || errB != nil || os.SameFile(a, b) {
		return nil
	}
	if a.Mode().IsRegular() && !appending(ppid, 1) {
		// go writes a file at its own offset: its next line would overwrite
		// what is appended here. Terminals, pipes and >> files are fine.
		return nil
	}
	w, err := os.OpenFile(theirs, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil
	}
	return w
}

// appending reports whether a process's file descriptor was opened with
// O_APPEND.
func appending(pid, fd int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/fdinfo/%d", pid, fd))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "flags:"); ok {
			flags, err := strconv.ParseInt(strings.TrimSpace(v), 8, 64)
			return err == nil && flags&int64(os.O_APPEND) != 0
		}
	}
	return false
}

// waitForOtherPackages waits until the go command (pid) runs no other child
// (compilers, linkers, other test binaries) and spends no CPU for a moment:
// every package before this one has then been printed.
func waitForOtherPackages(pid int, limit time.Duration) {
	deadline := time.Now().Add(limit)
	quietSince := time.Time{}
	lastCPU := cpuTicks(pid)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		cpu := cpuTicks(pid)
		busy := otherChildren(pid) > 0 || cpu-lastCPU > 2
		lastCPU = cpu
		switch {
		case busy:
			quietSince = time.Time{}
		case quietSince.IsZero():
			quietSince = time.Now()
		case time.Since(quietSince) > 1500*time.Millisecond:
			return
		}
	}
}

// otherChildren counts pid's children besides this process.
func otherChildren(pid int) int {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	n := 0
	for _, d := range dirs {
		child, _ := strconv.Atoi(filepath.Base(d))
		if child == os.Getpid() {
			continue
		}
		if f := statFields(child); len(f) > 1 && f[1] == strconv.Itoa(pid) {
			n++
		}
	}
	return n
}

// cpuTicks is a process's user and system time in clock ticks.
func cpuTicks(pid int) int {
	f := statFields(pid)
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}

// statFields returns /proc/pid/stat after the command name: state, ppid, ….
func statFields(pid int) []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(string(b[i+1:]))
}

// TestThisPackageIsPrintedLast: the summary lands at the end of `go test
// ./...` only while this package's path sorts after every other package.
func TestThisPackageIsPrintedLast(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}", "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := strings.Fields(string(out))
	sorted := append([]string(nil), pkgs...)
	sort.Strings(sorted)
	if last := sorted[len(sorted)-1]; !strings.HasSuffix(last, "/testsummary") {
		t.Errorf("%s sorts after testsummary, so go test ./... prints it after the skipped-suite summary: give testsummary's folder a later name", last)
	}
}
