package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/leakguard/leakguard/analyzers/source"
)

// BlobCache keeps file contents by git blob SHA, so a review never downloads
// a blob it has seen before: the key is the content's own hash, so an entry
// can never be stale. Entries are checked against their SHA when read.
type BlobCache struct {
	dir string // "" keeps blobs in memory only

	mu  sync.Mutex
	mem map[string][]byte
}

// NewBlobCache returns a cache stored under dir, or in memory when dir is "".
func NewBlobCache(dir string) (*BlobCache, error) {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	return &BlobCache{dir: dir, mem: map[string][]byte{}}, nil
}

func validSHA(sha string) bool {
	if len(sha) != 40 && len(sha) != 64 {
		return false
	}
	for _, c := range sha {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func (c *BlobCache) path(sha string) string { return filepath.Join(c.dir, sha[:2], sha[2:]) }

// Get returns a cached blob.
func (c *BlobCache) Get(sha string) ([]byte, bool) {
	if !validSHA(sha) {
		return nil, false
	}
	if c.dir == "" {
		c.mu.Lock()
		defer c.mu.Unlock()
		b, ok := c.mem[sha]
		return b, ok
	}
	b, err := os.ReadFile(c.path(sha))
	if err != nil {
		return nil, false
	}
	if source.BlobSHA(b) != sha { // a torn or tampered file: fetch again
		os.Remove(c.path(sha))
		return nil, false
	}
	return b, true
}

// Put stores a blob whose content matches its SHA.
func (c *BlobCache) Put(sha string, data []byte) error {
	if !validSHA(sha) || source.BlobSHA(data) != sha {
		return errors.New("blob cache: content does not match its SHA")
	}
	if c.dir == "" {
		c.mu.Lock()
		c.mem[sha] = data
		c.mu.Unlock()
		return nil
	}
	p := c.path(sha)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), p)
}
