package pgmodel

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"github.com/pganalyze/pg_query_go/v6/parser"
)

// Migration is one SQL file in apply order.
type Migration struct {
	Path string
	SQL  []byte
}

// The role migrations run as (Supabase runs them as postgres).
const migrationRole = "postgres"

type defKey struct {
	schema string // "" for global defaults
	kind   string // "tables", "functions", "sequences"
}

// Build applies migs in order and returns the final state, with the Supabase
// stand-ins and default options.
func Build(migs []Migration) *Model { return BuildWith(migs, Options{}) }

// BuildWith applies migs in order with opts.
func BuildWith(migs []Migration, opts Options) *Model {
	m := newModel(opts)
	for _, mig := range migs {
		m.apply(mig)
	}
	m.pos = Pos{}
	order := map[string]int{}
	for i, p := range m.Migrations {
		order[p] = i
	}
	sort.SliceStable(m.Opaque, func(i, j int) bool {
		a, b := m.Opaque[i].Pos, m.Opaque[j].Pos
		if order[a.Path] != order[b.Path] {
			return order[a.Path] < order[b.Path]
		}
		return a.Line < b.Line
	})
	return m
}

func newModel(opts Options) *Model {
	if opts.OwnerColumns == nil {
		opts.OwnerColumns = DefaultOwnerColumns
	}
	m := &Model{
		Tables:      map[QName]*Table{},
		Views:       map[QName]*View{},
		Functions:   map[string]*Function{},
		Buckets:     map[string]*Bucket{},
		Schemas:     map[string]Pos{"public": {}},
		SchemaUsage: map[string]map[string]Pos{},
		Extensions:  map[string]Pos{},
		opts:        opts,
		defaults: map[defKey]ACL{
			// PostgreSQL's hard-wired default: EXECUTE on functions to PUBLIC.
			{"", "functions"}: {Public: {"EXECUTE": {}}},
			{"", "tables"}:    {},
			{"", "sequences"}: {},
		},
	}
	if opts.NoSupabase {
		return m
	}
	// Supabase stand-ins: the same objects the oracle test creates.
	for _, s := range []string{"auth", "storage", "extensions", "graphql_public"} {
		m.Schemas[s] = Pos{}
	}
	all := func() ACL {
		a := ACL{}
		for _, r := range []string{"anon", "authenticated", "service_role"} {
			for _, p := range TablePrivileges {
				a.grant(r, p, Grant{Default: true})
			}
		}
		return a
	}
	m.defaults[defKey{"public", "tables"}] = all()
	m.defaults[defKey{"public", "sequences"}] = ACL{}
	fa := ACL{}
	for _, r := range []string{"anon", "authenticated", "service_role"} {
		fa.grant(r, "EXECUTE", Grant{Default: true})
	}
	m.defaults[defKey{"public", "functions"}] = fa
	uuid := func(name string) *Column { return &Column{Name: name, Type: "uuid"} }
	text := func(name string) *Column { return &Column{Name: name, Type: "text"} }
	m.Tables[QName{"auth", "users"}] = &Table{Schema: "auth", Name: "users", Builtin: true, ACL: ACL{},
		Columns:    []*Column{uuid("id"), text("email"), {Name: "raw_user_meta_data", Type: "jsonb"}},
		PrimaryKey: []string{"id"}}
	m.Tables[QName{"storage", "buckets"}] = &Table{Schema: "storage", Name: "buckets", Builtin: true, RLS: true, ACL: all(),
		Columns:    []*Column{text("id"), text("name"), {Name: "public", Type: "boolean"}},
		PrimaryKey: []string{"id"}}
	m.Tables[QName{"storage", "objects"}] = &Table{Schema: "storage", Name: "objects", Builtin: true, RLS: true, ACL: all(),
		Columns: []*Column{uuid("id"), text("bucket_id"), text("name"), {Name: "owner", Type: "uuid", References: &QName{"auth", "users"}, RefColumn: "id"}}}
	for _, f := range []struct{ name, ret string }{{"uid", "uuid"}, {"jwt", "jsonb"}, {"role", "text"}} {
		fn := &Function{Schema: "auth", Name: f.name, ArgTypes: []string{}, Returns: f.ret, Language: "sql", ACL: ACL{Public: {"EXECUTE": {Default: true}}}, Builtin: true}
		m.Functions[fn.Key()] = fn
	}
	for _, f := range []struct{ name, ret string }{{"foldername", "text[]"}, {"filename", "text"}, {"extension", "text"}} {
		fn := &Function{Schema: "storage", Name: f.name, ArgTypes: []string{"text"}, Params: []Param{{Name: "name", Type: "text", Mode: "in"}},
			Returns: f.ret, Language: "sql", ACL: ACL{Public: {"EXECUTE": {Default: true}}}, Builtin: true}
		m.Functions[fn.Key()] = fn
	}
	for _, s := range []string{"storage", "graphql_public"} {
		m.SchemaUsage[s] = map[string]Pos{"anon": {}, "authenticated": {}, "service_role": {}}
	}
	return m
}

