// Package factstore is a persistent, content-addressed cache of what the
// engine computes per file (module facts, keyed by blob SHA and the version
// of the code that computed them), shared by every review on the machine:
// `leakguard scan` keeps it under the user cache directory, the App under
// its data directory.
//
// Each entry is one file, written to a temporary name and renamed into
// place, so readers never see a partial entry; it carries a checksum, and an
// entry that fails it is removed and recomputed. Entries used recently are
// kept: Trim removes the least recently used ones beyond the size bound.
package factstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// DefaultMaxBytes bounds a store's size on disk unless set otherwise.
const DefaultMaxBytes = 512 << 20

// magic starts every entry; it names the format version.
var magic = []byte("LGF1")

// touchAfter is how stale an entry's modification time may get before a
// read refreshes it (the time Trim orders entries by).
const touchAfter = time.Hour

// trimEvery is how often Trim walks the store.
const trimEvery = time.Hour

// Store is a directory of entries.
type Store struct {
	dir      string
	maxBytes int64
}

// DefaultDir is the CLI's store: leakguard under the user cache directory.
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("user cache directory: %w", err)
	}
	return filepath.Join(d, "leakguard"), nil
}

// Open opens (creating it) the store in dir, holding at most maxBytes
// (DefaultMaxBytes when 0).
func Open(dir string, maxBytes int64) (*Store, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := os.MkdirAll(filepath.Join(dir, "facts"), 0o755); err != nil {
		return nil, fmt.Errorf("open facts cache: %w", err)
	}
	return &Store{dir: dir, maxBytes: maxBytes}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// name maps a key to its file: keys are hashed, so any string is a key.
func (s *Store) name(key string) string {
	h := sha256.Sum256([]byte(key))
	x := hex.EncodeToString(h[:])
	return filepath.Join(s.dir, "facts", x[:2], x)
}

// Get returns an entry's data; false when it is absent or damaged (a damaged
// entry is removed).
func (s *Store) Get(key string) ([]byte, bool) {
	p := s.name(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(b, key)
	if !ok {
		os.Remove(p)
		return nil, false
	}
	if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		os.Chtimes(p, now, now)
	}
	return data, true
}

// Put stores an entry. Errors leave the store as it was; callers may
// ignore them (the entry is recomputed next time).
func (s *Store) Put(key string, data []byte) error {
	p := s.name(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(encode(data, key))
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// encode frames data: magic, the key's length and the key (so a hash
// collision or a misplaced file is noticed), the data's length, the data,
// and a CRC-32 of everything before it.
func encode(data []byte, key string) []byte {
	var b bytes.Buffer
	b.Write(magic)
	binary.Write(&b, binary.LittleEndian, uint32(len(key)))
	b.WriteString(key)
	binary.Write(&b, binary.LittleEndian, uint32(len(data)))
	b.Write(data)
	binary.Write(&b, binary.LittleEndian, crc32.ChecksumIEEE(b.Bytes()))
	return b.Bytes()
}

func decode(b []byte, key string) ([]byte, bool) {
	if len(b) < len(magic)+12 || !bytes.Equal(b[:len(magic)], magic) {
		return nil, false
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, false
	}
	rest := body[len(magic):]
	klen := int(binary.LittleEndian.Uint32(rest))
	rest = rest[4:]
	if klen > len(rest) || string(rest[:klen]) != key {
		return nil, false
	}
	rest = rest[klen:]
	if len(rest) < 4 {
		return nil, false
	}
	dlen := int(binary.LittleEndian.Uint32(rest))
	rest = rest[4:]
	if dlen != len(rest) {
		return nil, false
	}
	return rest, true
}

// Trim removes the least recently used entries until the store holds at
// most its bound (less a fifth, so trims are rare), and left-over temporary
// files. It walks the store at most once an hour unless force is set.
func (s *Store) Trim(force bool) error {
	stamp := filepath.Join(s.dir, "trim.txt")
	if fi, err := os.Stat(stamp); err == nil && !force && time.Since(fi.ModTime()) < trimEvery {
		return nil
	}
	if err := os.WriteFile(stamp, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
		return err
	}
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var entries []entry
	var total int64
	err := filepath.WalkDir(filepath.Join(s.dir, "facts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if filepath.Base(p)[0] == '.' {
			if time.Since(fi.ModTime()) > time.Hour { // a writer that died
				os.Remove(p)
			}
			return nil
		}
		entries = append(entries, entry{p, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if err != nil || total <= s.maxBytes {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].mod.Before(entries[j].mod) })
	target := s.maxBytes - s.maxBytes/5
	for _, e := range entries {
		if total <= target {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
	return nil
}
