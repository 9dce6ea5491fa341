package cache

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var cacheHeaderNames = map[string]bool{"cache-control": true, "cdn-cache-control": true, "vercel-cdn-cache-control": true,
	"surrogate-control": true, "cloudflare-cdn-cache-control": true}

var maxAgeRE = regexp.MustCompile(`(?i)\b(s-maxage|max-age)\s*=\s*(\d+|\$\{)`)

// sharedCacheable says how a Cache-Control value lets caches keep a response:
// "shared" (public, s-maxage, a CDN header), "max-age" (max-age without
// private), or "" (private, no-store, no-cache, or no lifetime).
func sharedCacheable(header, v string) string {
	lv := strings.ToLower(v)
	if strings.Contains(lv, "private") || strings.Contains(lv, "no-store") || strings.Contains(lv, "no-cache") {
		return ""
	}
	if header != "cache-control" {
		// CDN-Cache-Control and friends address shared caches only.
		if maxAgeRE.MatchString(lv) || strings.Contains(lv, "public") {
			return "shared"
		}
		return ""
	}
	shared, maxAge := strings.Contains(lv, "public"), false
	for _, m := range maxAgeRE.FindAllStringSubmatch(lv, -1) {
		n, err := strconv.Atoi(m[2])
		if err == nil && n == 0 {
			continue
		}
		if m[1] == "s-maxage" {
			shared = true
		} else {
			maxAge = true
		}
	}
	switch {
	case shared:
		return "shared"
	case maxAge:
		return "max-age"
	}
	return ""
}

// headerValues finds string values set as a caching header: object pairs
// `'Cache-Control': v` and calls `x.setHeader('Cache-Control', v)`.
func headerValues(c *checker) []headerValue {
	f := c.f
	var out []headerValue
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		switch n.Type() {
		case "pair":
			k := n.ChildByFieldName("key")
			name := strings.ToLower(f.Text(k))
			if s, ok := f.StringValue(k); ok {
				name = strings.ToLower(s)
			}
			if cacheHeaderNames[name] {
				out = append(out, headerValue{name: name, node: n.ChildByFieldName("value")})
			}
		case "call_expression":
			last := syntax.LastName(f.Callee(n))
			if last != "setHeader" && last != "set" && last != "header" && last != "append" && last != "setHeaders" {
				return true
			}
			as := syntax.Args(n)
			if len(as) >= 2 {
				if s, ok := f.StringValue(as[0]); ok && cacheHeaderNames[strings.ToLower(s)] {
					out = append(out, headerValue{name: strings.ToLower(s), node: as[1]})
				}
			}
		}
		return true
	})
	return out
}

type headerValue struct {
	name string
	node *sitter.Node
}

// valueText resolves a header value to its text: a string, a template, or a
// constant declared in the module.
func (c *checker) valueText(n *sitter.Node) (string, bool) {
	f := c.f
	n = syntax.Unwrap(n)
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "string":
		return f.StringValue(n)
	case "template_string":
		t := f.Text(n)
		return t[1 : len(t)-1], true
	case "identifier":
		for _, b := range f.BindingsIn(f.Root)[f.Text(n)] {
			if b.Prop == "" {
				if v, ok := c.valueText(b.Value); ok {
					return v, true
				}
			}
		}
	case "binary_expression":
		l, ok1 := c.valueText(n.ChildByFieldName("left"))
		r, ok2 := c.valueText(n.ChildByFieldName("right"))
		if ok1 || ok2 {
			return l + r, true
		}
	}
	return "", false
}

// checkCacheControl reports shared-cacheable headers on responses of
// functions that read the session.
func (c *checker) checkCacheControl() {
	f := c.f
	for _, hv := range headerValues(c) {
		v, ok := c.valueText(hv.node)
		if !ok {
			continue
		}
		kind := sharedCacheable(hv.name, v)
		if kind == "" {
			continue
		}
		fn := syntax.OuterFunc(hv.node)
		read := c.sessionRead(fn)
		// The session must be read before the header is set: a read further
		// down a long middleware belongs to another branch.
		if read == nil || read.StartByte() > hv.node.StartByte() || anonymousBranch(c, hv.node, fn) {
			continue
		}
		sev := analyzers.High
		how := fmt.Sprintf("`%s: %s` lets a CDN or shared proxy store this response and serve it to the next visitor of the same URL", headerTitle(hv.name), v)
		if kind == "max-age" {
			sev = analyzers.Medium
			how = fmt.Sprintf("`%s: %s` has no `private`, so shared proxies and caches that honour max-age may store this response and serve it to other visitors", headerTitle(hv.name), v)
		}
		fd := analyzers.Finding{
			Rule: rulePublicResponse, Severity: sev, Path: c.path, StartLine: syntax.Line(hv.node), EndLine: syntax.EndLine(hv.node),
			Message: fmt.Sprintf("This response is built for the signed-in user (`%s`, line %d), and %s: one user's data is then returned to other users.",
				short(f.Display(read)), syntax.Line(read), how),
			Fix: "Send `Cache-Control: private, no-store` (or `private, max-age=…` for the browser only) on responses that depend on the session; cache only what is the same for every visitor.",
			Key: "cache-control " + f.FuncName(fn) + " " + hv.name + " " + v,
		}
		fd.Suggestion = c.replaceString(hv.node, "private, no-store")
		c.pass.Report(fd)
	}
}

func headerTitle(h string) string {
	switch h {
	case "cache-control":
		return "Cache-Control"
	case "cdn-cache-control":
		return "CDN-Cache-Control"
	case "vercel-cdn-cache-control":
		return "Vercel-CDN-Cache-Control"
	}
	return h
}

// replaceString suggests the line with a string literal's value replaced.
func (c *checker) replaceString(n *sitter.Node, value string) *string {
	n = syntax.Unwrap(n)
	if n == nil || (n.Type() != "string" && n.Type() != "template_string") || syntax.Line(n) != syntax.EndLine(n) {
		return nil
	}
	lines := strings.Split(string(c.f.Src), "\n")
	ln := syntax.Line(n)
	if ln > len(lines) {
		return nil
	}
	line := strings.TrimRight(lines[ln-1], "\r")
	old := c.f.Text(n)
	if strings.Count(line, old) != 1 {
		return nil
	}
	q := old[:1]
	out := strings.Replace(line, old, q+value+q, 1)
	return &out
}

func short(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

var noSessionCond = regexp.MustCompile(`(?i)^!\s*\(?\s*(await\s+)?[\w.?]*(session|user|auth|token|claims|viewer)[\w.?]*\)?$|^(typeof\s+)?[\w.?]*(session|user|auth|token|claims|viewer)[\w.?]*\s*(===?|==)\s*(null|undefined|false|'undefined')$`)

// anonymousBranch reports a header set only when nobody is signed in (`if
// (!session) { …public… }`): that response holds no user's data.
func anonymousBranch(c *checker, n, fn *sitter.Node) bool {
	for p := n.Parent(); p != nil && p != fn; p = p.Parent() {
		if p.Type() != "if_statement" {
			continue
		}
		cons := p.ChildByFieldName("consequence")
		if cons == nil || !syntax.Within(n, cons) {
			continue
		}
		cond := strings.Join(strings.Fields(c.f.Text(syntax.Unwrap(p.ChildByFieldName("condition")))), " ")
		if noSessionCond.MatchString(cond) {
			return true
		}
	}
	return false
}
