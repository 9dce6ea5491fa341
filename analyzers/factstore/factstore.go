// Package factstore is a persistent, content-addressed cache of what the
// engine computes per file (module facts, migration parses), keyed by blob
// content and the version of the code that computed it, and shared by every
// review on the machine: `leakguard scan` keeps it under the user cache
// directory, the App under its data directory.
//
// Entries live in 256 bucket files (by key hash), each a sequence of
// checksummed records: a review reads a whole repository's facts with a few
// hundred file reads, not one per file. New entries are appended when the
// review ends (Flush), one write per bucket. A damaged record ends the
// reading of its bucket (the entries after it are recomputed) and the
// bucket is rewritten, to a temporary file renamed into place, as is a
// bucket grown past its share of the size bound (it then keeps only the
// entries this process used).
package factstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"
)

// DefaultMaxBytes bounds a store's size on disk unless set otherwise.
const DefaultMaxBytes = 512 << 20

// buckets is how many files the entries are spread over.
const buckets = 256

// magic starts every record; it names the format version.
var magic = []byte("LGR1")

// Store is a directory of bucket files.
type Store struct {
	dir      string
	maxBytes int64

	mu     sync.Mutex
	loaded map[int]*bucket
}

type bucket struct {
	entries map[string][]byte
	used    map[string]bool
	pending [][2]string // key, data not yet written
	size    int64       // bytes on disk
	damaged bool        // a record failed its checksum: rewrite
}

// DefaultDir is the CLI's store: leakguard under the user cache directory.
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("user cache directory: %w", err)
	}
	return filepath.Join(d, "leakguard"), nil
}

// Open opens (creating it) the store in dir, holding at most about
// maxBytes (DefaultMaxBytes when 0).
func Open(dir string, maxBytes int64) (*Store, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := os.MkdirAll(filepath.Join(dir, "facts"), 0o755); err != nil {
		return nil, fmt.Errorf("open facts cache: %w", err)
	}
	return &Store{dir: dir, maxBytes: maxBytes, loaded: map[int]*bucket{}}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

func bucketOf(key string) int {
	h := sha256.Sum256([]byte(key))
	return int(h[0])
}

func (s *Store) path(b int) string {
	return filepath.Join(s.dir, "facts", hex.EncodeToString([]byte{byte(b)})+".facts")
}

// bucket loads a bucket file once per process. Called with s.mu held.
func (s *Store) bucket(b int) *bucket {
	if bk := s.loaded[b]; bk != nil {
		return bk
	}
	bk := &bucket{entries: map[string][]byte{}, used: map[string]bool{}}
	s.loaded[b] = bk
	data, err := os.ReadFile(s.path(b))
	if err != nil {
		return bk
	}
	bk.size = int64(len(data))
	for len(data) > 0 {
		key, val, n, ok := decode(data)
		if !ok {
			bk.damaged = true
			break
		}
		bk.entries[key] = val
		data = data[n:]
	}
	return bk
}

// Get returns an entry's data; false when it is absent or was damaged.
func (s *Store) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bk := s.bucket(bucketOf(key))
	v, ok := bk.entries[key]
	if ok {
		bk.used[key] = true
	}
	return v, ok
}

// Put records an entry; it reaches the disk at Flush.
func (s *Store) Put(key string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bk := s.bucket(bucketOf(key))
	if old, ok := bk.entries[key]; ok && bytes.Equal(old, data) {
		bk.used[key] = true
		return
	}
	bk.entries[key] = data
	bk.used[key] = true
	bk.pending = append(bk.pending, [2]string{key, string(data)})
}

// Flush writes the entries Put since the last Flush: appended to their
// buckets, or, for a damaged bucket or one past its share of the size
// bound, a rewrite holding the entries this process used.
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	share := s.maxBytes / buckets
	for b, bk := range s.loaded {
		var add int64
		for _, kv := range bk.pending {
			add += int64(len(kv[0]) + len(kv[1]) + 16)
		}
		if bk.damaged || bk.size+add > share {
			errs = append(errs, s.rewrite(b, bk))
			continue
		}
		if len(bk.pending) == 0 {
			continue
		}
		var buf bytes.Buffer
		for _, kv := range bk.pending {
			buf.Write(encode(kv[0], []byte(kv[1])))
		}
		f, err := os.OpenFile(s.path(b), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err == nil {
			_, err = f.Write(buf.Bytes()) // one write: appends of concurrent reviews do not interleave
			err = errors.Join(err, f.Close())
		}
		if err == nil {
			bk.size += int64(buf.Len())
			bk.pending = nil
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// rewrite replaces a bucket with the entries this process used.
func (s *Store) rewrite(b int, bk *bucket) error {
	var buf bytes.Buffer
	for key := range bk.used {
		buf.Write(encode(key, bk.entries[key]))
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path(b)), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), s.path(b)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	for key := range bk.entries {
		if !bk.used[key] {
			delete(bk.entries, key)
		}
	}
	bk.size, bk.pending, bk.damaged = int64(buf.Len()), nil, false
	return nil
}

// encode frames a record: magic, the key's and the data's lengths, the key,
// the data, and a CRC-32 of everything before it.
func encode(key string, data []byte) []byte {
	b := make([]byte, 0, len(magic)+12+len(key)+len(data))
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(key)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, key...)
	b = append(b, data...)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// decode reads the record at the start of b and its length n.
func decode(b []byte) (key string, data []byte, n int, ok bool) {
	h := len(magic) + 8
	if len(b) < h+4 || !bytes.Equal(b[:len(magic)], magic) {
		return "", nil, 0, false
	}
	klen := int(binary.LittleEndian.Uint32(b[len(magic):]))
	dlen := int(binary.LittleEndian.Uint32(b[len(magic)+4:]))
	n = h + klen + dlen + 4
	if klen < 0 || dlen < 0 || n > len(b) || n < h {
		return "", nil, 0, false
	}
	if crc32.ChecksumIEEE(b[:n-4]) != binary.LittleEndian.Uint32(b[n-4:n]) {
		return "", nil, 0, false
	}
	return string(b[h : h+klen]), b[h+klen : h+klen+dlen], n, true
}
