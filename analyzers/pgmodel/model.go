// Package pgmodel builds the final database security state of a repository
// from its SQL migrations: tables and columns, row-level security, policies,
// privileges (with Supabase's default privileges), views, functions, storage
// buckets. It is pure: it parses migration text with pg_query_go and never
// talks to a database. What it cannot model (dynamic SQL, statements whose
// effect on access control is unknown) is recorded as Opaque, never guessed.
package pgmodel

import (
	pg_query "github.com/pganalyze/pg_query_go/v6"

	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Pos is where an object's current state was last set: the migration path
// and the 1-based line of the statement's first token.
type Pos struct {
	Path string
	Line int
}

// IsZero reports whether p is unset.
func (p Pos) IsZero() bool { return p.Path == "" }

func (p Pos) String() string {
	if p.IsZero() {
		return "<builtin>"
	}
	return p.Path + ":" + itoa(p.Line)
}

// QName is a schema-qualified object name (identifiers already case-folded).
type QName struct {
	Schema string
	Name   string
}

func (q QName) String() string { return q.Schema + "." + q.Name }

// Commands a policy can apply to, as pg_policies.cmd spells them.
const (
	CmdAll    = "ALL"
	CmdSelect = "SELECT"
	CmdInsert = "INSERT"
	CmdUpdate = "UPDATE"
	CmdDelete = "DELETE"
)

// Table privileges (PostgreSQL 15), as has_table_privilege spells them.
var TablePrivileges = []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}

// WritePrivileges are the table privileges that change data.
var WritePrivileges = []string{"INSERT", "UPDATE", "DELETE", "TRUNCATE"}

// Public is the grantee name used for PUBLIC in ACLs.
const Public = "PUBLIC"

// Grant is one privilege held by one grantee and where it came from.
type Grant struct {
	Pos Pos
	// Default is true when the privilege came from default privileges at
	// creation time rather than from an explicit GRANT; Pos is then the
	// statement that created the object.
	Default bool
	// Restated is true for an explicit GRANT of a privilege the grantee
	// already held by default (pg_dump output restates every default).
	Restated bool
	// AllPrivileges is true when the GRANT said ALL.
	AllPrivileges bool
}

// ACL maps grantee (lower-case role name, or Public) to privilege to Grant.
type ACL map[string]map[string]Grant

// Has reports whether grantee holds priv directly (not through PUBLIC).
func (a ACL) Has(grantee, priv string) bool {
	_, ok := a[grantee][priv]
	return ok
}

// Effective reports whether role holds priv directly or through PUBLIC.
func (a ACL) Effective(role, priv string) (Grant, bool) {
	if g, ok := a[role][priv]; ok {
		return g, true
	}
	g, ok := a[Public][priv]
	return g, ok
}

