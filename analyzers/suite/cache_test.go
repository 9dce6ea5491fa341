package suite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/internal/benchrepo"
)

// review runs the default suite over base..head with an optional facts
// cache and returns its findings, one line each.
func review(t *testing.T, dir, base, head string, store *factstore.Store) []string {
	t.Helper()
	ctx := context.Background()
	ch, err := source.OpenGit(ctx, dir, base, head)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	res, err := (&analyzers.Engine{Analyzers: suite.Default(), Facts: store}).Run(ctx, ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s %s %s:%d-%d %s %s | %s | %s", f.Status, f.Rule.ID, f.Path, f.StartLine, f.EndLine, f.Severity, f.Fingerprint, f.Message, f.Fix))
	}
	return out
}

// TestFindingsSameWithAndWithoutCache reviews one pull request of a
// generated Next.js + Supabase repository without the facts cache, with an
// empty one, with one an earlier review filled, and with one whose entries
// were all damaged: the findings must be the same every time.
func TestFindingsSameWithAndWithoutCache(t *testing.T) {
	repo, err := benchrepo.Generate(t.TempDir(), 400, 20)
	if err != nil {
		t.Fatal(err)
	}
	want := review(t, repo.Dir, repo.Earlier, repo.PR, nil)
	if len(want) == 0 {
		t.Fatal("the review found nothing: the generated regressions were missed")
	}
	cacheDir := t.TempDir()
	store, err := factstore.Open(cacheDir, 0)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got []string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: findings differ from the review without cache\ngot:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	check("empty cache", review(t, repo.Dir, repo.Earlier, repo.PR, store))
	check("cache filled by this review", review(t, repo.Dir, repo.Earlier, repo.PR, store))

	warm, err := factstore.Open(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	review(t, repo.Dir, repo.Root, repo.Earlier, warm) // the earlier pull request
	check("cache filled by an earlier review", review(t, repo.Dir, repo.Earlier, repo.PR, warm))

	// Damage every entry: flip a byte, or cut it short.
	n := 0
	filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(p, string(filepath.Separator)+"facts"+string(filepath.Separator)) {
			return nil
		}
		b, _ := os.ReadFile(p)
		if n%2 == 0 && len(b) > 10 {
			b[len(b)/2] ^= 0xff
		} else {
			b = b[:len(b)/2]
		}
		os.WriteFile(p, b, 0o644)
		n++
		return nil
	})
	if n == 0 {
		t.Fatal("the review wrote nothing to the cache")
	}
	damaged, err := factstore.Open(cacheDir, 0)
	if err != nil {
		t.Fatal(err)
	}
	check("damaged cache", review(t, repo.Dir, repo.Earlier, repo.PR, damaged))
	repaired, err := factstore.Open(cacheDir, 0)
	if err != nil {
		t.Fatal(err)
	}
	check("repaired cache", review(t, repo.Dir, repo.Earlier, repo.PR, repaired))
}
