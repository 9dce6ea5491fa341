package flow

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
	"github.com/leakguard/leakguard/config"
)

// Program analyzes the functions of one revision and answers questions that
// cross one file boundary: what an imported helper returns, whether an
// imported wrapper authenticates, whether an imported client is privileged.
type Program struct {
	Index  *jsindex.Index // nil: no cross-file resolution
	Config *config.Repo

	summaries map[string]*Summary // "path#name#sha"
	active    map[string]bool
	// cut counts summaries refused for depth or recursion; a summary
	// computed while some were refused is incomplete and cached only with
	// the depth it had (a shallower call may recompute it).
	cut     int
	shallow map[string]int             // key -> depth budget of an incomplete summary
	imports map[string][]syntax.Import // by path and SHA
}

// NewProgram returns a program over an index (which may be nil) and the repo
// configuration (nil means the defaults).
func NewProgram(ix *jsindex.Index, cfg *config.Repo) *Program {
	if cfg == nil {
		cfg = config.Default()
	}
	return &Program{Index: ix, Config: cfg, summaries: map[string]*Summary{}, active: map[string]bool{}, shallow: map[string]int{}, imports: map[string][]syntax.Import{}}
}

// Summary is what a function (or exported binding) does, seen from a caller.
type Summary struct {
	// Returns are the labels of what it returns (Identity for a session
	// getter, Privileged for an admin client factory).
	Returns *Value
	// Guards is set when it ends the request (throws, redirects, returns a
	// 401) when no user is signed in, so code after a call to it is
	// authenticated: requireUser(), withAuth(handler).
	Guards bool
	// RoleGuard is set when it also checks a role (requireAdmin()).
	RoleGuard bool
	// CallsParam is set for wrappers that call a function parameter
	// (withAuth(handler) calls handler).
	CallsParam bool
	// InjectsIdentity is set for wrappers that pass the caller to the
	// wrapped handler (withAuth(async (req, { user }) => …)).
	InjectsIdentity bool
	// Verifies is set when it verifies a signature or a shared secret.
	Verifies bool
	// IsFunc is set when the summarized binding is a function (otherwise
	// only Returns, the binding's value, is known).
	IsFunc bool
	// Queries are the database queries the function makes, with Param
	// labels where its parameters flow.
	Queries []*Query
	// Tied are the request keys it checks against the caller (a withPost
	// wrapper that verifies postId belongs to the user).
	Tied []string
	// Authenticates is set when it reads the caller's identity (a wrapper
	// that looks the session up before calling the handler).
	Authenticates bool
	// HandlerArgs are, for a wrapper, the values it passes to the wrapped
	// handler (withSiteAuth passes the site it checked).
	HandlerArgs []*Value
}

// Analyze runs the data flow over a function of a parsed file. entry may be
// nil for a plain function (its parameters are then unlabeled).
func (p *Program) Analyze(f *syntax.File, fn *sitter.Node, entry *jsindex.Entry) *Func {
	fa := newFunc(p, f, fn, entry)
	fa.run()
	return fa
}

// AnalyzeEntry analyzes an entry point's handler.
func (p *Program) AnalyzeEntry(f *syntax.File, e *jsindex.Entry) *Func {
	return p.Analyze(f, e.Func, e)
}

// AnalyzeDispatched analyzes a handler another handler dispatches to
// (handleGET(req, res, session)): its parameters get the dispatcher's
// arguments, and the dispatcher's checks made before the call count for it.
func (p *Program) AnalyzeDispatched(f *syntax.File, e *jsindex.Entry, parent *Func) *Func {
	fa := newFunc(p, f, e.Func, e)
	if args := e.Call.ChildByFieldName("arguments"); args != nil {
		for i := 0; i < int(args.NamedChildCount()); i++ {
			fa.argValues = append(fa.argValues, parent.Eval(args.NamedChild(i)))
		}
	}
	callLine := syntax.Line(e.Call)
	for _, c := range parent.AuthChecks {
		if c.Line <= callLine || c.Kind == CheckWrapper {
			c.Kind = CheckWrapper
			fa.AuthChecks = append(fa.AuthChecks, c)
		}
	}
	for _, c := range parent.RoleChecks {
		if c.Line <= callLine {
			fa.RoleChecks = append(fa.RoleChecks, c)
		}
	}
	for _, c := range parent.Verifications {
		if c.Line <= callLine {
			fa.Verifications = append(fa.Verifications, c)
		}
	}
	for k := range parent.tied {
		fa.tied[k] = true
	}
	fa.inherited = true
	fa.run()
	return fa
}

