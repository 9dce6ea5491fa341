package jsindex

import (
	"path"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// EntryKind says how a function is reached from the network.
type EntryKind string

// Entry kinds.
const (
	RouteHandler EntryKind = "route"         // App Router app/**/route.ts: GET, POST…
	PagesAPI     EntryKind = "pages-api"     // Pages Router pages/api/**: default export
	ServerAction EntryKind = "server-action" // 'use server' export or inline action
	Middleware   EntryKind = "middleware"    // middleware.ts / proxy.ts
	ServerRoute  EntryKind = "server-route"  // Express/Hono/Fastify app.get('/x', handler)
	Page         EntryKind = "page"          // App Router page.tsx (server component) or getServerSideProps
	TRPC         EntryKind = "trpc"          // tRPC procedure: publicProcedure.input(…).query(…)
)

// Entry is a function a request from the network reaches.
type Entry struct {
	Kind EntryKind
	Path string // file
	Name string // export name (GET, default, the action's name) or "METHOD /path" for server routes
	// Route is the URL pattern: "/api/chats/[id]" for app and pages routes,
	// the path string for server routes, "" for actions and middleware.
	Route string
	// Func is the handler function node (arrow_function, function_declaration,
	// function_expression or method_definition).
	Func *sitter.Node
	// Wrappers are the calls around the handler, outermost first: for
	// `export const GET = withAuth(async (req) => …)` it holds the
	// withAuth(...) call node.
	Wrappers []*sitter.Node
	// Guards are the middleware arguments before the handler of a server
	// route (`app.get('/x', requireAuth, handler)`).
	Guards []*sitter.Node
	// Decl is the export (or registration) node the entry was found at.
	Decl *sitter.Node
	// Dispatch lists the module's functions this handler hands the request
	// to (`case 'GET': return handleGET(req, res)`); each is an entry too.
	Dispatch []string
	// Parent is the dispatching handler's name, for a dispatched entry, and
	// Call the call that dispatches to it.
	Parent string
	Call   *sitter.Node
}

// Line is the first line of the handler function.
func (e *Entry) Line() int { return syntax.Line(e.Func) }

// HTTPMethods are the App Router's handler export names.
var HTTPMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

var (
	appRouteRE  = regexp.MustCompile(`(^|/)app/(.*/)?route\.(ts|tsx|js|jsx|mjs)$`)
	appPageRE   = regexp.MustCompile(`(^|/)app/(.*/)?(page|layout)\.(ts|tsx|js|jsx)$`)
	pagesPageRE = regexp.MustCompile(`(^|/)pages/.*\.(ts|tsx|js|jsx)$`)
	pagesAPIRE  = regexp.MustCompile(`(^|/)pages/api/.*\.(ts|tsx|js|jsx|mjs)$`)
	middlewareR = regexp.MustCompile(`^(src/)?(middleware|proxy)\.(ts|js|mjs)$`)
)

// IsMiddlewarePath reports whether a path is Next.js middleware (or its
// Next 16 name, proxy) at the project root or under src/.
func IsMiddlewarePath(p string) bool {
	if middlewareR.MatchString(p) {
		return true
	}
	// Monorepos: apps/web/middleware.ts, packages/site/src/proxy.ts.
	parts := strings.Split(p, "/")
	if len(parts) >= 3 && (parts[0] == "apps" || parts[0] == "packages" || parts[0] == "web" || parts[0] == "frontend") {
		return middlewareR.MatchString(strings.Join(parts[2:], "/"))
	}
	return false
}

// RouteOf returns the URL pattern of an App Router route or Pages API file.
func RouteOf(p string) string {
	var rest string
	if m := appRouteRE.FindStringSubmatchIndex(p); m != nil {
		i := strings.Index(p, "app/")
		if m[2] >= 0 && p[m[2]:m[3]] == "/" {
			i = m[3]
		}
		rest = strings.TrimSuffix(p[i+len("app/"):], path.Base(p))
	} else if pagesAPIRE.MatchString(p) {
		i := strings.Index(p, "pages/api/")
		rest = "api/" + strings.TrimSuffix(p[i+len("pages/api/"):], path.Ext(p))
		rest = strings.TrimSuffix(rest, "/index")
		if rest == "api/index" {
			rest = "api"
		}
	} else {
		return ""
	}
	var segs []string
	for _, s := range strings.Split(rest, "/") {
		if s == "" || (strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) || strings.HasPrefix(s, "@") {
			continue // route groups and parallel-route slots are not part of the URL
		}
		segs = append(segs, s)
	}
	return "/" + strings.Join(segs, "/")
}

// Entries lists the entry points of a parsed module at path p.
func Entries(f *syntax.File, p string) []Entry {
	var out []Entry
	switch {
	case appRouteRE.MatchString(p):
		for _, ex := range exportsOf(f) {
			if isHTTPMethod(ex.name) {
				if fn, wr := resolveFunc(f, ex.value); fn != nil {
					out = append(out, Entry{Kind: RouteHandler, Path: p, Name: ex.name, Route: RouteOf(p), Func: fn, Wrappers: wr, Decl: ex.decl})
				}
			}
		}
	case pagesAPIRE.MatchString(p):
		for _, ex := range exportsOf(f) {
			if ex.name == "default" {
				if fn, wr := resolveFunc(f, ex.value); fn != nil {
					out = append(out, Entry{Kind: PagesAPI, Path: p, Name: "default", Route: RouteOf(p), Func: fn, Wrappers: wr, Decl: ex.decl})
				}
			}
		}
	case appPageRE.MatchString(p) && strings.HasPrefix(path.Base(p), "page."):
		for _, ex := range exportsOf(f) {
			if ex.name == "default" {
				if fn, wr := resolveFunc(f, ex.value); fn != nil && isAsync(fn) {
					out = append(out, Entry{Kind: Page, Path: p, Name: "default", Route: RouteOf(strings.TrimSuffix(p, path.Base(p)) + "route.ts"), Func: fn, Wrappers: wr, Decl: ex.decl})
				}
			}
		}
	case pagesPageRE.MatchString(p) && !f.HasDirective("use client"):
		for _, ex := range exportsOf(f) {
			if ex.name == "getServerSideProps" {
				if fn, wr := resolveFunc(f, ex.value); fn != nil {
					out = append(out, Entry{Kind: Page, Path: p, Name: ex.name, Func: fn, Wrappers: wr, Decl: ex.decl})
				}
			}
		}
	case IsMiddlewarePath(p):
		for _, ex := range exportsOf(f) {
			if ex.name == "default" || ex.name == "middleware" || ex.name == "proxy" {
				if fn, wr := resolveFunc(f, ex.value); fn != nil {
					out = append(out, Entry{Kind: Middleware, Path: p, Name: ex.name, Func: fn, Wrappers: wr, Decl: ex.decl})
				} else if ex.value != nil {
					// export default clerkMiddleware() / NextAuth(...).auth: a library middleware.
					out = append(out, Entry{Kind: Middleware, Path: p, Name: ex.name, Func: ex.value, Decl: ex.decl})
				}
			}
		}
	}
	if f.HasDirective("use server") {
		for _, ex := range exportsOf(f) {
			if fn, wr := resolveFunc(f, ex.value); fn != nil {
				out = append(out, Entry{Kind: ServerAction, Path: p, Name: ex.name, Func: fn, Wrappers: wr, Decl: ex.decl})
			}
		}
	} else {
		out = append(out, inlineActions(f, p)...)
	}
	out = append(out, serverRoutes(f, p)...)
	out = append(out, trpcProcedures(f, p)...)
	return addDispatched(f, out)
}

// addDispatched adds the module-level functions a request handler passes
// its request to (method switches: handleGET(req, res)) as entries of the
// same kind and route, so their checks and queries are read in place.
func addDispatched(f *syntax.File, entries []Entry) []Entry {
	out := entries
	var subs []Entry
	seen := map[string]bool{}
	for i := range entries {
		e := &out[i]
		switch e.Kind {
		case RouteHandler, PagesAPI, ServerRoute:
		default:
			continue
		}
		req := firstParamName(f, e.Func)
		if req == "" {
			continue
		}
		body := e.Func.ChildByFieldName("body")
		syntax.Walk(body, func(n *sitter.Node) bool {
			if n.Type() != "call_expression" {
				return true
			}
			fn := n.ChildByFieldName("function")
			args := n.ChildByFieldName("arguments")
			if fn == nil || fn.Type() != "identifier" || args == nil || args.NamedChildCount() == 0 || f.Text(args.NamedChild(0)) != req {
				return true
			}
			name := f.Text(fn)
			d := LocalDecl(f, name)
			if d == nil || !IsFunc(d) || seen[name] {
				return true
			}
			seen[name] = true
			e.Dispatch = append(e.Dispatch, name)
			subs = append(subs, Entry{Kind: e.Kind, Path: e.Path, Name: name, Route: e.Route, Func: d, Decl: d, Parent: e.Name, Call: n, Wrappers: e.Wrappers})
			return true
		})
	}
	return append(out, subs...)
}

func firstParamName(f *syntax.File, fn *sitter.Node) string {
	ps := fn.ChildByFieldName("parameters")
	if ps == nil || ps.NamedChildCount() == 0 {
		if p := fn.ChildByFieldName("parameter"); p != nil && p.Type() == "identifier" {
			return f.Text(p)
		}
		return ""
	}
	p := ps.NamedChild(0)
	if pat := p.ChildByFieldName("pattern"); pat != nil {
		p = pat
	}
	if p.Type() != "identifier" {
		return ""
	}
	return f.Text(p)
}

// isAsync reports whether a function is declared async (server components
// that fetch data are; plain presentational pages are not worth analyzing).
func isAsync(fn *sitter.Node) bool {
	for i := 0; i < int(fn.ChildCount()); i++ {
		if c := fn.Child(i); !c.IsNamed() && c.Type() == "async" {
			return true
		}
	}
	return false
}

// trpcProcedures finds tRPC procedures: `name: protectedProcedure.input(s).query(async ({ ctx, input }) => …)`.
func trpcProcedures(f *syntax.File, p string) []Entry {
	if !strings.Contains(string(f.Src), "Procedure") {
		return nil
	}
	var out []Entry
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		fn := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fn == nil || fn.Type() != "member_expression" || args == nil || args.NamedChildCount() == 0 {
			return true
		}
		switch f.Text(fn.ChildByFieldName("property")) {
		case "query", "mutation", "subscription":
		default:
			return true
		}
		handler := args.NamedChild(0)
		if !IsFunc(handler) {
			return true
		}
		root := fn.ChildByFieldName("object")
		for root != nil && (root.Type() == "call_expression" || root.Type() == "member_expression") {
			if root.Type() == "call_expression" {
				root = root.ChildByFieldName("function")
			} else {
				root = root.ChildByFieldName("object")
			}
		}
		if root == nil || !strings.HasSuffix(f.Text(root), "Procedure") && !strings.HasSuffix(f.Text(root), "procedure") {
			return true
		}
		name := ""
		if pr := n.Parent(); pr != nil && pr.Type() == "pair" {
			name = strings.Trim(f.Text(pr.ChildByFieldName("key")), `"'`)
		} else if pr != nil && pr.Type() == "variable_declarator" {
			name = f.Text(pr.ChildByFieldName("name"))
		}
		out = append(out, Entry{Kind: TRPC, Path: p, Name: name, Func: handler, Wrappers: []*sitter.Node{n}, Decl: n})
		return false
	})
	return out
}

