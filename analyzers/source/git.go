package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/go-diff/diff"
)

// Git is a Change backed by a local git repository.
type Git struct {
	dir        string
	env        []string // extra environment for git (a snapshot's object directory)
	base, head *gitTree
	blobs      *catFile

	once  sync.Once
	files []*File
	err   error
}

// OpenGit opens the range base..head of the repository in dir. Both revisions
// are resolved to commits. Close releases the git processes it starts.
func OpenGit(ctx context.Context, dir, base, head string) (*Git, error) {
	baseSHA, err := ResolveCommit(ctx, dir, base)
	if err != nil {
		return nil, err
	}
	headSHA, err := ResolveCommit(ctx, dir, head)
	if err != nil {
		return nil, err
	}
	return newGit(dir, baseSHA, headSHA, nil)
}

// newGit opens the range between two resolved revisions (commits or trees),
// running git with env added to its environment.
func newGit(dir, base, head string, env []string) (*Git, error) {
	cf, err := startCatFile(dir, env)
	if err != nil {
		return nil, err
	}
	g := &Git{dir: dir, env: env, blobs: cf}
	g.base = &gitTree{rev: base, dir: dir, env: env, blobs: cf}
	g.head = &gitTree{rev: head, dir: dir, env: env, blobs: cf}
	return g, nil
}

// Close stops the git processes.
func (g *Git) Close() error { return g.blobs.close() }

// Tree returns one side of the range.
func (g *Git) Tree(s Side) Tree {
	if s == Base {
		return g.base
	}
	return g.head
}

// Truncated is always "" for a local repository: git lists every file.
func (g *Git) Truncated() string { return "" }

// Files lists the changed files with their line ranges.
func (g *Git) Files(ctx context.Context) ([]*File, error) {
	g.once.Do(func() { g.files, g.err = g.loadFiles(ctx) })
	return g.files, g.err
}

func (g *Git) loadFiles(ctx context.Context) ([]*File, error) {
	raw, err := runGitEnv(ctx, g.dir, g.env, "diff", "--raw", "-z", "-M", "--no-abbrev", g.base.rev, g.head.rev)
	if err != nil {
		return nil, fmt.Errorf("list changed files: %w", err)
	}
	files, err := parseRaw(raw)
	if err != nil {
		return nil, err
	}
	num, err := runGitEnv(ctx, g.dir, g.env, "diff", "--numstat", "-z", "-M", g.base.rev, g.head.rev)
	if err != nil {
		return nil, fmt.Errorf("diff numstat: %w", err)
	}
	binary := parseNumstatBinary(num)
	patch, err := runGitEnv(ctx, g.dir, g.env, "-c", "core.quotepath=off", "diff", "-U0", "-M", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", g.base.rev, g.head.rev)
	if err != nil {
		return nil, fmt.Errorf("diff: %w", err)
	}
	byPath := make(map[string]*File, len(files))
	for _, f := range files {
		f.Binary = binary[f.Path]
		byPath[f.Path] = f
	}
	if err := applyPatch(patch, byPath); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// parseRaw reads `git diff --raw -z` output.
func parseRaw(out []byte) ([]*File, error) {
	fields := strings.Split(string(out), "\x00")
	var files []*File
	for i := 0; i < len(fields); i++ {
		meta := fields[i]
		if meta == "" {
			continue
		}
		if !strings.HasPrefix(meta, ":") {
			return nil, fmt.Errorf("unexpected git diff --raw record %q", meta)
		}
		// :oldmode newmode oldsha newsha status
		parts := strings.Fields(meta[1:])
		if len(parts) != 5 || i+1 >= len(fields) {
			return nil, fmt.Errorf("malformed git diff --raw record %q", meta)
		}
		oldMode, newMode, oldSHA, newSHA, st := parts[0], parts[1], parts[2], parts[3], parts[4]
		f := &File{Path: fields[i+1], OldPath: fields[i+1]}
		i++
		switch st[0] {
		case 'A':
			f.Status = Added
		case 'D':
			f.Status = Deleted
		case 'M', 'T':
			f.Status = Modified
		case 'R', 'C':
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("malformed rename record %q", meta)
			}
			f.Path = fields[i+1]
			i++
			f.Status = Renamed
			if st[0] == 'C' {
				f.Status = Added
			}
			f.Similarity, _ = strconv.Atoi(st[1:])
		default:
			continue // unmerged or unknown: nothing to analyze
		}
		// Submodules (gitlinks) have mode 160000: their content is another repo.
		if oldMode == "160000" || newMode == "160000" {
			continue
		}
		if !isZeroSHA(oldSHA) && f.Status != Added {
			f.BaseBlob = oldSHA
		}
		if !isZeroSHA(newSHA) {
			f.HeadBlob = newSHA
		}
		files = append(files, f)
	}
	return files, nil
}

func isZeroSHA(s string) bool { return strings.Trim(s, "0") == "" }

// parseNumstatBinary returns the head paths that git considers binary.
func parseNumstatBinary(out []byte) map[string]bool {
	bin := map[string]bool{}
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields); i++ {
		rec := fields[i]
		if rec == "" {
			continue
		}
		parts := strings.SplitN(rec, "\t", 3)
		if len(parts) < 3 {
			continue
		}
		path := parts[2]
		if path == "" { // rename: old and new path follow
			if i+2 < len(fields) {
				path = fields[i+2]
			}
			i += 2
		}
		if parts[0] == "-" && parts[1] == "-" {
			bin[path] = true
		}
	}
	return bin
}

