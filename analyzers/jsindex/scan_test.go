package jsindex

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/syntax"
	"github.com/leakguard/leakguard/internal/benchrepo"
)

// scanCorpus lists the JavaScript and TypeScript files the scanner is
// checked against: every analyzer fixture, a generated benchmark
// repository, and the npm test packages when they are installed.
func scanCorpus(t *testing.T) []string {
	var roots []string
	analyzersDir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	roots = append(roots, analyzersDir)
	repo, err := benchrepo.Generate(t.TempDir(), 300, 10)
	if err != nil {
		t.Fatal(err)
	}
	roots = append(roots, repo.Dir)
	if d := os.Getenv("LEAKGUARD_NPM_DIR"); d != "" {
		roots = append(roots, d)
	}
	var files []string
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if _, ok := syntax.LangOf(p); ok && (root != analyzersDir || strings.Contains(p, "/testdata/")) {
				files = append(files, p)
			}
			return nil
		})
	}
	return files
}

// TestScanFactsAgreeWithParse checks the cheap scanner against tree-sitter
// on every file it answers for: same directives, same imports, same
// type-only verdicts (including TypeScript's elision of imports used only
// as types), same export names. Files it declines are parsed in reviews.
func TestScanFactsAgreeWithParse(t *testing.T) {
	cache := syntax.NewCache(syntax.DefaultLimits)
	defer cache.Close()
	files := scanCorpus(t)
	answered, parsed := 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel := p // packages of the npm directory, parsed as if they were sources
		if i := strings.LastIndex(p, "node_modules/"); i >= 0 {
			rel = p[i+len("node_modules/"):]
		}
		f, err := cache.Parse(context.Background(), rel, "sha-"+p, src)
		if err != nil {
			continue // skipped by the parse limits
		}
		parsed++
		want := FactsOf(f)
		got, ok := ScanFacts(p, src)
		if !ok {
			continue
		}
		answered++
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("%s:\nscanner %s\nparser  %s", p, g, w)
		}
	}
	t.Logf("scanner answered for %d of %d parsed files", answered, parsed)
	if answered < parsed*3/4 {
		t.Errorf("scanner answered for only %d of %d files; most files should not need a parse", answered, parsed)
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
