// Package syntax parses JavaScript and TypeScript with tree-sitter, caches the
// trees by blob SHA, and answers the questions analyzers ask of a module:
// its directives, imports, exports, string literals and environment reads.
package syntax

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// Lang is a tree-sitter grammar.
type Lang int

// Supported grammars.
const (
	JS Lang = iota + 1
	TS
	TSX
)

// LangOf picks the grammar for a path: .ts, .mts, .cts use TypeScript; .tsx TSX;
// .js .jsx .mjs .cjs the JavaScript grammar (which also handles JSX).
func LangOf(p string) (Lang, bool) {
	switch strings.ToLower(path.Ext(p)) {
	case ".ts", ".mts", ".cts":
		if strings.HasSuffix(strings.ToLower(p), ".d.ts") {
			return 0, false // declarations hold no code
		}
		return TS, true
	case ".tsx":
		return TSX, true
	case ".js", ".jsx", ".mjs", ".cjs":
		return JS, true
	}
	return 0, false
}

func (l Lang) grammar() *sitter.Language {
	switch l {
	case TS:
		return typescript.GetLanguage()
	case TSX:
		return tsx.GetLanguage()
	default:
		return javascript.GetLanguage()
	}
}

// Limits bound the cost of parsing one file.
type Limits struct {
	MaxBytes   int           // larger files are skipped
	MaxLineLen int           // a line longer than this marks minified code
	TimeBudget time.Duration // parsing is cancelled after this long
}

// DefaultLimits suit hand-written application code.
var DefaultLimits = Limits{MaxBytes: 1 << 20, MaxLineLen: 4000, TimeBudget: 2 * time.Second}

// SkipError says why a file was not parsed.
type SkipError struct{ Reason string }

func (e *SkipError) Error() string { return "skipped: " + e.Reason }

// File is a parsed module. Its tree is owned by the Cache that made it.
type File struct {
	Path string
	SHA  string
	Lang Lang
	Src  []byte
	Root *sitter.Node
	// Partial is set when the source has syntax errors; the tree still holds
	// every statement tree-sitter could recover.
	Partial bool

	tree *sitter.Tree // not safe for concurrent use: the engine walks trees from one goroutine
	memo *memo        // facts derived from the tree, shared by copies of the File
}

// Cache parses each blob once and closes every tree on Close.
type Cache struct {
	limits Limits

	mu    sync.Mutex
	files map[string]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	file *File
	err  error
}

// NewCache returns an empty cache with the given limits.
func NewCache(l Limits) *Cache {
	return &Cache{limits: l, files: map[string]*cacheEntry{}}
}

// Parse returns the parse of the blob, parsing it on first use. A file the
// limits exclude returns a *SkipError. The same SHA under another grammar is
// parsed separately.
func (c *Cache) Parse(ctx context.Context, p, sha string, src []byte) (*File, error) {
	lang, ok := LangOf(p)
	if !ok {
		return nil, &SkipError{Reason: "not JavaScript or TypeScript"}
	}
	key := fmt.Sprintf("%s:%d", sha, lang)
	c.mu.Lock()
	if c.files == nil {
		c.mu.Unlock()
		return nil, errors.New("parse cache is closed")
	}
	e := c.files[key]
	if e == nil {
		e = &cacheEntry{}
		c.files[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.file, e.err = c.parse(ctx, p, sha, lang, src) })
	if e.file != nil && e.file.Path != p {
		// Same content at another path: share the tree, report the right path.
		f := *e.file
		f.Path = p
		return &f, nil
	}
	return e.file, e.err
}