// applyPatch fills the changed line ranges from a -U0 unified diff.
func applyPatch(patch []byte, byPath map[string]*File) error {
	fds, err := diff.ParseMultiFileDiff(patch)
	if err != nil {
		return fmt.Errorf("parse diff: %w", err)
	}
	for _, fd := range fds {
		name := strings.TrimPrefix(fd.NewName, "b/")
		if fd.NewName == "/dev/null" {
			name = strings.TrimPrefix(fd.OrigName, "a/")
		}
		f := byPath[name]
		if f == nil {
			continue
		}
		f.Added, f.Removed = HunkRanges(fd.Hunks)
	}
	return nil
}

// HunkRanges turns diff hunks into the head lines added and the base lines removed.
func HunkRanges(hunks []*diff.Hunk) (added, removed []LineRange) {
	for _, h := range hunks {
		// Walk the body: with context lines present, only +/- lines count.
		oldLine, newLine := int(h.OrigStartLine), int(h.NewStartLine)
		for _, l := range bytes.Split(h.Body, []byte("\n")) {
			if len(l) == 0 {
				continue
			}
			switch l[0] {
			case '+':
				added = appendLine(added, newLine)
				newLine++
			case '-':
				removed = appendLine(removed, oldLine)
				oldLine++
			case ' ':
				oldLine++
				newLine++
			}
		}
	}
	return added, removed
}

func appendLine(rs []LineRange, line int) []LineRange {
	if n := len(rs); n > 0 && rs[n-1].End+1 == line {
		rs[n-1].End = line
		return rs
	}
	return append(rs, LineRange{line, line})
}

// gitTree is one revision of a local repository.
type gitTree struct {
	rev   string
	dir   string
	env   []string
	blobs *catFile

	once    sync.Once
	entries []Entry
	byPath  map[string]string // path -> blob SHA
	err     error
}

func (t *gitTree) Rev() string { return t.rev }

// Read looks the path up in the tree listing and reads the blob by its SHA:
// git resolving "rev:path" scans every tree on the way, which made reading
// all files of a repository quadratic in the size of its directories.
func (t *gitTree) Read(ctx context.Context, path string) (Blob, error) {
	if _, err := t.List(ctx); err != nil {
		return t.blobs.read(t.rev + ":" + path)
	}
	sha, ok := t.byPath[path]
	if !ok {
		return Blob{}, fmt.Errorf("read %s:%s: %w", t.rev, path, ErrNotExist)
	}
	return t.blobs.read(sha)
}

func (t *gitTree) List(ctx context.Context) ([]Entry, error) {
	t.once.Do(func() {
		out, err := runGitEnv(ctx, t.dir, t.env, "ls-tree", "-r", "-z", "--full-tree", t.rev)
		if err != nil {
			t.err = fmt.Errorf("list files at %s: %w", t.rev, err)
			return
		}
		for _, rec := range strings.Split(string(out), "\x00") {
			meta, path, ok := strings.Cut(rec, "\t")
			if !ok {
				continue
			}
			parts := strings.Fields(meta) // mode type sha
			if len(parts) != 3 || parts[1] != "blob" {
				continue
			}
			t.entries = append(t.entries, Entry{Path: path, SHA: parts[2]})
		}
		sort.Slice(t.entries, func(i, j int) bool { return t.entries[i].Path < t.entries[j].Path })
		t.byPath = make(map[string]string, len(t.entries))
		for _, e := range t.entries {
			t.byPath[e.Path] = e.SHA
		}
	})
	return t.entries, t.err
}

