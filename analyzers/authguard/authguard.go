// Package authguard finds changes that weaken authentication: a handler or
// server action that checked the caller at base and no longer does (or now
// checks after touching data), a middleware matcher narrowed so protected
// paths lose coverage, admin-only operations without a role check, and
// Supabase getSession() trusted for authorization on the server.
package authguard

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleCheckRemoved = &analyzers.Rule{ID: "auth-guard/check-removed", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High,
		Summary: "auth check removed from a handler, or moved after the data access",
		Doc: "A route handler, API route or server action checked the caller at the base of the change (auth(), supabase.auth.getUser(), getServerSession, a requireUser() helper or a withAuth wrapper) and no longer does at head, " +
			"or the check now runs after the handler reads or writes data. Anyone who can reach the URL (server actions are public POST endpoints) now runs the handler as nobody. " +
			"Bad: deleting `const session = await auth(); if (!session) return 401`. Good: keep the check first in the handler, or move it into a wrapper or middleware that covers the route."}
	ruleMatcherNarrowed = &analyzers.Rule{ID: "auth-guard/matcher-narrowed", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High,
		Summary: "middleware matcher narrowed: protected paths lose their auth check",
		Doc: "The middleware (middleware.ts / proxy.ts) authenticates requests and its `config.matcher` no longer covers paths it covered at base. Pages and API routes under those paths now run without the middleware's check. " +
			"Bad: `matcher: ['/dashboard/:path*']` after `['/dashboard/:path*', '/api/:path*']`. Good: keep the protected prefixes in the matcher, or add checks inside every handler that lost coverage."}
	ruleAdminNoRole = &analyzers.Rule{ID: "auth-guard/admin-without-role-check", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High,
		Summary: "admin-only operation without a role check",
		Doc: "A handler under an admin path, or one that lists or exports every tenant's data or manages other users' accounts (auth.admin.*), checks at most that someone is signed in, not that they are an admin. Any user can call it. " +
			"Bad: `export async function GET() { const session = await auth(); if (!session) …; return prisma.user.findMany() }` in app/api/admin/users/route.ts. Good: check the role (`if (session.user.role !== 'admin') return 403`) or use a requireAdmin() helper."}
	ruleUnverifiedSession = &analyzers.Rule{ID: "auth-guard/unverified-session", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High,
		Summary: "Supabase getSession() trusted for authorization on the server",
		Doc: "On the server, `supabase.auth.getSession()` returns whatever session the cookies hold without verifying the JWT with Supabase Auth; a forged or revoked session passes. Using it to decide access (if (!session) …) or to pick rows (session.user.id) lets an attacker act as another user. " +
			"Bad: `const { data: { session } } = await supabase.auth.getSession(); if (!session) redirect('/login')`. Good: `const { data: { user } } = await supabase.auth.getUser()` (or getClaims()) and use `user.id`."}
)

// Analyzer is the auth-guard family.
var Analyzer = &analyzers.Analyzer{
	Name:  "authguard",
	Doc:   "Finds removed or misplaced auth checks, narrowed middleware matchers, admin operations without role checks and unverified sessions.",
	Rules: []*analyzers.Rule{ruleCheckRemoved, ruleMatcherNarrowed, ruleAdminNoRole, ruleUnverifiedSession},
	Run:   run,

	Requires: []*analyzers.Analyzer{flow.HandlersAnalyzer},
}

