package dbpolicy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
)

// reporter holds what every check of one pass needs.
type reporter struct {
	pass    *analyzers.Pass
	m       *pgmodel.Model
	changed map[string]bool
	// supabase is true when the schema is served by Supabase's Data API
	// (or looks like it): only then are anon/authenticated reachable.
	supabase bool
	queried  map[string]bool // table names app code passes to .from()
	reported map[string]bool
}

func run(pass *analyzers.Pass) error {
	changed := map[string]bool{}
	for _, f := range pass.Files {
		changed[pass.Path(f)] = true
	}
	m, err := pass.Policy()
	if err != nil {
		return fmt.Errorf("policy model: %w", err)
	}
	touched := false
	for _, p := range m.Migrations {
		if changed[p] {
			touched = true
		}
	}
	if !touched {
		return nil
	}
	// What the model could not follow is said, never guessed.
	for _, o := range m.Opaque {
		if changed[o.Pos.Path] {
			pass.Notice("%s:%d: %s not analyzed (%s): check by hand what it does to row-level security, policies and grants", o.Pos.Path, o.Pos.Line, o.Kind, o.Reason)
		}
	}
	for _, e := range m.Errors {
		if changed[e.Pos.Path] {
			pass.Notice("%s:%d: SQL not analyzed, it does not parse: %s", e.Pos.Path, e.Pos.Line, e.Err)
		}
	}
	r := &reporter{pass: pass, m: m, changed: changed, reported: map[string]bool{}}
	r.supabase = r.detectSupabase()
	r.tables()
	r.policies()
	r.grants()
	r.views()
	r.functions()
	r.storage()
	return nil
}

// report records a finding when its statement is in a migration this side
// changed: problems whose statement the change does not touch predate it.
func (r *reporter) report(rule *analyzers.Rule, sev analyzers.Severity, pos pgmodel.Pos, key, msg, fix string, sugg *suggestion) {
	if !r.changed[pos.Path] || r.reported[rule.ID+"\x00"+key] {
		return
	}
	r.reported[rule.ID+"\x00"+key] = true
	f := analyzers.Finding{Rule: rule, Severity: sev, Path: pos.Path, StartLine: pos.Line, Message: msg, Fix: fix, Key: key}
	if sugg != nil {
		f.EndLine = sugg.end
		f.Suggestion = &sugg.text
	}
	r.pass.Report(f)
}

func (r *reporter) detectSupabase() bool {
	for _, p := range r.m.Migrations {
		if strings.HasPrefix(p, "supabase/") || strings.Contains(p, "/supabase/") {
			return true
		}
	}
	for _, t := range r.m.Tables {
		if !t.Builtin && (t.RLS || len(t.Policies) > 0) {
			return true
		}
		for _, c := range t.Columns {
			if !t.Builtin && c.References != nil && c.References.Schema == "auth" {
				return true
			}
		}
		for who := range t.ACL {
			if !t.Builtin && who == "anon" {
				if g, ok := t.ACL[who]["SELECT"]; ok && !g.Default {
					return true
				}
			}
		}
	}
	if data, err := r.pass.Read("package.json"); err == nil && strings.Contains(string(data), "@supabase/") {
		return true
	}
	if r.pass.Exists("supabase/config.toml") {
		return true
	}
	return false
}

var fromCall = regexp.MustCompile(`\.from\(\s*['"` + "`" + `]([A-Za-z0-9_.]+)['"` + "`" + `]`)

