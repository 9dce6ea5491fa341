package source_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/source"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func commit(t *testing.T, dir string) string {
	analysistest.Git(t, dir, "add", "-A")
	analysistest.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "c")
	return strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD"))
}

func TestGitChangeModel(t *testing.T) {
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	long := strings.Repeat("export const line = 'some long content to keep rename similarity high';\n", 20)
	write(t, dir, "keep.ts", "a\nb\nc\nd\n")
	write(t, dir, "gone.ts", "x\n")
	write(t, dir, "old/name.ts", long)
	write(t, dir, "img.png", "\x89PNG\x00\x01\x02")
	base := commit(t, dir)

	write(t, dir, "keep.ts", "a\nB\nc\nd\ne\n")
	os.Remove(filepath.Join(dir, "gone.ts"))
	os.RemoveAll(filepath.Join(dir, "old"))
	write(t, dir, "new/name.ts", long+"export const extra = 1;\n")
	write(t, dir, "added.ts", "one\ntwo\n")
	write(t, dir, "img.png", "\x89PNG\x00\x01\x03\x04")
	// A submodule (gitlink) is recorded but never analyzed.
	analysistest.Git(t, dir, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,vendor/lib")
	head := commit(t, dir)

	ctx := context.Background()
	ch, err := source.OpenGit(ctx, dir, base, head)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	files, err := ch.Files(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*source.File{}
	for _, f := range files {
		got[f.Path] = f
	}
	if _, ok := got["vendor/lib"]; ok {
		t.Error("submodule listed as a changed file")
	}
	if f := got["keep.ts"]; f == nil || f.Status != source.Modified {
		t.Fatalf("keep.ts: %+v", f)
	} else {
		if len(f.Added) != 2 || f.Added[0] != (source.LineRange{Start: 2, End: 2}) || f.Added[1] != (source.LineRange{Start: 5, End: 5}) {
			t.Errorf("keep.ts added ranges %v, want [2-2 5-5]", f.Added)
		}
		if !f.Changed(source.Head, 5) || f.Changed(source.Head, 3) || !f.Changed(source.Base, 2) {
			t.Error("Changed() disagrees with the diff")
		}
	}
	if f := got["gone.ts"]; f == nil || f.Status != source.Deleted || f.HeadBlob != "" || f.ExistsAt(source.Head) {
		t.Errorf("gone.ts: %+v", f)
	}
	if f := got["new/name.ts"]; f == nil || f.Status != source.Renamed || f.OldPath != "old/name.ts" || f.Similarity < 90 {
		t.Errorf("rename: %+v", f)
	} else if len(f.Added) != 1 || f.Added[0].Start != 21 {
		t.Errorf("rename added %v, want line 21", f.Added)
	}
	if f := got["added.ts"]; f == nil || f.Status != source.Added || f.BaseBlob != "" || len(f.Added) != 1 || f.Added[0] != (source.LineRange{Start: 1, End: 2}) {
		t.Errorf("added.ts: %+v", f)
	}
	if f := got["img.png"]; f == nil || !f.Binary {
		t.Errorf("img.png not marked binary: %+v", f)
	}

	// Lazy access to any file at either side, with git's blob ids.
	b, err := ch.Tree(source.Base).Read(ctx, "gone.ts")
	if err != nil || string(b.Data) != "x\n" || b.SHA != source.BlobSHA([]byte("x\n")) {
		t.Errorf("read base gone.ts: %q %v", b.Data, err)
	}
	if _, err := ch.Tree(source.Head).Read(ctx, "gone.ts"); !errors.Is(err, source.ErrNotExist) {
		t.Errorf("read deleted file at head: %v, want ErrNotExist", err)
	}
	list, err := ch.Tree(source.Head).List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range list {
		paths = append(paths, e.Path)
	}
	if strings.Join(paths, ",") != "added.ts,img.png,keep.ts,new/name.ts" {
		t.Errorf("head listing %v", paths)
	}
}

func TestDefaultBaseIsMergeBase(t *testing.T) {
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	write(t, dir, "a.txt", "1\n")
	fork := commit(t, dir)
	analysistest.Git(t, dir, "checkout", "-q", "-b", "feature")
	write(t, dir, "a.txt", "2\n")
	commit(t, dir)
	analysistest.Git(t, dir, "checkout", "-q", "main")
	write(t, dir, "b.txt", "main moved on\n")
	commit(t, dir)
	analysistest.Git(t, dir, "checkout", "-q", "feature")
	got, note, err := source.DefaultBase(context.Background(), dir, "HEAD")
	if err != nil || got != fork || note != "" {
		t.Fatalf("DefaultBase = %s, %q, %v; want the fork point %s", got, note, err, fork)
	}
	// On the default branch itself, the last commit is reviewed.
	analysistest.Git(t, dir, "checkout", "-q", "main")
	mainHead := strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD"))
	parent := strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD^"))
	got, note, err = source.DefaultBase(context.Background(), dir, "HEAD")
	if err != nil || got != parent || !strings.Contains(note, "last commit") {
		t.Fatalf("on main: DefaultBase = %s, %q, %v; want %s (parent of %s)", got, note, err, parent, mainHead)
	}
	if _, err := source.OpenGit(context.Background(), dir, "--upload-pack=x", "HEAD"); err == nil {
		t.Error("a revision that looks like a flag must be refused")
	}
}