func run(pass *analyzers.Pass) error {
	prog, hs, err := flow.Handlers(pass)
	if err != nil {
		return err
	}
	ix, err := pass.Index()
	if err != nil {
		return err
	}
	mw := middlewares(prog, ix)
	if pass.Side == source.Base {
		// These rules report on both sides so a finding the change did not
		// introduce is "existing"; regression rules run at head only.
		for _, h := range hs {
			adminWithoutRole(pass, h, mw)
			unverifiedSession(pass, h)
		}
		return nil
	}
	byFile := map[*source.File][]*flow.Handler{}
	for _, h := range hs {
		byFile[h.File] = append(byFile[h.File], h)
	}
	baseFacts, err := collectBase(pass.Base())
	if err != nil {
		return err
	}
	for _, f := range pass.Files {
		if base := baseFacts[f]; base != nil {
			checkRemoved(pass, base, byFile[f], mw)
			if base.mw != nil && jsindex.IsMiddlewarePath(pass.Path(f)) {
				matcherNarrowed(pass, prog, f, base.mw)
			}
		}
	}
	for _, h := range hs {
		adminWithoutRole(pass, h, mw)
		unverifiedSession(pass, h)
	}
	return nil
}

// entryFacts is what the base side knew about one entry point.
type entryFacts struct {
	authenticated    bool
	authBeforeAccess bool
	check            string
}

type fileFacts struct {
	entries map[string]entryFacts
	mw      *mwFacts
}

type mwFacts struct {
	config *jsindex.MiddlewareConfig
	routes []string // app routes covered at base
}

// collectBase gathers what the base side knew about the entry points and
// middleware of the changed files that still exist at head.
func collectBase(pass *analyzers.Pass) (map[*source.File]*fileFacts, error) {
	if pass == nil {
		return nil, nil
	}
	prog, hs, err := flow.Handlers(pass)
	if err != nil {
		return nil, err
	}
	ix, err := pass.Index()
	if err != nil {
		return nil, err
	}
	facts := map[*source.File]*fileFacts{}
	for _, f := range pass.Files {
		if f.ExistsAt(source.Head) {
			facts[f] = &fileFacts{entries: map[string]entryFacts{}}
		}
	}
	for _, h := range hs {
		ff := facts[h.File]
		if ff == nil || h.Entry.Kind == jsindex.Middleware {
			continue
		}
		fa := h.Func
		ef := entryFacts{authenticated: fa.Authenticated()}
		if ef.authenticated {
			access := firstAccessLine(fa)
			ef.authBeforeAccess = access == 0 || fa.FirstAuthLine() <= access
			ef.check = fa.AuthChecks[0].Text
		}
		ff.entries[h.Entry.Name] = ef
	}
	for f, ff := range facts {
		p := pass.Path(f)
		if !jsindex.IsMiddlewarePath(p) {
			continue
		}
		sf, err := pass.Parse(p)
		if err != nil {
			continue
		}
		if !middlewareAuthenticates(prog, sf, p) {
			continue
		}
		cfg := jsindex.MiddlewareOf(sf, p)
		ff.mw = &mwFacts{config: cfg, routes: coveredRoutes(ix, cfg)}
	}
	return facts, nil
}

// firstAccessLine is the line of the first database query or privileged
// client call, or 0.
func firstAccessLine(fa *flow.Func) int {
	line := 0
	for _, q := range fa.Queries {
		if l := q.Line(); line == 0 || l < line {
			line = l
		}
	}
	for _, c := range fa.ClientCalls {
		if l := syntax.Line(c); line == 0 || l < line {
			line = l
		}
	}
	return line
}

// firstWriteLine is the line of the first write query or privileged client
// call (auth.admin.*, storage), or 0.
func firstWriteLine(fa *flow.Func) int {
	line := 0
	for _, q := range fa.Queries {
		if l := q.Line(); q.Write() && (line == 0 || l < line) {
			line = l
		}
	}
	for _, c := range fa.ClientCalls {
		if l := syntax.Line(c); line == 0 || l < line {
			line = l
		}
	}
	return line
}

func declLine(h *flow.Handler) int {
	if h.Entry.Decl != nil {
		return syntax.Line(h.Entry.Decl)
	}
	return h.Entry.Line()
}

