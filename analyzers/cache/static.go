package cache

import (
	"fmt"
	"regexp"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var segmentFileRE = regexp.MustCompile(`(^|/)app/(.*/)?(page|layout|route|template|default)\.(tsx|ts|jsx|js|mjs)$`)

// checkForceStatic reports `export const dynamic = 'force-static'` in a
// route segment whose code reads cookies, headers or the session.
func (c *checker) checkForceStatic() {
	f := c.f
	if !segmentFileRE.MatchString(c.path) {
		return
	}
	var decl *sitter.Node
	for _, d := range f.Find("variable_declarator") {
		if f.Text(d.ChildByFieldName("name")) != "dynamic" || syntax.EnclosingFunc(d) != nil {
			continue
		}
		if v, ok := f.StringValue(syntax.Unwrap(d.ChildByFieldName("value"))); ok && v == "force-static" {
			decl = d
		}
	}
	if decl == nil {
		return
	}
	var read *sitter.Node
	for _, fn := range topFuncs(f) {
		if r := c.sessionRead(fn); r != nil {
			read = r
			break
		}
	}
	if read == nil {
		return
	}
	sev := analyzers.Medium
	data := ""
	if regexp.MustCompile(`\.from\(|prisma\.|\bdb\.|\.query\(|\bsql` + "`" + `|fetch\(`).MatchString(string(f.Src)) {
		sev = analyzers.High
		data = " The data this route loads is fetched at render time and cached with it, so it is served to every visitor."
	}
	c.pass.Report(analyzers.Finding{
		Rule: ruleStaticSession, Severity: sev, Path: c.path, StartLine: syntax.Line(decl), EndLine: syntax.EndLine(decl),
		Message: fmt.Sprintf("`dynamic = 'force-static'` renders this route once and serves the result to everyone, with `cookies()` and `headers()` returning empty values; the session read at line %d (`%s`) therefore never sees the visitor, so the same output, built without any user, goes to every user and the check that should tell them apart is dead.%s",
			syntax.Line(read), short(f.Display(read)), data),
		Fix: "Remove `export const dynamic = 'force-static'` from routes that depend on the visitor (reading cookies or the session already makes them dynamic); cache the user-independent parts with `unstable_cache`/`'use cache'` keyed by what they depend on.",
		Key: "force-static " + c.path,
	})
}

// topFuncs lists the outermost functions of a module.
func topFuncs(f *syntax.File) []*sitter.Node {
	var out []*sitter.Node
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if syntax.IsFunc(n) {
			out = append(out, n)
			return false
		}
		return true
	})
	return out
}
