package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/google/go-github/v57/github"
	"github.com/sourcegraph/go-diff/diff"

	"github.com/leakguard/leakguard/analyzers/source"
)

// maxPRFiles is the most files GitHub lists for a pull request.
const maxPRFiles = 3000

// apiChange is a pull request read through the REST API: the file list from
// GET /pulls/{n}/files, trees from GET /git/trees (recursive) and contents
// from GET /git/blobs, each blob fetched at most once thanks to the cache.
type apiChange struct {
	gh           *github.Client
	owner, repo  string
	number       int
	changedFiles int // the PR's changed_files, to detect the 3,000-file cap
	base, head   *apiTree
	// stale, when set, says the head is not the PR's current head: files
	// come from comparing trees, and stale is the notice.
	stale string

	once      sync.Once
	files     []*source.File
	err       error
	truncated string
}

var _ source.Change = (*apiChange)(nil)

// blobStats count blob reads served from the cache and from the API.
type blobStats struct{ hits, downloads atomic.Int64 }

func newAPIChange(gh *github.Client, cache *BlobCache, stats *blobStats, owner, repo string, number, changedFiles int, base, head string) *apiChange {
	mk := func(rev string) *apiTree {
		return &apiTree{gh: gh, owner: owner, repo: repo, rev: rev, cache: cache, stats: stats}
	}
	return &apiChange{gh: gh, owner: owner, repo: repo, number: number, changedFiles: changedFiles, base: mk(base), head: mk(head)}
}

func (c *apiChange) Tree(s source.Side) source.Tree {
	if s == source.Base {
		return c.base
	}
	return c.head
}

func (c *apiChange) Truncated() string {
	c.once.Do(func() { c.files, c.err = c.load(context.Background()) })
	return c.truncated
}

func (c *apiChange) Files(ctx context.Context) ([]*source.File, error) {
	c.once.Do(func() { c.files, c.err = c.load(ctx) })
	return c.files, c.err
}

