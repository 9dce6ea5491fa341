// Package clienttrust finds request handlers and server actions that let the
// client choose whose rows they read or write: an owner id taken from the
// body, query, route params or form data and used to filter or write rows
// without being tied to the session, and rows fetched by a request id and
// returned or changed without checking they belong to the caller.
package clienttrust

import (
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleOwnerID = &analyzers.Rule{ID: "client-trust/owner-id-from-request", Category: analyzers.CategoryClientTrust, Severity: analyzers.High,
		Summary: "owner id from the request filters or writes rows",
		Doc: "A handler or server action takes an owner id (userId, orgId, workspaceId, customerId…) from the body, query, route params or form data and uses it to filter, insert or update rows without tying it to the session. " +
			"Any signed-in user can read or change another user's rows by sending that user's id. Bad: `const { userId } = await req.json(); await supabaseAdmin.from('chats').select().eq('user_id', userId)`. " +
			"Good: `const { data: { user } } = await supabase.auth.getUser(); …eq('user_id', user.id)`. A user-scoped Supabase client on a table whose policies tie rows to auth.uid() is not reported: the database enforces ownership."}
	ruleResourceID = &analyzers.Rule{ID: "client-trust/unchecked-resource-id", Category: analyzers.CategoryClientTrust, Severity: analyzers.High,
		Summary: "row fetched by a request id is returned or changed without an ownership check",
		Doc: "A signed-in handler fetches or changes a row by an id from the request (chatId, invoiceId, params.id) through a client that bypasses row-level security (service role, Prisma, Drizzle, SQL) or on a table whose policies do not scope rows to the caller, " +
			"and neither filters by the caller nor compares the row's owner with the session. Any signed-in user can read or change another user's record by guessing or enumerating ids (IDOR). " +
			"Bad: `prisma.invoice.findUnique({ where: { id: params.id } })`. Good: `prisma.invoice.findFirst({ where: { id: params.id, userId: session.user.id } })`."}
)

// Analyzer is the client-trust family.
var Analyzer = &analyzers.Analyzer{
	Name:  "clienttrust",
	Doc:   "Finds handlers and server actions that let the client pick whose rows they read or write.",
	Rules: []*analyzers.Rule{ruleOwnerID, ruleResourceID},
	Run:   run,

	Requires: []*analyzers.Analyzer{flow.HandlersAnalyzer},
}

func run(pass *analyzers.Pass) error {
	prog, hs, err := flow.Handlers(pass)
	if err != nil {
		return err
	}
	if len(hs) == 0 {
		return nil
	}
	model := flow.Policy(pass)
	for _, h := range hs {
		if h.Entry.Kind == jsindex.Middleware || exempt(h.Func) {
			continue
		}
		// One finding per call: a helper's queries all map to its call.
		reported := map[uint32]bool{}
		for _, q := range h.Func.Queries {
			if !reported[q.Node.StartByte()] && ownerID(pass, prog, model, h, q) {
				reported[q.Node.StartByte()] = true
			}
		}
		for _, q := range h.Func.Queries {
			if !reported[q.Node.StartByte()] && resourceID(pass, model, h, q) {
				reported[q.Node.StartByte()] = true
			}
		}
	}
	return nil
}

// exempt: verified webhooks, cron routes with a secret, and handlers that
// check a role act for other users on purpose.
func exempt(fa *flow.Func) bool {
	return len(fa.Verifications) > 0 || len(fa.RoleChecks) > 0
}

