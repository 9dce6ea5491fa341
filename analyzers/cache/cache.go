// Package cache finds personalized responses made cacheable: Cache-Control
// headers that let shared caches keep a signed-in user's response, routes
// forced static while they read the session, Next.js data-cache entries
// keyed without the user, and framework config (next.config headers(),
// vercel.json) that makes API or account routes publicly cacheable.
package cache

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	rulePublicResponse = &analyzers.Rule{ID: "cache/public-session-response", Category: analyzers.CategoryCache, Severity: analyzers.High,
		Summary: "a response built from the session is sent with a shared-cacheable Cache-Control",
		Doc: "`Cache-Control: public`, `s-maxage` (and `max-age` without `private`) let a CDN or proxy keep the response and serve it " +
			"to the next visitor of the same URL. When the handler reads the session or cookies, that response is one user's data " +
			"(their profile, their invoices, their chat list) and other users get it. Bad: `res.setHeader('Cache-Control', 'public, s-maxage=60')` " +
			"after `getServerSession`. Good: `Cache-Control: private, no-store` on anything built from the session; cache only the anonymous parts."}
	ruleStaticSession = &analyzers.Rule{ID: "cache/static-session-route", Category: analyzers.CategoryCache, Severity: analyzers.Medium,
		Summary: "route forced static (`dynamic = 'force-static'`) while it reads cookies or the session",
		Doc: "`export const dynamic = 'force-static'` makes Next.js render the route once (at build or revalidation) with `cookies()` " +
			"and `headers()` returning empty values, and serve that output to everyone. The session check in it always sees nobody, and " +
			"whatever the render produced is what every user gets. `revalidate` alone is not reported: reading cookies or headers keeps a " +
			"route dynamic. Bad: `export const dynamic = 'force-static'` in app/account/page.tsx that calls `auth()`. Good: drop " +
			"force-static (the route is dynamic anyway) and cache the user-independent data with `unstable_cache` or `'use cache'`."}
	ruleUserData = &analyzers.Rule{ID: "cache/user-data-cached", Category: analyzers.CategoryCache, Severity: analyzers.High,
		Summary: "Next.js data cache entry keyed without the user it belongs to",
		Doc: "`unstable_cache(fn, keyParts)` keys entries by the function's source, `keyParts` and the arguments of the cached " +
			"function. A user id captured from the enclosing scope is none of these, so the first user's result is returned to every " +
			"user until it is revalidated. Bad: `unstable_cache(() => getInvoices(user.id), ['invoices'])()`. Good: " +
			"`unstable_cache((id) => getInvoices(id), ['invoices'])(user.id)` or `['invoices', user.id]`. Also reported (medium): " +
			"`fetch` with the user's own Authorization or Cookie header and `cache: 'force-cache'` or `next.revalidate`: the response " +
			"is stored in the persistent Data Cache and served again after logout or token revocation."}
	ruleConfigHeaders = &analyzers.Rule{ID: "cache/public-config-headers", Category: analyzers.CategoryCache, Severity: analyzers.High,
		Summary: "next.config headers() or vercel.json makes API or account routes publicly cacheable",
		Doc: "A `Cache-Control: public`/`s-maxage` header set in next.config.js `headers()` or in vercel.json applies to every " +
			"response whose path matches `source`, including the ones built from the session. On `/api/:path*`, `/(.*)` or " +
			"`/dashboard/:path*` the CDN stores one user's response and serves it to the others. Bad: `{ source: '/api/:path*', headers: " +
			"[{ key: 'Cache-Control', value: 'public, s-maxage=300' }] }`. Good: set caching per route on responses that do not depend " +
			"on the user, or add `missing: [{ type: 'cookie', key: '<session cookie>' }]`."}
)

// Analyzer is the cache family.
var Analyzer = &analyzers.Analyzer{
	Name:  "cache",
	Doc:   "Finds personalized responses made cacheable by headers, route config, data-cache keys or framework config.",
	Rules: []*analyzers.Rule{rulePublicResponse, ruleStaticSession, ruleUserData, ruleConfigHeaders},
	Run:   run,

	Requires: []*analyzers.Analyzer{flow.ProgramAnalyzer},
}

func run(pass *analyzers.Pass) error {
	prog, err := flow.SharedProgram(pass)
	if err != nil {
		return err
	}
	for _, file := range pass.Files {
		p := pass.Path(file)
		base := path.Base(p)
		if syntax.TestPath(p) {
			continue
		}
		if base == "vercel.json" {
			data, err := pass.Read(p)
			if err == nil {
				checkVercelJSON(pass, p, data)
			}
			continue
		}
		if _, ok := syntax.LangOf(p); !ok {
			continue
		}
		if data, err := pass.Read(p); err != nil || !nextConfigRE.MatchString(p) && !mayCache(data) {
			continue // cheap text filter before parsing
		}
		f, err := pass.Parse(p)
		if err != nil {
			if analyzers.IsSkip(err) {
				continue
			}
			return err
		}
		if f.HasDirective("use client") {
			continue
		}
		c := &checker{pass: pass, prog: prog, idx: prog.Index, f: f, path: p}
		c.entries = jsindex.Entries(f, p)
		c.funcs = prog.Funcs(f, c.entries)
		if nextConfigRE.MatchString(p) {
			c.checkNextConfig()
			continue
		}
		src := string(f.Src)
		if strings.Contains(strings.ToLower(src), "cache-control") || strings.Contains(strings.ToLower(src), "surrogate-control") {
			c.checkCacheControl()
		}
		if strings.Contains(src, "force-static") {
			c.checkForceStatic()
		}
		if strings.Contains(src, "unstable_cache") {
			c.checkUnstableCache()
		}
		if strings.Contains(src, "fetch(") {
			c.checkFetch()
		}
	}
	return nil
}