func isHTTPMethod(s string) bool {
	for _, m := range HTTPMethods {
		if m == s {
			return true
		}
	}
	return false
}

type export struct {
	name  string
	value *sitter.Node // function, arrow, call, identifier…
	decl  *sitter.Node
}

// exportsOf lists `export function X`, `export const X = …`, `export default …`
// and `export { a as X }` (local names only) of a module.
func exportsOf(f *syntax.File) []export {
	var out []export
	root := f.Root
	for i := 0; i < int(root.NamedChildCount()); i++ {
		st := root.NamedChild(i)
		if st.Type() != "export_statement" || st.ChildByFieldName("source") != nil {
			continue
		}
		isDefault := false
		for j := 0; j < int(st.ChildCount()); j++ {
			if c := st.Child(j); !c.IsNamed() && c.Type() == "default" {
				isDefault = true
			}
		}
		if d := st.ChildByFieldName("declaration"); d != nil {
			switch d.Type() {
			case "function_declaration", "generator_function_declaration", "function_expression", "function":
				name := f.Text(d.ChildByFieldName("name"))
				if isDefault {
					name = "default"
				}
				out = append(out, export{name, d, st})
			case "lexical_declaration", "variable_declaration":
				for k := 0; k < int(d.NamedChildCount()); k++ {
					vd := d.NamedChild(k)
					if vd.Type() != "variable_declarator" {
						continue
					}
					n := vd.ChildByFieldName("name")
					if n != nil && n.Type() == "identifier" {
						out = append(out, export{f.Text(n), vd.ChildByFieldName("value"), st})
					}
				}
			case "class_declaration":
			}
			continue
		}
		if v := st.ChildByFieldName("value"); v != nil && isDefault {
			out = append(out, export{"default", v, st})
			continue
		}
		if isDefault {
			// `export default function handler() {}` parses with the function as a plain child.
			for j := 0; j < int(st.NamedChildCount()); j++ {
				c := st.NamedChild(j)
				if c.Type() != "comment" && c.Type() != "export_clause" && c.Type() != "decorator" {
					out = append(out, export{"default", c, st})
					break
				}
			}
			continue
		}
		for j := 0; j < int(st.NamedChildCount()); j++ {
			c := st.NamedChild(j)
			if c.Type() != "export_clause" {
				continue
			}
			for k := 0; k < int(c.NamedChildCount()); k++ {
				spec := c.NamedChild(k)
				name := spec.ChildByFieldName("name")
				alias := spec.ChildByFieldName("alias")
				if name == nil {
					continue
				}
				exported := f.Text(name)
				if alias != nil {
					exported = f.Text(alias)
				}
				out = append(out, export{exported, name, st})
			}
		}
	}
	// CommonJS: module.exports = handler / exports.handler = …
	for i := 0; i < int(root.NamedChildCount()); i++ {
		st := root.NamedChild(i)
		if st.Type() != "expression_statement" || st.NamedChildCount() == 0 {
			continue
		}
		a := st.NamedChild(0)
		if a.Type() != "assignment_expression" {
			continue
		}
		left := f.Text(a.ChildByFieldName("left"))
		switch {
		case left == "module.exports":
			out = append(out, export{"default", a.ChildByFieldName("right"), st})
		case strings.HasPrefix(left, "exports.") || strings.HasPrefix(left, "module.exports."):
			out = append(out, export{left[strings.LastIndex(left, ".")+1:], a.ChildByFieldName("right"), st})
		}
	}
	return out
}

