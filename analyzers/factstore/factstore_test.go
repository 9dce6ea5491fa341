package factstore

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPutGetAndDamage(t *testing.T) {
	s, err := Open(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("a"); ok {
		t.Fatal("an empty store has an entry")
	}
	if err := s.Put("a", []byte("facts of a")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get("a")
	if !ok || string(got) != "facts of a" {
		t.Fatalf("Get(a) = %q, %v", got, ok)
	}
	// A damaged entry is a miss, and is removed.
	p := s.name("a")
	b, _ := os.ReadFile(p)
	b[len(b)-6] ^= 1
	os.WriteFile(p, b, 0o644)
	if _, ok := s.Get("a"); ok {
		t.Fatal("a damaged entry was returned")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatal("the damaged entry was left in place")
	}
	// An entry moved under another key's name is not that key's.
	s.Put("b", []byte("facts of b"))
	os.Rename(s.name("b"), s.name("c"))
	if _, ok := s.Get("c"); ok {
		t.Fatal("an entry written for b was returned for c")
	}
}

func TestTrimKeepsRecentEntries(t *testing.T) {
	s, err := Open(t.TempDir(), 4096)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("x"), 500)
	old := time.Now().Add(-48 * time.Hour)
	for i := 0; i < 20; i++ {
		key := string(rune('a' + i))
		s.Put(key, data)
		if i < 10 {
			os.Chtimes(s.name(key), old, old) // used long ago
		}
	}
	if err := s.Trim(true); err != nil {
		t.Fatal(err)
	}
	var total int64
	filepath.WalkDir(filepath.Join(s.Dir(), "facts"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fi, _ := d.Info()
			total += fi.Size()
		}
		return nil
	})
	if total > 4096 {
		t.Errorf("store holds %d bytes after trim; bound 4096", total)
	}
	if _, ok := s.Get("t"); !ok { // the newest entry
		t.Error("trim removed a recently used entry")
	}
	if _, ok := s.Get("a"); ok {
		t.Error("trim kept the least recently used entry")
	}
}
