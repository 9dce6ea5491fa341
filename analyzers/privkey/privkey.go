// Package privkey finds privileged keys and clients that reach the browser:
// service-role names under a public prefix, and client components whose
// import graph pulls in an admin client or a server secret.
package privkey

import (
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/envname"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	rulePublicServiceRole = &analyzers.Rule{ID: "privileged-key/public-service-role", Category: analyzers.CategoryPrivilegedKey, Severity: analyzers.Critical,
		Summary: "service-role or admin key under a public prefix",
		Doc:     "A service-role/secret/admin key named NEXT_PUBLIC_…, VITE_…, EXPO_PUBLIC_…, REACT_APP_… or PUBLIC_… is copied into browser JavaScript, giving every visitor a key that bypasses row-level security. Bad: `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY`. Good: `SUPABASE_SERVICE_ROLE_KEY`, read only in server code; the browser uses `NEXT_PUBLIC_SUPABASE_ANON_KEY`."}
	ruleAdminClientInClient = &analyzers.Rule{ID: "privileged-key/admin-client-in-client", Category: analyzers.CategoryPrivilegedKey, Severity: analyzers.Critical,
		Summary: "client component imports an admin (service-role) client",
		Doc:     "A 'use client' module, or a module it imports, builds a client from a service-role/secret key. Bad: `'use client'; import { supabaseAdmin } from '@/lib/supabase/admin'`. Good: call a Route Handler or Server Action that uses the admin client on the server after checking the user, and mark the admin module `import 'server-only'`."}
	ruleServerSecretInClient = &analyzers.Rule{ID: "privileged-key/server-secret-in-client", Category: analyzers.CategoryPrivilegedKey, Severity: analyzers.High,
		Summary: "server secret read in code bundled for the browser",
		Doc:     "A non-public secret env var (STRIPE_SECRET_KEY, OPENAI_API_KEY…) is read in a 'use client' module, in code of a module a client component imports (module-level code, or the functions it imports), or in a Pages Router page outside getServerSideProps/getStaticProps. Bad: `'use client'; const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)`. Good: move the call into a Route Handler or Server Action and import 'server-only' in the module that reads the secret."}
)

// Analyzer is the bundle-exposure half of the privileged-key family.
var Analyzer = &analyzers.Analyzer{
	Name:  "privkey",
	Doc:   "Finds privileged keys and admin clients that reach the browser bundle.",
	Rules: []*analyzers.Rule{rulePublicServiceRole, ruleAdminClientInClient, ruleServerSecretInClient},
	Run:   run,
}

// adminFactoryNames are well-known names of privileged client factories and
// instances, used when an import cannot be resolved to a file.
var adminFactoryNames = []string{"supabaseAdmin", "createAdminClient", "createServiceClient", "createServiceRoleClient", "getServiceSupabase", "adminClient", "firebaseAdmin"}

func run(pass *analyzers.Pass) error {
	var uses map[string]*use // built on first need: the client bundle's export use
	for _, f := range pass.Files {
		p := pass.Path(f)
		data, err := pass.Read(p)
		if err != nil || syntax.GeneratedPath(p) {
			continue
		}
		var parsed *syntax.File
		if _, ok := syntax.LangOf(p); ok {
			parsed, _ = pass.Parse(p)
		}
		publicServiceRole(pass, p, data, parsed)
		if parsed != nil {
			idx, err := pass.Index()
			if err != nil {
				return fmt.Errorf("index: %w", err)
			}
			if idx.ClientChain(p) == nil {
				if pagesRouterPage(p) && !parsed.HasDirective("use server") && !astroProject(pass) {
					pagesExposure(pass, p, parsed)
				}
				continue
			}
			if uses == nil {
				uses = clientUses(idx)
			}
			bundleExposure(pass, idx, p, parsed, uses[p].namesOrAll())
		}
	}
	return nil
}

func publicServiceRole(pass *analyzers.Pass, p string, data []byte, parsed *syntax.File) {
	seen := map[string]bool{}
	for _, o := range envname.Occurrences(p, data, parsed) {
		prefix := envname.PublicPrefix(o.Name)
		if prefix == "" || !envname.ServiceRole(strings.TrimPrefix(o.Name, prefix)) {
			continue
		}
		k := fmt.Sprintf("%s:%d", o.Name, o.Line)
		if seen[k] {
			continue
		}
		seen[k] = true
		rest := strings.TrimPrefix(o.Name, prefix)
		pass.Report(analyzers.Finding{
			Rule: rulePublicServiceRole, Path: p, StartLine: o.Line,
			Message: fmt.Sprintf("`%s` puts a service-role/admin key in the browser: the %s prefix makes the build copy its value into the JavaScript every visitor downloads. That key bypasses row-level security, so any visitor can read and change every user's rows.", o.Name, prefix),
			Fix:     fmt.Sprintf("Rename it to `%s`, use it only in server code (route handlers, server actions) behind an auth check, give the browser the anon/publishable key instead, and rotate the key if it was ever deployed.", rest),
			Key:     o.Name + "\x00" + o.Where,
			Secrets: assigned(o.Value),
		})
	}
}

