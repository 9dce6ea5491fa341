package retrieval

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// searchFuncName matches the names vector search functions go by.
var searchFuncName = regexp.MustCompile(`(?i)match|search|similar|semantic|vector|embedding|nearest|retriev|hybrid|knn|rag`)

var fromRE = regexp.MustCompile(`(?i)\b(?:from|join)\s+((?:"?[a-z_][\w]*"?\.)?"?[a-z_][\w]*"?)`)

// checkRPC reports supabase.rpc calls of vector search functions that are
// not confined to the caller.
func (c *checker) checkRPC() {
	f := c.f
	if c.model == nil {
		return
	}
	for _, call := range f.Find("call_expression") {
		fnNode := call.ChildByFieldName("function")
		if fnNode == nil || fnNode.Type() != "member_expression" || f.Text(fnNode.ChildByFieldName("property")) != "rpc" {
			continue
		}
		as := syntax.Args(call)
		if len(as) == 0 {
			continue
		}
		name, ok := f.StringValue(as[0])
		if !ok || !searchFuncName.MatchString(name) {
			continue
		}
		schema := "public"
		if s, n, ok := strings.Cut(name, "."); ok {
			schema, name = s, n
		}
		fns := c.model.FunctionsNamed(schema, strings.ToLower(name))
		if len(fns) == 0 {
			continue // not defined in the migrations: nothing to judge
		}
		var argObj *sitter.Node
		if len(as) > 1 {
			argObj = syntax.Unwrap(as[1])
		}
		sqlFn := fns[0]
		if len(fns) > 1 {
			sqlFn = pickOverload(f, fns, argObj)
		}
		c.judgeRPC(call, fnNode.ChildByFieldName("object"), sqlFn, argObj)
	}
}

// pickOverload chooses the overload whose parameters the call names.
func pickOverload(f *syntax.File, fns []*pgmodel.Function, obj *sitter.Node) *pgmodel.Function {
	best, score := fns[0], -1
	for _, fn := range fns {
		s := 0
		for _, p := range fn.Params {
			if f.ObjectProp(obj, p.Name) != nil {
				s++
			}
		}
		if s > score {
			best, score = fn, s
		}
	}
	return best
}