// apply parses one migration and applies its statements in order.
func (m *Model) apply(mig Migration) {
	m.Migrations = append(m.Migrations, mig.Path)
	m.searchPath = []string{"public"} // each migration runs in a fresh session
	src := string(mig.SQL)
	lines := lineStarts(src)
	parse := m.opts.Parse
	if parse == nil {
		parse = pg_query.Parse
	}
	res, err := parse(src)
	if err != nil && metaLine.MatchString(src) {
		// psql meta-commands (\connect, \set) end at the newline; blank
		// them (keeping line numbers) and record them as opaque.
		var metas []int
		blanked := metaLine.ReplaceAllStringFunc(src, func(l string) string {
			return strings.Repeat(" ", len(l))
		})
		for i, l := range strings.Split(src, "\n") {
			if metaLine.MatchString(l) {
				metas = append(metas, i+1)
			}
		}
		if r, err2 := pg_query.Parse(blanked); err2 == nil {
			for _, ln := range metas {
				m.Opaque = append(m.Opaque, Opaque{Pos: Pos{Path: mig.Path, Line: ln}, Kind: "PsqlMetaCommand", Reason: "psql meta-command; its effect (another database, variables) is not modelled"})
			}
			src, res, err = blanked, r, nil
		}
	}
	if err == nil {
		for _, rs := range res.Stmts {
			m.pos = Pos{Path: mig.Path, Line: lineAt(src, lines, int(rs.StmtLocation))}
			m.text = clip(stmtText(src, rs))
			m.applyStmt(rs.Stmt, stmtText(src, rs))
		}
		return
	}
	// Fall back to statement-by-statement so one bad statement (a psql
	// meta-command, newer syntax) does not hide the rest of the file.
	m.Errors = append(m.Errors, ParseError{Pos: Pos{Path: mig.Path, Line: errLine(src, lines, err)}, Err: err.Error()})
	parts, serr := pg_query.SplitWithScanner(src, false)
	if serr != nil {
		m.Opaque = append(m.Opaque, Opaque{Pos: Pos{Path: mig.Path, Line: 1}, Kind: "ParseError", Reason: "migration does not parse; none of its statements are modelled"})
		return
	}
	off := 0
	for _, part := range parts {
		i := strings.Index(src[off:], part)
		if i < 0 {
			continue
		}
		start := off + i
		off = start + len(part)
		pos := Pos{Path: mig.Path, Line: lineAt(src, lines, start)}
		r, perr := pg_query.Parse(part)
		if perr != nil {
			if strings.TrimSpace(stripComments(part)) == "" {
				continue
			}
			m.Opaque = append(m.Opaque, Opaque{Pos: pos, Kind: "ParseError", Reason: "statement does not parse: " + perr.Error()})
			continue
		}
		for _, rs := range r.Stmts {
			m.pos = Pos{Path: mig.Path, Line: lineAt(src, lines, start+int(rs.StmtLocation))}
			m.text = clip(stmtText(part, rs))
			m.applyStmt(rs.Stmt, stmtText(part, rs))
		}
	}
}

func stmtText(src string, rs *pg_query.RawStmt) string {
	start := int(rs.StmtLocation)
	end := len(src)
	if rs.StmtLen > 0 && start+int(rs.StmtLen) <= len(src) {
		end = start + int(rs.StmtLen)
	}
	if start > len(src) {
		return ""
	}
	return src[start:end]
}

var metaLine = regexp.MustCompile(`(?m)^[ \t]*\\[a-zA-Z].*$`)

var commentRe = regexp.MustCompile(`(?s)--[^\n]*|/\*.*?\*/`)

func stripComments(s string) string { return commentRe.ReplaceAllString(s, "") }

func lineStarts(src string) []int {
	out := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}

// lineAt returns the 1-based line of the first token at or after off,
// skipping whitespace and comments (statement locations include them).
func lineAt(src string, lines []int, off int) int {
	for off < len(src) {
		switch {
		case src[off] == ' ' || src[off] == '\t' || src[off] == '\n' || src[off] == '\r' || src[off] == ';':
			off++
		case strings.HasPrefix(src[off:], "--"):
			j := strings.IndexByte(src[off:], '\n')
			if j < 0 {
				off = len(src)
			} else {
				off += j + 1
			}
		case strings.HasPrefix(src[off:], "/*"):
			j := strings.Index(src[off+2:], "*/")
			if j < 0 {
				off = len(src)
			} else {
				off += j + 4
			}
		default:
			return sort.SearchInts(lines, off+1)
		}
	}
	return sort.SearchInts(lines, off+1)
}

func errLine(src string, lines []int, err error) int {
	var pe *parser.Error
	if errors.As(err, &pe) && pe.Cursorpos > 0 {
		return sort.SearchInts(lines, pe.Cursorpos)
	}
	return 1
}

func (m *Model) opaque(kind, reason string) {
	m.Opaque = append(m.Opaque, Opaque{Pos: m.pos, Kind: kind, Reason: reason, Text: m.text})
}

func nodeKind(n *pg_query.Node) string {
	k := fmt.Sprintf("%T", n.GetNode())
	k = strings.TrimPrefix(k, "*pg_query.Node_")
	return k
}

