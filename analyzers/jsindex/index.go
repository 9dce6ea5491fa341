// Package jsindex is the repo-wide index of a JavaScript/TypeScript project at
// one revision: module resolution (relative paths, index files, tsconfig and
// jsconfig `paths`), each module's directives and imports, and the import
// graph with the set of modules that end up in the browser bundle.
package jsindex

import (
	"context"
	"encoding/json"
	"path"
	"sort"
	"strings"

	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// Reader gives the index the files of one revision.
type Reader interface {
	List(ctx context.Context) ([]source.Entry, error)
	Read(ctx context.Context, path string) ([]byte, error)
	Parse(ctx context.Context, path string) (*syntax.File, error)
}

// FactsReader is a Reader that also supplies module facts, cached by blob
// SHA and computed in parallel: the index then answers repository-wide
// questions (the browser bundle) without parsing unchanged modules.
type FactsReader interface {
	Reader
	// Facts returns the facts of the files, in order; nil for a file that
	// is not a module the parse limits admit.
	Facts(ctx context.Context, files []source.Entry) []*Facts
}

// Module is what the index knows of one source file.
type Module struct {
	Path       string
	UseClient  bool // 'use client': a client component entry, bundled for the browser
	UseServer  bool // 'use server': server actions, called over the network from the client
	ServerOnly bool // imports "server-only": the build fails if a client imports it
	Imports    []Import
}

// Import is a dependency with its resolved target ("" for a package or an
// unresolved path).
type Import struct {
	syntax.Import
	Target string
}

// Index answers questions about one revision of the repository.
type Index struct {
	ctx     context.Context
	r       Reader
	files   map[string]bool
	shas    map[string]string
	paths   []string
	configs map[string]*tsconfig // by directory
	modules map[string]*Module
	client  map[string][]string // module -> chain from a client entry (entry first)
	facts   map[string]*Facts
	targets map[[2]string]string // (directory, specifier) -> resolved path
}

// New builds an index over the files of a revision. Modules are parsed lazily.
func New(ctx context.Context, r Reader) (*Index, error) {
	entries, err := r.List(ctx)
	if err != nil {
		return nil, err
	}
	ix := &Index{ctx: ctx, r: r, files: make(map[string]bool, len(entries)), shas: make(map[string]string, len(entries)),
		configs: map[string]*tsconfig{}, modules: map[string]*Module{}, facts: map[string]*Facts{}, targets: map[[2]string]string{}}
	for _, e := range entries {
		ix.files[e.Path] = true
		ix.shas[e.Path] = e.SHA
		ix.paths = append(ix.paths, e.Path)
	}
	return ix, nil
}

// Has reports whether a file exists.
func (ix *Index) Has(p string) bool { return ix.files[p] }

// Paths lists every file of the revision, sorted.
func (ix *Index) Paths() []string { return ix.paths }

// Module returns the parsed facts of a source file, or nil when it is not a
// JavaScript/TypeScript file or cannot be parsed.
func (ix *Index) Module(p string) *Module {
	if m, ok := ix.modules[p]; ok {
		return m
	}
	ix.modules[p] = nil
	if _, ok := syntax.LangOf(p); !ok || !ix.files[p] {
		return nil
	}
	f, err := ix.r.Parse(ix.ctx, p)
	if err != nil {
		return nil
	}
	m := &Module{Path: p}
	for _, d := range f.Directives() {
		switch d {
		case "use client":
			m.UseClient = true
		case "use server":
			m.UseServer = true
		}
	}
	for _, imp := range f.Imports() {
		if imp.Spec == "server-only" {
			m.ServerOnly = true
		}
		target, _ := ix.Resolve(p, imp.Spec)
		m.Imports = append(m.Imports, Import{Import: imp, Target: target})
	}
	ix.modules[p] = m
	return m
}

var resolveExts = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// Resolve maps an import specifier in file `from` to a repository path.
func (ix *Index) Resolve(from, spec string) (string, bool) {
	switch {
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == "..":
		return ix.resolveFile(path.Join(path.Dir(from), spec))
	case strings.HasPrefix(spec, "/"):
		return ix.resolveFile(strings.TrimPrefix(spec, "/"))
	}
	if cfg := ix.tsconfigFor(path.Dir(from)); cfg != nil {
		if p, ok := cfg.resolve(spec, ix); ok {
			return p, true
		}
	}
	return "", false
}

// resolveFile tries a path as a file, with extensions, and as a directory index.
func (ix *Index) resolveFile(p string) (string, bool) {
	p = path.Clean(p)
	if strings.HasPrefix(p, "../") || p == ".." {
		return "", false
	}
	if ix.files[p] {
		if _, ok := syntax.LangOf(p); ok || strings.HasSuffix(p, ".json") {
			return p, true
		}
	}
	// TypeScript ESM style: "./x.js" names "./x.ts".
	stem := p
	if ext := path.Ext(p); ext == ".js" || ext == ".jsx" || ext == ".mjs" || ext == ".cjs" {
		stem = strings.TrimSuffix(p, ext)
	}
	for _, base := range []string{p, stem} {
		for _, ext := range resolveExts {
			if ix.files[base+ext] {
				return base + ext, true
			}
		}
	}
	for _, ext := range resolveExts {
		if ix.files[p+"/index"+ext] {
			return p + "/index" + ext, true
		}
	}
	return "", false
}

// ClientChain returns, for a module bundled for the browser, the import chain
// from a 'use client' entry to it (entry first); nil when the module stays on
// the server. Traversal follows value imports and stops at type-only imports,
// 'use server' modules (the client gets only references to server actions)
// and modules importing "server-only" (the build fails rather than bundle them).
func (ix *Index) ClientChain(p string) []string {
	if ix.client == nil {
		ix.buildClient()
	}
	return ix.client[p]
}

func (ix *Index) buildClient() {
	ix.client = map[string][]string{}
	var sources []string
	for _, p := range ix.paths {
		if _, ok := syntax.LangOf(p); ok && !syntax.GeneratedPath(p) {
			sources = append(sources, p)
		}
	}
	ix.loadFacts(sources)
	var queue []string
	for _, p := range sources {
		if f := ix.Facts(p); f != nil && f.UseClient {
			ix.client[p] = []string{p}
			queue = append(queue, p)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		f := ix.Facts(cur)
		if f == nil {
			continue
		}
		for i := range f.Imports {
			imp := &f.Imports[i]
			target := ix.Target(cur, imp)
			if imp.TypeOnly || target == "" {
				continue
			}
			if _, seen := ix.client[target]; seen {
				continue
			}
			// 'use server' modules reach the client only as action references;
			// a server-only module fails the build instead of being bundled.
			tf := ix.Facts(target)
			if tf != nil && (tf.UseServer || tf.ServerOnly()) {
				continue
			}
			chain := append(append([]string{}, ix.client[cur]...), target)
			ix.client[target] = chain
			queue = append(queue, target)
		}
	}
}

// Facts returns what the index keeps of a module (directives, imports),
// from the facts cache when the reader has one; nil when the file is not
// a JavaScript/TypeScript module the parse limits admit.
func (ix *Index) Facts(p string) *Facts {
	if f, ok := ix.facts[p]; ok {
		return f
	}
	ix.loadFacts([]string{p})
	return ix.facts[p]
}

// loadFacts fills the facts of the paths not yet known, in one batch.
func (ix *Index) loadFacts(paths []string) {
	var missing []source.Entry
	for _, p := range paths {
		if _, ok := ix.facts[p]; ok {
			continue
		}
		if _, ok := syntax.LangOf(p); !ok || !ix.files[p] {
			ix.facts[p] = nil
			continue
		}
		missing = append(missing, source.Entry{Path: p, SHA: ix.shas[p]})
	}
	if len(missing) == 0 {
		return
	}
	if fr, ok := ix.r.(FactsReader); ok {
		for i, f := range fr.Facts(ix.ctx, missing) {
			ix.facts[missing[i].Path] = f
		}
		return
	}
	for _, e := range missing {
		f, err := ix.r.Parse(ix.ctx, e.Path)
		if err != nil {
			ix.facts[e.Path] = nil
			continue
		}
		facts := FactsOf(f)
		ix.facts[e.Path] = &facts
	}
}

// Target is the repository path an import of module `from` resolves to
// ("" for a package or an unresolved path).
func (ix *Index) Target(from string, imp *ImportFact) string {
	key := [2]string{path.Dir(from), imp.Spec}
	if t, ok := ix.targets[key]; ok {
		return t
	}
	t, _ := ix.Resolve(from, imp.Spec)
	ix.targets[key] = t
	return t
}

// ClientImportOf returns the import in `from` whose target is `to`.
func (m *Module) ClientImportOf(to string) (Import, bool) {
	for _, imp := range m.Imports {
		if imp.Target == to && !imp.TypeOnly {
			return imp, true
		}
	}
	return Import{}, false
}

// tsconfig holds the module resolution part of a tsconfig.json/jsconfig.json.
type tsconfig struct {
	dir     string // directory the baseUrl and paths are relative to
	baseURL string
	paths   []pathAlias
}

type pathAlias struct {
	pattern string // "@/*"
	targets []string
}

// tsconfigFor finds the nearest tsconfig.json or jsconfig.json at or above dir.
func (ix *Index) tsconfigFor(dir string) *tsconfig {
	if c, ok := ix.configs[dir]; ok {
		return c
	}
	var c *tsconfig
	for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
		p := path.Join(dir, name)
		if ix.files[p] {
			c = ix.loadTSConfig(p, 0)
			break
		}
	}
	if c == nil && dir != "." && dir != "/" && dir != "" {
		c = ix.tsconfigFor(path.Dir(dir))
	}
	ix.configs[dir] = c
	return c
}

func (ix *Index) loadTSConfig(p string, depth int) *tsconfig {
	data, err := ix.r.Read(ix.ctx, p)
	if err != nil {
		return nil
	}
	var raw struct {
		Extends         any `json:"extends"`
		CompilerOptions struct {
			BaseURL *string             `json:"baseUrl"`
			Paths   map[string][]string `json:"paths"`
		} `json:"compilerOptions"`
	}
	if err := json.Unmarshal(StripJSONC(data), &raw); err != nil {
		return nil
	}
	dir := path.Dir(p)
	c := &tsconfig{dir: dir}
	// A relative `extends` contributes baseUrl and paths not set here.
	if ext, ok := raw.Extends.(string); ok && depth < 4 && (strings.HasPrefix(ext, "./") || strings.HasPrefix(ext, "../")) {
		if !strings.HasSuffix(ext, ".json") {
			ext += ".json"
		}
		if parent := ix.loadTSConfig(path.Join(dir, ext), depth+1); parent != nil {
			*c = *parent
		}
	}
	if raw.CompilerOptions.BaseURL != nil {
		c.baseURL = path.Join(dir, *raw.CompilerOptions.BaseURL)
	}
	if raw.CompilerOptions.Paths != nil {
		c.paths = nil
		keys := make([]string, 0, len(raw.CompilerOptions.Paths))
		for k := range raw.CompilerOptions.Paths {
			keys = append(keys, k)
		}
		// Longest prefix first, as TypeScript does.
		sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
		for _, k := range keys {
			c.paths = append(c.paths, pathAlias{pattern: k, targets: raw.CompilerOptions.Paths[k]})
		}
		c.dir = dir
	}
	return c
}

func (c *tsconfig) resolve(spec string, ix *Index) (string, bool) {
	base := c.baseURL
	if base == "" {
		base = c.dir
	}
	for _, a := range c.paths {
		prefix, suffix, wild := strings.Cut(a.pattern, "*")
		var star string
		switch {
		case wild && strings.HasPrefix(spec, prefix) && strings.HasSuffix(spec, suffix) && len(spec) >= len(prefix)+len(suffix):
			star = spec[len(prefix) : len(spec)-len(suffix)]
		case !wild && spec == a.pattern:
		default:
			continue
		}
		for _, t := range a.targets {
			cand := path.Join(base, strings.Replace(t, "*", star, 1))
			if p, ok := ix.resolveFile(cand); ok {
				return p, true
			}
		}
	}
	if c.baseURL != "" {
		return ix.resolveFile(path.Join(c.baseURL, spec))
	}
	return "", false
}

// StripJSONC removes comments and trailing commas from JSON-with-comments
// (tsconfig.json allows both).
func StripJSONC(in []byte) []byte {
	return stripTrailingCommas(stripComments(in))
}

func stripComments(in []byte) []byte {
	out := make([]byte, 0, len(in))
	inStr := false
	for i := 0; i < len(in); i++ {
		c := in[i]
		if inStr {
			out = append(out, c)
			if c == '\\' && i+1 < len(in) {
				i++
				out = append(out, in[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == '/' && i+1 < len(in) && in[i+1] == '/':
			for i < len(in) && in[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(in) && in[i+1] == '*':
			i += 2
			for i+1 < len(in) && !(in[i] == '*' && in[i+1] == '/') {
				i++
			}
			i++
		default:
			out = append(out, c)
		}
	}
	return out
}

func stripTrailingCommas(in []byte) []byte {
	out := make([]byte, 0, len(in))
	inStr := false
	for i := 0; i < len(in); i++ {
		c := in[i]
		if inStr {
			out = append(out, c)
			if c == '\\' && i+1 < len(in) {
				i++
				out = append(out, in[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		if c == '"' {
			inStr = true
		}
		if c == ',' {
			j := i + 1
			for j < len(in) && (in[j] == ' ' || in[j] == '\n' || in[j] == '\t' || in[j] == '\r') {
				j++
			}
			if j < len(in) && (in[j] == '}' || in[j] == ']') {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