func entryDesc(h *flow.Handler) string {
	switch h.Entry.Kind {
	case jsindex.RouteHandler:
		return fmt.Sprintf("`%s %s`", h.Entry.Name, h.Entry.Route)
	case jsindex.PagesAPI:
		return fmt.Sprintf("the API route `%s`", h.Entry.Route)
	case jsindex.ServerAction:
		return fmt.Sprintf("the server action `%s` (a public POST endpoint any client can call)", h.Entry.Name)
	case jsindex.ServerRoute:
		return fmt.Sprintf("`%s`", h.Entry.Name)
	}
	return "`" + h.Entry.Name + "`"
}

func checkRemoved(pass *analyzers.Pass, base *fileFacts, hs []*flow.Handler, mw []*middleware) {
	for _, h := range hs {
		if h.Entry.Kind == jsindex.Middleware {
			continue
		}
		b, ok := base.entries[h.Entry.Name]
		if !ok || !b.authenticated || !b.authBeforeAccess {
			continue
		}
		fa := h.Func
		access := firstAccessLine(fa)
		if h.Entry.Kind == jsindex.Page && access == 0 {
			continue // a page that no longer reads the session but reads no data either
		}
		sev := analyzers.High
		for _, q := range fa.Queries {
			if q.Privileged() {
				sev = analyzers.Critical
			}
		}
		if len(fa.Verifications) > 0 {
			continue // now a signed webhook or a cron route with a secret
		}
		if !fa.Authenticated() {
			if coveredByMiddleware(mw, h) || layoutChecks(pass, h.Path, mwAuthRE) {
				continue
			}
			what := "run it"
			if access > 0 {
				what = "make it read and write data"
			}
			pass.Report(analyzers.Finding{
				Rule: ruleCheckRemoved, Severity: sev, Path: h.Path, StartLine: declLine(h),
				Message: fmt.Sprintf("%s checked the caller before this change (`%s`) and no longer does: anyone who can reach it, signed in or not, can now %s.", entryDesc(h), b.check, what),
				Fix:     "Restore the check at the top of the handler (for example `const session = await auth(); if (!session?.user) return new Response('Unauthorized', { status: 401 })`), or wrap the handler in the project's auth wrapper.",
				Key:     "removed\x00" + h.Entry.Name,
			})
			continue
		}
		// A read before the check is wasted work, not a hole (the response is
		// still refused); a write before the check is done for anyone.
		if w := firstWriteLine(fa); w > 0 && fa.FirstAuthLine() > w {
			pass.Report(analyzers.Finding{
				Rule: ruleCheckRemoved, Severity: sev, Path: h.Path, StartLine: w,
				Message: fmt.Sprintf("%s now changes data (line %d) before it checks the caller (line %d): the write is done for anyone, signed in or not, before the check can refuse the request.", entryDesc(h), w, fa.FirstAuthLine()),
				Fix:     "Move the auth check above the first query, as it was before this change.",
				Key:     "after\x00" + h.Entry.Name,
			})
		}
	}
}

// middleware is a head middleware/proxy file that authenticates.
type middleware struct {
	config *jsindex.MiddlewareConfig
	role   bool
}

func middlewares(prog *flow.Program, ix *jsindex.Index) []*middleware {
	var out []*middleware
	for _, p := range ix.MiddlewarePaths() {
		sf, err := ix.Parse(p)
		if err != nil || !middlewareAuthenticates(prog, sf, p) {
			continue
		}
		out = append(out, &middleware{config: jsindex.MiddlewareOf(sf, p), role: roleWordRE.Match(sf.Src)})
	}
	return out
}

var (
	mwAuthRE   = regexp.MustCompile(`(?i)auth|session|getUser|getClaims|clerk|token|protect|signIn|login|jwt`)
	roleWordRE = regexp.MustCompile(`(?i)\b(role|isAdmin|is_admin|admin_emails?|permissions?)\b`)
)

