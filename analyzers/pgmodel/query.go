package pgmodel

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// OwnerColumns returns the columns of t that tie a row to a user or tenant:
// configured owner/tenant names, and foreign keys to auth.users.
func (m *Model) OwnerColumns(t *Table) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, c := range t.Columns {
		if m.isOwnerColumn(c) {
			out = append(out, c.Name)
		}
	}
	return out
}

func (m *Model) isOwnerColumn(c *Column) bool {
	if c.References != nil && *c.References == (QName{"auth", "users"}) {
		return true
	}
	for _, n := range m.opts.OwnerColumns {
		if strings.EqualFold(c.Name, n) {
			return true
		}
	}
	return false
}

// Owned reports whether t has an owner or tenant column.
func (m *Model) Owned(t *Table) bool { return len(m.OwnerColumns(t)) > 0 }

// policyExprFor returns the expression that filters rows for cmd.
func policyExprFor(p *Policy, cmd string) *Expr {
	if cmd == CmdInsert {
		if p.Check != nil {
			return p.Check
		}
		return p.Using
	}
	return p.Using
}

// Applicable returns t's policies of the given kind that apply to role and cmd.
func (m *Model) Applicable(t *Table, role, cmd string, permissive bool) []*Policy {
	var out []*Policy
	for _, p := range t.Policies {
		if p.Permissive == permissive && p.AppliesTo(role) && p.AppliesToCommand(cmd) {
			out = append(out, p)
		}
	}
	return out
}

// CanAccess reports whether role holds the table privilege for cmd on t
// (directly or through PUBLIC).
func (m *Model) CanAccess(t *Table, role, cmd string) bool {
	_, ok := t.ACL.Effective(role, cmd)
	return ok
}

// ProtectedForUser reports whether a user-scoped client (role
// authenticated) is confined to its own rows on t for cmd: either it has no
// privilege at all, or RLS is enabled and every permissive policy for the
// role and command (or a restrictive one) ties rows to the caller or checks
// who the caller is. No permissive policy means no rows (default deny).
func (m *Model) ProtectedForUser(t *Table, cmd string) bool {
	return m.protectedFor(t, "authenticated", cmd)
}

// ProtectedForAnon is ProtectedForUser for the anon role (the public key).
func (m *Model) ProtectedForAnon(t *Table, cmd string) bool {
	return m.protectedFor(t, "anon", cmd)
}

func (m *Model) protectedFor(t *Table, role, cmd string) bool {
	if t == nil {
		return false
	}
	if !m.CanAccess(t, role, cmd) {
		return true
	}
	if !t.RLS {
		return false
	}
	for _, p := range m.Applicable(t, role, cmd, false) {
		if m.Classify(t, policyExprFor(p, cmd)) >= ScopeCallerCheck {
			return true
		}
	}
	for _, p := range m.Applicable(t, role, cmd, true) {
		if m.Classify(t, policyExprFor(p, cmd)) < ScopeCallerCheck {
			return false
		}
	}
	return true
}

// Relation resolves a name as application code uses it (supabase.from('x')
// or "schema.x") to a table or view in an exposed schema.
func (m *Model) Relation(name string) (*Table, *View) {
	if s, n, ok := strings.Cut(name, "."); ok {
		return m.Tables[QName{s, n}], m.Views[QName{s, n}]
	}
	for _, s := range m.ExposedSchemas() {
		if t := m.Tables[QName{s, name}]; t != nil {
			return t, nil
		}
		if v := m.Views[QName{s, name}]; v != nil {
			return nil, v
		}
	}
	return nil, nil
}

// OpaqueIn returns the opaque statements of one migration file.
func (m *Model) OpaqueIn(path string) []Opaque {
	var out []Opaque
	for _, o := range m.Opaque {
		if o.Pos.Path == path {
			out = append(out, o)
		}
	}
	return out
}

// OwnedThrough returns a foreign key column of t that points at a table with
// owner columns (messages.chat_id -> chats.user_id): t's rows belong to
// users through their parent row.
func (m *Model) OwnedThrough(t *Table) (string, *Table) {
	if t == nil {
		return "", nil
	}
	for _, c := range t.Columns {
		if c.References == nil {
			continue
		}
		if p := m.Tables[*c.References]; p != nil && p != t && !p.Builtin && m.Owned(p) {
			return c.Name, p
		}
	}
	return "", nil
}

// BodyRelations lists the tables and views a LANGUAGE sql function's body
// reads or writes (nil for other languages or bodies that do not parse).
func (f *Function) BodyRelations() []QName {
	if f.Language != "sql" || f.Body == "" {
		return nil
	}
	r, err := pg_query.Parse(f.Body)
	if err != nil {
		return nil
	}
	seen := map[QName]bool{}
	var out []QName
	for _, s := range r.Stmts {
		walk(s.Stmt, func(x *pg_query.Node) bool {
			if rv := x.GetRangeVar(); rv != nil {
				q := QName{rv.Schemaname, rv.Relname}
				if q.Schema == "" {
					q.Schema = "public"
				}
				if !seen[q] {
					seen[q] = true
					out = append(out, q)
				}
			}
			return true
		})
	}
	return out
}