// applyStmt dispatches one parsed statement. A statement the model trips
// over is recorded as opaque rather than losing the whole migration set.
func (m *Model) applyStmt(n *pg_query.Node, text string) {
	defer func() {
		if r := recover(); r != nil {
			m.opaque(nodeKind(n), fmt.Sprintf("statement not modelled (internal error: %v)", r))
		}
	}()
	switch {
	case n.GetCreateStmt() != nil:
		m.createTable(n.GetCreateStmt())
	case n.GetAlterTableStmt() != nil:
		m.alterTable(n.GetAlterTableStmt())
	case n.GetCreatePolicyStmt() != nil:
		m.createPolicy(n.GetCreatePolicyStmt())
	case n.GetAlterPolicyStmt() != nil:
		m.alterPolicy(n.GetAlterPolicyStmt())
	case n.GetRenameStmt() != nil:
		m.rename(n.GetRenameStmt())
	case n.GetDropStmt() != nil:
		m.drop(n.GetDropStmt())
	case n.GetGrantStmt() != nil:
		m.grant(n.GetGrantStmt())
	case n.GetAlterDefaultPrivilegesStmt() != nil:
		m.alterDefaults(n.GetAlterDefaultPrivilegesStmt())
	case n.GetViewStmt() != nil:
		m.createView(n.GetViewStmt())
	case n.GetCreateTableAsStmt() != nil:
		m.createTableAs(n.GetCreateTableAsStmt())
	case n.GetCreateFunctionStmt() != nil:
		m.createFunction(n.GetCreateFunctionStmt(), text)
	case n.GetAlterFunctionStmt() != nil:
		m.alterFunction(n.GetAlterFunctionStmt())
	case n.GetAlterObjectSchemaStmt() != nil:
		m.setSchema(n.GetAlterObjectSchemaStmt())
	case n.GetIndexStmt() != nil:
		m.createIndex(n.GetIndexStmt())
	case n.GetCreateSchemaStmt() != nil:
		cs := n.GetCreateSchemaStmt()
		if _, ok := m.Schemas[cs.Schemaname]; !ok {
			m.Schemas[cs.Schemaname] = m.pos
		}
		if len(cs.SchemaElts) > 0 {
			m.opaque("CreateSchemaStmt", "CREATE SCHEMA with embedded statements is not modelled")
		}
	case n.GetCreateExtensionStmt() != nil:
		m.Extensions[n.GetCreateExtensionStmt().Extname] = m.pos
	case n.GetVariableSetStmt() != nil:
		m.setVariable(n.GetVariableSetStmt())
	case n.GetInsertStmt() != nil:
		m.insert(n.GetInsertStmt())
	case n.GetUpdateStmt() != nil:
		m.update(n.GetUpdateStmt())
	case n.GetDeleteStmt() != nil:
		m.delete(n.GetDeleteStmt())
	case n.GetSelectStmt() != nil:
		m.selectStmt(n.GetSelectStmt())
	case n.GetDoStmt() != nil:
		m.doBlock(n.GetDoStmt(), text)
	case n.GetAlterOwnerStmt() != nil:
		ao := n.GetAlterOwnerStmt()
		if r := roleName(ao.Newowner); isClientRole(r) {
			m.opaque("AlterOwnerStmt", "ownership given to "+r+": the owner bypasses row-level security and holds every privilege")
		}
	case n.GetGrantRoleStmt() != nil:
		gr := n.GetGrantRoleStmt()
		for _, g := range gr.GranteeRoles {
			if r := roleName(g.GetRoleSpec()); isClientRole(r) && gr.IsGrant {
				m.opaque("GrantRoleStmt", "role membership granted to "+r+": its effective privileges are not modelled")
			}
		}
	case n.GetAlterRoleStmt() != nil:
		m.opaque("AlterRoleStmt", "ALTER ROLE may change BYPASSRLS or login rights; not modelled")
	case n.GetRuleStmt() != nil:
		m.opaque("RuleStmt", "CREATE RULE rewrites queries; its effect on access is not modelled")
	case n.GetCallStmt() != nil:
		m.opaque("CallStmt", "CALL runs a procedure whose effects are not modelled")
	case n.GetCreateForeignTableStmt() != nil, n.GetImportForeignSchemaStmt() != nil, n.GetCreateForeignServerStmt() != nil,
		n.GetCreateUserMappingStmt() != nil:
		m.opaque(nodeKind(n), "foreign data wrappers expose remote data without row-level security; not modelled")
	case n.GetAlterTableMoveAllStmt() != nil, n.GetCreateEventTrigStmt() != nil, n.GetSecLabelStmt() != nil:
		m.opaque(nodeKind(n), "statement not modelled")
	default:
		// Statements with no effect on tables, policies, privileges,
		// views or functions: transactions, comments, types, triggers,
		// sequences, publications, data changes to ordinary tables...
		if !harmless[nodeKind(n)] {
			m.opaque(nodeKind(n), "statement kind "+nodeKind(n)+" is not modelled")
		}
	}
}

var harmless = map[string]bool{
	"TransactionStmt": true, "CommentStmt": true, "CreateEnumStmt": true, "AlterEnumStmt": true,
	"CompositeTypeStmt": true, "CreateDomainStmt": true, "AlterDomainStmt": true, "CreateTrigStmt": true,
	"CreateSeqStmt": true, "AlterSeqStmt": true, "CreatePublicationStmt": true, "AlterPublicationStmt": true,
	"TruncateStmt": true, "CopyStmt": true, "ExplainStmt": true, "NotifyStmt": true, "LockStmt": true,
	"VacuumStmt": true, "ClusterStmt": true, "ReindexStmt": true, "CreateStatsStmt": true, "DefineStmt": true,
	"AlterExtensionStmt": true, "AlterExtensionContentsStmt": true, "CreateCastStmt": true,
	"RefreshMatViewStmt": true, "CreateRoleStmt": true, "DropRoleStmt": true, "CreatePLangStmt": true,
	"CreateConversionStmt": true, "AlterTSConfigurationStmt": true, "AlterTSDictionaryStmt": true,
	"CreateOpClassStmt": true, "CreateOpFamilyStmt": true, "AlterOpFamilyStmt": true, "AlterCollationStmt": true,
	"CheckPointStmt": true, "DiscardStmt": true, "ListenStmt": true, "UnlistenStmt": true,
	"AlterSystemStmt": true, "CreateSubscriptionStmt": true, "AlterSubscriptionStmt": true,
	"DropSubscriptionStmt": true, "AlterStatsStmt": true, "AlterTypeStmt": true, "CreateRangeStmt": true,
	"AlterEventTrigStmt": true, "DeallocateStmt": true, "PrepareStmt": true, "DropOwnedStmt": true,
	"ReassignOwnedStmt": true, "ConstraintsSetStmt": true, "VariableShowStmt": true, "CreateTransformStmt": true,
	"CreateAmStmt": true, "AlterOperatorStmt": true, "CreatedbStmt": true, "AlterDatabaseStmt": true,
	"AlterDatabaseSetStmt": true, "AlterDatabaseRefreshCollStmt": true, "CreateTableSpaceStmt": true,
}

func isClientRole(r string) bool {
	return r == "anon" || r == "authenticated" || r == "public" || r == Public
}

