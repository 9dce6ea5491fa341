// Package privkeyhandler is the request-handler half of the privileged-key
// family: service-role (admin) Supabase clients used in user-facing route
// handlers and server actions to read or write tenant data, where a
// user-scoped client would let row-level security do its job. Verified
// webhooks, cron routes that check a shared secret and admin routes with a
// role check are legitimate users of the admin client.
package privkeyhandler

import (
	"fmt"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var ruleAdminClient = &analyzers.Rule{ID: "privileged-key/admin-client-in-handler", Category: analyzers.CategoryPrivilegedKey, Severity: analyzers.High,
	Summary: "service-role client used for tenant data in a user-facing handler",
	Doc: "A route handler, API route or server action that serves signed-in users reads or writes tenant data through a Supabase client built with the service-role/secret key. That client bypasses row-level security, so the handler's own filters are the only thing keeping one user out of another's rows, and any mistake in them (or a request value in them) exposes every tenant. " +
		"Bad: `const supabase = createAdminClient(); await supabase.from('documents').select().eq('user_id', user.id)`. Good: `const supabase = await createClient()` (the cookie-based, user-scoped client) so the policies apply; keep the admin client for verified webhooks, cron jobs that check a secret, and admin routes that check a role."}

// Analyzer is the request-handler half of the privileged-key family.
var Analyzer = &analyzers.Analyzer{
	Name:  "privkeyhandler",
	Doc:   "Finds service-role Supabase clients used for tenant data in user-facing handlers and server actions.",
	Rules: []*analyzers.Rule{ruleAdminClient},
	Run:   run,

	Requires: []*analyzers.Analyzer{flow.HandlersAnalyzer},
}

func run(pass *analyzers.Pass) error {
	_, hs, err := flow.Handlers(pass)
	if err != nil {
		return err
	}
	if len(hs) == 0 {
		return nil
	}
	model := flow.Policy(pass)
	for _, h := range hs {
		fa := h.Func
		if h.Entry.Kind == jsindex.Middleware || len(fa.Verifications) > 0 || len(fa.RoleChecks) > 0 || machineRoute(h) {
			continue
		}
		for _, q := range fa.Queries {
			if q.ClientKind() != flow.ClientSupabaseService || !tenantData(pass, model, q) {
				continue
			}
			report(pass, h, q)
			break // one finding per handler: the fix is the same for every query
		}
		if c := adminAccountCall(h); c != nil {
			reportAccount(pass, h, c)
		}
	}
	return nil
}

// machineRoute: cron and internal job routes are not user-facing even when
// their secret check is not recognised.
func machineRoute(h *flow.Handler) bool {
	r := strings.ToLower(h.Entry.Route + "/" + h.Path)
	for _, w := range []string{"/cron/", "/cron.", "/jobs/", "/webhook", "/hooks/", "/inngest", "/trigger/", "/qstash"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

// tenantData: the query touches rows that belong to users or tenants: it
// filters or writes an owner column, or the table's policies or columns tie
// rows to owners.
func tenantData(pass *analyzers.Pass, model *pgmodel.Model, q *flow.Query) bool {
	tenant := pass.Config.TenantColumns
	for _, c := range append(append([]flow.Column{}, q.Filters...), q.Data...) {
		if flow.IsOwnerName(c.Name, tenant) || c.Value.Is(flow.Identity|flow.Unverified) {
			return true
		}
		for _, n := range c.Value.Names() {
			if flow.IsOwnerName(n, tenant) {
				return true
			}
		}
	}
	if _, t := flow.TableProtection(model, q.Table, q.Op); t != nil {
		for _, col := range t.Columns {
			if flow.IsOwnerName(col.Name, tenant) {
				return true
			}
		}
	}
	return false
}

func entryDesc(h *flow.Handler) string {
	switch h.Entry.Kind {
	case jsindex.RouteHandler:
		return fmt.Sprintf("`%s %s`", h.Entry.Name, h.Entry.Route)
	case jsindex.PagesAPI:
		return fmt.Sprintf("the API route `%s`", h.Entry.Route)
	case jsindex.ServerAction:
		return fmt.Sprintf("the server action `%s`", h.Entry.Name)
	}
	return "`" + h.Entry.Name + "`"
}

func report(pass *analyzers.Pass, h *flow.Handler, q *flow.Query) {
	fa := h.Func
	sev := analyzers.High
	risk := "its filters are the only thing between one user and another's rows"
	switch {
	case (q.FilteredBy(flow.Identity|flow.Owned) || q.WritesWith(flow.Identity|flow.Owned)) && requestTied(fa, q), q.OwnerChecked, fa.Authenticated() && requestTied(fa, q):
		sev = analyzers.Medium
		risk = "today the query filters by the signed-in user, but nothing but that filter keeps other tenants' rows out, and the next edit to it exposes them"
	case !fa.Authenticated():
		sev = analyzers.Critical
		risk = "the handler does not check who is calling, so anyone can reach every tenant's rows through it"
	case q.FilteredBy(flow.Request) || q.WritesWith(flow.Request):
		risk = "it filters or writes with values from the request, so a caller who changes them reaches other tenants' rows"
	}
	line := q.Line()
	table := q.Table
	pass.Report(analyzers.Finding{
		Rule: ruleAdminClient, Severity: sev, Path: h.Path, StartLine: line,
		Message: fmt.Sprintf("%s uses the service-role Supabase client for `%s` (%s). That client bypasses row-level security: %s.", entryDesc(h), table, q.Op, risk),
		Fix:     "Use the user-scoped server client (`const supabase = await createClient()` from your `@supabase/ssr` helper) so the table's policies apply; keep the service-role client for verified webhooks, secret-checked cron routes and role-checked admin routes, in a module marked `import 'server-only'`.",
		Key:     h.Entry.Name + "\x00" + table,
	})
}

// requestTied: every request value the query uses was checked against the caller.
func requestTied(fa *flow.Func, q *flow.Query) bool {
	for _, c := range append(append([]flow.Column{}, q.Filters...), q.Data...) {
		if c.Value.Is(flow.Request) && !fa.Tied(c.Value) {
			return false
		}
	}
	return true
}

// adminAccountCall finds auth.admin.* calls on another account chosen by the request.
func adminAccountCall(h *flow.Handler) *accountCall {
	for _, c := range h.Func.ClientCalls {
		fn := c.ChildByFieldName("function")
		t := strings.Join(strings.Fields(h.Syntax.Text(fn)), "")
		if !strings.Contains(t, "auth.admin.") {
			continue
		}
		method := t[strings.LastIndex(t, ".")+1:]
		switch method {
		case "getUserById", "updateUserById", "deleteUser", "generateLink", "signOut":
		default:
			continue
		}
		args := c.ChildByFieldName("arguments")
		if args == nil || args.NamedChildCount() == 0 {
			continue
		}
		v := h.Func.Eval(args.NamedChild(0))
		if v.Is(flow.Request) && !v.Is(flow.Identity) && !h.Func.Tied(v) {
			return &accountCall{line: syntax.Line(c), method: method, names: v.Names()}
		}
	}
	return nil
}

type accountCall struct {
	line   int
	method string
	names  []string
}

func reportAccount(pass *analyzers.Pass, h *flow.Handler, c *accountCall) {
	what := "an id from the request"
	if len(c.names) > 0 {
		what = "`" + c.names[0] + "` from the request"
	}
	pass.Report(analyzers.Finding{
		Rule: ruleAdminClient, Severity: analyzers.Critical, Path: h.Path, StartLine: c.line,
		Message: fmt.Sprintf("%s calls the service-role `auth.admin.%s` with %s: any caller can read, change or delete another user's account by sending that user's id.", entryDesc(h), c.method, what),
		Fix:     "Act on the signed-in user's own id (`user.id` from `supabase.auth.getUser()`), or restrict the route to admins with a role check.",
		Key:     h.Entry.Name + "\x00auth.admin." + c.method,
	})
}