// importOf finds the import binding a local name in f, returning the
// resolved path and the imported name ("default" for default imports).
func (p *Program) importOf(f *syntax.File, local string) (target, name, spec string, ok bool) {
	key := f.Path + "#" + f.SHA
	imps, ok := p.imports[key]
	if !ok {
		imps = f.Imports()
		p.imports[key] = imps
	}
	for _, imp := range imps {
		if imp.TypeOnly {
			continue
		}
		found := false
		for _, n := range imp.Names {
			if n == local {
				found = true
			}
		}
		if !found {
			continue
		}
		name = importedName(f, imp.Node, local)
		if p.Index != nil {
			target, _ = p.Index.Resolve(f.Path, imp.Spec)
		}
		return target, name, imp.Spec, true
	}
	return "", "", "", false
}

// importedName maps a local binding to the name the module exports.
func importedName(f *syntax.File, n *sitter.Node, local string) string {
	name := local
	syntax.Walk(n, func(c *sitter.Node) bool {
		switch c.Type() {
		case "import_specifier":
			orig := f.Text(c.ChildByFieldName("name"))
			alias := f.Text(c.ChildByFieldName("alias"))
			if alias == local || (alias == "" && orig == local) {
				name = orig
			}
			return false
		case "namespace_import":
			if strings.HasSuffix(f.Text(c), " "+local) {
				name = "*"
			}
			return false
		case "import_clause":
			if c.NamedChildCount() > 0 && c.NamedChild(0).Type() == "identifier" && f.Text(c.NamedChild(0)) == local {
				name = "default"
				return false
			}
		}
		return true
	})
	return name
}

// summaryOf summarizes a function value (local or imported) by name.
func (p *Program) summaryOf(f *syntax.File, name string) *Summary {
	if d := jsindex.LocalDecl(f, name); d != nil {
		return p.summarize(f, name, d)
	}
	target, imported, _, ok := p.importOf(f, name)
	if !ok || target == "" || p.Index == nil || imported == "*" {
		return nil
	}
	tf, err := p.Index.Parse(target)
	if err != nil {
		return nil
	}
	d := exportedDecl(tf, imported)
	if d == nil {
		return nil
	}
	return p.summarize(tf, imported, d)
}

// exportedDecl finds the value an export name is bound to in a module.
func exportedDecl(f *syntax.File, name string) *sitter.Node {
	if name == "default" {
		root := f.Root
		for i := 0; i < int(root.NamedChildCount()); i++ {
			st := root.NamedChild(i)
			if st.Type() != "export_statement" || !strings.HasPrefix(f.Text(st), "export default") {
				continue
			}
			if d := st.ChildByFieldName("declaration"); d != nil {
				return d
			}
			if v := st.ChildByFieldName("value"); v != nil {
				if v.Type() == "identifier" {
					return jsindex.LocalDecl(f, f.Text(v))
				}
				return v
			}
			for j := 0; j < int(st.NamedChildCount()); j++ {
				if c := st.NamedChild(j); jsindex.IsFunc(c) {
					return c
				}
			}
		}
		return nil
	}
	if d := jsindex.LocalDecl(f, name); d != nil {
		return d
	}
	// export { local as name }
	var out *sitter.Node
	syntax.Walk(f.Root, func(c *sitter.Node) bool {
		if out != nil {
			return false
		}
		if c.Type() == "export_specifier" {
			n, a := f.Text(c.ChildByFieldName("name")), f.Text(c.ChildByFieldName("alias"))
			if a == name || (a == "" && n == name) {
				out = jsindex.LocalDecl(f, n)
			}
			return false
		}
		return c.Type() == "program" || c.Type() == "export_statement" || c.Type() == "export_clause"
	})
	return out
}

func (p *Program) summarize(f *syntax.File, name string, d *sitter.Node) *Summary {
	key := f.Path + "#" + name + "#" + f.SHA
	budget := maxSummaryDepth - len(p.active)
	if s, ok := p.summaries[key]; ok {
		if b, incomplete := p.shallow[key]; !incomplete || b >= budget {
			return s
		}
	}
	if p.active[key] || budget <= 0 {
		p.cut++
		return nil // recursion or too deep: unknown
	}
	p.active[key] = true
	defer delete(p.active, key)
	cutBefore := p.cut
	s := &Summary{}
	switch {
	case jsindex.IsFunc(d):
		s.IsFunc = true
		fa := newFunc(p, f, d, nil)
		fa.summary = true
		fa.run()
		for _, q := range fa.Queries {
			if q.Via == "" { // one step: the helper's own queries, not its helpers'
				s.Queries = append(s.Queries, q)
			}
		}
		s.Returns = fa.ReturnValue()
		s.Guards = fa.GuardsAuth()
		s.RoleGuard = len(fa.RoleChecks) > 0
		s.CallsParam = fa.callsParam
		s.InjectsIdentity = fa.callsParam && fa.passesIdentity
		s.HandlerArgs = fa.handlerArgs
		s.Authenticates = fa.Authenticated()
		for k := range fa.tied {
			s.Tied = append(s.Tied, k)
		}
		s.Verifies = len(fa.Verifications) > 0
		// A factory returning an object of clients or a wrapper returning a
		// handler: look one level into a returned function.
		if rf := fa.returnedFunc; rf != nil {
			inner := newFunc(p, f, rf, nil)
			inner.summary = true
			for k, v := range fa.env {
				inner.env[k] = v
			}
			inner.run()
			s.CallsParam = s.CallsParam || inner.callsParam
			s.InjectsIdentity = s.InjectsIdentity || inner.callsParam && inner.passesIdentity
			if inner.callsParam {
				s.HandlerArgs = inner.handlerArgs
			}
			s.Authenticates = s.Authenticates || inner.Authenticated()
			for k := range inner.tied {
				s.Tied = append(s.Tied, k)
			}
			s.Guards = s.Guards || inner.GuardsAuth()
			s.RoleGuard = s.RoleGuard || len(inner.RoleChecks) > 0
			s.Verifies = s.Verifies || len(inner.Verifications) > 0
		}
	default:
		// A binding: `export const supabaseAdmin = createClient(url, key)`.
		fa := newFunc(p, f, nil, nil)
		s.Returns = fa.Eval(d)
	}
	p.summaries[key] = s
	if p.cut != cutBefore {
		p.shallow[key] = budget
	} else {
		delete(p.shallow, key)
	}
	return s
}