// middlewareAuthenticates reports whether a middleware refuses or redirects
// requests without a signed-in user: a library middleware that protects
// (next-auth/middleware, Clerk's protect, authMiddleware), or its own
// function guarding on the caller. Middleware that only refreshes cookies,
// rewrites locales or sends signed-in users away from /login does not.
func middlewareAuthenticates(prog *flow.Program, sf *syntax.File, p string) bool {
	src := string(sf.Src)
	if i := strings.Index(src, "export const config"); i >= 0 {
		src = src[:i]
	}
	if libraryAuthMiddlewareRE.MatchString(src) {
		return true
	}
	for _, e := range jsindex.Entries(sf, p) {
		if e.Kind != jsindex.Middleware || !jsindex.IsFunc(e.Func) {
			continue
		}
		e := e
		if prog.AnalyzeEntry(sf, &e).GuardsAuth() {
			return true
		}
	}
	return false
}

var libraryAuthMiddlewareRE = regexp.MustCompile(`next-auth/middleware|\.protect\(|authMiddleware\(|withAuth\(|withMiddlewareAuthRequired|export\s*\{\s*auth\s+as\s+(middleware|proxy|default)|export\s+default\s+auth\b`)

func coveredByMiddleware(mw []*middleware, h *flow.Handler) bool {
	if h.Entry.Route == "" {
		return false // server actions are POSTs to the page's path; do not assume coverage
	}
	for _, m := range mw {
		if Covers(m.config, samplePath(h.Entry.Route)) {
			return true
		}
	}
	return false
}

// Covers reports whether a middleware config runs on a path.
func Covers(cfg *jsindex.MiddlewareConfig, p string) bool {
	if cfg == nil || cfg.Matchers == nil || cfg.Dynamic {
		return true
	}
	for _, m := range cfg.Matchers {
		if matcherMatches(m.Pattern, p) {
			return true
		}
	}
	return false
}

var lookaheadRE = regexp.MustCompile(`^/\(\(\?!(.*)\)\.\*\)$`)

