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

// TestScanFactsTrickyModules covers syntax the fixtures may lack: the
// scanner must agree with the parse whenever it answers, and answer the
// plain cases.
func TestScanFactsTrickyModules(t *testing.T) {
	cases := []struct {
		path, src  string
		mustAnswer bool
	}{
		{"a.ts", "import { Item } from './t'\nconst x: Item = load()\nexport function f(a: Item): Item { return a }\n", true},
		{"a.ts", "import { Item } from './t'\nexport const y = Item.parse(1)\n", true},
		{"a.tsx", "'use client'\nimport { Item } from './t'\nexport const V = () => <div><Item /></div>\n", true},
		{"a.tsx", "import { Item } from './t'\nexport const V = () => <p>Don't {x}</p>\nconst z = useState<Item>(null)\n", true},
		{"a.ts", "import { Item } from './t'\ntype A = Item | null\ninterface B { item: Item }\n", true},
		{"a.ts", "import type { A } from './a'\nimport { type B, type C } from './b'\nexport * from './c'\nexport * as ns from './d'\nexport { e as f, default } from './e'\n", true},
		{"a.js", "const x = require('./x')\nconst y = await import(`./y`)\nrequire('a' + b)\nmodule.require('./z')\n", true},
		{"a.ts", "\"use server\";\nimport 'server-only'\nimport def, * as all from './m'\n", true},
		{"a.tsx", "import { T } from './t'\nconst f = <T,>(x: T) => x\n", false},
		{"a.ts", "import { Item } from './t'\nconst r = /import('x')/g\nconst s = 'import(\"y\")'\n// require('z')\n", false},
		{"a.ts", "import { A } from './a'\nconst v = c ? A : B\n", false},
		{"a.ts", "import x = require('./x')\n", false},
	}
	cache := syntax.NewCache(syntax.DefaultLimits)
	defer cache.Close()
	for i, c := range cases {
		f, err := cache.Parse(context.Background(), c.path, "case"+string(rune('a'+i)), []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		want := FactsOf(f)
		got, ok := ScanFacts(c.path, []byte(c.src))
		if !ok {
			if c.mustAnswer {
				t.Errorf("case %d: the scanner declined:\n%s", i, c.src)
			}
			continue
		}
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("case %d:\n%s\nscanner %s\nparser  %s", i, c.src, g, w)
		}
	}
}