// IsFunc reports whether n is a function node.
func IsFunc(n *sitter.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "arrow_function", "function_declaration", "function_expression", "function", "generator_function_declaration", "generator_function", "method_definition":
		return true
	}
	return false
}

// resolveFunc follows a value to the handler function: through identifiers
// declared in the module, wrapper calls (withAuth(handler)) and parentheses.
func resolveFunc(f *syntax.File, v *sitter.Node) (*sitter.Node, []*sitter.Node) {
	var wrappers []*sitter.Node
	for depth := 0; v != nil && depth < 8; depth++ {
		switch v.Type() {
		case "arrow_function", "function_declaration", "function_expression", "function", "generator_function_declaration":
			return v, wrappers
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression":
			v = v.NamedChild(0)
		case "identifier":
			d := LocalDecl(f, f.Text(v))
			if d == nil {
				return nil, wrappers
			}
			v = d
		case "call_expression":
			args := v.ChildByFieldName("arguments")
			wrappers = append(wrappers, v)
			var next *sitter.Node
			// The handler is the last function-like argument: withAuth(handler),
			// withAuth(handler, { role }), compose(a, b)(handler).
			if args != nil {
				for i := int(args.NamedChildCount()) - 1; i >= 0; i-- {
					a := args.NamedChild(i)
					if IsFunc(a) || a.Type() == "identifier" || a.Type() == "call_expression" {
						next = a
						break
					}
				}
			}
			if next == nil {
				return nil, wrappers
			}
			v = next
		default:
			return nil, wrappers
		}
	}
	return nil, wrappers
}

