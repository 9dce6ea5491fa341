package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Uncommitted says which uncommitted work a snapshot reviews.
type Uncommitted int

const (
	// WorkingTree is the files as they are on disk: tracked files with their
	// edits and untracked files that .gitignore does not exclude.
	WorkingTree Uncommitted = iota + 1
	// Staged is the index: what `git commit` would record now.
	Staged
)

func (u Uncommitted) String() string {
	switch u {
	case WorkingTree:
		return "working tree"
	case Staged:
		return "staged changes"
	}
	return "commit"
}

// Snapshot is a Change whose head is uncommitted work (or whose base is the
// empty tree). The git objects needed to describe it — blobs of edited
// files, trees — are written to a temporary object directory, with the
// repository's own as an alternate, so the repository is never written to.
type Snapshot struct {
	*Git
	tmp string
}

// Close stops git and removes the temporary objects.
func (s *Snapshot) Close() error {
	err := s.Git.Close()
	os.RemoveAll(s.tmp)
	return err
}

// Dirty reports whether the working tree differs from HEAD: edited, staged,
// deleted or untracked (not ignored) files. A repository without commits is
// dirty when it has any such file.
func Dirty(ctx context.Context, dir string) (bool, error) {
	out, err := runGit(ctx, dir, "--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=normal", "--ignore-submodules=all")
	if err != nil {
		return false, fmt.Errorf("read the working tree's status: %w", err)
	}
	return len(out) > 0, nil
}

// EmptyTree returns the object id of the empty tree in dir's repository (it
// differs between SHA-1 and SHA-256 repositories). Git knows the empty tree
// without storing it, so it can always be a base.
func EmptyTree(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", "hash-object", "-t", "tree", "--stdin")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("empty tree: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// OpenTrees opens the range between two revisions that may be trees as well
// as commits (a base of EmptyTree reviews every file of head).
func OpenTrees(ctx context.Context, dir, base, head string) (*Snapshot, error) {
	var err error
	if base, err = resolveTreeish(ctx, dir, base); err != nil {
		return nil, err
	}
	if head, err = resolveTreeish(ctx, dir, head); err != nil {
		return nil, err
	}
	g, err := newGit(dir, base, head, nil)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Git: g}, nil
}

func resolveTreeish(ctx context.Context, dir, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("invalid revision %q", rev)
	}
	if sha, err := ResolveCommit(ctx, dir, rev); err == nil {
		return sha, nil
	}
	out, err := runGit(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{tree}")
	if err != nil {
		return "", fmt.Errorf("%q is not a commit or tree in %s", rev, dir)
	}
	return strings.TrimSpace(string(out)), nil
}

// OpenUncommitted opens base..(uncommitted work). base is a commit or a tree
// (EmptyTree for a repository without commits). The head side's Rev is the
// id of the tree git would commit, not a commit.
func OpenUncommitted(ctx context.Context, dir, base string, what Uncommitted) (*Snapshot, error) {
	baseRev, err := resolveTreeish(ctx, dir, base)
	if err != nil {
		return nil, err
	}
	objects, err := gitPath(ctx, dir, "objects")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "leakguard-snapshot-")
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Snapshot, error) {
		os.RemoveAll(tmp)
		return nil, err
	}
	tmpObjects := filepath.Join(tmp, "objects")
	if err := os.Mkdir(tmpObjects, 0o700); err != nil {
		return fail(err)
	}
	// git works on a copy of the index: write-tree stores its cache in the
	// index and add stages files, and the user's staging area stays as it
	// is. The copy keeps git's stat cache, so unchanged files are not hashed.
	index := filepath.Join(tmp, "index")
	if err := copyIndex(ctx, dir, index); err != nil {
		return fail(err)
	}
	env := []string{"GIT_OBJECT_DIRECTORY=" + tmpObjects, "GIT_ALTERNATE_OBJECT_DIRECTORIES=" + objects, "GIT_INDEX_FILE=" + index}
	if what == WorkingTree {
		if _, err := runGitEnv(ctx, dir, env, "add", "--all", "--", ":/"); err != nil {
			return fail(fmt.Errorf("snapshot the working tree: %w", err))
		}
	}
	out, err := runGitEnv(ctx, dir, env, "write-tree")
	if err != nil {
		if strings.Contains(err.Error(), "unmerged") {
			err = errors.New("the index has unmerged paths (a merge or rebase is in progress): resolve them, or review committed revisions with --head")
		}
		return fail(fmt.Errorf("snapshot the %s: %w", what, err))
	}
	g, err := newGit(dir, baseRev, strings.TrimSpace(string(out)), env)
	if err != nil {
		return fail(err)
	}
	return &Snapshot{Git: g, tmp: tmp}, nil
}

// gitPath returns the absolute path of a file in the repository's git
// directory (worktrees and GIT_DIR layouts included).
func gitPath(ctx context.Context, dir, name string) (string, error) {
	out, err := runGit(ctx, dir, "rev-parse", "--git-path", name)
	if err != nil {
		return "", err
	}
	p := strings.TrimSpace(string(out))
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return p, nil
}

func copyIndex(ctx context.Context, dir, to string) error {
	from, err := gitPath(ctx, dir, "index")
	if err != nil {
		return err
	}
	in, err := os.Open(from)
	if errors.Is(err, os.ErrNotExist) {
		return nil // nothing staged yet: start from an empty index
	} else if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
