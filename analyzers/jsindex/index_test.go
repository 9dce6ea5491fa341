package jsindex

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// memReader serves an in-memory file set.
type memReader struct {
	files map[string]string
	cache *syntax.Cache
}

func (m memReader) List(context.Context) ([]source.Entry, error) {
	var out []source.Entry
	for p, c := range m.files {
		out = append(out, source.Entry{Path: p, SHA: source.BlobSHA([]byte(c))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func (m memReader) Read(_ context.Context, p string) ([]byte, error) {
	c, ok := m.files[p]
	if !ok {
		return nil, errors.New("no such file")
	}
	return []byte(c), nil
}

func (m memReader) Parse(ctx context.Context, p string) (*syntax.File, error) {
	data, err := m.Read(ctx, p)
	if err != nil {
		return nil, err
	}
	return m.cache.Parse(ctx, p, source.BlobSHA(data), data)
}

func newIndex(t *testing.T, files map[string]string) *Index {
	c := syntax.NewCache(syntax.DefaultLimits)
	t.Cleanup(c.Close)
	ix, err := New(context.Background(), memReader{files, c})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestResolve(t *testing.T) {
	ix := newIndex(t, map[string]string{
		"apps/web/tsconfig.json":       `{"extends": "./tsconfig.base.json", /* paths come from the base */ "compilerOptions": {"strict": true,},}`,
		"apps/web/tsconfig.base.json":  `{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"], "@lib": ["./src/lib/index.ts"]}}}`,
		"apps/web/src/lib/index.ts":    "export {}",
		"apps/web/src/lib/db.ts":       "export {}",
		"apps/web/src/app/page.tsx":    "export {}",
		"apps/web/src/components/a.js": "export {}",
		"apps/web/src/esm.ts":          "export {}",
		"jsconfig.json":                `{"compilerOptions": {"baseUrl": "src"}}`,
		"src/util/x.js":                "export {}",
		"src/main.js":                  "export {}",
	})
	from := "apps/web/src/app/page.tsx"
	for spec, want := range map[string]string{
		"@/lib/db":            "apps/web/src/lib/db.ts",
		"@/lib":               "apps/web/src/lib/index.ts",
		"@lib":                "apps/web/src/lib/index.ts",
		"../components/a":     "apps/web/src/components/a.js",
		"../esm.js":           "apps/web/src/esm.ts",
		"react":               "",
		"@/missing":           "",
		"../../../../../../x": "",
	} {
		got, _ := ix.Resolve(from, spec)
		if got != want {
			t.Errorf("Resolve(%q) = %q, want %q", spec, got, want)
		}
	}
	if got, _ := ix.Resolve("src/main.js", "util/x"); got != "src/util/x.js" {
		t.Errorf("baseUrl resolution: %q", got)
	}
}

func TestClientChain(t *testing.T) {
	ix := newIndex(t, map[string]string{
		"tsconfig.json":         `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
		"components/Button.tsx": "'use client'\nimport { helper } from '@/lib/helper'\nimport { save } from '@/app/actions'\nimport type { Admin } from '@/lib/admin-types'\nimport { guarded } from '@/lib/guarded'\nexport const used = [helper, save, guarded]\n",
		"lib/helper.ts":         "import { deep } from './deep'\nexport const helper = deep\n",
		"lib/deep.ts":           "export const deep = 1\n",
		"app/actions.ts":        "'use server'\nimport { db } from '@/lib/db'\nexport async function save() { return db }\n",
		"lib/db.ts":             "export const db = 1\n",
		"lib/admin-types.ts":    "import { db } from './db'\nexport type Admin = {}\n",
		"lib/guarded.ts":        "import 'server-only'\nimport { db } from './db'\nexport const guarded = db\n",
		"app/page.tsx":          "import { db } from '@/lib/db'\nexport default function Page() { return db }\n",
	})
	if c := ix.ClientChain("lib/deep.ts"); strings.Join(c, " > ") != "components/Button.tsx > lib/helper.ts > lib/deep.ts" {
		t.Errorf("chain to deep.ts: %v", c)
	}
	for _, p := range []string{"lib/db.ts", "app/actions.ts", "lib/admin-types.ts", "app/page.tsx"} {
		if c := ix.ClientChain(p); c != nil {
			t.Errorf("%s must stay on the server, got chain %v", p, c)
		}
	}
	// An import used only as a type is erased like `import type`.
	ix2 := newIndex(t, map[string]string{
		"components/Form.tsx": "'use client'\nimport { State } from '../lib/state'\nexport function Form(p: { s: State }) { return null }\n",
		"lib/state.ts":        "export type State = { error?: string }\nexport const db = process.env.DATABASE_URL\n",
	})
	if c := ix2.ClientChain("lib/state.ts"); c != nil {
		t.Errorf("a module imported only for its types is not bundled, got chain %v", c)
	}
	// server-only modules are reached (the build then fails) but nothing behind them is.
	if m := ix.Module("lib/guarded.ts"); m == nil || !m.ServerOnly {
		t.Error("server-only import not detected")
	}
}