// ownerID reports the first owner column of q whose value the client controls.
func ownerID(pass *analyzers.Pass, prog *flow.Program, model *pgmodel.Model, h *flow.Handler, q *flow.Query) bool {
	tenant := pass.Config.TenantColumns
	cols := append(append([]flow.Column{}, q.Filters...), q.Data...)
	for _, c := range cols {
		v := c.Value
		if c.Op == "neq" || !v.Is(flow.Request) || h.Func.Tied(v) {
			continue
		}
		names := v.Names()
		ownerCol := flow.IsOwnerName(c.Name, tenant)
		ownerVal := false
		for _, n := range names {
			if flow.IsOwnerName(n, tenant) {
				ownerVal = true
			}
		}
		if !ownerCol && !ownerVal {
			continue
		}
		if ownerVal && !ownerCol && c.Name != "" && c.Name != "id" && !strings.HasSuffix(strings.ToLower(c.Name), "id") {
			continue // userId written to a non-id column (a note's text): not an owner key
		}
		if personID(c.Name, names) && anchored(q) {
			// The row is already tied to the caller (followerId: user.id,
			// sharedBy: user.id): the request's user id names the other party.
			continue
		}
		sev, ok := severity(model, q)
		if !ok {
			return false
		}
		origin, _ := v.First(flow.Request)
		name := origin.Name
		if name == "" {
			name = c.Name
		}
		line := syntax.Line(c.Node)
		srcLine := line
		if origin.Node != nil {
			srcLine = syntax.Line(origin.Node)
		}
		verb := "filters"
		if c.Op == "set" {
			verb = "is written to"
		}
		tableDesc := describeTable(q)
		msg := fmt.Sprintf("`%s` comes from the %s (line %d) and %s `%s` of %s (line %d) %s: %s",
			name, describeKind(origin.Kind), srcLine, verb, c.Name, tableDesc, line, clientClause(model, q),
			attack(q, c, h.Func))
		fix := fixText(h.Func, name, q)
		pass.Report(analyzers.Finding{
			Rule: ruleOwnerID, Severity: sev, Path: h.Path, StartLine: line, EndLine: syntax.EndLine(c.Node),
			Message: msg, Fix: fix, Suggestion: suggestion(h, c),
			Key: h.Entry.Name + "\x00" + q.Table + "\x00" + q.Op + "\x00" + c.Name + "\x00" + name,
		})
		return true
	}
	return false
}

// personID reports an id that names a person (the other side of a
// relation) rather than a tenant.
func personID(col string, names []string) bool {
	for _, n := range append([]string{col}, names...) {
		l := strings.ToLower(strings.ReplaceAll(n, "_", ""))
		for _, w := range []string{"org", "workspace", "team", "tenant", "account", "company", "project", "customer"} {
			if strings.Contains(l, w) {
				return false
			}
		}
	}
	return true
}

// anchored reports whether the query also filters or writes the caller.
func anchored(q *flow.Query) bool {
	for _, c := range append(append([]flow.Column{}, q.Filters...), q.Data...) {
		if c.Op != "neq" && c.Value.Is(flow.Identity|flow.Owned) && !c.Value.Is(flow.Request) {
			return true
		}
	}
	return false
}

// severity is the finding's severity, or false when the database enforces
// ownership (a user-scoped client on an owner-scoped table).
func severity(model *pgmodel.Model, q *flow.Query) (analyzers.Severity, bool) {
	if q.Privileged() {
		return analyzers.High, true
	}
	prot, _ := flow.TableProtection(model, q.Table, q.Op)
	switch prot {
	case flow.ProtectionOwner:
		return 0, false
	case flow.ProtectionNone, flow.ProtectionWeak:
		return analyzers.High, true
	}
	return analyzers.Medium, true
}

func clientClause(model *pgmodel.Model, q *flow.Query) string {
	switch q.ClientKind() {
	case flow.ClientSupabaseService:
		return "through the service-role client, which bypasses row-level security"
	case flow.ClientPrisma:
		return "through Prisma, which connects as a database owner and applies no row-level security"
	case flow.ClientDrizzle:
		return "through Drizzle, which connects directly and applies no row-level security"
	case flow.ClientSQL:
		return "in raw SQL on a direct connection, where no row-level security applies"
	}
	prot, _ := flow.TableProtection(model, q.Table, q.Op)
	switch prot {
	case flow.ProtectionNone:
		return fmt.Sprintf("and `%s` has row-level security disabled, so the database does not stop it", q.Table)
	case flow.ProtectionWeak:
		return fmt.Sprintf("and `%s`'s policies let any signed-in user reach rows that are not theirs", q.Table)
	}
	return "and nothing ties it to the signed-in user (row-level security on this table is not visible in the repository's migrations)"
}

func describeTable(q *flow.Query) string {
	t := "a query"
	if q.Table != "" {
		t = "`" + q.Table + "`"
	}
	if q.Via != "" {
		t += " via `" + q.Via + "()`"
	}
	return t
}