// LocalDecl returns the value a top-level name is bound to in the module: a
// function declaration, or the initializer of a variable declarator.
func LocalDecl(f *syntax.File, name string) *sitter.Node {
	root := f.Root
	for i := 0; i < int(root.NamedChildCount()); i++ {
		st := root.NamedChild(i)
		if st.Type() == "export_statement" {
			if d := st.ChildByFieldName("declaration"); d != nil {
				st = d
			} else {
				for j := 0; j < int(st.NamedChildCount()); j++ {
					if c := st.NamedChild(j); IsFunc(c) {
						st = c
					}
				}
			}
		}
		switch st.Type() {
		case "function_declaration", "generator_function_declaration", "function_expression", "function":
			if f.Text(st.ChildByFieldName("name")) == name {
				return st
			}
		case "lexical_declaration", "variable_declaration":
			for k := 0; k < int(st.NamedChildCount()); k++ {
				vd := st.NamedChild(k)
				if vd.Type() == "variable_declarator" && f.Text(vd.ChildByFieldName("name")) == name {
					return vd.ChildByFieldName("value")
				}
			}
		}
	}
	return nil
}

// inlineActions finds functions whose body starts with 'use server'.
func inlineActions(f *syntax.File, p string) []Entry {
	if !strings.Contains(string(f.Src), "use server") {
		return nil
	}
	var out []Entry
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if !IsFunc(n) {
			return true
		}
		body := n.ChildByFieldName("body")
		if body == nil || body.Type() != "statement_block" || body.NamedChildCount() == 0 {
			return true
		}
		st := body.NamedChild(0)
		if st.Type() == "expression_statement" && st.NamedChildCount() == 1 {
			if v, ok := f.StringValue(st.NamedChild(0)); ok && v == "use server" {
				name := f.Text(n.ChildByFieldName("name"))
				if name == "" && n.Parent() != nil && n.Parent().Type() == "variable_declarator" {
					name = f.Text(n.Parent().ChildByFieldName("name"))
				}
				out = append(out, Entry{Kind: ServerAction, Path: p, Name: name, Func: n, Decl: n})
			}
		}
		return true
	})
	return out
}