func roleName(rs *pg_query.RoleSpec) string {
	if rs == nil {
		return ""
	}
	switch rs.Roletype {
	case pg_query.RoleSpecType_ROLESPEC_PUBLIC:
		return Public
	case pg_query.RoleSpecType_ROLESPEC_CSTRING:
		return rs.Rolename
	default:
		return migrationRole
	}
}

// creationSchema is where unqualified CREATE puts objects.
func (m *Model) creationSchema() string {
	for _, s := range m.searchPath {
		if s == "$user" {
			continue
		}
		if _, ok := m.Schemas[s]; ok {
			return s
		}
	}
	return "public"
}

func (m *Model) createName(schema, name string) QName {
	if schema == "" {
		schema = m.creationSchema()
	}
	return QName{schema, name}
}

// lookupRel resolves a relation name to a table or a view.
func (m *Model) lookupRel(schema, name string) (QName, *Table, *View) {
	if schema != "" {
		q := QName{schema, name}
		return q, m.Tables[q], m.Views[q]
	}
	for _, s := range m.searchPath {
		q := QName{s, name}
		if t, ok := m.Tables[q]; ok {
			return q, t, nil
		}
		if v, ok := m.Views[q]; ok {
			return q, nil, v
		}
	}
	return QName{m.creationSchema(), name}, nil, nil
}

func (m *Model) rangeVar(rv *pg_query.RangeVar) (QName, *Table, *View) {
	return m.lookupRel(rv.Schemaname, rv.Relname)
}

// newACL builds the ACL of a new object from the default privileges.
func (m *Model) newACL(schema, kind string) ACL {
	acl := ACL{}
	for _, k := range []defKey{{"", kind}, {schema, kind}} {
		for who, privs := range m.defaults[k] {
			for p := range privs {
				acl.grant(who, p, Grant{Pos: m.pos, Default: true})
			}
		}
	}
	return acl
}

// ---- tables ----

func (m *Model) createTable(cs *pg_query.CreateStmt) {
	q := m.createName(cs.Relation.Schemaname, cs.Relation.Relname)
	if cs.Relation.Relpersistence == "t" {
		return // temporary tables live in pg_temp and vanish with the session
	}
	if _, ok := m.Tables[q]; ok {
		if !cs.IfNotExists {
			m.opaque("CreateStmt", "table "+q.String()+" created twice; the migration fails on a real database")
		}
		return
	}
	t := &Table{Schema: q.Schema, Name: q.Name, Pos: m.pos, ACL: m.newACL(q.Schema, "tables")}
	if cs.Partbound != nil {
		for _, inh := range cs.InhRelations {
			if rv := inh.GetRangeVar(); rv != nil {
				if _, parent, _ := m.rangeVar(rv); parent != nil {
					for _, c := range parent.Columns {
						cc := *c
						t.Columns = append(t.Columns, &cc)
					}
				}
			}
		}
	}
	for _, el := range cs.TableElts {
		if cd := el.GetColumnDef(); cd != nil {
			if t.Column(cd.Colname) == nil {
				t.Columns = append(t.Columns, m.column(t, cd))
			}
		}
		if c := el.GetConstraint(); c != nil {
			m.tableConstraint(t, c)
		}
	}
	for _, c := range cs.Constraints {
		if c.GetConstraint() != nil {
			m.tableConstraint(t, c.GetConstraint())
		}
	}
	m.Tables[q] = t
}

func (m *Model) column(t *Table, cd *pg_query.ColumnDef) *Column {
	c := &Column{Name: cd.Colname, Type: typeName(cd.TypeName), Pos: m.pos}
	for _, cn := range cd.Constraints {
		con := cn.GetConstraint()
		if con == nil {
			continue
		}
		switch con.Contype {
		case pg_query.ConstrType_CONSTR_FOREIGN:
			if con.Pktable != nil {
				q, _, _ := m.rangeVar(con.Pktable)
				c.References = &q
				if pk := strs(con.PkAttrs); len(pk) > 0 {
					c.RefColumn = pk[0]
				}
			}
		case pg_query.ConstrType_CONSTR_PRIMARY:
			t.PrimaryKey = []string{cd.Colname}
		case pg_query.ConstrType_CONSTR_UNIQUE:
			t.Indexes = append(t.Indexes, Index{Name: t.Name + "_" + cd.Colname + "_key", Columns: []string{cd.Colname}, Pos: m.pos})
		}
	}
	return c
}

func (m *Model) tableConstraint(t *Table, con *pg_query.Constraint) {
	switch con.Contype {
	case pg_query.ConstrType_CONSTR_FOREIGN:
		if con.Pktable == nil {
			return
		}
		q, _, _ := m.rangeVar(con.Pktable)
		pk := strs(con.PkAttrs)
		for i, a := range strs(con.FkAttrs) {
			if c := t.Column(a); c != nil {
				qq := q
				c.References = &qq
				if i < len(pk) {
					c.RefColumn = pk[i]
				}
			}
		}
	case pg_query.ConstrType_CONSTR_PRIMARY:
		t.PrimaryKey = indexKeys(con.Keys)
	case pg_query.ConstrType_CONSTR_UNIQUE:
		t.Indexes = append(t.Indexes, Index{Name: con.Conname, Columns: indexKeys(con.Keys), Pos: m.pos})
	}
}

func indexKeys(keys []*pg_query.Node) []string { return strs(keys) }