func (c *Cache) parse(ctx context.Context, p, sha string, lang Lang, src []byte) (*File, error) {
	if reason := c.skipReason(p, src); reason != "" {
		return nil, &SkipError{Reason: reason}
	}
	parser := sitter.NewParser()
	defer parser.Close()
	parser.SetLanguage(lang.grammar())
	pctx, cancel := context.WithTimeout(ctx, c.limits.TimeBudget)
	defer cancel()
	tree, err := parser.ParseCtx(pctx, nil, src)
	if err != nil {
		if tree != nil {
			tree.Close()
		}
		return nil, &SkipError{Reason: fmt.Sprintf("parsing took longer than %s", c.limits.TimeBudget)}
	}
	if tree == nil {
		return nil, &SkipError{Reason: "parser returned no tree"}
	}
	root := tree.RootNode()
	return &File{Path: p, SHA: sha, Lang: lang, Src: src, Root: root, Partial: root.HasError(), tree: tree, memo: &memo{}}, nil
}

// Transient parses a file outside the cache, hands the parse to fn and
// frees the tree when fn returns: for facts computed once per blob, whose
// trees would otherwise stay in memory until the review ends. The limits
// apply as in Parse.
func (c *Cache) Transient(ctx context.Context, p string, src []byte, fn func(*File)) error {
	lang, ok := LangOf(p)
	if !ok {
		return &SkipError{Reason: "not JavaScript or TypeScript"}
	}
	f, err := c.parse(ctx, p, "", lang, src)
	if err != nil {
		return err
	}
	defer f.tree.Close()
	fn(f)
	return nil
}

// Limits are the cache's parse limits.
func (c *Cache) Limits() Limits { return c.limits }

// Skip returns why the limits exclude a file from parsing, or "".
func (c *Cache) Skip(p string, src []byte) string { return c.skipReason(p, src) }

// skipReason applies the size, minified and generated checks.
func (c *Cache) skipReason(p string, src []byte) string {
	if c.limits.MaxBytes > 0 && len(src) > c.limits.MaxBytes {
		return fmt.Sprintf("larger than %d KiB", c.limits.MaxBytes>>10)
	}
	if GeneratedPath(p) {
		return "generated or vendored path"
	}
	head := src
	if len(head) > 512 {
		head = head[:512]
	}
	if bytes.Contains(head, []byte("@generated")) || bytes.Contains(head, []byte("DO NOT EDIT")) {
		return "marked as generated"
	}
	if c.limits.MaxLineLen > 0 {
		for _, line := range bytes.Split(src, []byte("\n")) {
			if len(line) > c.limits.MaxLineLen {
				return fmt.Sprintf("minified (a line longer than %d characters)", c.limits.MaxLineLen)
			}
		}
	}
	return ""
}

// GeneratedPath reports paths that hold build output or vendored packages.
func GeneratedPath(p string) bool {
	lp := strings.ToLower(p)
	if strings.HasSuffix(lp, ".min.js") || strings.HasSuffix(lp, ".bundle.js") || strings.HasSuffix(lp, ".map") {
		return true
	}
	for _, dir := range []string{"node_modules/", ".next/", "dist/", "build/", "out/", ".vercel/", "coverage/", ".turbo/", "vendor/"} {
		if strings.HasPrefix(lp, dir) || strings.Contains(lp, "/"+dir) {
			return true
		}
	}
	return false
}

// TestPath reports tests, fixtures, mocks, stories and end-to-end suites:
// code that never serves a user request and holds fake data by design.
func TestPath(p string) bool {
	lp := "/" + strings.ToLower(p)
	for _, d := range []string{"/test/", "/tests/", "/__tests__/", "/spec/", "/specs/", "/fixtures/", "/__fixtures__/", "/testdata/",
		"/__mocks__/", "/mocks/", "/e2e/", "/cypress/", "/playwright/", "/stories/", "/__stories__/", "/storybook/"} {
		if strings.Contains(lp, d) {
			return true
		}
	}
	b := path.Base(lp)
	return strings.Contains(b, ".test.") || strings.Contains(b, ".spec.") || strings.Contains(b, ".stories.") ||
		strings.HasSuffix(b, "_test.go") || strings.HasPrefix(b, "test_")
}

// Close frees every tree. Files obtained from the cache must not be used after.
func (c *Cache) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.files {
		if e.file != nil && e.file.tree != nil {
			e.file.tree.Close()
		}
	}
	c.files = nil
}