func describeKind(k string) string {
	switch k {
	case flow.KindBody:
		return "request body"
	case flow.KindQuery:
		return "query string"
	case flow.KindParams:
		return "route params"
	case flow.KindForm:
		return "form data"
	case flow.KindHeader:
		return "request headers"
	case flow.KindCookie:
		return "cookies"
	case flow.KindArgs:
		return "server action's arguments (any client can call the action with any value)"
	}
	return "request"
}

func attack(q *flow.Query, c flow.Column, fa *flow.Func) string {
	who := "any signed-in user"
	if !fa.Authenticated() {
		who = "anyone"
	}
	rows := q.Table
	if rows == "" {
		rows = "rows"
	}
	switch {
	case c.Op == "set" && q.Op == flow.OpInsert:
		return fmt.Sprintf("%s can create %s that belong to another user by sending that user's id.", who, rows)
	case c.Op == "set":
		return fmt.Sprintf("%s can move %s to another owner by sending that owner's id.", who, rows)
	case q.Op == flow.OpUpdate || q.Op == flow.OpUpsert:
		return fmt.Sprintf("%s can change another user's %s by sending that user's id.", who, rows)
	case q.Op == flow.OpDelete:
		return fmt.Sprintf("%s can delete another user's %s by sending that user's id.", who, rows)
	}
	return fmt.Sprintf("%s can read another user's %s by sending that user's id.", who, rows)
}

// identityExpr names how this handler gets the caller's id, for the fix.
func identityExpr(fa *flow.Func) (string, string) {
	for _, c := range fa.AuthChecks {
		if c.Unverified {
			continue
		}
		t := c.Text
		switch {
		case strings.Contains(t, "getUser") || strings.Contains(t, "getClaims"):
			return "user.id", "`supabase.auth.getUser()`"
		case strings.HasPrefix(t, "auth(") || strings.HasSuffix(t, ".auth()"):
			if v := fa.Env("userId"); v != nil && v.Is(flow.Identity) {
				return "userId", "`auth()`"
			}
			return "session.user.id", "`auth()`"
		case strings.Contains(t, "getServerSession"):
			return "session.user.id", "`getServerSession()`"
		case strings.Contains(t, "currentUser"):
			return "user.id", "`currentUser()`"
		}
	}
	for _, n := range []string{"user", "session", "userId", "currentUser"} {
		if v := fa.Env(n); v != nil && v.Is(flow.Identity) {
			switch n {
			case "session":
				return "session.user.id", "the session"
			case "userId":
				return "userId", "the session"
			}
			return n + ".id", "the session"
		}
	}
	return "", ""
}

func fixText(fa *flow.Func, name string, q *flow.Query) string {
	expr, src := identityExpr(fa)
	if expr == "" {
		return fmt.Sprintf("Authenticate the caller first (for Supabase `const { data: { user } } = await supabase.auth.getUser()`, for Auth.js `const session = await auth()`) and use the session's id instead of `%s`; if the caller may act for others (an org admin), check that membership before the query.", name)
	}
	return fmt.Sprintf("Take the owner from %s: use `%s` instead of `%s`, or compare the two and return 403 when they differ; stop reading `%s` from the request.", src, expr, name, name)
}

// suggestion replaces the request value with the session's id when the
// handler has it in a variable.
func suggestion(h *flow.Handler, c flow.Column) *string {
	expr, _ := identityExpr(h.Func)
	if expr == "" || c.Node == nil {
		return nil
	}
	val := c.Node
	if c.Node.Type() == "pair" {
		val = c.Node.ChildByFieldName("value")
	}
	if val == nil || syntax.Line(val) != syntax.EndLine(val) || syntax.Line(c.Node) != syntax.EndLine(c.Node) {
		return nil
	}
	if c.Node.Type() == "shorthand_property_identifier" {
		val = nil
	}
	lines := strings.Split(string(h.Syntax.Src), "\n")
	ln := syntax.Line(c.Node)
	if ln < 1 || ln > len(lines) {
		return nil
	}
	line := lines[ln-1]
	var out string
	if val == nil {
		name := h.Syntax.Text(c.Node)
		start := int(c.Node.StartPoint().Column)
		out = line[:start] + name + ": " + expr + line[start+len(name):]
	} else {
		start, end := int(val.StartPoint().Column), int(val.EndPoint().Column)
		if end > len(line) || start > end {
			return nil
		}
		out = line[:start] + expr + line[end:]
	}
	return &out
}