// cacheMarkers are substrings every construct this analyzer checks contains.
var cacheMarkers = [][]byte{[]byte("ache-Control"), []byte("ache-control"), []byte("CACHE-CONTROL"), []byte("urrogate-Control"), []byte("urrogate-control"),
	[]byte("force-static"), []byte("unstable_cache"), []byte("force-cache"), []byte("revalidate"), []byte("fetchCache")}

func mayCache(src []byte) bool {
	for _, m := range cacheMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

var nextConfigRE = regexp.MustCompile(`(^|/)next\.config\.(js|mjs|cjs|ts|mts)$`)

type checker struct {
	pass    *analyzers.Pass
	prog    *flow.Program
	idx     *jsindex.Index
	f       *syntax.File
	path    string
	entries []jsindex.Entry
	funcs   *flow.FileFuncs
}

// flowOf analyzes a function, as an entry point when it is one.
func (c *checker) flowOf(fn *sitter.Node) *flow.Func { return c.funcs.Of(fn) }

var authish = regexp.MustCompile(`(?i)auth|session|user|login|signed|clerk|supabase|currentUser|withAuth|protect`)

var requestish = regexp.MustCompile(`^(req|request|ctx\.req|context\.req|c\.req|event\.request|\w+\.req)$`)

// sessionRead returns the first node in fn that reads the caller's identity
// or cookies, or nil.
func (c *checker) sessionRead(fn *sitter.Node) *sitter.Node {
	if fn == nil {
		return nil
	}
	if fa := c.flowOf(fn); fa != nil {
		for _, ch := range fa.AuthChecks {
			// Identity reads; guards and wrappers only when they are about
			// the user (a rate limiter that throws is not a session read).
			if ch.Node != nil && (ch.Kind == flow.CheckIdentity || authish.MatchString(ch.Text)) {
				return ch.Node
			}
		}
	}
	f := c.f
	var found *sitter.Node
	syntax.Walk(fn, func(n *sitter.Node) bool {
		if found != nil {
			return false
		}
		switch n.Type() {
		case "call_expression":
			cal := f.Callee(n)
			switch {
			case cal == "cookies" || cal == "draftMode":
				found = n
			case cal == "getServerSession" || cal == "getSession" || cal == "getIronSession" || cal == "getToken" || cal == "auth" || cal == "currentUser" || cal == "getAuth" || cal == "getUser" || cal == "getServerAuthSession" || cal == "validateRequest" || cal == "getCurrentUser" || cal == "requireUser":
				found = n
			case strings.HasSuffix(cal, ".auth.getUser") || strings.HasSuffix(cal, ".auth.getSession") || strings.HasSuffix(cal, ".auth.getClaims"):
				found = n
			case (syntax.LastName(cal) == "get" || syntax.LastName(cal) == "getAll") && (cal == "cookies.get" || cal == "cookies.getAll" || strings.HasSuffix(cal, ".cookies.get") || strings.HasSuffix(cal, "cookieStore.get")):
				found = n
			case syntax.LastName(cal) == "get" && strings.Contains(cal, "headers"):
				if as := syntax.Args(n); len(as) > 0 {
					if s, ok := f.StringValue(as[0]); ok && (strings.EqualFold(s, "authorization") || strings.EqualFold(s, "cookie")) {
						found = n
					}
				}
			}
		case "member_expression":
			obj := f.Compact(n.ChildByFieldName("object"))
			prop := f.Text(n.ChildByFieldName("property"))
			if requestish.MatchString(obj) && (prop == "cookies" || prop == "session" || prop == "user" || prop == "auth") {
				found = n
			}
			if strings.HasSuffix(obj, ".headers") && (prop == "authorization" || prop == "cookie") {
				found = n
			}
			// SvelteKit/Astro locals filled by the auth hook.
			if (obj == "locals" || strings.HasSuffix(obj, ".locals")) && (prop == "user" || prop == "session" || prop == "auth") {
				found = n
			}
		}
		return true
	})
	return found
}

// nextMajor returns the major version of Next.js the file's package declares
// (0 when unknown).
func (c *checker) nextMajor() int {
	dir := path.Dir(c.path)
	for {
		pj := path.Join(dir, "package.json")
		if data, err := c.pass.Read(pj); err == nil {
			var m struct {
				Dependencies    map[string]string `json:"dependencies"`
				DevDependencies map[string]string `json:"devDependencies"`
			}
			if json.Unmarshal(data, &m) == nil {
				v := m.Dependencies["next"]
				if v == "" {
					v = m.DevDependencies["next"]
				}
				if v != "" {
					return majorOf(v)
				}
			}
		}
		if dir == "." || dir == "/" || dir == "" {
			return 0
		}
		dir = path.Dir(dir)
	}
}

func majorOf(v string) int {
	v = strings.TrimLeft(v, "^~>=< v")
	switch v {
	case "latest", "canary", "rc", "beta":
		return 99
	}
	end := strings.IndexAny(v, ".-x ")
	if end < 0 {
		end = len(v)
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil {
		return 0
	}
	return n
}