// appQueries reports whether application code queries table name through a
// Supabase client (`.from('name')`).
func (r *reporter) appQueries(name string) bool {
	if r.queried == nil {
		r.queried = map[string]bool{}
		entries, err := r.pass.List()
		if err == nil {
			n := 0
			for _, e := range entries {
				p := e.Path
				if strings.Contains("/"+p, "/node_modules/") || !hasAnySuffix(p, ".ts", ".tsx", ".js", ".jsx", ".mjs", ".vue", ".svelte") {
					continue
				}
				if n++; n > 3000 {
					break
				}
				data, err := r.pass.Read(p)
				if err != nil || len(data) > 1<<20 {
					continue
				}
				for _, m := range fromCall.FindAllStringSubmatch(string(data), -1) {
					r.queried[m[1]] = true
				}
			}
		}
	}
	return r.queried[name] || r.queried["public."+name]
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// clientPrivileges lists what anon and authenticated may do on an ACL.
func clientPrivileges(acl pgmodel.ACL) (anon, authn []string) {
	for _, p := range pgmodel.TablePrivileges {
		if p == "REFERENCES" || p == "TRIGGER" {
			continue
		}
		if _, ok := acl.Effective("anon", p); ok {
			anon = append(anon, p)
		}
		if _, ok := acl.Effective("authenticated", p); ok {
			authn = append(authn, p)
		}
	}
	return anon, authn
}

func ownerPhrase(m *pgmodel.Model, t *pgmodel.Table) string {
	cols := m.OwnerColumns(t)
	if len(cols) == 0 {
		return ""
	}
	return fmt.Sprintf(" (rows belong to users/tenants through `%s`)", strings.Join(cols, "`, `"))
}

// ---- tables ----

func (r *reporter) tables() {
	for _, t := range r.m.SortedTables() {
		if t.Builtin || !r.m.Exposed(t.Schema) {
			continue
		}
		q := t.QName().String()
		if !t.RLS && r.supabase && !r.opaqueRLS(t) {
			anon, authn := clientPrivileges(t.ACL)
			if len(anon) == 0 && len(authn) == 0 {
				continue
			}
			owned := r.m.Owned(t)
			sev := analyzers.High
			why := ""
			if owned {
				sev = analyzers.Critical
				why = ownerPhrase(r.m, t)
			} else if col, parent := r.m.OwnedThrough(t); parent != nil {
				owned = true
				sev = analyzers.Critical
				why = fmt.Sprintf(" (rows belong to users through `%s` → `%s`)", col, parent.QName())
			} else if r.appQueries(t.Name) {
				sev = analyzers.Critical
				why = " (the app queries it with `.from('" + t.Name + "')`)"
			}
			who := "anyone with the anon key — it ships in your frontend —"
			privs := anon
			if len(anon) == 0 {
				who, privs = "every signed-in user", authn
			}
			enable := fmt.Sprintf("alter table %s enable row level security;", q)
			policy := ""
			if cols := r.m.OwnerColumns(t); len(cols) > 0 {
				policy = fmt.Sprintf(" and a policy such as `create policy \"owner\" on %s for all to authenticated using ((select auth.uid()) = %s) with check ((select auth.uid()) = %s);`", q, cols[0], cols[0])
			}
			fix := fmt.Sprintf("Add `%s`%s; if only server code should touch it, also `revoke all on %s from anon, authenticated;`.", enable, policy, q)
			if !t.RLSPos.IsZero() {
				extra := ""
				if len(t.Policies) > 0 {
					extra = fmt.Sprintf(" Its %d policies no longer apply.", len(t.Policies))
				}
				sev = analyzers.Critical
				if !owned && !r.appQueries(t.Name) && len(t.Policies) == 0 {
					sev = analyzers.High
				}
				r.report(ruleRLSDisabled, sev, t.RLSPos, q,
					fmt.Sprintf("This disables row-level security on `%s`%s: %s can now %s every row through the Data API (`/rest/v1/%s`).%s", q, why, who, verbs(privs), t.Name, extra),
					fmt.Sprintf("Remove the statement and keep RLS on (`%s`); change the policies instead if they were in the way.", enable), nil)
				continue
			}
			r.report(ruleTableWithoutRLS, sev, t.Pos, q,
				fmt.Sprintf("`%s` is in the exposed `%s` schema without row-level security%s: %s can %s every row through the Data API (`/rest/v1/%s`).", q, t.Schema, why, who, verbs(privs), t.Name),
				fix, nil)
		}
		if t.ForceRemoved && t.RLS {
			r.report(ruleForceRemoved, 0, t.ForcePos, q,
				fmt.Sprintf("This removes FORCE ROW LEVEL SECURITY from `%s`: the table owner, and every SECURITY DEFINER function and owner-run view reading it, bypasses its policies again and sees every row.", q),
				fmt.Sprintf("Keep `alter table %s force row level security;` unless nothing owner-run reads the table.", q), nil)
		}
	}
}

// opaqueRLS reports whether a statement the model could not follow (a DO
// block looping over tables, dynamic SQL) may have changed t's row-level
// security after t's state was last set: then its state is unknown and no
// finding is made.
func (r *reporter) opaqueRLS(t *pgmodel.Table) bool {
	last := r.m.Later(t.Pos, t.RLSPos)
	for _, o := range r.m.Opaque {
		txt := strings.ToLower(o.Text)
		if !strings.Contains(txt, "row level security") && !strings.Contains(txt, "rowsecurity") {
			continue
		}
		if r.m.Later(last, o.Pos) != o.Pos || o.Pos == last {
			continue
		}
		if strings.Contains(txt, t.Name) || strings.Contains(txt, "execute") || strings.Contains(txt, "format(") {
			return true
		}
	}
	return false
}

func verbs(privs []string) string {
	var out []string
	for _, p := range privs {
		switch p {
		case "SELECT":
			out = append(out, "read")
		case "INSERT":
			out = append(out, "insert")
		case "UPDATE":
			out = append(out, "change")
		case "DELETE":
			out = append(out, "delete")
		}
	}
	if len(out) == 0 {
		return "reach"
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// ---- policies ----

// audience describes who a policy lets in.
func audience(p *pgmodel.Policy) (string, bool) {
	anon := p.AppliesTo("anon")
	if anon {
		return "anyone with the anon key (every visitor, signed in or not)", true
	}
	if p.AppliesTo("authenticated") {
		return "every signed-in user (sign-up is open to anyone)", false
	}
	return "", false
}

func cmdVerb(cmd string) string {
	switch cmd {
	case pgmodel.CmdSelect:
		return "read"
	case pgmodel.CmdInsert:
		return "insert"
	case pgmodel.CmdUpdate:
		return "change"
	case pgmodel.CmdDelete:
		return "delete"
	}
	return "read, insert, change and delete"
}

// exprsFor returns the expressions that decide p's command.
func exprsFor(p *pgmodel.Policy) []*pgmodel.Expr {
	switch p.Command {
	case pgmodel.CmdInsert:
		if p.Check != nil {
			return []*pgmodel.Expr{p.Check}
		}
		return []*pgmodel.Expr{p.Using}
	case pgmodel.CmdSelect, pgmodel.CmdDelete:
		return []*pgmodel.Expr{p.Using}
	}
	out := []*pgmodel.Expr{p.Using}
	if p.Check != nil {
		out = append(out, p.Check)
	}
	return out
}

func (r *reporter) scope(t *pgmodel.Table, p *pgmodel.Policy) pgmodel.Scope {
	best := pgmodel.ScopeOwner
	for _, e := range exprsFor(p) {
		if s := r.m.Classify(t, e); s < best {
			best = s
		}
	}
	return best
}

func commandsOverlap(a, b string) bool {
	return a == b || a == pgmodel.CmdAll || b == pgmodel.CmdAll
}

func rolesOverlap(a, b *pgmodel.Policy) bool {
	for _, r := range []string{"anon", "authenticated"} {
		if a.AppliesTo(r) && b.AppliesTo(r) {
			return true
		}
	}
	return false
}

func isStorageObjects(t *pgmodel.Table) bool { return t.Schema == "storage" && t.Name == "objects" }

func (r *reporter) policies() {
	for _, t := range r.m.SortedTables() {
		if !r.m.Exposed(t.Schema) && !isStorageObjects(t) {
			continue
		}
		q := t.QName().String()
		owned := r.m.Owned(t)
		unindexed := map[string]bool{}
		for _, p := range t.Policies {
			who, anon := audience(p)
			key := q + "/" + p.Name
			if who == "" {
				continue // service_role or other server roles only
			}
			main := false
			if p.Using.ReadsUserMetadata() || p.Check.ReadsUserMetadata() {
				main = true
				r.report(ruleUserMetadata, 0, p.Pos, key,
					fmt.Sprintf("Policy %q on `%s` decides on user metadata (`user_metadata` / `raw_user_meta_data`), which every user can set on their own account with `supabase.auth.updateUser({ data: … })`: anyone can grant themselves what this policy grants.", p.Name, q),
					"Read the claim from `auth.jwt() -> 'app_metadata'` (writable only with the service role) or look the user up in a roles/memberships table.", nil)
			}
			if p.Permissive && !isStorageObjects(t) && !t.Builtin {
				main = r.policyProblems(t, p, owned, who, anon, key) || main
			}
			if isStorageObjects(t) && r.storageProblem(t, p) != "" {
				main = true
			}
			// A policy with a real hole gets that finding only; tuning
			// advice on it would be noise.
			if main {
				continue
			}
			if calls := p.Using.UnwrappedCallerCalls() + p.Check.UnwrappedCallerCalls(); calls > 0 {
				r.report(ruleUIDNotWrapped, 0, p.Pos, key,
					fmt.Sprintf("Policy %q on `%s` calls auth.uid()/auth.jwt() directly, so PostgreSQL evaluates it once per row scanned instead of once per statement; on large tables every query through the Data API slows down.", p.Name, q),
					"Wrap the call in a scalar subquery: `(select auth.uid())`.", r.wrapSuggestion(p.Pos))
			}
			if !isStorageObjects(t) && !t.Builtin {
				for _, c := range r.m.CallerColumns(t, p.Using) {
					r.checkIndex(t, p, c, unindexed)
				}
				for _, c := range r.m.CallerColumns(t, p.Check) {
					r.checkIndex(t, p, c, unindexed)
				}
			}
		}
	}
}

// policyProblems reports the access problems of one permissive policy and
// says whether it found any.
func (r *reporter) policyProblems(t *pgmodel.Table, p *pgmodel.Policy, owned bool, who string, anon bool, key string) bool {
	q := t.QName().String()
	found := false
	sc := r.scope(t, p)
	verb := cmdVerb(p.Command)
	switch {
	case sc == pgmodel.ScopeAlways && (p.Command != pgmodel.CmdSelect || (owned && !r.publicProfile(t))):
		found = true
		sev := analyzers.High
		switch {
		case owned && (anon || p.Command != pgmodel.CmdSelect):
			sev = analyzers.Critical
		case !owned && p.Command == pgmodel.CmdInsert:
			sev = analyzers.Medium // open sign-up/contact-form style inserts: spam, not a leak
		case anon:
			sev = analyzers.Critical
		}
		r.report(ruleAlwaysTrue, sev, p.Pos, key,
			fmt.Sprintf("Policy %q on `%s` admits every row: %s can %s all rows of `%s`%s, not just their own.", p.Name, q, who, verb, q, ownerPhrase(r.m, t)),
			r.ownerFix(t, p), nil)
	case owned && sc == pgmodel.ScopeAuthOnly:
		found = true
		r.report(ruleNoOwnerCheck, 0, p.Pos, key,
			fmt.Sprintf("Policy %q on `%s` only checks that the caller is signed in: %s can %s every user's rows%s.", p.Name, q, who, verb, ownerPhrase(r.m, t)),
			r.ownerFix(t, p), nil)
	case owned && sc == pgmodel.ScopeNoCaller:
		sib := r.ownerScopedSibling(t, p)
		write := p.Command != pgmodel.CmdSelect
		switch {
		case sib != nil && (write || nonSelective(p)):
			found = true
			r.report(ruleWidening, 0, p.Pos, key,
				fmt.Sprintf("Policy %q on `%s` does not check the caller and is OR-ed with the owner-scoped policy %q: %s can %s any row it matches, whoever owns it.", p.Name, q, sib.Name, who, verb),
				fmt.Sprintf("Fold its condition into %q, or make it `as restrictive` so it narrows instead of widens.", sib.Name), nil)
		case sib == nil && write:
			found = true
			r.report(ruleNoOwnerCheck, 0, p.Pos, key,
				fmt.Sprintf("Policy %q on `%s` never looks at the caller: %s can %s every row it matches%s.", p.Name, q, who, verb, ownerPhrase(r.m, t)),
				r.ownerFix(t, p), nil)
		}
	}
	if (p.Command == pgmodel.CmdUpdate || p.Command == pgmodel.CmdAll) && p.Check == nil && owned &&
		r.m.Classify(t, p.Using) >= pgmodel.ScopeCallerCheck {
		if free := r.unpinnedOwnerColumns(t, p); len(free) > 0 {
			found = true
			r.report(ruleUpdateWithoutCheck, 0, p.Pos, key,
				fmt.Sprintf("Policy %q on `%s` has no WITH CHECK and its USING does not pin `%s`: a user can update their own rows to set `%s` to another user's or tenant's id, planting rows in their space.", p.Name, q, strings.Join(free, "`, `"), free[0]),
				fmt.Sprintf("Add a WITH CHECK that constrains `%s` the same way USING constrains the owner, e.g. `with check (%s)` extended to `%s`.", strings.Join(free, "`, `"), p.Using.Text, free[0]), nil)
		}
	}
	return found
}

var profileName = regexp.MustCompile(`(?i)profile|public|author`)

// publicProfile: a one-row-per-user table keyed by the user id whose name
// says it is public (the Supabase quickstart's "public profiles are
// viewable by everyone"); reading it in full is the design.
func (r *reporter) publicProfile(t *pgmodel.Table) bool {
	cols := r.m.OwnerColumns(t)
	return len(cols) == 1 && len(t.PrimaryKey) == 1 && t.PrimaryKey[0] == cols[0] && profileName.MatchString(t.Name)
}

func (r *reporter) checkIndex(t *pgmodel.Table, p *pgmodel.Policy, col string, seen map[string]bool) {
	if seen[col] || t.Column(col) == nil || t.HasIndexOn(col) {
		return
	}
	seen[col] = true
	q := t.QName().String()
	r.report(ruleOwnerUnindexed, 0, p.Pos, q+"/"+col,
		fmt.Sprintf("Policy %q filters `%s` on `%s` for every query, and no index leads with `%s`: each read through the Data API scans the whole table.", p.Name, q, col, col),
		fmt.Sprintf("`create index on %s (%s);`", q, col), nil)
}

// ownerScopedSibling finds a permissive policy that ties rows to the caller
// for an overlapping role and command.
func (r *reporter) ownerScopedSibling(t *pgmodel.Table, p *pgmodel.Policy) *pgmodel.Policy {
	for _, o := range t.Policies {
		if o != p && o.Permissive && commandsOverlap(o.Command, p.Command) && rolesOverlap(o, p) && r.scope(t, o) == pgmodel.ScopeOwner {
			return o
		}
	}
	return nil
}

// nonSelective: a select filter that lets (nearly) every row through —
// `col is not null`, `id > 0` — as opposed to a visibility flag.
func nonSelective(p *pgmodel.Policy) bool {
	txt := strings.ToLower(p.Using.Text)
	return strings.Contains(txt, "is not null") || regexp.MustCompile(`> 0\b|>= 0\b`).MatchString(txt)
}

func (r *reporter) unpinnedOwnerColumns(t *pgmodel.Table, p *pgmodel.Policy) []string {
	pinned := map[string]bool{}
	for _, c := range r.m.CallerColumns(t, p.Using) {
		pinned[c] = true
	}
	for _, c := range t.PrimaryKey {
		pinned[c] = true
	}
	var free []string
	for _, c := range r.m.OwnerColumns(t) {
		if !pinned[c] {
			free = append(free, c)
		}
	}
	return free
}

func (r *reporter) ownerFix(t *pgmodel.Table, p *pgmodel.Policy) string {
	cols := r.m.OwnerColumns(t)
	if len(cols) == 0 {
		return fmt.Sprintf("Restrict %q to the rows the caller owns, or drop it if only the server needs this access.", p.Name)
	}
	cond := fmt.Sprintf("(select auth.uid()) = %s", cols[0])
	for _, c := range cols {
		if c != "user_id" && c != "owner_id" && strings.HasSuffix(c, "_id") && c != "created_by" && c != "author_id" && c != "profile_id" {
			if c == cols[0] {
				cond = fmt.Sprintf("%s in (select %s from memberships where user_id = (select auth.uid()))", c, c)
			}
		}
	}
	switch p.Command {
	case pgmodel.CmdInsert:
		return fmt.Sprintf("Tie the new row to the caller: `with check (%s)`.", cond)
	case pgmodel.CmdSelect, pgmodel.CmdDelete:
		return fmt.Sprintf("Tie rows to the caller: `using (%s)`.", cond)
	}
	return fmt.Sprintf("Tie rows to the caller: `using (%s) with check (%s)`.", cond, cond)
}

// ---- grants ----

func (r *reporter) grants() {
	if !r.supabase {
		return
	}
	check := func(q string, acl pgmodel.ACL, open bool, kind string) {
		type at struct {
			pos     pgmodel.Pos
			grantee string
		}
		byPos := map[at][]string{}
		for _, who := range []string{"anon", pgmodel.Public} {
			for _, p := range pgmodel.WritePrivileges {
				g, ok := acl[who][p]
				if !ok || g.Default {
					continue
				}
				// pg_dump and `supabase db diff` restate the default grants
				// for anon, authenticated and service_role side by side.
				if sr, ok := acl["service_role"][p]; ok && g.Restated && !sr.Default && sr.Pos.Path == g.Pos.Path {
					continue
				}
				byPos[at{g.Pos, who}] = append(byPos[at{g.Pos, who}], p)
			}
		}
		keys := make([]at, 0, len(byPos))
		for k := range byPos {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].pos.Line < keys[j].pos.Line })
		for _, k := range keys {
			privs := byPos[k]
			sev := analyzers.High
			consequence := "the policies are now the only thing between visitors who never signed in and these writes"
			if open {
				sev = analyzers.Critical
				consequence = "and nothing else stands in the way: no row-level security applies"
			}
			if contains(privs, "TRUNCATE") {
				consequence += "; TRUNCATE ignores row-level security and empties the table in one call"
			}
			r.report(ruleAnonWriteGrant, sev, k.pos, q+"/"+k.grantee,
				fmt.Sprintf("This grants %s on %s `%s` to %s, so anyone with the anon key can %s rows without signing in — %s.", strings.Join(privs, ", "), kind, q, k.grantee, verbs(privs), consequence),
				fmt.Sprintf("Grant writes to `authenticated` only (`revoke %s on %s from anon;`) and keep owner-scoped policies for them.", strings.ToLower(strings.Join(privs, ", ")), q), nil)
		}
	}
	for _, t := range r.m.SortedTables() {
		if !t.Builtin && r.m.Exposed(t.Schema) {
			check(t.QName().String(), t.ACL, !t.RLS, "table")
		}
	}
	for _, v := range r.m.SortedViews() {
		if r.m.Exposed(v.Schema) {
			check(v.QName().String(), v.ACL, !v.SecurityInvoker, "view")
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// ---- views ----

// underlying returns the tables a view reads, through other views.
func (r *reporter) underlying(v *pgmodel.View, seen map[pgmodel.QName]bool) []*pgmodel.Table {
	var out []*pgmodel.Table
	for _, q := range v.Reads {
		if seen[q] {
			continue
		}
		seen[q] = true
		if t := r.m.Tables[q]; t != nil {
			out = append(out, t)
		} else if inner := r.m.Views[q]; inner != nil {
			out = append(out, r.underlying(inner, seen)...)
		}
	}
	return out
}

func (r *reporter) views() {
	for _, v := range r.m.SortedViews() {
		if !r.m.Exposed(v.Schema) || (v.SecurityInvoker && !v.Materialized) {
			continue
		}
		_, anonSel := v.ACL.Effective("anon", "SELECT")
		_, authSel := v.ACL.Effective("authenticated", "SELECT")
		if !anonSel && !authSel {
			continue
		}
		who := "every signed-in user"
		if anonSel {
			who = "anyone with the anon key"
		}
		q := v.QName().String()
		kind, fix := "view", fmt.Sprintf("Create it `with (security_invoker = true)` (or `alter view %s set (security_invoker = true);`) so the tables' policies apply to the caller; if it must aggregate across users, move it to a private schema and expose a function that checks the caller.", q)
		if v.Materialized {
			kind = "materialized view"
			fix = fmt.Sprintf("Materialized views cannot apply row-level security: `revoke select on %s from anon, authenticated;` and serve the data through a view or function that filters by `(select auth.uid())`, or move it to a private schema.", q)
		}
		tables := r.underlying(v, map[pgmodel.QName]bool{})
		var users bool
		var rls []string
		owned := false
		for _, t := range tables {
			if t.Schema == "auth" && t.Name == "users" {
				users = true
			}
			if t.RLS {
				rls = append(rls, "`"+t.QName().String()+"`")
				owned = owned || r.m.Owned(t)
			}
		}
		switch {
		case users:
			r.report(ruleViewAuthUsers, 0, v.OptionsPos, q,
				fmt.Sprintf("The %s `%s` reads `auth.users` with its owner's rights and is served by the Data API: %s can list every user's email and metadata at `/rest/v1/%s`.", kind, q, who, v.Name),
				fmt.Sprintf("Expose only what is public through a `profiles` table with owner-scoped policies, or `revoke select on %s from anon, authenticated;` and move it to a private schema.", q), nil)
		case len(rls) > 0:
			sev := analyzers.High
			if owned {
				sev = analyzers.Critical
			}
			r.report(ruleViewBypass, sev, v.OptionsPos, q,
				fmt.Sprintf("The %s `%s` reads %s with its owner's rights, so their row-level security does not apply: %s can read every row through `/rest/v1/%s`, including other users' data.", kind, q, strings.Join(rls, ", "), who, v.Name),
				fix, nil)
		}
	}
}

// ---- functions ----

func (r *reporter) functions() {
	for _, f := range r.m.SortedFunctions() {
		if f.Builtin || !f.SecurityDefiner || !r.m.Exposed(f.Schema) {
			continue
		}
		sig := f.Schema + "." + f.Signature()
		if _, ok := f.SearchPath(); !ok {
			r.report(ruleDefinerSearchPath, 0, r.m.Later(f.SecurityPos, f.ConfigPos), f.Key(),
				fmt.Sprintf("`%s` is SECURITY DEFINER without a fixed search_path: it runs with its owner's rights and resolves unqualified names through the caller's search_path, so a caller who can create objects in a schema on that path can make it run their code with those rights.", sig),
				fmt.Sprintf("Add `set search_path = ''` to the function (`alter function %s set search_path = '';`) and schema-qualify every name in its body.", sig), nil)
		}
		if f.IsTrigger() {
			continue
		}
		if _, ok := f.ACL.Effective("anon", "EXECUTE"); !ok || f.ChecksCaller() {
			continue
		}
		sev := analyzers.High
		what := "read data past row-level security"
		if f.WritesData() {
			sev = analyzers.Critical
			what = "change data past row-level security"
		}
		r.report(ruleDefinerExposed, sev, f.Pos, f.Key(),
			fmt.Sprintf("`%s` is SECURITY DEFINER, sits in the exposed `%s` schema and anon may execute it (EXECUTE goes to PUBLIC by default), and its body never checks the caller: anyone with the anon key can call `/rest/v1/rpc/%s` with any arguments and %s as the function's owner.", sig, f.Schema, f.Name, what),
			fmt.Sprintf("Check the caller in the body (compare with `(select auth.uid())`), and `revoke execute on function %s from public, anon;` — or move it to a private schema if only server code calls it.", sig), nil)
	}
}

// ---- storage ----

var (
	publicBucketName  = regexp.MustCompile(`(?i)avatar|public|asset|static|logo|banner|thumbnail|og-image|marketing|cover|emoji|icon`)
	privateBucketName = regexp.MustCompile(`(?i)invoice|receipt|document|private|upload|attachment|contract|export|backup|kyc|passport|identity|medical|resume|statement|payslip|tax|report|secret|user`)
	bucketEq          = regexp.MustCompile(`bucket_id\s*=\s*'([^']+)'`)
)

func (r *reporter) storage() {
	ids := make([]string, 0, len(r.m.Buckets))
	for id := range r.m.Buckets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		b := r.m.Buckets[id]
		if !b.Public || publicBucketName.MatchString(id) {
			continue
		}
		sev := analyzers.High
		if privateBucketName.MatchString(id) {
			sev = analyzers.Critical
		}
		r.report(rulePublicBucket, sev, b.Pos, "bucket/"+id,
			fmt.Sprintf("The storage bucket %q is public: every file in it is served to anyone with its URL (`/storage/v1/object/public/%s/…`) with no policy check, so one leaked or guessed path exposes a user's file.", id, id),
			fmt.Sprintf("Keep it private (`public = false`) and give users signed URLs (`supabase.storage.from('%s').createSignedUrl(path, 60)`), with storage.objects policies that check `(select auth.uid())`.", id), nil)
	}
	t := r.m.Table("storage", "objects")
	if t == nil {
		return
	}
	for _, p := range t.Policies {
		who, anon := audience(p)
		where := r.storageProblem(t, p)
		if where == "" {
			continue
		}
		sev := analyzers.High
		if anon || p.Command != pgmodel.CmdSelect {
			sev = analyzers.Critical
		}
		r.report(ruleStorageNoOwner, sev, p.Pos, "storage.objects/"+p.Name,
			fmt.Sprintf("Storage policy %q only checks the bucket: %s can %s every user's files in %s.", p.Name, who, cmdVerb(p.Command), where),
			"Add an owner check: `and (select auth.uid()) = owner` or `and (storage.foldername(name))[1] = (select auth.uid())::text` with uploads under `<user id>/…`.", nil)
	}
}

// storageProblem says where a storage.objects policy opens other users'
// files ("bucket \"docs\"", "any bucket"), or "" when it does not.
func (r *reporter) storageProblem(t *pgmodel.Table, p *pgmodel.Policy) string {
	if who, _ := audience(p); who == "" || !p.Permissive {
		return ""
	}
	if r.scope(t, p) >= pgmodel.ScopeCallerCheck {
		return ""
	}
	bucket := ""
	for _, e := range exprsFor(p) {
		if e != nil {
			if m := bucketEq.FindStringSubmatch(e.Text); m != nil {
				bucket = m[1]
			}
		}
	}
	if p.Command == pgmodel.CmdSelect && bucket != "" {
		if b := r.m.Buckets[bucket]; (b != nil && b.Public) || publicBucketName.MatchString(bucket) {
			return "" // files meant to be public
		}
	}
	if bucket != "" {
		return fmt.Sprintf("bucket %q", bucket)
	}
	return "any bucket"
}

// ---- suggestions ----

type suggestion struct {
	text string
	end  int
}

var unwrapped = regexp.MustCompile(`(?i)(\(\s*select\s+)?\bauth\.(uid|jwt|role)\(\)`)

// wrapSuggestion rewrites the policy statement starting at pos with every
// bare auth.uid()/auth.jwt()/auth.role() wrapped in a scalar subquery.
func (r *reporter) wrapSuggestion(pos pgmodel.Pos) *suggestion {
	data, err := r.pass.Read(pos.Path)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return nil
	}
	end := pos.Line
	for end <= len(lines) && end-pos.Line < 40 {
		code, _, _ := strings.Cut(lines[end-1], "--")
		if strings.Contains(code, ";") {
			break
		}
		end++
	}
	if end > len(lines) {
		return nil
	}
	out := make([]string, 0, end-pos.Line+1)
	for _, l := range lines[pos.Line-1 : end] {
		out = append(out, unwrapped.ReplaceAllStringFunc(l, func(s string) string {
			if strings.HasPrefix(s, "(") {
				return s
			}
			return "(select " + s + ")"
		}))
	}
	return &suggestion{text: strings.Join(out, "\n"), end: end}
}