// maxSummaryDepth bounds how many helpers deep a summary looks.
const maxSummaryDepth = 7

// Name heuristics, used when a helper cannot be resolved (a package, or
// too deep). Project helpers from the configuration come first.
var (
	identityGetterRE = regexp.MustCompile(`^(get|fetch|load|read|require|ensure|validate|verify)?(Current|Auth|Authed|Authenticated|Server|LoggedIn|SignedIn|Session|Verified)?(User|Session|Viewer|Me|Auth|Claims)(OrThrow|OrRedirect|Or401|OrFail|Strict)?$`)
	guardNameRE      = regexp.MustCompile(`^(require|ensure|assert|protect|verify|check|enforce|must)(Auth|Authenticated|User|Session|Login|LoggedIn|SignedIn|Signin|Viewer)|^(requireUser|requireSession|authenticate|authorize|withAuth|withSession|withUser|withApiAuth|withAuthentication|authed|protected)`)
	roleGuardNameRE  = regexp.MustCompile(`(?i)^(require|ensure|assert|check|verify|is|has|with|only|must|can|authorize)\w{0,16}(Admin|Role|Staff|Owner|Permission|Superuser|Moderator)s?$|^admin(Only|Guard|Procedure|Action|Middleware)|^(protect|guard)Admin`)
	wrapperNameRE    = regexp.MustCompile(`(?i)^(with|authed|protected|authenticated|secure|guarded)`)
)

// IsIdentityGetterName reports names like getCurrentUser, requireUser, getSession.
func (p *Program) IsIdentityGetterName(name string) bool {
	for _, h := range p.Config.Auth.SessionGetters {
		if h == name {
			return true
		}
	}
	for _, h := range p.Config.Auth.Helpers {
		if h == name {
			return true
		}
	}
	switch name {
	case "auth", "getServerSession", "currentUser", "getAuth", "getToken", "getServerAuthSession", "validateRequest", "getKindeServerSession", "getIronSession", "unstable_getServerSession", "getSignedInUser", "getLoggedInUser":
		return true
	}
	return identityGetterRE.MatchString(name)
}

// IsGuardName reports names of helpers that end the request when nobody is signed in.
func (p *Program) IsGuardName(name string) bool {
	for _, h := range p.Config.Auth.Helpers {
		if h == name {
			return true
		}
	}
	return guardNameRE.MatchString(name)
}

// IsRoleGuardName reports names of role checks (requireAdmin, isAdmin, checkRole).
func (p *Program) IsRoleGuardName(name string) bool {
	for _, h := range p.Config.Auth.RoleChecks {
		if h == name {
			return true
		}
	}
	return roleGuardNameRE.MatchString(name)
}

// IsPrivilegedFactoryName reports names of admin client factories and instances.
func (p *Program) IsPrivilegedFactoryName(name string) bool {
	for _, h := range p.Config.Auth.PrivilegedClients {
		if h == name {
			return true
		}
	}
	l := strings.ToLower(name)
	return (strings.Contains(l, "admin") || strings.Contains(l, "servicerole") || strings.Contains(l, "service_role") || strings.Contains(l, "serviceclient") || strings.Contains(l, "supabaseservice") || strings.Contains(l, "privileged")) &&
		(strings.Contains(l, "supabase") || strings.Contains(l, "client") || strings.HasPrefix(l, "create") || strings.HasPrefix(l, "get") || l == "admin" || strings.Contains(l, "db"))
}

// IsWrapperName reports names shaped like handler wrappers (withAuth, authed).
func IsWrapperName(name string) bool { return wrapperNameRE.MatchString(name) }
