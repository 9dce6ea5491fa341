package cache

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var serverKey = regexp.MustCompile(`\benv\.|\bENV\b|import\.meta\.env|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b`)

var userishName = regexp.MustCompile(`(?i)^(user|session|currentUser|viewer|me|profile|account|claims|authUser|member|tenant|org|organization|workspace|team|customer)$`)

// checkUnstableCache reports unstable_cache callbacks that use a user- or
// tenant-derived value from the enclosing scope that is not part of the key.
func (c *checker) checkUnstableCache() {
	f := c.f
	for _, call := range f.Find("call_expression") {
		if cal := f.Callee(call); cal != "unstable_cache" && cal != "next.unstable_cache" {
			continue
		}
		as := syntax.Args(call)
		if len(as) == 0 {
			continue
		}
		cb := syntax.Unwrap(as[0])
		if cb.Type() == "identifier" {
			cb = c.funcBinding(cb)
		}
		if cb == nil || !syntax.IsFunc(cb) {
			continue
		}
		keyText := ""
		if len(as) > 1 {
			keyText = f.Compact(as[1])
		}
		free := c.freeUserValue(cb, call)
		if free == nil || keyMentions(keyText, f.Text(rootIdent(free))) {
			continue
		}
		name := f.Display(free)
		fd := analyzers.Finding{
			Rule: ruleUserData, Path: c.path, StartLine: syntax.Line(call), EndLine: syntax.Line(call),
			Message: fmt.Sprintf("`unstable_cache` keys its entries by the callback's source, `keyParts` (%s) and the callback's arguments; `%s` is captured from the enclosing scope and is none of these, so the first user's result is cached and returned to every other user until it is revalidated.",
				orNone(keyText), name),
			Fix: fmt.Sprintf("Pass `%s` as an argument of the cached function (`unstable_cache(async (id) => …, [...])(%s)`) or add it to keyParts.", name, name),
			Key: "unstable_cache " + f.FuncName(syntax.OuterFunc(call)) + " " + name + " " + keyText,
		}
		if len(as) > 1 {
			fd.Suggestion = c.appendToArray(as[1], name)
		}
		c.pass.Report(fd)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none given"
	}
	return "`" + s + "`"
}

// keyMentions reports whether the key parts use the name.
func keyMentions(key, name string) bool {
	if key == "" || name == "" {
		return false
	}
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(key)
}

func rootIdent(n *sitter.Node) *sitter.Node {
	for n != nil && (n.Type() == "member_expression" || n.Type() == "subscript_expression" || n.Type() == "non_null_expression") {
		if n.Type() == "non_null_expression" {
			n = n.NamedChild(0)
			continue
		}
		n = n.ChildByFieldName("object")
	}
	return n
}

// funcBinding resolves an identifier to the function it names in the module.
func (c *checker) funcBinding(id *sitter.Node) *sitter.Node {
	f := c.f
	name := f.Text(id)
	for _, d := range f.Find("function_declaration") {
		if n := d.ChildByFieldName("name"); n != nil && f.Text(n) == name {
			return d
		}
	}
	scope := syntax.OuterFunc(id)
	if scope == nil {
		scope = f.Root
	}
	for _, b := range f.BindingsIn(scope)[name] {
		if v := syntax.Unwrap(b.Value); b.Prop == "" && syntax.IsFunc(v) {
			return v
		}
	}
	return nil
}

// freeUserValue returns the first expression in cb that reads a user- or
// tenant-derived value declared outside cb.
func (c *checker) freeUserValue(cb, call *sitter.Node) *sitter.Node {
	f := c.f
	local := map[string]bool{}
	for _, p := range f.ParamNames(cb) {
		local[p] = true
	}
	for name := range f.BindingsIn(cb) {
		local[name] = true
	}
	outer := syntax.OuterFunc(call)
	var fa *flow.Func
	if outer != nil && outer != cb {
		fa = c.flowOf(outer)
	}
	outerParams := map[string]bool{}
	for _, p := range f.ParamNames(outer) {
		outerParams[p] = true
	}
	var found *sitter.Node
	syntax.Walk(cb, func(n *sitter.Node) bool {
		if found != nil {
			return false
		}
		if n.Type() != "identifier" && n.Type() != "shorthand_property_identifier" {
			return true
		}
		name := f.Text(n)
		if local[name] {
			return true
		}
		// Take the whole member chain (session.user.id).
		top := n
		for p := n.Parent(); p != nil && p.Type() == "member_expression" && p.ChildByFieldName("object") != nil && p.ChildByFieldName("object").StartByte() == top.StartByte(); p = p.Parent() {
			top = p
		}
		if p := n.Parent(); p != nil && p.Type() == "member_expression" && p.ChildByFieldName("property") != nil && p.ChildByFieldName("property").StartByte() == n.StartByte() {
			return true // a property name, not a variable
		}
		userish := flow.IsOwnerName(name, c.pass.Config.TenantColumns) || userishName.MatchString(name)
		if fa != nil {
			if v := fa.Env(name); v != nil && (v.Is(flow.Identity) || v.Is(flow.Request)) {
				userish = true
			}
		}
		if userish && (outerParams[name] || c.declaredIn(outer, name)) {
			found = top
		}
		return true
	})
	return found
}

