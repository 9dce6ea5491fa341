package factstore

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

func TestPutFlushReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("a"); ok {
		t.Fatal("an empty store has an entry")
	}
	for i := 0; i < 1000; i++ {
		s.Put(fmt.Sprint("key", i), []byte(fmt.Sprint("facts of ", i)))
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	s2, _ := Open(dir, 0)
	for i := 0; i < 1000; i++ {
		got, ok := s2.Get(fmt.Sprint("key", i))
		if !ok || string(got) != fmt.Sprint("facts of ", i) {
			t.Fatalf("key%d after reopening: %q, %v", i, got, ok)
		}
	}
}

// TestDamagedBucket: a record that fails its checksum is a miss, the
// records before it survive, and the next flush rewrites the bucket whole.
func TestDamagedBucket(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir, 0)
	var same []string // keys of one bucket
	for i := 0; len(same) < 3; i++ {
		if k := fmt.Sprint("k", i); bucketOf(k) == 7 {
			same = append(same, k)
		}
	}
	for _, k := range same {
		s.Put(k, []byte("value of "+k))
	}
	s.Flush()
	p := s.path(7)
	b, _ := os.ReadFile(p)
	first := len(encode(same[0], []byte("value of "+same[0])))
	b[first+len(magic)+10] ^= 0xff // inside the second record
	os.WriteFile(p, b, 0o644)

	s2, _ := Open(dir, 0)
	if v, ok := s2.Get(same[0]); !ok || string(v) != "value of "+same[0] {
		t.Fatalf("the record before the damage was lost: %q %v", v, ok)
	}
	if _, ok := s2.Get(same[1]); ok {
		t.Fatal("a damaged record was returned")
	}
	s2.Put(same[1], []byte("recomputed"))
	if err := s2.Flush(); err != nil {
		t.Fatal(err)
	}
	s3, _ := Open(dir, 0)
	if v, ok := s3.Get(same[1]); !ok || string(v) != "recomputed" {
		t.Fatalf("after the rewrite: %q %v", v, ok)
	}
}

// TestBound: a bucket past its share of the bound keeps only what the
// last process used.
func TestBound(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir, 256*2048)
	val := bytes.Repeat([]byte("x"), 400)
	var keys []string
	for i := 0; len(keys) < 12; i++ {
		if k := fmt.Sprint("k", i); bucketOf(k) == 3 {
			keys = append(keys, k)
		}
	}
	for _, k := range keys[:8] {
		s.Put(k, val)
	}
	s.Flush()
	s2, _ := Open(dir, 256*2048)
	for _, k := range keys[8:] { // a later review uses only these
		s2.Put(k, val)
	}
	if err := s2.Flush(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.path(3))
	if err != nil || fi.Size() > 2048 {
		t.Fatalf("bucket holds %v bytes (%v); bound 2048", fi.Size(), err)
	}
	s3, _ := Open(dir, 256*2048)
	if _, ok := s3.Get(keys[0]); ok {
		t.Error("an entry the last review did not use was kept past the bound")
	}
	if _, ok := s3.Get(keys[11]); !ok {
		t.Error("an entry the last review used was dropped")
	}
}