// Privileges lists grantee's privileges, sorted.
func (a ACL) Privileges(grantee string) []string {
	var out []string
	for p := range a[grantee] {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (a ACL) grant(grantee, priv string, g Grant) {
	if a[grantee] == nil {
		a[grantee] = map[string]Grant{}
	}
	a[grantee][priv] = g
}

func (a ACL) revoke(grantee, priv string) {
	delete(a[grantee], priv)
	if len(a[grantee]) == 0 {
		delete(a, grantee)
	}
}

func (a ACL) clone() ACL {
	out := ACL{}
	for who, privs := range a {
		for p, g := range privs {
			out.grant(who, p, g)
		}
	}
	return out
}

// Column is a table column.
type Column struct {
	Name string
	Type string // type name as written, normalised (e.g. "uuid", "text[]")
	// References is the table a foreign key on this column points to, if any.
	References *QName
	RefColumn  string
	Pos        Pos
}

// Index is an index on plain columns (expression elements are recorded as "").
type Index struct {
	Name    string
	Columns []string
	Pos     Pos
}

// Table is a table (ordinary or partitioned) in its final state.
type Table struct {
	Schema, Name string
	Columns      []*Column
	RLS          bool
	ForceRLS     bool
	Policies     []*Policy
	ACL          ACL
	Indexes      []Index
	PrimaryKey   []string
	// Pos is the CREATE TABLE statement; RLSPos and ForcePos the statements
	// that last set RLS and FORCE RLS (zero when never set).
	Pos, RLSPos, ForcePos Pos
	// Builtin is true for the Supabase stand-ins (auth.users, storage.*).
	Builtin bool
	// ForceRemoved is true when NO FORCE ROW LEVEL SECURITY turned off a
	// FORCE that was on (ForcePos is that statement).
	ForceRemoved bool
	// FromQuery is true for CREATE TABLE AS: the column list is not known.
	FromQuery bool
}

// QName returns the table's qualified name.
func (t *Table) QName() QName { return QName{t.Schema, t.Name} }

// Column returns the named column or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Policy returns the named policy or nil.
func (t *Table) Policy(name string) *Policy {
	for _, p := range t.Policies {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// HasIndexOn reports whether an index (or the primary key) leads with col.
func (t *Table) HasIndexOn(col string) bool {
	if len(t.PrimaryKey) > 0 && t.PrimaryKey[0] == col {
		return true
	}
	for _, ix := range t.Indexes {
		if len(ix.Columns) > 0 && ix.Columns[0] == col {
			return true
		}
	}
	return false
}

// Policy is a row-level security policy.
type Policy struct {
	Name       string
	Table      QName
	Command    string // CmdAll, CmdSelect, ...
	Permissive bool
	Roles      []string // lower-case; "public" when none given
	Using      *Expr    // nil when absent
	Check      *Expr    // WITH CHECK; nil when absent
	Pos        Pos
}

// AppliesTo reports whether the policy applies to role (directly or via public).
func (p *Policy) AppliesTo(role string) bool {
	for _, r := range p.Roles {
		if r == role || r == "public" {
			return true
		}
	}
	return false
}

// AppliesToCommand reports whether the policy governs cmd.
func (p *Policy) AppliesToCommand(cmd string) bool {
	return p.Command == CmdAll || p.Command == cmd
}

// View is a view or materialized view.
type View struct {
	Schema, Name string
	Materialized bool
	// SecurityInvoker is the security_invoker reloption (PostgreSQL 15+):
	// when false the view reads its tables with its owner's rights and
	// bypasses their row-level security.
	SecurityInvoker bool
	SecurityBarrier bool
	Options         map[string]string // all reloptions, lower-case names
	Reads           []QName           // tables and views the query reads
	Query           string            // deparsed query
	ACL             ACL
	Pos, OptionsPos Pos
}

// QName returns the view's qualified name.
func (v *View) QName() QName { return QName{v.Schema, v.Name} }

// Param is a function parameter.
type Param struct {
	Name string
	Type string
	Mode string // "in", "out", "inout", "variadic", "table"
}

// Function is a function or procedure.
type Function struct {
	Schema, Name    string
	ArgTypes        []string // identity argument types, canonical names
	Params          []Param
	Returns         string
	Language        string
	Procedure       bool
	SecurityDefiner bool
	// Config is proconfig: "name=value" entries, e.g. `search_path=""`.
	Config []string
	Body   string // the function body as written ($$ ... $$ contents)
	ACL    ACL
	Pos    Pos
	// SecurityPos and ConfigPos are where SECURITY DEFINER/INVOKER and the
	// SET clauses were last set.
	SecurityPos, ConfigPos Pos
	// Builtin is true for the Supabase stand-ins (auth.uid() and friends).
	Builtin bool
}

// ChecksCaller reports whether the body reads the caller's identity
// (auth.uid(), auth.jwt(), request.jwt claims, current_user).
func (f *Function) ChecksCaller() bool { return bodyReadsCaller(f.Body) }

// WritesData reports whether the body changes rows or runs dynamic SQL.
func (f *Function) WritesData() bool { return writeWords.MatchString(f.Body) }

// IsTrigger reports whether the function returns trigger or event_trigger
// (not callable through the Data API).
func (f *Function) IsTrigger() bool { return f.Returns == "trigger" || f.Returns == "event_trigger" }

// Key is the function's identity: schema.name(argtypes).
func (f *Function) Key() string { return funcKey(f.Schema, f.Name, f.ArgTypes) }

// Signature is name(argtypes) without the schema.
func (f *Function) Signature() string {
	return f.Name + "(" + strings.Join(f.ArgTypes, ", ") + ")"
}

// SearchPath returns the fixed search_path setting and whether there is one.
func (f *Function) SearchPath() (string, bool) {
	for _, c := range f.Config {
		if v, ok := strings.CutPrefix(c, "search_path="); ok {
			return v, true
		}
	}
	return "", false
}

func funcKey(schema, name string, args []string) string {
	return schema + "." + name + "(" + strings.Join(args, ", ") + ")"
}

// Bucket is a Supabase storage bucket (a row of storage.buckets).
type Bucket struct {
	ID     string
	Public bool
	Pos    Pos
}

// Opaque is a statement whose effect on access control could not be
// modelled. Rules must treat the objects it may touch as unknown.
type Opaque struct {
	Pos    Pos
	Reason string
	// Kind is the statement kind, e.g. "DoStmt".
	Kind string
	// Text is the statement (clipped), so rules can tell which objects it
	// may touch.
	Text string
}

// ParseError is a migration (or a statement of one) that did not parse.
type ParseError struct {
	Pos Pos
	Err string
}

// Model is the final state after applying every migration in order.
type Model struct {
	Tables    map[QName]*Table
	Views     map[QName]*View
	Functions map[string]*Function // by Key()
	Buckets   map[string]*Bucket
	Schemas   map[string]Pos // created schemas (and the builtin ones)
	// SchemaUsage records USAGE on schemas granted to roles beyond the
	// defaults (schema -> grantee -> Pos).
	SchemaUsage map[string]map[string]Pos
	Extensions  map[string]Pos
	Opaque      []Opaque
	Errors      []ParseError
	Migrations  []string // paths applied, in order

	opts       Options
	defaults   map[defKey]ACL // default privileges: schema ("" = global) and object kind
	searchPath []string
	pos        Pos    // statement being applied
	text       string // its text, for Opaque
}

// Options tune the model.
type Options struct {
	// OwnerColumns are column names that tie a row to a user or tenant.
	// Nil means DefaultOwnerColumns.
	OwnerColumns []string
	// ExposedSchemas are the schemas the Data API serves, in addition to
	// DefaultExposedSchemas.
	ExposedSchemas []string
	// NoSupabase disables the Supabase stand-ins (auth, storage, default
	// privileges in public).
	NoSupabase bool
	// Parse parses a whole migration (nil: pg_query.Parse). The engine
	// sets it to share parses between the two sides of a review and to
	// keep them across reviews; it must return what pg_query.Parse does.
	Parse func(sql string) (*pg_query.ParseResult, error)
}

// DefaultOwnerColumns are the usual names of owner and tenant columns.
var DefaultOwnerColumns = []string{
	"user_id", "owner_id", "owner", "profile_id", "account_id", "org_id", "organization_id",
	"workspace_id", "team_id", "tenant_id", "customer_id", "created_by", "author_id",
	"member_id", "creator_id", "uploaded_by", "sender_id", "recipient_id", "company_id",
	"project_id", "auth_user_id", "uid",
}

// DefaultExposedSchemas are served by Supabase's Data API by default.
var DefaultExposedSchemas = []string{"public", "graphql_public"}

// Table returns the table schema.name, or nil.
func (m *Model) Table(schema, name string) *Table { return m.Tables[QName{schema, name}] }

// View returns the view schema.name, or nil.
func (m *Model) View(schema, name string) *View { return m.Views[QName{schema, name}] }

// FunctionsNamed returns the overloads of schema.name, sorted by key.
func (m *Model) FunctionsNamed(schema, name string) []*Function {
	var out []*Function
	for _, f := range m.Functions {
		if f.Schema == schema && f.Name == name {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

// SortedTables returns all tables sorted by schema and name.
func (m *Model) SortedTables() []*Table {
	out := make([]*Table, 0, len(m.Tables))
	for _, t := range m.Tables {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return lessQ(out[i].QName(), out[j].QName()) })
	return out
}

// SortedViews returns all views sorted by schema and name.
func (m *Model) SortedViews() []*View {
	out := make([]*View, 0, len(m.Views))
	for _, v := range m.Views {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return lessQ(out[i].QName(), out[j].QName()) })
	return out
}

// SortedFunctions returns all functions sorted by key.
func (m *Model) SortedFunctions() []*Function {
	out := make([]*Function, 0, len(m.Functions))
	for _, f := range m.Functions {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

func lessQ(a, b QName) bool {
	if a.Schema != b.Schema {
		return a.Schema < b.Schema
	}
	return a.Name < b.Name
}

// Later returns whichever position comes later in apply order.
func (m *Model) Later(a, b Pos) Pos {
	if a.IsZero() {
		return b
	}
	if b.IsZero() {
		return a
	}
	ia, ib := -1, -1
	for i, p := range m.Migrations {
		if p == a.Path {
			ia = i
		}
		if p == b.Path {
			ib = i
		}
	}
	if ia > ib || (ia == ib && a.Line > b.Line) {
		return a
	}
	return b
}

// Exposed reports whether schema is served to clients by the Data API.
func (m *Model) Exposed(schema string) bool {
	for _, s := range m.ExposedSchemas() {
		if s == schema {
			return true
		}
	}
	return false
}

// ExposedSchemas lists the exposed schemas.
func (m *Model) ExposedSchemas() []string {
	return append(append([]string(nil), DefaultExposedSchemas...), m.opts.ExposedSchemas...)
}

func itoa(n int) string { return strconv.Itoa(n) }

var writeWords = regexp.MustCompile(`(?i)\b(insert\s+into|update\s+[a-z_."]+\s+set|delete\s+from|truncate|execute\s|drop\s|alter\s|grant\s)`)