// declaredIn reports whether a name is declared in fn (outside nested callbacks is not required).
func (c *checker) declaredIn(fn *sitter.Node, name string) bool {
	if fn == nil {
		return false
	}
	_, ok := c.f.BindingsIn(fn)[name]
	return ok
}

// appendToArray suggests `[..., name]` for a one-line array literal.
func (c *checker) appendToArray(arr *sitter.Node, name string) *string {
	arr = syntax.Unwrap(arr)
	if arr == nil || arr.Type() != "array" || syntax.Line(arr) != syntax.EndLine(arr) {
		return nil
	}
	lines := strings.Split(string(c.f.Src), "\n")
	line := strings.TrimRight(lines[syntax.Line(arr)-1], "\r")
	old := c.f.Text(arr)
	if strings.Count(line, old) != 1 {
		return nil
	}
	inner := strings.TrimSpace(old[1 : len(old)-1])
	repl := "[" + name + "]"
	if inner != "" {
		repl = "[" + strings.TrimSuffix(inner, ",") + ", " + name + "]"
	}
	out := strings.Replace(line, old, repl, 1)
	return &out
}

// checkFetch reports fetches that carry the user's own credentials into
// Next's persistent Data Cache.
func (c *checker) checkFetch() {
	f := c.f
	major := -1
	for _, call := range f.Find("call_expression") {
		if f.Callee(call) != "fetch" {
			continue
		}
		as := syntax.Args(call)
		if len(as) < 2 {
			continue
		}
		opts := syntax.Unwrap(as[1])
		if opts.Type() != "object" {
			continue
		}
		cred := c.userCredential(opts, call)
		if cred == nil {
			continue
		}
		how := ""
		if v := f.ObjectProp(opts, "cache"); v != nil {
			if s, ok := f.StringValue(v); ok && (s == "force-cache" || s == "only-if-cached") {
				how = fmt.Sprintf("`cache: '%s'`", s)
			}
		}
		if next := f.ObjectProp(opts, "next"); next != nil && how == "" {
			if r := f.ObjectProp(next, "revalidate"); r != nil {
				if n, ok := f.NumberValue(r); ok && n > 0 {
					how = fmt.Sprintf("`next: { revalidate: %s }`", f.Text(r))
				}
			}
		}
		if how == "" && f.ObjectProp(opts, "cache") == nil && f.ObjectProp(opts, "next") == nil {
			if major < 0 {
				major = c.nextMajor()
			}
			if major > 0 && major <= 14 && c.segmentCachesFetches() {
				how = fmt.Sprintf("Next.js %d's default fetch caching (this segment sets `revalidate`/`fetchCache`)", major)
			}
		}
		if how == "" {
			continue
		}
		c.pass.Report(analyzers.Finding{
			Rule: ruleUserData, Severity: analyzers.Medium, Path: c.path, StartLine: syntax.Line(call), EndLine: syntax.Line(call),
			Message: fmt.Sprintf("This fetch sends the signed-in user's credentials (`%s`) and its response is stored in Next.js's Data Cache by %s: the user's data is kept in the persistent, deployment-wide cache and served again for that token after logout or revocation until it expires.",
				short(f.Display(cred)), how),
			Fix: "Fetch per-user data with `cache: 'no-store'`; cache only responses that are the same for every user (fetched with a server key, not the user's token).",
			Key: "fetch " + f.FuncName(syntax.OuterFunc(call)) + " " + f.Compact(as[0]),
		})
	}
}

// userCredential returns the Authorization/Cookie header value of fetch
// options when it comes from the request, the session or an access token.
func (c *checker) userCredential(opts, call *sitter.Node) *sitter.Node {
	f := c.f
	hs := f.ObjectProp(opts, "headers")
	if hs == nil {
		return nil
	}
	hs = syntax.Unwrap(hs)
	var val *sitter.Node
	for _, key := range []string{"Authorization", "authorization", "Cookie", "cookie"} {
		if v := f.ObjectProp(hs, key); v != nil {
			val = v
			break
		}
	}
	if val == nil {
		return nil
	}
	text := f.Compact(val)
	if serverKey.MatchString(text) {
		return nil // a server key (process.env, a validated env object, a constant): the same for every user
	}
	if regexp.MustCompile(`(?i)session|access_?token|accessToken|cookies\(\)|getToken|user|jwt|idToken`).MatchString(text) {
		return val
	}
	if fa := c.flowOf(syntax.OuterFunc(call)); fa != nil {
		if v := fa.Eval(val); v.Is(flow.Identity) || v.Is(flow.Request) || v.Is(flow.Unverified) {
			return val
		}
	}
	return nil
}

// segmentCachesFetches reports a segment config that turns fetch caching on
// in Next.js 14: revalidate > 0 or fetchCache = default-cache/force-cache.
func (c *checker) segmentCachesFetches() bool {
	f := c.f
	for _, d := range f.Find("variable_declarator") {
		if syntax.EnclosingFunc(d) != nil {
			continue
		}
		switch f.Text(d.ChildByFieldName("name")) {
		case "revalidate":
			if n, ok := f.NumberValue(d.ChildByFieldName("value")); ok && n > 0 {
				return true
			}
		case "fetchCache":
			if s, ok := f.StringValue(syntax.Unwrap(d.ChildByFieldName("value"))); ok && (s == "default-cache" || s == "force-cache" || s == "only-cache") {
				return true
			}
		}
	}
	return false
}