// assigned is the value a file assigns to the name, masked in excerpts.
func assigned(v string) []string {
	if v == "" || strings.HasPrefix(v, "$") || strings.HasPrefix(v, "@") {
		return nil
	}
	return []string{v}
}

// exposure is the first server secret a module pulls into the bundle.
type exposure struct {
	name    string // env var, or the imported admin factory name
	module  string // where it is read
	line    int
	service bool // service-role/admin rather than another secret
}

// bundleExposure reports a module of the client bundle, used for the export
// names `want`, that reads a server secret or imports code that does.
func bundleExposure(pass *analyzers.Pass, idx *jsindex.Index, p string, parsed *syntax.File, want names) {
	chain := idx.ClientChain(p)
	m := idx.Module(p)
	if chain == nil || m == nil || m.ServerOnly || m.UseServer {
		return
	}
	via := describeChain(chain)
	// Secrets read in this module.
	for _, r := range secretReads(idx, m, parsed) {
		if envname.PublicPrefix(r.Name) != "" || !envname.SecretName(r.Name) || !reachable(parsed, r.Node, want) {
			continue
		}
		rule := ruleServerSecretInClient
		if envname.ServiceRole(r.Name) {
			rule = ruleAdminClientInClient
		}
		pass.Report(analyzers.Finding{
			Rule: rule, Path: p, StartLine: r.Line, EndLine: syntax.EndLine(r.Node),
			Message: fmt.Sprintf("This module is bundled for the browser%s and reads the server secret `%s`. Next.js leaves it undefined in the browser, but the module also renders on the server where it is set, so anything derived from it can land in the HTML — and the usual \"fix\", renaming it NEXT_PUBLIC_, ships the secret to every visitor.", via, r.Name),
			Fix:     fmt.Sprintf("Move the code that needs `%s` into a Route Handler or Server Action (or a module starting with `import 'server-only'`) and call it from the component.", r.Name),
			Key:     "read\x00" + r.Name,
		})
	}
	// Imports that pull a secret in.
	memo := map[string]*exposure{}
	for _, imp := range m.Imports {
		if imp.TypeOnly {
			continue
		}
		var ex *exposure
		if imp.Target == "" {
			ex = namedAdminImport(pass, imp)
		} else {
			ex = closure(pass, idx, imp.Target, dependencyNames(parsed, imp, want), memo, map[string]bool{})
		}
		if ex == nil {
			continue
		}
		rule, what := ruleServerSecretInClient, "the server secret `"+ex.name+"`"
		harm := "The secret is then part of code shipped to browsers: Next.js leaves non-public env vars undefined there, so the code is broken in the browser and one rename to NEXT_PUBLIC_ away from leaking the key."
		if ex.service {
			rule, what = ruleAdminClientInClient, "`"+ex.name+"`, the service-role key behind an admin client that bypasses row-level security"
			if ex.module == "" { // an imported factory, not an env read
				what = "the admin client `" + ex.name + "`, which bypasses row-level security"
			}
			harm = "Whatever that client does from the browser runs with a key that ignores every access rule — and if the key is made available there, every visitor can read and change all users' data."
		}
		src := ""
		if ex.module != "" && ex.module != imp.Target {
			src = fmt.Sprintf(" (read in `%s`)", ex.module)
		}
		pass.Report(analyzers.Finding{
			Rule: rule, Path: p, StartLine: imp.Line, EndLine: imp.EndLine,
			Message: fmt.Sprintf("This client-side module%s imports `%s`, which brings in %s%s. %s", via, imp.Spec, what, src, harm),
			Fix:     fmt.Sprintf("Don't import `%s` from client code. Do the privileged work in a Route Handler or Server Action that checks the user first, and add `import 'server-only'` at the top of the module that reads `%s` so a future client import fails the build.", imp.Spec, ex.name),
			Key:     "import\x00" + imp.Spec + "\x00" + ex.name,
		})
	}
}

// describeChain explains why a module is in the browser bundle.
func describeChain(chain []string) string {
	if len(chain) <= 1 {
		return " ('use client')"
	}
	return fmt.Sprintf(" (imported by the client component `%s`)", chain[0])
}

// namedAdminImport recognises an unresolved import of a well-known or
// configured privileged client factory.
func namedAdminImport(pass *analyzers.Pass, imp jsindex.Import) *exposure {
	names := append(append([]string{}, adminFactoryNames...), pass.Config.Auth.PrivilegedClients...)
	for _, n := range imp.Names {
		for _, a := range names {
			if n == a {
				return &exposure{name: n, service: true}
			}
		}
	}
	if imp.Spec == "firebase-admin" || strings.HasPrefix(imp.Spec, "firebase-admin/") {
		return &exposure{name: imp.Spec, service: true}
	}
	return nil
}

