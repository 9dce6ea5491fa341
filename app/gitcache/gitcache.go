// Package gitcache keeps one bare git repository per GitHub repository under
// the App's data directory, filled over git smart HTTP with the installation
// token, so a review reads the repository with git instead of one REST call
// per file.
//
// Each review fetches only the commits it needs (the merge base, the head and
// the base branch tip) at depth 1: the first review of a repository brings
// the trees and files of those commits, later ones negotiate with the commits
// already cached and receive only the objects that are new. One fetch per
// repository runs at a time (an in-process lock and a file lock, for workers
// sharing the directory); the total size is capped and whole repositories are
// evicted least recently used first, never one a review is reading.
//
// The token reaches git only through the environment: a credential helper
// given in GIT_CONFIG_* variables prints it from LEAKGUARD_GIT_TOKEN, so it is
// never in an argument list, a configuration file or a log line.
package gitcache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// DefaultMaxBytes is the default size cap of a cache.
const DefaultMaxBytes = 10 << 30

// Cache is a directory of bare repositories.
type Cache struct {
	dir      string
	maxBytes int64
	log      *slog.Logger

	mu    sync.Mutex
	repos map[string]*repoLock
}

type repoLock struct {
	mu   sync.Mutex // one fetch at a time in this process
	refs int
}

// Open returns the cache kept in dir, capped at maxBytes (0: DefaultMaxBytes).
func Open(dir string, maxBytes int64, log *slog.Logger) (*Cache, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("git cache: %w", err)
	}
	// Repositories an eviction or a creation left behind when a process died.
	for _, pattern := range []string{".trash-*", ".new-*"} {
		left, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range left {
			if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > time.Hour {
				os.RemoveAll(p)
			}
		}
	}
	return &Cache{dir: dir, maxBytes: maxBytes, log: log, repos: map[string]*repoLock{}}, nil
}

// Remote is where a repository is fetched from.
type Remote struct {
	// URL is the repository's clone URL (https://HOST/OWNER/NAME.git).
	URL string
	// Token is the installation token, sent as the password of
	// x-access-token.
	Token string
	// PullRef, when set, is a ref that also holds the pull request's head
	// (refs/pull/N/head), fetched when the head commit cannot be fetched by
	// its SHA.
	PullRef string
}

// Lease is a repository of the cache in use: it is not evicted until Release.
type Lease struct {
	// Dir is the bare repository.
	Dir string
	// Fetched reports whether this lease had to fetch (false: every commit
	// was cached already).
	Fetched bool
	use     *os.File
}

// Release lets the repository be evicted again.
func (l *Lease) Release() {
	if l.use != nil {
		l.use.Close() // drops the shared lock
		l.use = nil
	}
}

var keyRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,100}$`)
var shaRE = regexp.MustCompile(`^[0-9a-f]{40}$|^[0-9a-f]{64}$`)

// Fetch makes sure the repository key holds the commits (full SHAs) with
// their trees and files, fetching what is missing, and leases it.
func (c *Cache) Fetch(ctx context.Context, key string, remote Remote, commits []string) (*Lease, error) {
	if !keyRE.MatchString(key) {
		return nil, fmt.Errorf("git cache: bad repository key %q", key)
	}
	for _, sha := range commits {
		if !shaRE.MatchString(sha) {
			return nil, fmt.Errorf("git cache: %q is not a commit SHA", sha)
		}
	}
	dir := filepath.Join(c.dir, key)
	unlock, err := c.lockRepo(ctx, key, dir)
	if err != nil {
		return nil, err
	}
	lease, err := c.fetchLocked(ctx, dir, remote, commits)
	unlock()
	if err != nil {
		return nil, err
	}
	if lease.Fetched {
		c.evict(dir)
	}
	return lease, nil
}

// lockRepo takes the in-process lock, then the file lock, of one repository.
func (c *Cache) lockRepo(ctx context.Context, key, dir string) (func(), error) {
	c.mu.Lock()
	rl := c.repos[key]
	if rl == nil {
		rl = &repoLock{}
		c.repos[key] = rl
	}
	rl.refs++
	c.mu.Unlock()
	release := func() {
		c.mu.Lock()
		if rl.refs--; rl.refs == 0 {
			delete(c.repos, key)
		}
		c.mu.Unlock()
	}
	rl.mu.Lock()
	if err := os.MkdirAll(filepath.Join(c.dir, ".locks"), 0o700); err != nil {
		rl.mu.Unlock()
		release()
		return nil, fmt.Errorf("git cache: %w", err)
	}
	lf, err := lockFile(ctx, filepath.Join(c.dir, ".locks", key+".fetch"), syscall.LOCK_EX)
	if err != nil {
		rl.mu.Unlock()
		release()
		return nil, err
	}
	return func() {
		lf.Close()
		rl.mu.Unlock()
		release()
	}, nil
}

// lockFile opens path and takes a flock on it, waiting until ctx ends.
func lockFile(ctx context.Context, path string, how int) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("git cache lock: %w", err)
	}
	for delay := 5 * time.Millisecond; ; delay = min(delay*2, 200*time.Millisecond) {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("git cache lock: %w", err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(delay):
		}
	}
}

func (c *Cache) fetchLocked(ctx context.Context, dir string, remote Remote, commits []string) (*Lease, error) {
	if _, err := os.Stat(filepath.Join(dir, "HEAD")); errors.Is(err, fs.ErrNotExist) {
		if err := c.create(ctx, dir); err != nil {
			return nil, err
		}
	}
	c.maintain(ctx, dir)
	// Hold the use lock from now on: eviction by another process waits.
	use, err := lockFile(ctx, filepath.Join(dir, "use.lock"), syscall.LOCK_SH)
	if err != nil {
		return nil, err
	}
	lease := &Lease{Dir: dir, use: use}
	now := time.Now()
	os.Chtimes(filepath.Join(dir, "use.lock"), now, now) // last use, for eviction

	var missing []string
	seen := map[string]bool{}
	for _, sha := range commits {
		if seen[sha] {
			continue
		}
		seen[sha] = true
		if !hasCommit(ctx, dir, sha) {
			missing = append(missing, sha)
		}
	}
	if len(missing) == 0 {
		return lease, nil
	}
	if err := c.fetch(ctx, dir, remote, missing); err != nil {
		lease.Release()
		return nil, err
	}
	lease.Fetched = true
	for _, sha := range missing {
		if !hasCommit(ctx, dir, sha) {
			lease.Release()
			return nil, fmt.Errorf("git cache: commit %s not found in %s", sha[:12], redactURL(remote.URL))
		}
	}
	c.trimRefs(ctx, dir)
	return lease, nil
}

// maxPacks is how many packs (one per fetch) a repository collects before
// they are merged into one.
var maxPacks = 30

// maintain merges a repository's packs into one when a fetch at a time has
// left many (object lookups slow down with their number), dropping the
// objects only trimmed refs held. It runs with the fetch lock held and only
// when no review reads the repository, since it deletes packs.
func (c *Cache) maintain(ctx context.Context, dir string) {
	packs, _ := filepath.Glob(filepath.Join(dir, "objects", "pack", "*.pack"))
	if len(packs) <= maxPacks {
		return
	}
	f, err := os.OpenFile(filepath.Join(dir, "use.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return // in use: next time
	}
	start := time.Now()
	if _, err := run(ctx, dir, nil, "repack", "-a", "-d", "-q"); err != nil {
		c.log.Warn("git cache: repack failed", "dir", filepath.Base(dir), "error", err)
		return
	}
	c.log.Info("git cache: packs merged", "dir", filepath.Base(dir), "packs", len(packs), "duration_ms", time.Since(start).Milliseconds())
}

// create makes an empty bare repository, atomically (init aside, rename).
func (c *Cache) create(ctx context.Context, dir string) error {
	tmp, err := os.MkdirTemp(c.dir, ".new-")
	if err != nil {
		return fmt.Errorf("git cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	if _, err := run(ctx, tmp, nil, "init", "-q", "--bare", "."); err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"gc.auto", "0"}, // repacks run here, when no review reads the repo
		{"core.logAllRefUpdates", "false"},
		{"fetch.unpackLimit", "1"}, // keep what a fetch brings as one pack
	} {
		if _, err := run(ctx, tmp, nil, "config", kv[0], kv[1]); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("git cache: %w", err)
	}
	return nil
}

func hasCommit(ctx context.Context, dir, sha string) bool {
	_, err := run(ctx, dir, nil, "cat-file", "-e", sha+"^{commit}")
	return err == nil
}

// refPrefix holds one ref per fetched commit: they keep its objects and tell
// the server, on the next fetch, what this cache already has.
const refPrefix = "refs/leakguard/"

// maxRefs bounds the commits kept per repository.
const maxRefs = 500

func (c *Cache) fetch(ctx context.Context, dir string, remote Remote, shas []string) error {
	if err := checkRemoteURL(remote.URL); err != nil {
		return err
	}
	env := credentialEnv(remote.Token)
	args := []string{"fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--depth=1", remote.URL}
	for _, sha := range shas {
		args = append(args, sha+":"+refPrefix+sha)
	}
	start := time.Now()
	_, err := run(ctx, dir, env, args...)
	if err != nil && remote.PullRef != "" {
		// A head only reachable from the pull request ref (a fork on a
		// server that refuses unadvertised SHAs): fetch the ref.
		c.log.Info("fetch by SHA refused; fetching the pull request ref", "error", err)
		if _, err2 := run(ctx, dir, env, "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--depth=1", remote.URL, "+"+remote.PullRef+":"+refPrefix+"pull"); err2 == nil {
			err = nil
			for _, sha := range shas {
				if !hasCommit(ctx, dir, sha) {
					if _, err = run(ctx, dir, env, "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--depth=1", remote.URL, sha+":"+refPrefix+sha); err != nil {
						break
					}
				} else {
					run(ctx, dir, nil, "update-ref", refPrefix+sha, sha)
				}
			}
		}
	}
	if err != nil {
		return fmt.Errorf("git fetch from %s: %w", redactURL(remote.URL), err)
	}
	c.log.Debug("git fetch", "dir", filepath.Base(dir), "commits", len(shas), "duration_ms", time.Since(start).Milliseconds())
	return nil
}

// trimRefs drops the refs of the oldest fetched commits beyond maxRefs.
func (c *Cache) trimRefs(ctx context.Context, dir string) {
	out, err := run(ctx, dir, nil, "for-each-ref", "--sort=-creatordate", "--format=%(refname)", refPrefix)
	if err != nil {
		return
	}
	refs := strings.Fields(string(out))
	if len(refs) <= maxRefs {
		return
	}
	var stdin bytes.Buffer
	for _, r := range refs[maxRefs:] {
		fmt.Fprintf(&stdin, "delete %s\n", r)
	}
	cmd := exec.CommandContext(ctx, "git", "update-ref", "--stdin")
	cmd.Dir = dir
	cmd.Env = baseEnv()
	cmd.Stdin = &stdin
	cmd.Run()
}

// credentialEnv passes the token to git through the environment only: a
// credential helper (a shell function, configured with GIT_CONFIG_* variables,
// that names the variable but not the token) prints it. Configuration from
// the user's and the system's files is ignored, so no other credential
// helper can store the token.
func credentialEnv(token string) []string {
	helper := `!f() { test "$1" = get || exit 0; echo username=x-access-token; echo "password=$LEAKGUARD_GIT_TOKEN"; }; f`
	return []string{
		"LEAKGUARD_GIT_TOKEN=" + token,
		"GIT_CONFIG_COUNT=3",
		"GIT_CONFIG_KEY_0=credential.helper", "GIT_CONFIG_VALUE_0=", // reset the list
		"GIT_CONFIG_KEY_1=credential.helper", "GIT_CONFIG_VALUE_1=" + helper,
		"GIT_CONFIG_KEY_2=protocol.version", "GIT_CONFIG_VALUE_2=2",
	}
}

// baseEnv is the environment of every git command: no user or system
// configuration, no prompt, only this process's PATH and HOME.
func baseEnv() []string {
	env := []string{"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=", "SSH_ASKPASS=", "LC_ALL=C"}
	for _, k := range []string{"PATH", "HOME", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

func run(ctx context.Context, dir string, extraEnv []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(baseEnv(), extraEnv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		if len(msg) > 500 {
			msg = msg[:500] + "…"
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// checkRemoteURL refuses anything but http(s) without credentials in it.
func checkRemoteURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("git cache: clone URL %q is not an http(s) URL", redactURL(raw))
	}
	if u.User != nil {
		return errors.New("git cache: clone URL carries credentials")
	}
	return nil
}

func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	u.User = nil
	u.RawQuery = ""
	return u.String()
}

// evict removes least recently used repositories, never keep nor one that is
// in use, until the cache is under its cap.
func (c *Cache) evict(keep string) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type repo struct {
		dir  string
		size int64
		used time.Time
	}
	var repos []repo
	var total int64
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		d := filepath.Join(c.dir, e.Name())
		r := repo{dir: d, size: dirSize(d)}
		if st, err := os.Stat(filepath.Join(d, "use.lock")); err == nil {
			r.used = st.ModTime()
		}
		total += r.size
		repos = append(repos, r)
	}
	if total <= c.maxBytes {
		return
	}
	sort.Slice(repos, func(i, j int) bool { return repos[i].used.Before(repos[j].used) })
	for _, r := range repos {
		if total <= c.maxBytes {
			break
		}
		if r.dir == keep {
			continue
		}
		if c.remove(r.dir) {
			total -= r.size
			c.log.Info("git cache: evicted a repository", "dir", filepath.Base(r.dir), "bytes", r.size)
		}
	}
}

// remove deletes a repository nobody uses or fetches: it takes both locks
// without waiting and renames the directory away before deleting it.
func (c *Cache) remove(dir string) bool {
	key := filepath.Base(dir)
	c.mu.Lock()
	busy := c.repos[key] != nil
	c.mu.Unlock()
	if busy {
		return false
	}
	fl, err := os.OpenFile(filepath.Join(c.dir, ".locks", key+".fetch"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return false
	}
	defer fl.Close()
	if syscall.Flock(int(fl.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return false
	}
	ul, err := os.OpenFile(filepath.Join(dir, "use.lock"), os.O_RDWR, 0o600)
	if err == nil {
		defer ul.Close()
		if syscall.Flock(int(ul.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
			return false
		}
	}
	trash := filepath.Join(c.dir, ".trash-"+key+"-"+strconv.FormatInt(time.Now().UnixNano(), 36))
	if err := os.Rename(dir, trash); err != nil {
		return false
	}
	os.RemoveAll(trash)
	return true
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