// resourceID reports a row picked by a request id, in a signed-in handler,
// that is returned or changed without an ownership check.
func resourceID(pass *analyzers.Pass, model *pgmodel.Model, h *flow.Handler, q *flow.Query) bool {
	fa := h.Func
	if !fa.Authenticated() || q.OwnerChecked || q.FilteredBy(flow.Identity|flow.Owned) || q.Op == flow.OpInsert || q.Op == flow.OpRPC {
		return false
	}
	if !q.Privileged() {
		prot, _ := flow.TableProtection(model, q.Table, q.Op)
		if prot != flow.ProtectionNone && prot != flow.ProtectionWeak {
			return false // the database scopes the rows (or we cannot tell)
		}
	}
	for _, c := range q.Filters {
		if c.Op != "neq" && c.Value.Is(flow.Request) && fa.Tied(c.Value) && flow.IsOwnerName(c.Name, pass.Config.TenantColumns) {
			return false // scoped by a tenant id already checked against the caller
		}
	}
	var col *flow.Column
	for i, c := range q.Filters {
		if c.Op == "neq" || !c.Value.Is(flow.Request) || fa.Tied(c.Value) || c.Value.Is(flow.Identity|flow.Owned) {
			continue
		}
		if !idLike(c.Name) {
			continue
		}
		col = &q.Filters[i]
		break
	}
	if col == nil {
		return false
	}
	if !q.Write() && !returned(h, q) {
		return false
	}
	origin, _ := col.Value.First(flow.Request)
	name := origin.Name
	if name == "" {
		name = col.Name
	}
	line := syntax.Line(col.Node)
	what, verb := "returns it", "read"
	switch q.Op {
	case flow.OpUpdate, flow.OpUpsert:
		what, verb = "changes it", "change"
	case flow.OpDelete:
		what, verb = "deletes it", "delete"
	}
	sev := analyzers.High
	if q.Op == flow.OpSelect && !q.Privileged() {
		sev = analyzers.Medium
	}
	msg := fmt.Sprintf("`%s` from the %s picks a row of %s (line %d) %s, and the handler %s without checking the row belongs to the caller: any signed-in user can %s another user's %s by changing the id.",
		name, describeKind(origin.Kind), describeTable(q), line, clientClause(model, q), what, verb, record(q))
	expr, _ := identityExpr(fa)
	if expr == "" {
		expr = "the session user's id"
	} else {
		expr = "`" + expr + "`"
	}
	fix := fmt.Sprintf("Add the owner to the query (filter the owner column by %s), or compare the fetched row's owner with %s and return 404 when they differ.", expr, expr)
	pass.Report(analyzers.Finding{
		Rule: ruleResourceID, Severity: sev, Path: h.Path, StartLine: line, EndLine: syntax.EndLine(col.Node),
		Message: msg, Fix: fix,
		Key: h.Entry.Name + "\x00" + q.Table + "\x00" + q.Op + "\x00" + col.Name + "\x00" + name,
	})
	return true
}

// record names one row of the query's table for messages ("chat", "invoice").
func record(q *flow.Query) string {
	t := strings.ToLower(q.Table)
	switch {
	case t == "":
		return "record"
	case strings.HasSuffix(t, "ies"):
		return t[:len(t)-3] + "y"
	case strings.HasSuffix(t, "ses"), strings.HasSuffix(t, "xes"):
		return t[:len(t)-2]
	case strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss"):
		return t[:len(t)-1]
	}
	return t
}

// idLike: a primary key or a reference to a record (id, chatId, invoice_id, slug).
func idLike(col string) bool {
	l := strings.ToLower(col)
	return l == "id" || strings.HasSuffix(l, "id") || strings.HasSuffix(l, "_id") || l == "uuid" || l == "slug" || l == "key"
}

// returned reports whether rows of q reach the response (or the action's
// return); a server component renders what it reads.
func returned(h *flow.Handler, q *flow.Query) bool {
	if h.Entry.Kind == jsindex.Page {
		return true
	}
	for _, r := range h.Func.Returns {
		for _, o := range r.Value.OriginsOf(flow.Row) {
			if o.Query == q {
				return true
			}
		}
		if r.Node != nil && within(q.Node, r.Node) {
			return true
		}
	}
	return false
}

func within(n, outer *sitter.Node) bool {
	return n.StartByte() >= outer.StartByte() && n.EndByte() <= outer.EndByte()
}