func (m *Model) createTableAs(ct *pg_query.CreateTableAsStmt) {
	if ct.Into == nil || ct.Into.Rel == nil {
		return
	}
	q := m.createName(ct.Into.Rel.Schemaname, ct.Into.Rel.Relname)
	if ct.Objtype == pg_query.ObjectType_OBJECT_MATVIEW {
		if _, ok := m.Views[q]; ok && ct.IfNotExists {
			return
		}
		v := &View{Schema: q.Schema, Name: q.Name, Materialized: true, Pos: m.pos, OptionsPos: m.pos,
			ACL: m.newACL(q.Schema, "tables"), Options: relOptions(ct.Into.Options)}
		v.Reads = m.readsOf(ct.Query)
		v.Query = deparseStmt(ct.Query)
		m.Views[q] = v
		return
	}
	if _, ok := m.Tables[q]; ok {
		return
	}
	t := &Table{Schema: q.Schema, Name: q.Name, Pos: m.pos, ACL: m.newACL(q.Schema, "tables"), FromQuery: true}
	names := strs(ct.Into.ColNames)
	if len(names) == 0 {
		names = targetNames(ct.Query)
	}
	for _, c := range names {
		t.Columns = append(t.Columns, &Column{Name: c, Pos: m.pos})
	}
	m.Tables[q] = t
}

func (m *Model) alterTable(at *pg_query.AlterTableStmt) {
	if at.Relation == nil {
		return
	}
	q, t, v := m.rangeVar(at.Relation)
	if t == nil && v == nil {
		if !at.MissingOk && at.Objtype != pg_query.ObjectType_OBJECT_INDEX && at.Objtype != pg_query.ObjectType_OBJECT_SEQUENCE &&
			at.Objtype != pg_query.ObjectType_OBJECT_TYPE {
			m.opaque("AlterTableStmt", "ALTER of "+q.String()+", which no migration creates")
		}
		return
	}
	for _, cn := range at.Cmds {
		cmd := cn.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		if v != nil {
			switch cmd.Subtype {
			case pg_query.AlterTableType_AT_SetRelOptions, pg_query.AlterTableType_AT_ResetRelOptions, pg_query.AlterTableType_AT_ReplaceRelOptions:
				m.viewOptions(v, cmd)
			case pg_query.AlterTableType_AT_ChangeOwner:
				if r := roleName(cmd.Newowner); isClientRole(r) {
					m.opaque("AlterTableStmt", "view "+q.String()+" owned by "+r)
				}
			}
			continue
		}
		switch cmd.Subtype {
		case pg_query.AlterTableType_AT_EnableRowSecurity:
			t.RLS, t.RLSPos = true, m.pos
		case pg_query.AlterTableType_AT_DisableRowSecurity:
			t.RLS, t.RLSPos = false, m.pos
		case pg_query.AlterTableType_AT_ForceRowSecurity:
			t.ForceRLS, t.ForcePos, t.ForceRemoved = true, m.pos, false
		case pg_query.AlterTableType_AT_NoForceRowSecurity:
			t.ForceRemoved = t.ForceRemoved || t.ForceRLS
			t.ForceRLS, t.ForcePos = false, m.pos
		case pg_query.AlterTableType_AT_AddColumn:
			cd := cmd.Def.GetColumnDef()
			if cd == nil {
				continue
			}
			if t.Column(cd.Colname) == nil {
				t.Columns = append(t.Columns, m.column(t, cd))
			}
		case pg_query.AlterTableType_AT_DropColumn:
			m.dropColumn(t, cmd.Name, cmd.Behavior == pg_query.DropBehavior_DROP_CASCADE)
		case pg_query.AlterTableType_AT_AlterColumnType:
			if c := t.Column(cmd.Name); c != nil {
				if cd := cmd.Def.GetColumnDef(); cd != nil && cd.TypeName != nil {
					c.Type = typeName(cd.TypeName)
				}
			}
		case pg_query.AlterTableType_AT_AddConstraint:
			if con := cmd.Def.GetConstraint(); con != nil {
				m.tableConstraint(t, con)
			}
		case pg_query.AlterTableType_AT_ChangeOwner:
			if r := roleName(cmd.Newowner); isClientRole(r) {
				m.opaque("AlterTableStmt", "table "+q.String()+" owned by "+r+": the owner bypasses row-level security")
			}
		}
	}
}

func (m *Model) dropColumn(t *Table, name string, cascade bool) {
	for i, c := range t.Columns {
		if c.Name == name {
			t.Columns = append(t.Columns[:i], t.Columns[i+1:]...)
			break
		}
	}
	if cascade {
		var keep []*Policy
		for _, p := range t.Policies {
			if !p.Using.mentionsColumn(name) && !p.Check.mentionsColumn(name) {
				keep = append(keep, p)
			}
		}
		t.Policies = keep
	}
	var ix []Index
	for _, x := range t.Indexes {
		if !contains(x.Columns, name) {
			ix = append(ix, x)
		}
	}
	t.Indexes = ix
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (m *Model) createIndex(ix *pg_query.IndexStmt) {
	if ix.Relation == nil {
		return
	}
	_, t, _ := m.rangeVar(ix.Relation)
	if t == nil {
		return
	}
	var cols []string
	for _, p := range ix.IndexParams {
		if e := p.GetIndexElem(); e != nil {
			cols = append(cols, e.Name) // "" for expressions
		}
	}
	if ix.Idxname != "" {
		for _, x := range t.Indexes {
			if x.Name == ix.Idxname {
				return // IF NOT EXISTS
			}
		}
	}
	t.Indexes = append(t.Indexes, Index{Name: ix.Idxname, Columns: cols, Pos: m.pos})
}

// ---- policies ----

func policyRoles(nodes []*pg_query.Node) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range nodes {
		r := roleName(n.GetRoleSpec())
		if r == Public {
			r = "public"
		}
		if r != "" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = []string{"public"}
	}
	sort.Strings(out)
	return out
}