var routeMethods = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true, "all": true, "route": false}

// serverRoutes finds Express/Hono/Fastify style registrations:
// app.get('/path', [middleware…,] handler).
func serverRoutes(f *syntax.File, p string) []Entry {
	src := string(f.Src)
	if !strings.Contains(src, "express") && !strings.Contains(src, "hono") && !strings.Contains(src, "Router(") && !strings.Contains(src, "fastify") {
		return nil
	}
	var out []Entry
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		fn := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fn == nil || fn.Type() != "member_expression" || args == nil || args.NamedChildCount() < 2 {
			return true
		}
		method := f.Text(fn.ChildByFieldName("property"))
		if !routeMethods[method] {
			return true
		}
		route, ok := f.StringValue(args.NamedChild(0))
		if !ok || !strings.HasPrefix(route, "/") {
			return true
		}
		last := args.NamedChild(int(args.NamedChildCount()) - 1)
		handler, wr := resolveFunc(f, last)
		if handler == nil {
			return true
		}
		var guards []*sitter.Node
		for i := 1; i < int(args.NamedChildCount())-1; i++ {
			guards = append(guards, args.NamedChild(i))
		}
		out = append(out, Entry{Kind: ServerRoute, Path: p, Name: strings.ToUpper(method) + " " + route, Route: route, Func: handler, Wrappers: wr, Guards: guards, Decl: n})
		return true
	})
	return out
}

