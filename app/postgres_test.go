package app

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/internal/fakegithub"
)

// startPostgres runs a throwaway PostgreSQL cluster on a Unix socket and
// returns its URL. Missing server binaries skip the test, or fail it in CI.
func startPostgres(t *testing.T) string {
	t.Helper()
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	sort.Strings(matches)
	if len(matches) == 0 {
		msg := "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/pg_ctl); apt-get install -y postgresql"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	bin := filepath.Dir(matches[len(matches)-1])
	dir, err := os.MkdirTemp("", "leakguard-app-pg-")
	if err != nil {
		t.Fatal(err)
	}
	asUser := ""
	if os.Geteuid() == 0 { // initdb refuses root
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatal("running as root without a postgres user to run the server as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		os.Chown(dir, uid, gid)
		asUser = "postgres"
	}
	run := func(name string, args ...string) ([]byte, error) {
		cmd := exec.Command(name, args...)
		if asUser != "" {
			cmd = exec.Command("runuser", append([]string{"-u", asUser, "--", name}, args...)...)
		}
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		return cmd.CombinedOutput()
	}
	data := filepath.Join(dir, "data")
	t.Cleanup(func() {
		run(filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(dir)
	})
	if out, err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-c listen_addresses='' -k %s -c fsync=off -c synchronous_commit=off", dir)
	if out, err := run(filepath.Join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return "postgres://postgres@/postgres?host=" + url.QueryEscape(dir) + "&sslmode=disable"
}

// TestPostgresReplicas runs two replicas on one PostgreSQL store: deliveries
// are deduplicated across them, and concurrent reviews of one PR never
// duplicate comments.
func TestPostgresReplicas(t *testing.T) {
	dbURL := startPostgres(t)
	fake := fakegithub.New()
	t.Cleanup(fake.Server.Close)
	mk := func() *harness {
		h := newHarness(t, harnessOpts{analyzers: suite.Default(), fake: fake, dataDir: t.TempDir(), databaseURL: dbURL})
		return h
	}
	a, b := mk(), mk()
	pr := vulnerablePR(t, a)
	if code, body := a.deliver("pull_request", "pg-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusAccepted {
		t.Fatalf("%d %s", code, body)
	}
	if code, body := b.deliver("pull_request", "pg-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusOK || body != "duplicate delivery" {
		t.Errorf("the other replica took a redelivery: %d %s", code, body)
	}
	// Three re-run requests at once, spread over both replicas.
	var wg sync.WaitGroup
	for i, h := range []*harness{a, b, a} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cs := deepCopy(example(t, "check_suite", "rerequested"))
			setRepo(cs, pr.repo)
			cs["check_suite"].(map[string]any)["head_sha"] = pr.head
			cs["check_suite"].(map[string]any)["pull_requests"] = []any{map[string]any{"number": 2}}
			h.deliver("check_suite", fmt.Sprintf("pg-rr-%d", i), cs)
		}()
	}
	wg.Wait()
	a.wait()
	b.wait()
	runs := fake.CheckRuns()
	if len(runs) != 4 {
		t.Errorf("want 4 check runs (the PR and three re-runs):\n%s", describe(runs))
	}
	for _, r := range runs {
		if r.Status != "completed" || r.Conclusion != "failure" {
			t.Errorf("run %d: %s %s", r.ID, r.Status, r.Conclusion)
		}
	}
	if n := len(fake.Comments()); n != 2 || fake.Reviews() != 1 {
		t.Errorf("%d comments in %d reviews, want 2 in 1", n, fake.Reviews())
	}
	a.checkContract()
}