func (m *Model) createPolicy(cp *pg_query.CreatePolicyStmt) {
	q, t, _ := m.rangeVar(cp.Table)
	if t == nil {
		m.opaque("CreatePolicyStmt", "policy "+cp.PolicyName+" on "+q.String()+", which no migration creates")
		return
	}
	p := &Policy{Name: cp.PolicyName, Table: q, Command: strings.ToUpper(cp.CmdName), Permissive: cp.Permissive,
		Roles: policyRoles(cp.Roles), Using: newExpr(cp.Qual), Check: newExpr(cp.WithCheck), Pos: m.pos}
	if p.Command == "" {
		p.Command = CmdAll
	}
	for i, old := range t.Policies {
		if old.Name == p.Name {
			t.Policies[i] = p // the real migration fails here; keep the newest
			return
		}
	}
	t.Policies = append(t.Policies, p)
}

func (m *Model) alterPolicy(ap *pg_query.AlterPolicyStmt) {
	q, t, _ := m.rangeVar(ap.Table)
	var p *Policy
	if t != nil {
		p = t.Policy(ap.PolicyName)
	}
	if p == nil {
		m.opaque("AlterPolicyStmt", "ALTER of policy "+ap.PolicyName+" on "+q.String()+", which no migration creates")
		return
	}
	if len(ap.Roles) > 0 {
		p.Roles = policyRoles(ap.Roles)
	}
	if ap.Qual != nil {
		p.Using = newExpr(ap.Qual)
	}
	if ap.WithCheck != nil {
		p.Check = newExpr(ap.WithCheck)
	}
	p.Pos = m.pos
}

// ---- renames, schema moves, drops ----

func (m *Model) rename(rs *pg_query.RenameStmt) {
	switch rs.RenameType {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
		pg_query.ObjectType_OBJECT_FOREIGN_TABLE:
		q, t, v := m.rangeVar(rs.Relation)
		nq := QName{q.Schema, rs.Newname}
		m.moveRel(q, nq, t, v, rs.MissingOk)
	case pg_query.ObjectType_OBJECT_COLUMN:
		q, t, _ := m.rangeVar(rs.Relation)
		if t == nil {
			return
		}
		colsOf := func(r QName) []string {
			var out []string
			if tt := m.Tables[r]; tt != nil {
				for _, c := range tt.Columns {
					out = append(out, c.Name)
				}
			}
			return out
		}
		for _, tt := range m.Tables {
			for _, p := range tt.Policies {
				p.Using.renameColumn(tt.QName(), q, rs.Subname, rs.Newname, colsOf)
				p.Check.renameColumn(tt.QName(), q, rs.Subname, rs.Newname, colsOf)
			}
		}
		if c := t.Column(rs.Subname); c != nil {
			c.Name = rs.Newname
		}
		for i := range t.PrimaryKey {
			if t.PrimaryKey[i] == rs.Subname {
				t.PrimaryKey[i] = rs.Newname
			}
		}
		for _, ix := range t.Indexes {
			for i := range ix.Columns {
				if ix.Columns[i] == rs.Subname {
					ix.Columns[i] = rs.Newname
				}
			}
		}
	case pg_query.ObjectType_OBJECT_POLICY:
		q, t, _ := m.rangeVar(rs.Relation)
		if t == nil || t.Policy(rs.Subname) == nil {
			m.opaque("RenameStmt", "rename of policy "+rs.Subname+" on "+q.String()+", which no migration creates")
			return
		}
		p := t.Policy(rs.Subname)
		p.Name = rs.Newname
		p.Pos = m.pos
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		f := m.lookupFuncArgs(rs.Object.GetObjectWithArgs())
		if f == nil {
			return
		}
		delete(m.Functions, f.Key())
		f.Name = rs.Newname
		m.Functions[f.Key()] = f
	case pg_query.ObjectType_OBJECT_SCHEMA:
		m.opaque("RenameStmt", "schema rename is not modelled")
	}
}

func (m *Model) moveRel(q, nq QName, t *Table, v *View, missingOK bool) {
	switch {
	case t != nil:
		delete(m.Tables, q)
		t.Schema, t.Name = nq.Schema, nq.Name
		m.Tables[nq] = t
		for _, p := range t.Policies {
			p.Table = nq
		}
	case v != nil:
		delete(m.Views, q)
		v.Schema, v.Name = nq.Schema, nq.Name
		m.Views[nq] = v
	default:
		if !missingOK {
			m.opaque("RenameStmt", "rename of "+q.String()+", which no migration creates")
		}
		return
	}
	for _, tt := range m.Tables {
		for _, p := range tt.Policies {
			p.Using.renameTable(q, nq)
			p.Check.renameTable(q, nq)
		}
	}
	for _, vv := range m.Views {
		for i, r := range vv.Reads {
			if r == q {
				vv.Reads[i] = nq
			}
		}
	}
}

func (m *Model) setSchema(as *pg_query.AlterObjectSchemaStmt) {
	switch as.ObjectType {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW:
		q, t, v := m.rangeVar(as.Relation)
		m.moveRel(q, QName{as.Newschema, q.Name}, t, v, as.MissingOk)
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		f := m.lookupFuncArgs(as.Object.GetObjectWithArgs())
		if f == nil {
			return
		}
		delete(m.Functions, f.Key())
		f.Schema = as.Newschema
		m.Functions[f.Key()] = f
	}
}

func nameList(n *pg_query.Node) []string {
	if l := n.GetList(); l != nil {
		return strs(l.Items)
	}
	if s := n.GetString_(); s != nil {
		return []string{s.Sval}
	}
	return nil
}

func qnameOf(parts []string) (schema, name string) {
	switch len(parts) {
	case 1:
		return "", parts[0]
	case 2:
		return parts[0], parts[1]
	case 3:
		return parts[1], parts[2]
	}
	return "", ""
}