// closure finds the first secret read by a module, imported for the export
// names `want`, or by what it imports, following value imports and stopping
// at 'use server' and server-only modules (the bundler never includes those).
// Service-role secrets win over others.
func closure(pass *analyzers.Pass, idx *jsindex.Index, p string, want names, memo map[string]*exposure, visiting map[string]bool) *exposure {
	key := p + "\x00" + want.key()
	if ex, ok := memo[key]; ok {
		return ex
	}
	if visiting[key] {
		return nil
	}
	visiting[key] = true
	m := idx.Module(p)
	f, err := pass.Parse(p)
	if m == nil || err != nil || m.UseServer || m.ServerOnly || validatedEnv(m) {
		memo[key] = nil
		return nil
	}
	var best *exposure
	consider := func(ex *exposure) {
		if ex != nil && (best == nil || (ex.service && !best.service)) {
			best = ex
		}
	}
	for _, r := range secretReads(idx, m, f) {
		if envname.PublicPrefix(r.Name) == "" && envname.SecretName(r.Name) && reachable(f, r.Node, want) {
			consider(&exposure{name: r.Name, module: p, line: r.Line, service: envname.ServiceRole(r.Name)})
		}
	}
	for _, imp := range m.Imports {
		if imp.TypeOnly {
			continue
		}
		if imp.Target == "" {
			consider(namedAdminImport(pass, imp))
			continue
		}
		consider(closure(pass, idx, imp.Target, dependencyNames(f, imp, want), memo, visiting))
	}
	memo[key] = best
	return best
}

// validatedEnv reports env modules built with @t3-oss/env-* (createEnv): the
// client may import them, since reading a server variable there throws
// instead of returning the value, and the bundler leaves server values out.
func validatedEnv(m *jsindex.Module) bool {
	for _, imp := range m.Imports {
		if strings.HasPrefix(imp.Spec, "@t3-oss/env-") {
			return true
		}
	}
	return false
}

// secretReads lists the env variables a module reads: process.env and
// import.meta.env reads, and `env.NAME` reads of a validated env module it
// imports. A validated env module's own reads don't count: they only fill
// its schema.
func secretReads(idx *jsindex.Index, m *jsindex.Module, f *syntax.File) []syntax.EnvRead {
	if validatedEnv(m) {
		return nil
	}
	var reads []syntax.EnvRead
	for _, r := range f.EnvReads() {
		if !serverBranch(f, r.Node) {
			reads = append(reads, r)
		}
	}
	objects := map[string]bool{}
	for _, imp := range m.Imports {
		if tm := idx.Module(imp.Target); imp.Target != "" && !imp.TypeOnly && tm != nil && validatedEnv(tm) {
			for _, n := range imp.Names {
				objects[n] = true
			}
		}
	}
	if len(objects) == 0 {
		return reads
	}
	for _, n := range f.Find("member_expression") {
		obj, prop := n.ChildByFieldName("object"), n.ChildByFieldName("property")
		if obj != nil && prop != nil && objects[f.Text(obj)] && !serverBranch(f, n) {
			reads = append(reads, syntax.EnvRead{Name: f.Text(prop), Line: syntax.Line(n), Node: n})
		}
	}
	return reads
}

// serverBranch reports a node that only runs on the server: inside
// `if (typeof window === 'undefined') {…}`, after `typeof window ===
// 'undefined' &&`, or in the matching branch of a conditional expression.
func serverBranch(f *syntax.File, n *sitter.Node) bool {
	for child, p := n, n.Parent(); p != nil; child, p = p, p.Parent() {
		var cond, body *sitter.Node
		switch p.Type() {
		case "if_statement":
			cond, body = p.ChildByFieldName("condition"), p.ChildByFieldName("consequence")
		case "ternary_expression":
			cond, body = p.ChildByFieldName("condition"), p.ChildByFieldName("consequence")
		case "binary_expression":
			if op := p.ChildByFieldName("operator"); op != nil && f.Text(op) == "&&" {
				cond, body = p.ChildByFieldName("left"), p.ChildByFieldName("right")
			}
		}
		if cond != nil && body != nil && within(child, body) && onServer(f.Text(cond)) {
			return true
		}
	}
	return false
}

func within(n, outer *sitter.Node) bool {
	return n.StartByte() >= outer.StartByte() && n.EndByte() <= outer.EndByte()
}

// onServer reports a condition that holds only outside the browser.
func onServer(cond string) bool {
	c := strings.NewReplacer(" ", "", "\n", "", "\t", "", "'", `"`, "`", `"`).Replace(cond)
	return strings.Contains(c, `typeofwindow==="undefined"`) || strings.Contains(c, `typeofwindow=="undefined"`) ||
		strings.Contains(c, `"undefined"===typeofwindow`)
}