// Matcher is one middleware matcher entry.
type Matcher struct {
	Pattern string
	Line    int
}

// MiddlewareConfig is what a middleware/proxy file declares about its reach.
type MiddlewareConfig struct {
	Path string
	// Matchers from `export const config = { matcher }`; nil when the file
	// has no matcher (it then runs on every path).
	Matchers []Matcher
	// Dynamic is set when the matcher is not a literal the index can read.
	Dynamic bool
	Line    int // line of the config export, or 1
}

// MiddlewareOf reads the matcher of a middleware/proxy module.
func MiddlewareOf(f *syntax.File, p string) *MiddlewareConfig {
	mc := &MiddlewareConfig{Path: p, Line: 1}
	for _, ex := range exportsOf(f) {
		if ex.name != "config" || ex.value == nil {
			continue
		}
		mc.Line = syntax.Line(ex.decl)
		obj := ex.value
		for obj.Type() == "as_expression" || obj.Type() == "satisfies_expression" || obj.Type() == "parenthesized_expression" {
			obj = obj.NamedChild(0)
		}
		if obj.Type() != "object" {
			mc.Dynamic = true
			continue
		}
		for i := 0; i < int(obj.NamedChildCount()); i++ {
			pair := obj.NamedChild(i)
			if pair.Type() != "pair" {
				continue
			}
			key := strings.Trim(f.Text(pair.ChildByFieldName("key")), `"'`)
			if key != "matcher" {
				continue
			}
			val := pair.ChildByFieldName("value")
			mc.Matchers = []Matcher{}
			addOne := func(n *sitter.Node) {
				if n.Type() == "comment" {
					return
				}
				if s, ok := f.StringValue(n); ok {
					mc.Matchers = append(mc.Matchers, Matcher{s, syntax.Line(n)})
					return
				}
				if n.Type() == "object" {
					for k := 0; k < int(n.NamedChildCount()); k++ {
						pr := n.NamedChild(k)
						if pr.Type() == "pair" && strings.Trim(f.Text(pr.ChildByFieldName("key")), `"'`) == "source" {
							if s, ok := f.StringValue(pr.ChildByFieldName("value")); ok {
								mc.Matchers = append(mc.Matchers, Matcher{s, syntax.Line(pr)})
								return
							}
						}
					}
				}
				mc.Dynamic = true
			}
			if val.Type() == "array" {
				for k := 0; k < int(val.NamedChildCount()); k++ {
					addOne(val.NamedChild(k))
				}
			} else {
				addOne(val)
			}
		}
	}
	return mc
}

// Entries returns the entry points of a module of the index.
func (ix *Index) Entries(p string) []Entry {
	if _, ok := syntax.LangOf(p); !ok || !ix.files[p] {
		return nil
	}
	f, err := ix.r.Parse(ix.ctx, p)
	if err != nil {
		return nil
	}
	return Entries(f, p)
}

// Parse returns the parsed module at p (owned by the engine's cache).
func (ix *Index) Parse(p string) (*syntax.File, error) { return ix.r.Parse(ix.ctx, p) }

// MiddlewarePaths lists the middleware/proxy files of the revision.
func (ix *Index) MiddlewarePaths() []string {
	var out []string
	for _, p := range ix.paths {
		if IsMiddlewarePath(p) {
			out = append(out, p)
		}
	}
	return out
}