func (m *Model) drop(ds *pg_query.DropStmt) {
	cascade := ds.Behavior == pg_query.DropBehavior_DROP_CASCADE
	for _, obj := range ds.Objects {
		switch ds.RemoveType {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
			pg_query.ObjectType_OBJECT_FOREIGN_TABLE:
			s, n := qnameOf(nameList(obj))
			q, t, v := m.lookupRel(s, n)
			switch {
			case t != nil && ds.RemoveType == pg_query.ObjectType_OBJECT_TABLE:
				delete(m.Tables, q)
			case v != nil && ds.RemoveType != pg_query.ObjectType_OBJECT_TABLE:
				delete(m.Views, q)
			default:
				if !ds.MissingOk {
					m.opaque("DropStmt", "drop of "+q.String()+", which no migration creates")
				}
				continue
			}
			m.dropDependents(q, cascade)
		case pg_query.ObjectType_OBJECT_POLICY:
			parts := nameList(obj)
			if len(parts) < 2 {
				continue
			}
			s, tn := qnameOf(parts[:len(parts)-1])
			q, t, _ := m.lookupRel(s, tn)
			name := parts[len(parts)-1]
			if t == nil || t.Policy(name) == nil {
				if !ds.MissingOk {
					m.opaque("DropStmt", "drop of policy "+name+" on "+q.String()+", which no migration creates")
				}
				continue
			}
			for i, p := range t.Policies {
				if p.Name == name {
					t.Policies = append(t.Policies[:i], t.Policies[i+1:]...)
					break
				}
			}
		case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
			f := m.lookupFuncArgs(obj.GetObjectWithArgs())
			if f == nil {
				if !ds.MissingOk {
					m.opaque("DropStmt", "drop of a function no migration creates")
				}
				continue
			}
			delete(m.Functions, f.Key())
			if cascade {
				for _, t := range m.Tables {
					var keep []*Policy
					for _, p := range t.Policies {
						if !callsFunc(p.Using, f) && !callsFunc(p.Check, f) {
							keep = append(keep, p)
						}
					}
					t.Policies = keep
				}
			}
		case pg_query.ObjectType_OBJECT_SCHEMA:
			s := nameList(obj)
			if len(s) != 1 {
				continue
			}
			delete(m.Schemas, s[0])
			for q := range m.Tables {
				if q.Schema == s[0] {
					delete(m.Tables, q)
					m.dropDependents(q, true)
				}
			}
			for q := range m.Views {
				if q.Schema == s[0] {
					delete(m.Views, q)
				}
			}
			for k, f := range m.Functions {
				if f.Schema == s[0] {
					delete(m.Functions, k)
				}
			}
		case pg_query.ObjectType_OBJECT_INDEX:
			s, n := qnameOf(nameList(obj))
			for _, t := range m.Tables {
				if s != "" && t.Schema != s {
					continue
				}
				for i, x := range t.Indexes {
					if x.Name == n {
						t.Indexes = append(t.Indexes[:i], t.Indexes[i+1:]...)
						break
					}
				}
			}
		}
	}
}

func callsFunc(e *Expr, f *Function) bool {
	if e == nil {
		return false
	}
	found := false
	walk(e.node, func(x *pg_query.Node) bool {
		if fc := x.GetFuncCall(); fc != nil {
			n := strs(fc.Funcname)
			if n[len(n)-1] == f.Name && (len(n) == 1 || n[0] == f.Schema) {
				found = true
			}
		}
		return !found
	})
	return found
}

// dropDependents removes what CASCADE removes with relation q: views that
// read it and policies whose expressions read it.
func (m *Model) dropDependents(q QName, cascade bool) {
	if !cascade {
		return
	}
	for vq, v := range m.Views {
		for _, r := range v.Reads {
			if r == q {
				delete(m.Views, vq)
				m.dropDependents(vq, true)
				break
			}
		}
	}
	for _, t := range m.Tables {
		var keep []*Policy
		for _, p := range t.Policies {
			if !p.Using.readsRelation(q) && !p.Check.readsRelation(q) {
				keep = append(keep, p)
			}
		}
		t.Policies = keep
	}
}

// drizzleDo matches the DO block Drizzle emits around foreign keys and enum
// types: BEGIN <static DDL> EXCEPTION WHEN duplicate_object THEN null; END.
var drizzleDo = regexp.MustCompile(`(?is)^\s*begin\s+(.*?)\s*exception\s+when\s+duplicate_object\s+then\s+null\s*;\s*end\s*;?\s*$`)

// doBlock models the one DO shape whose effect is static (Drizzle's
// guarded constraint and type creation); every other DO block is opaque.
func (m *Model) doBlock(ds *pg_query.DoStmt, text string) {
	body := ""
	for _, a := range ds.Args {
		if de := a.GetDefElem(); de != nil && de.Defname == "as" {
			body = defValue(de)
		}
	}
	if sm := drizzleDo.FindStringSubmatch(body); sm != nil {
		if r, err := pg_query.Parse(sm[1]); err == nil && len(r.Stmts) > 0 {
			static := true
			for _, rs := range r.Stmts {
				switch {
				case rs.Stmt.GetCreateEnumStmt() != nil, rs.Stmt.GetCompositeTypeStmt() != nil:
				case rs.Stmt.GetAlterTableStmt() != nil:
					for _, c := range rs.Stmt.GetAlterTableStmt().Cmds {
						if c.GetAlterTableCmd().GetSubtype() != pg_query.AlterTableType_AT_AddConstraint {
							static = false
						}
					}
				default:
					static = false
				}
			}
			if static {
				for _, rs := range r.Stmts {
					m.applyStmt(rs.Stmt, "")
				}
				return
			}
		}
	}
	if m.guardedDo(body, text) {
		return
	}
	m.opaque("DoStmt", "DO block: its PL/pgSQL (often dynamic or conditional DDL) is not modelled")
}

var (
	doFrame  = regexp.MustCompile(`(?is)^\s*begin\s+(.*?)\s*end\s*;?\s*$`)
	doGuard  = regexp.MustCompile(`(?is)\s*if\s+not\s+exists\s*(\(.*?\))\s*then\s+(.*?)\s*end\s+if\s*;`)
	doStatic = regexp.MustCompile(`(?i)\b(execute|perform|loop|format|raise|declare|return|exception)\b|:=`)
)

