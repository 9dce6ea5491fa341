package gitcache

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/leakguard/leakguard/internal/fakegithub"
)

func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// origin is a repository the fake GitHub serves.
type origin struct {
	t    testing.TB
	dir  string
	repo *fakegithub.Repo
}

func newOrigin(t testing.TB, f *fakegithub.Fake, id int64, name string, files int) *origin {
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	for i := 0; i < files; i++ {
		p := filepath.Join(dir, fmt.Sprintf("src/m%d/file%d.ts", i%10, i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf("export const v%d = %d\n", i, i)), 0o644)
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-qm", "base")
	o := &origin{t: t, dir: dir, repo: &fakegithub.Repo{ID: id, Owner: "acme", Name: name, Dir: dir, Installation: 1}}
	f.AddRepo(o.repo)
	return o
}

func (o *origin) head() string { return git(o.t, o.dir, "rev-parse", "HEAD") }

func (o *origin) commit(path, content string) string {
	p := filepath.Join(o.dir, path)
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte(content), 0o644)
	git(o.t, o.dir, "add", "-A")
	git(o.t, o.dir, "commit", "-qm", "change "+path)
	return o.head()
}

// objects lists every object of a repository.
func objects(t testing.TB, dir string) map[string]bool {
	out := git(t, dir, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)")
	set := map[string]bool{}
	for _, l := range strings.Fields(out) {
		set[l] = true
	}
	return set
}

// introduced lists the objects a commit adds over its parent.
func introduced(t testing.TB, dir, commit string) []string {
	out := git(t, dir, "rev-list", "--objects", commit, "^"+commit+"^")
	var ids []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			ids = append(ids, f[0])
		}
	}
	sort.Strings(ids)
	return ids
}