// matcherMatches applies a Next.js matcher (path-to-regexp syntax, or the
// usual negative-lookahead catch-all) to a path.
func matcherMatches(pattern, p string) bool {
	if m := lookaheadRE.FindStringSubmatch(pattern); m != nil {
		rest := strings.TrimPrefix(p, "/")
		for _, alt := range splitAlternatives(m[1]) {
			re, err := regexp.Compile(`^(?:` + alt + `)`)
			if err != nil {
				if strings.HasPrefix(rest, strings.ReplaceAll(alt, `\`, "")) {
					return false
				}
				continue
			}
			if re.MatchString(rest) {
				return false
			}
		}
		return true
	}
	re, err := regexp.Compile(pathToRegexp(pattern))
	if err != nil {
		return strings.HasPrefix(p, strings.SplitN(pattern, ":", 2)[0])
	}
	return re.MatchString(p)
}

func splitAlternatives(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		case '\\':
			i++
		}
	}
	return append(out, s[start:])
}

var paramRE = regexp.MustCompile(`/:([A-Za-z0-9_]+)(\([^)]*\))?([*+?])?`)

// pathToRegexp converts a path-to-regexp pattern to a Go regexp.
func pathToRegexp(pattern string) string {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, m := range paramRE.FindAllStringSubmatchIndex(pattern, -1) {
		b.WriteString(literal(pattern[last:m[0]]))
		custom := ""
		if m[4] >= 0 {
			custom = pattern[m[4]+1 : m[5]-1]
		}
		mod := ""
		if m[6] >= 0 {
			mod = pattern[m[6]:m[7]]
		}
		seg := `[^/]+`
		if custom != "" {
			seg = custom
		}
		switch mod {
		case "*":
			b.WriteString(`(?:/.*)?`)
		case "+":
			b.WriteString(`/.+`)
		case "?":
			b.WriteString(`(?:/` + seg + `)?`)
		default:
			b.WriteString(`/` + seg)
		}
		last = m[1]
	}
	b.WriteString(literal(pattern[last:]))
	b.WriteString(`/?$`)
	return b.String()
}

// literal keeps regex groups written in the pattern ("(.*)") and escapes the rest.
func literal(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(':
			j := strings.IndexByte(s[i:], ')')
			if j < 0 {
				b.WriteString(regexp.QuoteMeta(s[i:]))
				return b.String()
			}
			b.WriteString(s[i : i+j+1])
			i += j
		case c == '*':
			b.WriteString(".*")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}

// samplePath turns a route pattern into a concrete path: /chats/[id] → /chats/x.
func samplePath(route string) string {
	segs := strings.Split(route, "/")
	for i, s := range segs {
		switch {
		case strings.HasPrefix(s, "[[..."), strings.HasPrefix(s, "[..."):
			segs[i] = "x/y"
		case strings.HasPrefix(s, "["):
			segs[i] = "x"
		}
	}
	out := strings.Join(segs, "/")
	if out == "" {
		return "/"
	}
	return out
}

var pageFileRE = regexp.MustCompile(`(^|/)app/(.*/)?(page|route)\.(tsx|ts|jsx|js|mdx)$|(^|/)pages/.*\.(tsx|ts|jsx|js)$`)

// appRoutes lists the URL patterns of the app's pages and API routes.
func appRoutes(ix *jsindex.Index) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ix.Paths() {
		if !pageFileRE.MatchString(p) || syntax.GeneratedPath(p) {
			continue
		}
		var r string
		if strings.Contains(p, "app/") && (strings.Contains(p, "/page.") || strings.HasPrefix(path0(p), "page.")) {
			r = jsindex.RouteOf(strings.TrimSuffix(p, pathBase(p)) + "route.ts")
		} else {
			r = jsindex.RouteOf(p)
			if r == "" && strings.Contains(p, "pages/") {
				i := strings.Index(p, "pages/")
				rest := strings.TrimSuffix(p[i+len("pages/"):], pathExt(p))
				if strings.HasPrefix(pathBase(rest), "_") {
					continue
				}
				r = "/" + strings.TrimSuffix(strings.TrimSuffix(rest, "index"), "/")
			}
		}
		if r != "" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

func path0(p string) string    { return pathBase(p) }
func pathBase(p string) string { return p[strings.LastIndex(p, "/")+1:] }
func pathExt(p string) string {
	b := pathBase(p)
	if i := strings.LastIndex(b, "."); i >= 0 {
		return b[i:]
	}
	return ""
}

func coveredRoutes(ix *jsindex.Index, cfg *jsindex.MiddlewareConfig) []string {
	var out []string
	for _, r := range appRoutes(ix) {
		if Covers(cfg, samplePath(r)) {
			out = append(out, r)
		}
	}
	return out
}

func matcherNarrowed(pass *analyzers.Pass, prog *flow.Program, f *source.File, base *mwFacts) {
	p := pass.Path(f)
	sf, err := pass.Parse(p)
	if err != nil || !middlewareAuthenticates(prog, sf, p) {
		return
	}
	head := jsindex.MiddlewareOf(sf, p)
	var lost []string
	for _, r := range base.routes {
		if !Covers(head, samplePath(r)) && !publicRoute(r) {
			lost = append(lost, r)
		}
	}
	if len(base.routes) == 0 && base.config.Matchers != nil {
		// No routes in the repository to test with: test the patterns that went away.
		for _, m := range base.config.Matchers {
			sp := matcherSample(m.Pattern)
			if Covers(base.config, sp) && !Covers(head, sp) {
				lost = append(lost, m.Pattern)
			}
		}
	}
	if len(lost) == 0 {
		return
	}
	shown := lost
	if len(shown) > 4 {
		shown = shown[:4]
	}
	more := ""
	if len(lost) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(lost)-len(shown))
	}
	line := head.Line
	if len(head.Matchers) > 0 {
		line = head.Matchers[0].Line
	}
	pass.Report(analyzers.Finding{
		Rule: ruleMatcherNarrowed, Path: p, StartLine: line,
		Message: fmt.Sprintf("The middleware's matcher no longer covers `%s`%s, which it protected before this change: requests to those paths skip the middleware's auth check, so unless each handler checks the caller itself, anyone can open them.", strings.Join(shown, "`, `"), more),
		Fix:     "Add the paths back to `config.matcher` (for example `'/dashboard/:path*'`), or confirm every page and route under them checks the session itself.",
		Key:     "narrowed\x00" + strings.Join(lost, ","),
	})
}

var publicRouteRE = regexp.MustCompile(`(?i)^/(login|logout|signin|sign-in|signup|sign-up|register|auth|api/auth|forgot-password|reset-password|verify|callback|oauth|sso)(/|$)|^/$`)

// publicRoute: sign-in and auth callback paths are meant to be reachable
// without a session; dropping them from an auth matcher is not a loss.
func publicRoute(r string) bool { return publicRouteRE.MatchString(r) }

// matcherSample is a concrete path a matcher pattern matches.
func matcherSample(pattern string) string {
	s := paramRE.ReplaceAllString(pattern, "/x")
	s = strings.NewReplacer("(.*)", "x", ".*", "x", "*", "x").Replace(s)
	return s
}

// adminish reports why a handler is an admin operation, or "".
func adminish(h *flow.Handler) string {
	for _, seg := range strings.Split(h.Path, "/") {
		l := strings.ToLower(strings.Trim(seg, "()[]"))
		if l == "admin" || strings.HasPrefix(l, "admin-") || strings.HasPrefix(l, "admin_") || l == "superadmin" || l == "backoffice" || l == "staff" {
			return "it lives under an admin path"
		}
	}
	name := strings.ToLower(h.Entry.Name)
	if h.Entry.Kind == jsindex.ServerAction && (strings.Contains(name, "admin") || strings.HasPrefix(name, "exportall") || strings.HasPrefix(name, "listallusers") || strings.HasPrefix(name, "impersonate")) {
		return "it is an admin action"
	}
	for _, c := range h.Func.ClientCalls {
		t := h.Syntax.Text(c.ChildByFieldName("function"))
		if strings.Contains(t, "auth.admin.") {
			callee := t[strings.LastIndex(t, ".")+1:]
			switch callee {
			case "listUsers", "deleteUser", "updateUserById", "inviteUserByEmail", "generateLink", "createUser":
				args := c.ChildByFieldName("arguments")
				if callee == "deleteUser" || callee == "updateUserById" {
					// Acting on the caller's own account is a user operation.
					if args != nil && args.NamedChildCount() > 0 && h.Func.Eval(args.NamedChild(0)).Is(flow.Identity) {
						continue
					}
				}
				return fmt.Sprintf("it calls `%s`, which manages every user's account", oneLine(t))
			}
		}
	}
	for _, q := range h.Func.Queries {
		if q.Op == flow.OpSelect && q.Privileged() && len(q.Filters) == 0 && userTable(q.Table) {
			return fmt.Sprintf("it reads every row of `%s` through a client that bypasses row-level security", q.Table)
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// layoutChecks reports whether an App Router layout at or above the file's
// directory mentions what re matches (an auth call, a role check): layouts
// wrap every page below them, and pages often rely on them.
func layoutChecks(pass *analyzers.Pass, p string, re *regexp.Regexp) bool {
	i := strings.Index(p, "app/")
	if i < 0 {
		return false
	}
	dir := p[:strings.LastIndex(p, "/")]
	for {
		for _, ext := range []string{".tsx", ".ts", ".jsx", ".js"} {
			if data, err := pass.Read(dir + "/layout" + ext); err == nil {
				src := string(data)
				if re.MatchString(src) && (strings.Contains(src, "redirect(") || strings.Contains(src, "notFound(") || strings.Contains(src, "forbidden(") || strings.Contains(src, "unauthorized(") || strings.Contains(src, "throw")) {
					return true
				}
			}
		}
		if len(dir) <= i+len("app") {
			return false
		}
		dir = dir[:strings.LastIndex(dir, "/")]
	}
}

var userTableRE = regexp.MustCompile(`(?i)^(users?|profiles?|accounts?|customers?|members?|subscriptions?|invoices?|orders?|payments?|organizations?|orgs?|tenants?|workspaces?|teams?)$`)

func userTable(t string) bool { return userTableRE.MatchString(t) }

func adminWithoutRole(pass *analyzers.Pass, h *flow.Handler, mw []*middleware) {
	fa := h.Func
	if h.Entry.Kind == jsindex.Middleware || len(fa.RoleChecks) > 0 || len(fa.Verifications) > 0 {
		return
	}
	why := adminish(h)
	if why == "" {
		return
	}
	if len(fa.Queries) == 0 && len(fa.ClientCalls) == 0 && !strings.Contains(why, "auth.admin") {
		return // nothing privileged happens here
	}
	for _, m := range mw {
		if m.role && h.Entry.Route != "" && Covers(m.config, samplePath(h.Entry.Route)) {
			return // the middleware checks a role for this path
		}
	}
	if layoutChecks(pass, h.Path, roleWordRE) {
		return // an admin layout checks the role for every page and action below it
	}
	who := "any signed-in user"
	if !fa.Authenticated() {
		who = "anyone, signed in or not,"
	}
	pass.Report(analyzers.Finding{
		Rule: ruleAdminNoRole, Path: h.Path, StartLine: declLine(h),
		Message: fmt.Sprintf("%s is an admin operation (%s) but checks no role: %s can call it and act on every tenant's data.", entryDesc(h), why, who),
		Fix:     "Check the caller's role before doing anything (for example `if (session.user.role !== 'admin') return new Response('Forbidden', { status: 403 })`, Clerk's `has({ role: 'org:admin' })`, or the project's requireAdmin() helper).",
		Key:     "admin\x00" + h.Entry.Name,
	})
}

func unverifiedSession(pass *analyzers.Pass, h *flow.Handler) {
	fa := h.Func
	var read *flow.Check
	verified := false
	guarded := false
	for i, c := range fa.AuthChecks {
		switch {
		case c.Kind == flow.CheckIdentity && c.Unverified && read == nil:
			read = &fa.AuthChecks[i]
		case c.Kind == flow.CheckGuard && c.Unverified:
			guarded = true
		case !c.Unverified && c.Kind != flow.CheckGuard:
			verified = true
		}
	}
	if read == nil || verified {
		return
	}
	usedForData, privileged := false, false
	for _, q := range fa.Queries {
		for _, c := range append(append([]flow.Column{}, q.Filters...), q.Data...) {
			if c.Value.Is(flow.Unverified) {
				usedForData = true
				privileged = privileged || q.Privileged()
			}
		}
	}
	if !usedForData && !guarded {
		return
	}
	// Through a user-scoped Supabase client the database still verifies the
	// JWT; through a privileged client nothing does.
	sev := analyzers.Medium
	use := "to decide whether the request may proceed"
	if usedForData {
		use = "to choose whose rows to read or write"
	}
	if privileged {
		sev = analyzers.High
		use += " through a client that bypasses row-level security"
	}
	pass.Report(analyzers.Finding{
		Rule: ruleUnverifiedSession, Severity: sev, Path: h.Path, StartLine: read.Line,
		Message: fmt.Sprintf("%s uses `supabase.auth.getSession()` %s. On the server getSession() trusts the session stored in the cookies without asking Supabase Auth to verify it, so a forged or revoked session passes.", entryDesc(h), use),
		Fix:     "Call `supabase.auth.getUser()` (or `getClaims()`) instead and use `user.id`; keep getSession() only for reading the access token in the browser.",
		Key:     "getSession\x00" + h.Entry.Name,
	})
}
