// Package source is leakguard's change model: the files a change touches, their
// contents at base and head, the changed line ranges, and lazy access to every
// other file of the repository at either revision.
//
// Change is the small interface the engine reads; Git backs it with a local
// repository and the GitHub App backs it with the REST API.
package source

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
)

// Side is one of the two revisions of a change.
type Side int

// The two sides.
const (
	Base Side = iota
	Head
)

func (s Side) String() string {
	if s == Base {
		return "base"
	}
	return "head"
}

// Status says what a change did to a file.
type Status string

// File statuses.
const (
	Added    Status = "added"
	Modified Status = "modified"
	Deleted  Status = "deleted"
	Renamed  Status = "renamed"
)

// LineRange is an inclusive, 1-based range of lines.
type LineRange struct{ Start, End int }

// File is one changed file.
type File struct {
	Path       string // path at head; for a deleted file, its path at base
	OldPath    string // path at base; equal to Path unless renamed
	Status     Status
	Similarity int    // rename similarity in percent (renamed files only)
	BaseBlob   string // git blob SHA at base; "" when the file did not exist
	HeadBlob   string // git blob SHA at head; "" when deleted
	Binary     bool   // binary files are listed but not analyzed
	// Added holds the head line ranges the change added or rewrote;
	// Removed the base line ranges it deleted or rewrote.
	Added, Removed []LineRange
	// NoPatch is set when the provider gave no diff for the file (too large);
	// every line is then treated as changed.
	NoPatch bool
}

// PathAt is the file's path on a side.
func (f *File) PathAt(s Side) string {
	if s == Base {
		return f.OldPath
	}
	return f.Path
}

// ExistsAt reports whether the file exists on a side.
func (f *File) ExistsAt(s Side) bool {
	if s == Base {
		return f.Status != Added
	}
	return f.Status != Deleted
}

// Changed reports whether a line on the given side is part of the change.
func (f *File) Changed(s Side, line int) bool {
	if f.NoPatch {
		return true
	}
	rs := f.Added
	if s == Base {
		rs = f.Removed
	}
	i := sort.Search(len(rs), func(i int) bool { return rs[i].End >= line })
	return i < len(rs) && rs[i].Start <= line
}

// Blob is a file's content and its git blob SHA.
type Blob struct {
	SHA  string
	Data []byte
}

// Entry is one file of a tree listing.
type Entry struct {
	Path string
	SHA  string
}

// ErrNotExist is returned when a path does not exist at a revision.
var ErrNotExist = errors.New("file does not exist at this revision")

// Tree is a repository at one revision, read lazily.
type Tree interface {
	// Rev is the commit SHA of the revision.
	Rev() string
	// Read returns a file's content; errors wrap ErrNotExist when it is absent.
	Read(ctx context.Context, path string) (Blob, error)
	// List returns every regular file of the revision, sorted by path.
	List(ctx context.Context) ([]Entry, error)
}

// Change is a base..head range of a repository.
type Change interface {
	Tree(Side) Tree
	// Files lists the changed files, sorted by path. Submodules are left out.
	Files(ctx context.Context) ([]*File, error)
	// Truncated explains why the file list is incomplete, or is "".
	Truncated() string
}

// BlobSHA is git's object id for a blob with the given content.
func BlobSHA(data []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}