// guardedDo models the idempotent-migration idiom
//
//	do $$ begin
//	  if not exists (select 1 from pg_policies where policyname = 'p' and tablename = 't') then
//	    create policy "p" on t …;
//	  end if;
//	end $$;
//
// The guard is evaluated against the model when it looks a policy up in
// pg_policies; other guards (pg_type, pg_constraint, information_schema)
// only protect statements that are idempotent in the model anyway. Anything
// else (dynamic SQL, loops, variables) is left opaque.
func (m *Model) guardedDo(body, text string) bool {
	fm := doFrame.FindStringSubmatch(body)
	if fm == nil {
		return false
	}
	inner := fm[1]
	guards := doGuard.FindAllStringSubmatchIndex(inner, -1)
	if len(guards) == 0 || strings.TrimSpace(doGuard.ReplaceAllString(inner, "")) != "" {
		return false
	}
	type step struct {
		policy *pgPolicyGuard
		stmts  []*pg_query.RawStmt
		src    string
		off    int // byte offset of src within body
	}
	var steps []step
	for _, g := range guards {
		cond, stmts := inner[g[2]:g[3]], inner[g[4]:g[5]]
		if doStatic.MatchString(stmts) {
			return false
		}
		r, err := pg_query.Parse(stmts)
		if err != nil || len(r.Stmts) == 0 {
			return false
		}
		st := step{stmts: r.Stmts, src: stmts, off: strings.Index(body, inner) + g[4]}
		st.policy = policyGuard(cond)
		for _, rs := range r.Stmts {
			switch {
			case rs.Stmt.GetCreatePolicyStmt() != nil, rs.Stmt.GetCreateEnumStmt() != nil, rs.Stmt.GetCompositeTypeStmt() != nil,
				rs.Stmt.GetCreateStmt() != nil, rs.Stmt.GetIndexStmt() != nil:
			case rs.Stmt.GetAlterTableStmt() != nil:
				for _, c := range rs.Stmt.GetAlterTableStmt().Cmds {
					switch c.GetAlterTableCmd().GetSubtype() {
					case pg_query.AlterTableType_AT_AddConstraint, pg_query.AlterTableType_AT_AddColumn:
					default:
						return false
					}
				}
			default:
				return false
			}
			if rs.Stmt.GetCreatePolicyStmt() != nil && st.policy == nil {
				return false // a policy guarded by something we cannot evaluate
			}
		}
		steps = append(steps, st)
	}
	bodyAt := strings.Index(text, body)
	doPos := m.pos
	for _, st := range steps {
		if st.policy != nil && st.policy.exists(m) {
			continue
		}
		for _, rs := range st.stmts {
			m.pos = doPos
			if bodyAt >= 0 {
				off := bodyAt + st.off + int(rs.StmtLocation)
				lines := lineStarts(text)
				m.pos.Line = doPos.Line + lineAt(text, lines, off) - lineAt(text, lines, 0)
			}
			m.applyStmt(rs.Stmt, stmtText(st.src, rs))
		}
	}
	m.pos = doPos
	return true
}

// pgPolicyGuard is `select … from pg_policies where policyname = '…' [and tablename = '…'] [and schemaname = '…']`.
type pgPolicyGuard struct{ schema, table, name string }

func policyGuard(cond string) *pgPolicyGuard {
	r, err := pg_query.Parse(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(cond), "("), ")"))
	if err != nil || len(r.Stmts) != 1 {
		return nil
	}
	sel := r.Stmts[0].Stmt.GetSelectStmt()
	if sel == nil || len(sel.FromClause) != 1 {
		return nil
	}
	rv := sel.FromClause[0].GetRangeVar()
	if rv == nil || rv.Relname != "pg_policies" {
		return nil
	}
	g := &pgPolicyGuard{}
	walk(sel.WhereClause, func(x *pg_query.Node) bool {
		ae := x.GetAExpr()
		if ae == nil || strings.Join(strs(ae.Name), "") != "=" {
			return true
		}
		cr := ae.Lexpr.GetColumnRef()
		v, ok := literal(ae.Rexpr)
		if cr == nil || !ok {
			return true
		}
		f := strs(cr.Fields)
		switch f[len(f)-1] {
		case "policyname":
			g.name = v
		case "tablename":
			g.table = v
		case "schemaname":
			g.schema = v
		}
		return true
	})
	if g.name == "" {
		return nil
	}
	return g
}

func (g *pgPolicyGuard) exists(m *Model) bool {
	for _, t := range m.Tables {
		if (g.table == "" || t.Name == g.table) && (g.schema == "" || t.Schema == g.schema) && t.Policy(g.name) != nil {
			return true
		}
	}
	return false
}

// targetNames derives the output column names of a simple SELECT the way
// PostgreSQL names them (alias, column name, function name); nil when a
// star or set operation makes them unknowable here.
func targetNames(q *pg_query.Node) []string {
	sel := q.GetSelectStmt()
	if sel == nil || len(sel.TargetList) == 0 {
		return nil
	}
	var out []string
	for _, t := range sel.TargetList {
		rt := t.GetResTarget()
		switch {
		case rt == nil:
			return nil
		case rt.Name != "":
			out = append(out, rt.Name)
		case rt.Val.GetColumnRef() != nil:
			f := strs(rt.Val.GetColumnRef().Fields)
			if f[len(f)-1] == "*" {
				return nil
			}
			out = append(out, f[len(f)-1])
		case rt.Val.GetFuncCall() != nil:
			f := strs(rt.Val.GetFuncCall().Funcname)
			out = append(out, f[len(f)-1])
		default:
			out = append(out, "?column?")
		}
	}
	return out
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000]
	}
	return s
}