func fetches(f *fakegithub.Fake) []fakegithub.GitRequest {
	var out []fakegithub.GitRequest
	for _, r := range f.GitRequests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/git-upload-pack") && len(r.Wants()) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// TestSecondFetchBringsOnlyNewObjects: after one new commit, the cache
// fetches exactly the objects that commit introduced, telling the server
// which commit it already has.
func TestSecondFetchBringsOnlyNewObjects(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	o := newOrigin(t, f, 7, "app", 300)
	c, err := Open(t.TempDir(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	remote := Remote{URL: f.CloneURL("acme", "app"), Token: f.Token(7)}
	first := o.head()
	l, err := c.Fetch(context.Background(), "7", remote, []string{first})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Fetched {
		t.Error("first fetch: want Fetched")
	}
	if got := git(t, l.Dir, "ls-tree", "-r", "--name-only", first); len(strings.Fields(got)) != 300 {
		t.Errorf("cache lists %d files at the first commit, want 300", len(strings.Fields(got)))
	}
	if got := git(t, l.Dir, "cat-file", "-p", first+":src/m3/file13.ts"); got != "export const v13 = 13" {
		t.Errorf("file content %q", got)
	}
	l.Release()
	before := objects(t, l.Dir)
	fs := fetches(f)
	if len(fs) != 1 {
		t.Fatalf("%d fetch requests for the first review, want 1", len(fs))
	}
	firstBytes := fs[0].BytesOut

	second := o.commit("src/m1/file1.ts", "export const v1 = 'changed'\n")
	l, err = c.Fetch(context.Background(), "7", remote, []string{second, first})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	after := objects(t, l.Dir)
	var added []string
	for id := range after {
		if !before[id] {
			added = append(added, id)
		}
	}
	sort.Strings(added)
	want := introduced(t, o.dir, second)
	if strings.Join(added, ",") != strings.Join(want, ",") {
		t.Errorf("second fetch added %d objects %v, want exactly the %d the commit introduced %v", len(added), added, len(want), want)
	}
	fs = fetches(f)
	if len(fs) != 2 {
		t.Fatalf("%d fetch requests after the second review, want 2", len(fs))
	}
	last := fs[len(fs)-1]
	if w := last.Wants(); len(w) != 1 || w[0] != second {
		t.Errorf("second fetch wanted %v, want only %s", w, second)
	}
	if !slices.Contains(last.Haves(), first) {
		t.Errorf("second fetch did not offer the cached commit as a have: %v", last.Haves())
	}
	t.Logf("first fetch: %d objects, %d bytes; second fetch: %d objects, %d bytes", len(before), firstBytes, len(added), last.BytesOut)
	if last.BytesOut*10 > firstBytes {
		t.Errorf("second fetch sent %d bytes, first %d: want a small fraction", last.BytesOut, firstBytes)
	}

	// Everything cached: no request at all.
	n := len(f.GitRequests())
	l2, err := c.Fetch(context.Background(), "7", remote, []string{second, first})
	if err != nil {
		t.Fatal(err)
	}
	l2.Release()
	if l2.Fetched || len(f.GitRequests()) != n {
		t.Error("a review of cached commits must not reach the server")
	}
}

// TestTokenNeverOnDiskArgvOrLogs runs git through a PATH shim that records
// every argument list and environment name, then looks for the token in the
// arguments, every file of the cache and the log.
func TestTokenNeverOnDiskArgvOrLogs(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	o := newOrigin(t, f, 8, "secret", 5)
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	shim := t.TempDir()
	argv := filepath.Join(t.TempDir(), "argv.log")
	script := fmt.Sprintf("#!/bin/sh\nprintf '%%s\\n' \"$*\" >> %q\nexec %q \"$@\"\n", argv, real)
	if err := os.WriteFile(filepath.Join(shim, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", shim+string(os.PathListSeparator)+os.Getenv("PATH"))

	var logs bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(lockedWriter{&logs, &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	dir := t.TempDir()
	c, _ := Open(dir, 0, log)
	token := f.Token(8)
	l, err := c.Fetch(context.Background(), "8", Remote{URL: f.CloneURL("acme", "secret"), Token: token}, []string{o.head()})
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
	// A refused fetch logs and returns an error: neither may carry the token.
	bad := "ghs_not_a_valid_token_0123456789"
	_, ferr := c.Fetch(context.Background(), "8", Remote{URL: f.CloneURL("acme", "secret"), Token: bad}, []string{strings.Repeat("a", 40)})
	if ferr == nil {
		t.Fatal("a fetch with a bad token must fail")
	}
	args, _ := os.ReadFile(argv)
	if !strings.Contains(string(args), "fetch") {
		t.Fatalf("the shim saw no fetch: %s", args)
	}
	for _, tok := range []string{token, bad} {
		if strings.Contains(string(args), tok) {
			t.Errorf("token in git's argument list:\n%s", args)
		}
		if strings.Contains(logs.String(), tok) || strings.Contains(ferr.Error(), tok) {
			t.Errorf("token in the log or error: %s %v", logs.String(), ferr)
		}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte(tok)) {
				t.Errorf("token written to %s", p)
			}
			return nil
		})
	}
	// Every git request carried the token scoped to the repository, and
	// the unauthenticated probe was refused.
	var authed int
	for _, r := range f.GitRequests() {
		if r.Status == 200 {
			authed++
		}
	}
	if authed < 2 {
		t.Errorf("%d successful git requests", authed)
	}
}

type lockedWriter struct {
	b  *bytes.Buffer
	mu *sync.Mutex
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// TestTokenScopedToRepository: a token for another repository is refused.
func TestTokenScopedToRepository(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	o := newOrigin(t, f, 9, "one", 3)
	newOrigin(t, f, 10, "two", 3)
	c, _ := Open(t.TempDir(), 0, nil)
	_, err := c.Fetch(context.Background(), "9", Remote{URL: f.CloneURL("acme", "one"), Token: f.Token(10)}, []string{o.head()})
	if err == nil || !strings.Contains(err.Error(), "403") {
		t.Fatalf("want a 403 for a token of another repository, got %v", err)
	}
}

// TestConcurrentFetchesOfOneRepository: reviews of one repository that start
// together fetch once; the others find the commits cached.
func TestConcurrentFetchesOfOneRepository(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	o := newOrigin(t, f, 11, "busy", 50)
	dir := t.TempDir()
	// Two caches on one directory stand for two worker processes.
	c1, _ := Open(dir, 0, nil)
	c2, _ := Open(dir, 0, nil)
	remote := Remote{URL: f.CloneURL("acme", "busy"), Token: f.Token(11)}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		c := c1
		if i%2 == 1 {
			c = c2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := c.Fetch(context.Background(), "11", remote, []string{o.head()})
			if err != nil {
				errs <- err
				return
			}
			if _, err := os.Stat(filepath.Join(l.Dir, "HEAD")); err != nil {
				errs <- err
			}
			l.Release()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(fetches(f)); n != 1 {
		t.Errorf("%d fetches for 8 concurrent reviews of one commit, want 1", n)
	}
}

// TestEvictionLRU: over the cap, the least recently used repository goes,
// never one that is leased.
func TestEvictionLRU(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	var origins []*origin
	for i := 0; i < 3; i++ {
		origins = append(origins, newOrigin(t, f, int64(20+i), fmt.Sprintf("r%d", i), 40))
	}
	dir := t.TempDir()
	c, _ := Open(dir, 1, nil) // every fetch goes over the cap
	fetch := func(i int) *Lease {
		l, err := c.Fetch(context.Background(), fmt.Sprint(20+i), Remote{URL: f.CloneURL("acme", fmt.Sprintf("r%d", i)), Token: f.Token(int64(20 + i))}, []string{origins[i].head()})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	held := fetch(0) // leased throughout
	fetch(1).Release()
	if _, err := os.Stat(filepath.Join(dir, "20")); err != nil {
		t.Fatal("a leased repository was evicted")
	}
	fetch(2).Release()
	if _, err := os.Stat(filepath.Join(dir, "21")); err == nil {
		t.Error("the least recently used repository is still there")
	}
	if _, err := os.Stat(filepath.Join(dir, "20")); err != nil {
		t.Error("a leased repository was evicted")
	}
	if _, err := os.Stat(filepath.Join(dir, "22")); err != nil {
		t.Error("the repository just fetched was evicted")
	}
	held.Release()
}

// TestPacksMerged: after many fetches a repository's packs are merged into
// one, and its commits stay readable.
func TestPacksMerged(t *testing.T) {
	f := fakegithub.New()
	defer f.Server.Close()
	o := newOrigin(t, f, 30, "busy", 5)
	defer func(n int) { maxPacks = n }(maxPacks)
	maxPacks = 3
	c, _ := Open(t.TempDir(), 0, nil)
	remote := Remote{URL: f.CloneURL("acme", "busy"), Token: f.Token(30)}
	var heads []string
	for i := 0; i <= maxPacks+1; i++ {
		heads = append(heads, o.commit("src/x.ts", fmt.Sprintf("export const x = %d\n", i)))
		l, err := c.Fetch(context.Background(), "30", remote, []string{heads[i]})
		if err != nil {
			t.Fatal(err)
		}
		l.Release()
	}
	l, _ := c.Fetch(context.Background(), "30", remote, heads[len(heads)-1:])
	defer l.Release()
	packs, _ := filepath.Glob(filepath.Join(l.Dir, "objects", "pack", "*.pack"))
	if len(packs) > 2 {
		t.Errorf("%d packs after %d fetches, want them merged", len(packs), len(heads))
	}
	for _, h := range heads {
		if !hasCommit(context.Background(), l.Dir, h) {
			t.Errorf("commit %s lost in the merge", h)
		}
	}
}