func (c *apiChange) load(ctx context.Context) ([]*source.File, error) {
	if c.stale != "" {
		files, err := c.fromTrees(ctx)
		c.truncated = c.stale
		return files, err
	}
	var listed []*github.CommitFile
	opts := &github.ListOptions{PerPage: 100}
	for {
		page, resp, err := c.gh.PullRequests.ListFiles(ctx, c.owner, c.repo, c.number, opts)
		if err != nil {
			var ge *github.ErrorResponse
			if errors.As(err, &ge) && ge.Response != nil && (ge.Response.StatusCode == http.StatusNotAcceptable || ge.Response.StatusCode == http.StatusUnprocessableEntity) {
				// "diff too large": compare the two trees instead.
				return c.fromTrees(ctx)
			}
			return nil, fmt.Errorf("list PR files: %w", err)
		}
		listed = append(listed, page...)
		if resp.NextPage == 0 || len(listed) >= maxPRFiles {
			break
		}
		opts.Page = resp.NextPage
	}
	if len(listed) >= maxPRFiles || c.changedFiles > len(listed) {
		n := c.changedFiles
		if n < len(listed) {
			n = len(listed)
		}
		c.truncated = fmt.Sprintf("GitHub lists at most %d files of a pull request; this one changes %d, so only the first %d were analyzed. Run `leakguard scan` locally or split the pull request for a complete review.", maxPRFiles, n, len(listed))
	}
	baseEntries, err := c.base.index(ctx)
	if err != nil {
		return nil, err
	}
	var files []*source.File
	for _, cf := range listed {
		f := &source.File{Path: cf.GetFilename(), OldPath: cf.GetFilename()}
		switch cf.GetStatus() {
		case "added", "copied":
			f.Status = source.Added
		case "removed":
			f.Status = source.Deleted
		case "modified", "changed":
			f.Status = source.Modified
		case "renamed":
			f.Status = source.Renamed
			f.OldPath = cf.GetPreviousFilename()
		default: // "unchanged"
			continue
		}
		if f.Status != source.Added {
			f.BaseBlob = baseEntries[f.OldPath]
		}
		if f.Status != source.Deleted {
			f.HeadBlob = cf.GetSHA()
		}
		patch := cf.GetPatch()
		switch {
		case patch != "":
			hunks, err := diff.ParseHunks([]byte(patch))
			if err != nil {
				f.NoPatch = true
				break
			}
			f.Added, f.Removed = source.HunkRanges(hunks)
		case cf.GetChanges() == 0 && f.Status != source.Renamed:
			// GitHub gives binary files no patch and no line counts.
			f.Binary = true
		case cf.GetChanges() > 0:
			// Too large for GitHub to show: every line counts as changed.
			f.NoPatch = true
		}
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// fromTrees lists changed files by comparing the base and head trees, for a
// pull request whose diff GitHub refuses to produce. No line ranges: every
// file is treated as fully changed.
func (c *apiChange) fromTrees(ctx context.Context) ([]*source.File, error) {
	b, err := c.base.index(ctx)
	if err != nil {
		return nil, err
	}
	h, err := c.head.index(ctx)
	if err != nil {
		return nil, err
	}
	var files []*source.File
	for p, sha := range h {
		switch bs, ok := b[p]; {
		case !ok:
			files = append(files, &source.File{Path: p, OldPath: p, Status: source.Added, HeadBlob: sha, NoPatch: true})
		case bs != sha:
			files = append(files, &source.File{Path: p, OldPath: p, Status: source.Modified, BaseBlob: bs, HeadBlob: sha, NoPatch: true})
		}
	}
	for p, sha := range b {
		if _, ok := h[p]; !ok {
			files = append(files, &source.File{Path: p, OldPath: p, Status: source.Deleted, BaseBlob: sha, NoPatch: true})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	c.truncated = "GitHub could not produce the diff of this pull request (too large), so changed files were found by comparing the trees and every line of them counts as changed."
	return files, nil
}

// apiTree is one revision read through the API.
type apiTree struct {
	gh          *github.Client
	owner, repo string
	rev         string
	cache       *BlobCache
	stats       *blobStats

	once      sync.Once
	entries   []source.Entry
	byPath    map[string]string
	truncated bool
	err       error
}

func (t *apiTree) Rev() string { return t.rev }

func (t *apiTree) load(ctx context.Context) {
	t.once.Do(func() {
		tree, _, err := t.gh.Git.GetTree(ctx, t.owner, t.repo, t.rev, true)
		if err != nil {
			t.err = fmt.Errorf("list files at %s: %w", short(t.rev), err)
			return
		}
		t.truncated = tree.GetTruncated()
		t.byPath = make(map[string]string, len(tree.Entries))
		for _, e := range tree.Entries {
			if e.GetType() != "blob" || e.GetMode() == "120000" { // skip symlinks too
				continue
			}
			t.entries = append(t.entries, source.Entry{Path: e.GetPath(), SHA: e.GetSHA()})
			t.byPath[e.GetPath()] = e.GetSHA()
		}
		sort.Slice(t.entries, func(i, j int) bool { return t.entries[i].Path < t.entries[j].Path })
	})
}

func (t *apiTree) index(ctx context.Context) (map[string]string, error) {
	t.load(ctx)
	return t.byPath, t.err
}

func (t *apiTree) List(ctx context.Context) ([]source.Entry, error) {
	t.load(ctx)
	return t.entries, t.err
}

func (t *apiTree) Read(ctx context.Context, path string) (source.Blob, error) {
	t.load(ctx)
	if t.err != nil {
		return source.Blob{}, t.err
	}
	sha, ok := t.byPath[path]
	if !ok {
		if !t.truncated {
			return source.Blob{}, fmt.Errorf("read %s at %s: %w", path, short(t.rev), source.ErrNotExist)
		}
		// The recursive listing was cut short: ask for the one file.
		fc, _, resp, err := t.gh.Repositories.GetContents(ctx, t.owner, t.repo, path, &github.RepositoryContentGetOptions{Ref: t.rev})
		if resp != nil && resp.StatusCode == http.StatusNotFound || err == nil && fc == nil {
			return source.Blob{}, fmt.Errorf("read %s at %s: %w", path, short(t.rev), source.ErrNotExist)
		}
		if err != nil {
			return source.Blob{}, fmt.Errorf("read %s at %s: %w", path, short(t.rev), err)
		}
		sha = fc.GetSHA()
	}
	return t.blob(ctx, path, sha)
}

func (t *apiTree) blob(ctx context.Context, path, sha string) (source.Blob, error) {
	if data, ok := t.cache.Get(sha); ok {
		t.stats.hits.Add(1)
		return source.Blob{SHA: sha, Data: data}, nil
	}
	data, _, err := t.gh.Git.GetBlobRaw(ctx, t.owner, t.repo, sha)
	if err != nil {
		return source.Blob{}, fmt.Errorf("read %s at %s: %w", path, short(t.rev), err)
	}
	t.stats.downloads.Add(1)
	if err := t.cache.Put(sha, data); err != nil {
		return source.Blob{}, fmt.Errorf("read %s at %s: %w", path, short(t.rev), err)
	}
	return source.Blob{SHA: sha, Data: data}, nil
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