// catFile serves blobs from one long-running `git cat-file --batch`.
type catFile struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startCatFile(dir string, env []string) (*catFile, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start git cat-file: %w", err)
	}
	return &catFile{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

func (c *catFile) read(object string) (Blob, error) {
	if strings.ContainsAny(object, "\n") {
		return Blob{}, fmt.Errorf("read %q: %w", object, ErrNotExist)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := io.WriteString(c.in, object+"\n"); err != nil {
		return Blob{}, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		return Blob{}, fmt.Errorf("git cat-file: %w", err)
	}
	header = strings.TrimSuffix(header, "\n")
	if strings.HasSuffix(header, " missing") || strings.HasSuffix(header, " ambiguous") {
		return Blob{}, fmt.Errorf("read %s: %w", object, ErrNotExist)
	}
	parts := strings.Fields(header) // sha type size
	if len(parts) != 3 {
		return Blob{}, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	size, err := strconv.Atoi(parts[2])
	if err != nil {
		return Blob{}, fmt.Errorf("git cat-file: bad size in %q", header)
	}
	data := make([]byte, size+1) // content and the trailing newline
	if _, err := io.ReadFull(c.out, data); err != nil {
		return Blob{}, fmt.Errorf("git cat-file: %w", err)
	}
	if parts[1] != "blob" {
		return Blob{}, fmt.Errorf("read %s: a %s, not a file: %w", object, parts[1], ErrNotExist)
	}
	return Blob{SHA: parts[0], Data: data[:size]}, nil
}

func (c *catFile) close() error {
	c.in.Close()
	return c.cmd.Wait()
}

// runGit runs a git command in dir and returns its stdout.
func runGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	return runGitEnv(ctx, dir, nil, args...)
}

// runGitEnv is runGit with variables added to git's environment.
func runGitEnv(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New("git " + args[0] + ": " + msg)
	}
	return out, nil
}

// ResolveCommit turns a revision name into a commit SHA.
func ResolveCommit(ctx context.Context, dir, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("invalid revision %q", rev)
	}
	out, err := runGit(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%q is not a commit in %s", rev, dir)
	}
	return strings.TrimSpace(string(out)), nil
}

// DefaultBase picks the base a pull request from head would have: the
// merge-base of head with the default branch (origin's HEAD when a remote
// exists, else main, else master, else init.defaultBranch). When head is on
// the default branch itself there is no pull request to mirror; the base is
// then head's upstream if it is behind, else head's parent (the last commit
// is reviewed), and note says so.
func DefaultBase(ctx context.Context, dir, head string) (base, note string, err error) {
	return defaultBase(ctx, dir, head, false)
}

// defaultBase is DefaultBase; with uncommitted set, the review covers
// uncommitted work on top of head, so on the default branch head itself is
// the base when it has nothing unpushed.
func defaultBase(ctx context.Context, dir, head string, uncommitted bool) (base, note string, err error) {
	headSHA, err := ResolveCommit(ctx, dir, head)
	if err != nil {
		return "", "", err
	}
	var candidates []string
	if out, err := runGit(ctx, dir, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	candidates = append(candidates, "refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master")
	if out, err := runGit(ctx, dir, "config", "init.defaultBranch"); err == nil {
		candidates = append(candidates, "refs/heads/"+strings.TrimSpace(string(out)))
	}
	for _, ref := range candidates {
		if _, err := ResolveCommit(ctx, dir, ref); err != nil {
			continue
		}
		out, err := runGit(ctx, dir, "merge-base", ref, headSHA)
		if err != nil {
			return "", "", fmt.Errorf("no common ancestor of %s and %s: pass --base", ref, head)
		}
		base = strings.TrimSpace(string(out))
		if base != headSHA {
			return base, "", nil
		}
		short := strings.TrimPrefix(strings.TrimPrefix(ref, "refs/heads/"), "refs/remotes/")
		if up, err := runGit(ctx, dir, "rev-parse", "--verify", "--quiet", "@{upstream}"); err == nil {
			if mb, err := runGit(ctx, dir, "merge-base", "@{upstream}", headSHA); err == nil {
				upBase := strings.TrimSpace(string(mb))
				if upBase != headSHA && strings.TrimSpace(string(up)) != headSHA {
					return upBase, fmt.Sprintf("%s is the default branch (%s): reviewing the commits not yet pushed to its upstream; pass --base to choose", head, short), nil
				}
			}
		}
		if uncommitted {
			return headSHA, fmt.Sprintf("%s is the default branch (%s): reviewing the uncommitted changes; pass --base to choose", head, short), nil
		}
		if parent, err := ResolveCommit(ctx, dir, headSHA+"^"); err == nil {
			return parent, fmt.Sprintf("%s is the default branch (%s): reviewing its last commit; pass --base to choose", head, short), nil
		}
		return headSHA, fmt.Sprintf("%s is the default branch (%s) and has no parent: nothing to review", head, short), nil
	}
	return "", "", errors.New("cannot find the default branch (no origin/HEAD, main or master): pass --base")
}