func (c *checker) judgeRPC(call, client *sitter.Node, fn *pgmodel.Function, argObj *sitter.Node) {
	f := c.f
	m := c.model
	if c.onlyDefinedIn != nil && !c.onlyDefinedIn[fn.Pos.Path] && !c.onlyDefinedIn[fn.SecurityPos.Path] && !c.onlyDefinedIn[fn.ConfigPos.Path] {
		return
	}
	if fn.ChecksCaller() {
		return // the body filters by auth.uid() / the JWT
	}
	// Which tables does it search, and are they per-user data?
	var owned []*pgmodel.Table
	for _, mt := range fromRE.FindAllStringSubmatch(fn.Body, -1) {
		rel := strings.ReplaceAll(strings.ToLower(mt[1]), `"`, "")
		t, v := m.Relation(rel)
		if t == nil && v != nil {
			for _, r := range v.Reads {
				if rt := m.Tables[r]; rt != nil && isPerUser(m, rt) {
					owned = append(owned, rt)
				}
			}
			continue
		}
		if t != nil && isPerUser(m, t) {
			owned = append(owned, t)
		}
	}
	if len(owned) == 0 {
		return // a shared knowledge base, or tables the model does not know
	}
	// Parameters the body filters on, and what the call passes for them.
	privileged := false
	var fa *flow.Func
	if fa = c.flowOf(syntax.OuterFunc(call)); fa != nil {
		privileged = fa.Eval(client).Is(flow.Privileged)
	}
	fromRequest := ""
	for _, p := range fn.Params {
		if p.Mode == "out" || p.Mode == "table" || !filterParam(p) || !filtersOn(fn.Body, p.Name) {
			continue
		}
		v := f.ObjectProp(argObj, p.Name)
		if v == nil || emptyFilter(f, v, strings.ToLower(p.Name)) {
			continue // not passed: the filter is off (null or '{}' by default)
		}
		if fa != nil {
			ev := fa.Eval(v)
			if ev.Is(flow.Request) && !ev.Is(flow.Identity|flow.Owned) {
				fromRequest = p.Name
				continue
			}
		}
		return // filtered by a value the server chose (client-trust checks where it comes from)
	}
	t := owned[0]
	rlsScoped := m.ProtectedForUser(t, pgmodel.CmdSelect)
	if !fn.SecurityDefiner && !privileged && rlsScoped {
		return // security invoker on a table whose policies tie rows to the caller
	}
	var why string
	filterNote := "no user or tenant argument is passed"
	if fromRequest != "" {
		filterNote = fmt.Sprintf("the `%s` filter it applies comes from the request, so the caller chooses whose rows match", fromRequest)
	}
	switch {
	case fn.SecurityDefiner:
		why = "it is SECURITY DEFINER, so it reads the table as its owner and row-level security does not apply"
	case privileged:
		why = "it is called through a service-role client (`" + short(f.Display(client)) + "`), which bypasses row-level security"
	case !t.RLS:
		why = fmt.Sprintf("`%s` has no row-level security", t.Schema+"."+t.Name)
	default:
		why = fmt.Sprintf("the policies on `%s` do not tie rows to the caller", t.Schema+"."+t.Name)
	}
	sev := analyzers.High
	if fn.SecurityDefiner {
		if _, ok := fn.ACL.Effective("anon", "EXECUTE"); ok {
			sev = analyzers.Critical
			why += "; and anyone with the public anon key can call it"
		}
	}
	owners := strings.Join(m.OwnerColumns(t), ", ")
	if owners == "" {
		if col, parent := m.OwnedThrough(t); parent != nil {
			owners = fmt.Sprintf("through `%s` → `%s`", col, parent.Name)
		} else {
			owners = "through a parent row"
		}
	}
	c.pass.Report(analyzers.Finding{
		Rule: ruleRPC, Severity: sev, Path: c.path, StartLine: syntax.Line(call), EndLine: syntax.Line(call),
		Message: fmt.Sprintf("`%s` (%s) searches `%s`, whose rows belong to users (%s), without filtering by the caller: its body never reads `auth.uid()`, %s, and %s. The retrieved chunks, and the answer built from them, can come from other users' documents.",
			fn.Signature(), fn.Pos, t.Schema+"."+t.Name, owners, filterNote, why),
		Fix: fmt.Sprintf("Filter inside the function (`where %s.%s = auth.uid()`), keep it SECURITY INVOKER and call it with the signed-in user's client so the table's policies apply; or pass the user's id from the session as a filter argument the function applies.",
			t.Name, firstOr(m.OwnerColumns(t), "user_id")),
		Key: "rpc " + fn.Key() + " " + f.FuncName(syntax.OuterFunc(call)),
	})
}

func firstOr(xs []string, d string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return d
}

// isPerUser reports whether a table holds per-user or per-tenant rows.
func isPerUser(m *pgmodel.Model, t *pgmodel.Table) bool {
	if m.Owned(t) {
		return true
	}
	col, _ := m.OwnedThrough(t)
	return col != ""
}

// filterParam reports whether a parameter can select whose rows match: an
// owner-like name, a filter, ids, or a uuid/jsonb type (not the query vector,
// thresholds or counts).
func filterParam(p pgmodel.Param) bool {
	n, t := strings.ToLower(p.Name), strings.ToLower(p.Type)
	if ownerish.MatchString(n) || strings.Contains(n, "filter") {
		return true
	}
	for _, num := range []string{"vector", "halfvec", "sparsevec", "float", "double", "real", "int", "numeric", "bool"} {
		if strings.Contains(t, num) {
			return false
		}
	}
	return strings.HasSuffix(n, "id") || strings.HasSuffix(n, "ids") || strings.HasPrefix(t, "uuid") || t == "jsonb" || t == "text[]"
}

// filtersOn reports whether the body's WHERE clause uses a parameter.
func filtersOn(body, name string) bool {
	return regexp.MustCompile(`(?is)\bwhere\b.*\b` + regexp.QuoteMeta(name) + `\b`).MatchString(body)
}

// emptyFilter reports `filter: {}` (or null/undefined) for a jsonb filter.
func emptyFilter(f *syntax.File, v *sitter.Node, param string) bool {
	v = syntax.Unwrap(v)
	switch v.Type() {
	case "null", "undefined":
		return true
	case "object":
		return v.NamedChildCount() == 0
	case "identifier":
		return f.Text(v) == "undefined"
	}
	return false
}
