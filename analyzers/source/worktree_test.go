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

func changed(t *testing.T, ch source.Change) string {
	t.Helper()
	files, err := ch.Files(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		out = append(out, string(f.Status)+" "+f.Path)
	}
	return strings.Join(out, ", ")
}

func TestUncommittedSnapshots(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	write(t, dir, ".gitignore", ".env.local\n")
	write(t, dir, "keep.ts", "a\nb\n")
	write(t, dir, "gone.ts", "x\n")
	base := commit(t, dir)
	if dirty, err := source.Dirty(ctx, dir); err != nil || dirty {
		t.Fatalf("clean checkout reported dirty: %v %v", dirty, err)
	}

	write(t, dir, "staged.ts", "s\n")
	analysistest.Git(t, dir, "add", "staged.ts")
	write(t, dir, "keep.ts", "a\nB\nc\n") // edited, not staged
	os.Remove(filepath.Join(dir, "gone.ts"))
	write(t, dir, "new.ts", "n\n")          // untracked
	write(t, dir, ".env.local", "SECRET=1") // ignored
	if dirty, _ := source.Dirty(ctx, dir); !dirty {
		t.Fatal("edited checkout reported clean")
	}
	index, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	objects := analysistest.Git(t, dir, "count-objects")

	wt, err := source.OpenUncommitted(ctx, dir, base, source.WorkingTree)
	if err != nil {
		t.Fatal(err)
	}
	if got := changed(t, wt); got != "deleted gone.ts, modified keep.ts, added new.ts, added staged.ts" {
		t.Errorf("working tree: %s", got)
	}
	files, _ := wt.Files(ctx)
	for _, f := range files {
		if f.Path == "keep.ts" && (len(f.Added) != 1 || f.Added[0] != (source.LineRange{Start: 2, End: 3})) {
			t.Errorf("keep.ts added lines %v, want 2-3", f.Added)
		}
	}
	if b, err := wt.Tree(source.Head).Read(ctx, "new.ts"); err != nil || string(b.Data) != "n\n" {
		t.Errorf("read an untracked file from the snapshot: %q %v", b.Data, err)
	}
	if err := wt.Close(); err != nil {
		t.Errorf("close: %v", err)
	}

	st, err := source.OpenUncommitted(ctx, dir, base, source.Staged)
	if err != nil {
		t.Fatal(err)
	}
	if got := changed(t, st); got != "added staged.ts" {
		t.Errorf("staged: %s", got)
	}
	st.Close()

	if after, _ := os.ReadFile(filepath.Join(dir, ".git", "index")); string(after) != string(index) {
		t.Error("snapshots changed the user's index")
	}
	if out := analysistest.Git(t, dir, "count-objects"); out != objects {
		t.Errorf("snapshots wrote objects into the repository: %s, before %s", out, objects)
	}

	empty, err := source.EmptyTree(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	all, err := source.OpenTrees(ctx, dir, empty, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	if got := changed(t, all); got != "added .gitignore, added gone.ts, added keep.ts" {
		t.Errorf("empty tree..HEAD: %s", got)
	}
}

func TestFindBaseRefusesATruncatedHistory(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	analysistest.Git(t, src, "init", "-q", "-b", "main")
	write(t, src, "a.ts", "1\n")
	commit(t, src)
	write(t, src, "a.ts", "2\n")
	commit(t, src)
	clone := filepath.Join(t.TempDir(), "c")
	analysistest.Git(t, src, "clone", "-q", "--depth", "1", "file://"+src, clone)
	analysistest.Git(t, clone, "remote", "remove", "origin")
	if !source.Shallow(ctx, clone) {
		t.Fatal("not shallow")
	}
	// Before: DefaultBase found no parent and reviewed nothing.
	_, _, err := source.FindBase(ctx, clone, "", "HEAD", false, nil)
	var se *source.ShallowError
	if err == nil || !errorAs(err, &se) || !strings.Contains(err.Error(), "no remote") {
		t.Fatalf("FindBase in a shallow clone without a remote: %v", err)
	}
}

func errorAs(err error, target **source.ShallowError) bool { return errors.As(err, target) }
