package pgmodel

import (
	"regexp"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// ---- types ----

var typeAliases = map[string]string{
	"int": "integer", "int4": "integer", "integer": "integer", "int8": "bigint", "bigint": "bigint",
	"int2": "smallint", "smallint": "smallint", "bool": "boolean", "boolean": "boolean",
	"varchar": "character varying", "bpchar": "character", "char": "character",
	"float8": "double precision", "float4": "real", "timestamptz": "timestamp with time zone",
	"timestamp": "timestamp without time zone", "timetz": "time with time zone",
	"time": "time without time zone", "decimal": "numeric", "serial": "integer", "bigserial": "bigint",
	"serial4": "integer", "serial8": "bigint", "smallserial": "smallint",
}

// typeName canonicalises a type as format_type prints it (without typmods).
func typeName(tn *pg_query.TypeName) string {
	if tn == nil {
		return ""
	}
	parts := strs(tn.Names)
	if len(parts) == 0 {
		return ""
	}
	if parts[0] == "pg_catalog" {
		parts = parts[1:]
	}
	name := parts[len(parts)-1]
	if a, ok := typeAliases[name]; ok {
		name = a
	} else if len(parts) > 1 && parts[0] != "public" {
		name = strings.Join(parts, ".")
	}
	if tn.PctType {
		name += "%TYPE"
	}
	for range tn.ArrayBounds {
		name += "[]"
	}
	return name
}

// ---- privileges ----

func grantees(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		if r := roleName(n.GetRoleSpec()); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// privNames expands a GRANT privilege list for an object kind; nil means ALL.
func privNames(privs []*pg_query.Node, kind string) (names []string, columns bool) {
	all := map[string][]string{
		"tables": TablePrivileges, "functions": {"EXECUTE"}, "sequences": {"USAGE", "SELECT", "UPDATE"},
		"schemas": {"USAGE", "CREATE"},
	}[kind]
	if len(privs) == 0 {
		return all, false
	}
	for _, p := range privs {
		ap := p.GetAccessPriv()
		if ap == nil {
			continue
		}
		if len(ap.Cols) > 0 {
			columns = true
			continue
		}
		if ap.PrivName == "" || strings.EqualFold(ap.PrivName, "all") {
			names = append(names, all...)
			continue
		}
		names = append(names, strings.ToUpper(ap.PrivName))
	}
	return names, columns
}

func applyACL(acl ACL, gs *pg_query.GrantStmt, privs []string, who []string, pos Pos) {
	all := len(gs.Privileges) == 0
	for _, g := range who {
		for _, p := range privs {
			if gs.IsGrant {
				old, had := acl[g][p]
				acl.grant(g, p, Grant{Pos: pos, Restated: had && (old.Default || old.Restated), AllPrivileges: all})
			} else if !gs.GrantOption { // REVOKE GRANT OPTION FOR keeps the privilege
				acl.revoke(g, p)
			}
		}
	}
}

func (m *Model) grant(gs *pg_query.GrantStmt) {
	who := grantees(gs.Grantees)
	switch gs.Objtype {
	case pg_query.ObjectType_OBJECT_TABLE:
		privs, cols := privNames(gs.Privileges, "tables")
		if cols && len(privs) == 0 {
			return // column privileges do not show in table ACLs
		}
		if gs.Targtype == pg_query.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA {
			for _, s := range strs(gs.Objects) {
				for _, t := range m.Tables {
					if t.Schema == s {
						applyACL(t.ACL, gs, privs, who, m.pos)
					}
				}
				for _, v := range m.Views {
					if v.Schema == s {
						applyACL(v.ACL, gs, privs, who, m.pos)
					}
				}
			}
			return
		}
		for _, o := range gs.Objects {
			rv := o.GetRangeVar()
			if rv == nil {
				continue
			}
			q, t, v := m.rangeVar(rv)
			switch {
			case t != nil:
				applyACL(t.ACL, gs, privs, who, m.pos)
			case v != nil:
				applyACL(v.ACL, gs, privs, who, m.pos)
			default:
				m.opaque("GrantStmt", "privileges on "+q.String()+", which no migration creates")
			}
		}
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		privs, _ := privNames(gs.Privileges, "functions")
		if gs.Targtype == pg_query.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA {
			for _, s := range strs(gs.Objects) {
				for _, f := range m.Functions {
					if f.Schema != s || f.Builtin {
						continue
					}
					if (gs.Objtype == pg_query.ObjectType_OBJECT_FUNCTION && f.Procedure) ||
						(gs.Objtype == pg_query.ObjectType_OBJECT_PROCEDURE && !f.Procedure) {
						continue
					}
					applyACL(f.ACL, gs, privs, who, m.pos)
				}
			}
			return
		}
		for _, o := range gs.Objects {
			f := m.lookupFuncArgs(o.GetObjectWithArgs())
			if f == nil {
				m.opaque("GrantStmt", "privileges on a function no migration creates")
				continue
			}
			applyACL(f.ACL, gs, privs, who, m.pos)
		}
	case pg_query.ObjectType_OBJECT_SCHEMA:
		privs, _ := privNames(gs.Privileges, "schemas")
		if !contains(privs, "USAGE") {
			return
		}
		for _, s := range strs(gs.Objects) {
			for _, g := range who {
				if m.SchemaUsage[s] == nil {
					m.SchemaUsage[s] = map[string]Pos{}
				}
				if gs.IsGrant {
					m.SchemaUsage[s][g] = m.pos
				} else {
					delete(m.SchemaUsage[s], g)
				}
			}
		}
	}
}

func (m *Model) alterDefaults(ad *pg_query.AlterDefaultPrivilegesStmt) {
	schemas := []string{""}
	for _, o := range ad.Options {
		de := o.GetDefElem()
		if de == nil || de.Arg == nil || de.Arg.GetList() == nil {
			continue
		}
		switch de.Defname {
		case "schemas":
			schemas = strs(de.Arg.GetList().Items)
		case "roles":
			applies := false
			for _, r := range de.Arg.GetList().Items {
				if roleName(r.GetRoleSpec()) == migrationRole {
					applies = true
				}
			}
			if !applies {
				return // defaults for objects created by another role
			}
		}
	}
	gs := ad.Action
	if gs == nil {
		return
	}
	var kind string
	switch gs.Objtype {
	case pg_query.ObjectType_OBJECT_TABLE:
		kind = "tables"
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_ROUTINE, pg_query.ObjectType_OBJECT_PROCEDURE:
		kind = "functions"
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		kind = "sequences"
	default:
		return
	}
	privs, _ := privNames(gs.Privileges, kind)
	who := grantees(gs.Grantees)
	for _, s := range schemas {
		k := defKey{s, kind}
		if m.defaults[k] == nil {
			m.defaults[k] = ACL{}
		}
		applyACL(m.defaults[k], gs, privs, who, m.pos)
	}
}

// ---- views ----

func relOptions(opts []*pg_query.Node) map[string]string {
	out := map[string]string{}
	for _, o := range opts {
		de := o.GetDefElem()
		if de == nil {
			continue
		}
		out[strings.ToLower(de.Defname)] = defValue(de)
	}
	return out
}

func defValue(de *pg_query.DefElem) string {
	if de.Arg == nil {
		return "true"
	}
	switch {
	case de.Arg.GetString_() != nil:
		return de.Arg.GetString_().Sval
	case de.Arg.GetBoolean() != nil:
		if de.Arg.GetBoolean().Boolval {
			return "true"
		}
		return "false"
	case de.Arg.GetInteger() != nil:
		return itoa(int(de.Arg.GetInteger().Ival))
	case de.Arg.GetTypeName() != nil:
		return typeName(de.Arg.GetTypeName())
	}
	return ""
}

// parseBool follows PostgreSQL's parse_bool for reloption values.
func parseBool(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
		return true
	}
	return false
}

func (v *View) syncOptions() {
	v.SecurityInvoker = parseBool(v.Options["security_invoker"])
	v.SecurityBarrier = parseBool(v.Options["security_barrier"])
}

func (m *Model) createView(vs *pg_query.ViewStmt) {
	q := m.createName(vs.View.Schemaname, vs.View.Relname)
	if vs.View.Relpersistence == "t" {
		return
	}
	old := m.Views[q]
	v := &View{Schema: q.Schema, Name: q.Name, Pos: m.pos, OptionsPos: m.pos, Options: relOptions(vs.Options)}
	if old != nil && vs.Replace {
		v.ACL = old.ACL // CREATE OR REPLACE keeps privileges; options are replaced
	} else {
		v.ACL = m.newACL(q.Schema, "tables")
	}
	v.syncOptions()
	v.Reads = m.readsOf(vs.Query)
	v.Query = deparseStmt(vs.Query)
	m.Views[q] = v
}

func (m *Model) viewOptions(v *View, cmd *pg_query.AlterTableCmd) {
	l := cmd.Def.GetList()
	if l == nil {
		return
	}
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_SetRelOptions:
		for k, val := range relOptions(l.Items) {
			v.Options[k] = val
		}
	case pg_query.AlterTableType_AT_ResetRelOptions:
		for _, o := range l.Items {
			if de := o.GetDefElem(); de != nil {
				delete(v.Options, strings.ToLower(de.Defname))
			}
		}
	case pg_query.AlterTableType_AT_ReplaceRelOptions:
		v.Options = relOptions(l.Items)
	}
	v.syncOptions()
	v.OptionsPos = m.pos
}

// readsOf lists the relations a query reads (CTE names excluded).
func (m *Model) readsOf(q *pg_query.Node) []QName {
	ctes := map[string]bool{}
	walk(q, func(x *pg_query.Node) bool {
		if c := x.GetCommonTableExpr(); c != nil {
			ctes[c.Ctename] = true
		}
		return true
	})
	seen := map[QName]bool{}
	var out []QName
	walk(q, func(x *pg_query.Node) bool {
		rv := x.GetRangeVar()
		if rv == nil {
			return true
		}
		if rv.Schemaname == "" && ctes[rv.Relname] {
			return true
		}
		name, _, _ := m.rangeVar(rv)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
		return true
	})
	return out
}

func deparseStmt(n *pg_query.Node) string {
	if n == nil {
		return ""
	}
	out, err := pg_query.Deparse(&pg_query.ParseResult{Version: pgVersion, Stmts: []*pg_query.RawStmt{{Stmt: n}}})
	if err != nil {
		return ""
	}
	return out
}

// ---- functions ----

func identityArgs(params []*pg_query.Node) ([]string, []Param) {
	var ids []string
	var ps []Param
	for _, n := range params {
		fp := n.GetFunctionParameter()
		if fp == nil {
			continue
		}
		mode := map[pg_query.FunctionParameterMode]string{
			pg_query.FunctionParameterMode_FUNC_PARAM_OUT: "out", pg_query.FunctionParameterMode_FUNC_PARAM_INOUT: "inout",
			pg_query.FunctionParameterMode_FUNC_PARAM_VARIADIC: "variadic", pg_query.FunctionParameterMode_FUNC_PARAM_TABLE: "table",
		}[fp.Mode]
		if mode == "" {
			mode = "in"
		}
		t := typeName(fp.ArgType)
		ps = append(ps, Param{Name: fp.Name, Type: t, Mode: mode})
		if mode == "in" || mode == "inout" || mode == "variadic" {
			ids = append(ids, t)
		}
	}
	return ids, ps
}

func (m *Model) funcSchemaName(parts []string) (string, string) {
	s, n := qnameOf(parts)
	return s, n
}

// lookupFuncArgs resolves a function reference (with or without arguments).
func (m *Model) lookupFuncArgs(owa *pg_query.ObjectWithArgs) *Function {
	if owa == nil {
		return nil
	}
	s, n := m.funcSchemaName(strs(owa.Objname))
	schemas := []string{s}
	if s == "" {
		schemas = m.searchPath
	}
	for _, sch := range schemas {
		if owa.ArgsUnspecified {
			if fs := m.FunctionsNamed(sch, n); len(fs) == 1 {
				return fs[0]
			}
			continue
		}
		var args []string
		for _, a := range owa.Objargs {
			args = append(args, typeName(a.GetTypeName()))
		}
		if f := m.Functions[funcKey(sch, n, args)]; f != nil {
			return f
		}
	}
	return nil
}

// configEntry renders a SET clause as proconfig stores it.
func configEntry(vs *pg_query.VariableSetStmt) (name, value string, ok bool) {
	name = strings.ToLower(vs.Name)
	switch vs.Kind {
	case pg_query.VariableSetKind_VAR_SET_VALUE:
	case pg_query.VariableSetKind_VAR_SET_CURRENT:
		if name == "search_path" {
			return name, `"$user", public`, true
		}
		return name, "", false
	default:
		return name, "", false
	}
	var vals []string
	for _, a := range vs.Args {
		v, _ := literal(a)
		if name == "search_path" {
			v = quoteIdent(v)
		}
		vals = append(vals, v)
	}
	return name, strings.Join(vals, ", "), true
}

var plainIdent = regexp.MustCompile(`^[a-z_][a-z0-9_$]*$`)

func quoteIdent(s string) string {
	if plainIdent.MatchString(s) && !reservedWords[s] {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

var reservedWords = map[string]bool{"user": true, "select": true, "table": true, "public": false, "all": true, "order": true, "group": true}

func setConfig(cfg []string, name, value string) []string {
	entry := name + "=" + value
	for i, c := range cfg {
		if strings.HasPrefix(c, name+"=") {
			out := append([]string(nil), cfg...)
			out[i] = entry
			return out
		}
	}
	return append(append([]string(nil), cfg...), entry)
}

func resetConfig(cfg []string, name string) []string {
	var out []string
	for _, c := range cfg {
		if !strings.HasPrefix(c, name+"=") {
			out = append(out, c)
		}
	}
	return out
}

func (m *Model) createFunction(cf *pg_query.CreateFunctionStmt, text string) {
	s, n := m.funcSchemaName(strs(cf.Funcname))
	if s == "" {
		s = m.creationSchema()
	}
	ids, params := identityArgs(cf.Parameters)
	f := &Function{Schema: s, Name: n, ArgTypes: ids, Params: params, Returns: typeName(cf.ReturnType),
		Procedure: cf.IsProcedure, Pos: m.pos, SecurityPos: m.pos, ConfigPos: m.pos}
	if f.ArgTypes == nil {
		f.ArgTypes = []string{}
	}
	if cf.ReturnType != nil && cf.ReturnType.Setof {
		f.Returns = "setof " + f.Returns
	}
	for _, o := range cf.Options {
		de := o.GetDefElem()
		if de == nil {
			continue
		}
		switch de.Defname {
		case "as":
			if l := de.Arg.GetList(); l != nil {
				f.Body = strings.Join(strs(l.Items), "\n")
			}
		case "language":
			f.Language = strings.ToLower(defValue(de))
		case "security":
			f.SecurityDefiner = de.Arg.GetBoolean().GetBoolval()
		case "set":
			if vs := de.Arg.GetVariableSetStmt(); vs != nil {
				if name, val, ok := configEntry(vs); ok {
					f.Config = setConfig(f.Config, name, val)
				}
			}
		}
	}
	if cf.SqlBody != nil {
		f.Body = text
		if f.Language == "" {
			f.Language = "sql"
		}
	}
	if old := m.Functions[f.Key()]; old != nil {
		f.ACL = old.ACL // CREATE OR REPLACE keeps privileges
	} else {
		f.ACL = m.newACL(s, "functions")
	}
	m.Functions[f.Key()] = f
}

func (m *Model) alterFunction(af *pg_query.AlterFunctionStmt) {
	f := m.lookupFuncArgs(af.Func)
	if f == nil {
		m.opaque("AlterFunctionStmt", "ALTER of a function no migration creates")
		return
	}
	for _, a := range af.Actions {
		de := a.GetDefElem()
		if de == nil {
			continue
		}
		switch de.Defname {
		case "security":
			f.SecurityDefiner = de.Arg.GetBoolean().GetBoolval()
			f.SecurityPos = m.pos
		case "set":
			vs := de.Arg.GetVariableSetStmt()
			if vs == nil {
				continue
			}
			switch vs.Kind {
			case pg_query.VariableSetKind_VAR_RESET:
				f.Config = resetConfig(f.Config, strings.ToLower(vs.Name))
			case pg_query.VariableSetKind_VAR_RESET_ALL:
				f.Config = nil
			default:
				if name, val, ok := configEntry(vs); ok {
					f.Config = setConfig(f.Config, name, val)
				} else {
					f.Config = resetConfig(f.Config, name)
				}
			}
			f.ConfigPos = m.pos
		}
	}
}

// ---- session settings ----

func (m *Model) setVariable(vs *pg_query.VariableSetStmt) {
	switch strings.ToLower(vs.Name) {
	case "search_path":
		switch vs.Kind {
		case pg_query.VariableSetKind_VAR_SET_VALUE:
			var sp []string
			for _, a := range vs.Args {
				v, _ := literal(a)
				sp = append(sp, v)
			}
			m.setSearchPath(sp)
		case pg_query.VariableSetKind_VAR_SET_DEFAULT, pg_query.VariableSetKind_VAR_RESET:
			m.searchPath = []string{"public"}
		}
	case "role", "session_authorization", "session authorization":
		m.opaque("VariableSetStmt", "SET ROLE / SESSION AUTHORIZATION changes who owns the objects created after it")
	}
}

func (m *Model) setSearchPath(sp []string) {
	var out []string
	for _, s := range sp {
		for _, p := range strings.Split(s, ",") {
			p = strings.Trim(strings.TrimSpace(p), `"`)
			if p != "" && p != "$user" {
				out = append(out, p)
			}
		}
	}
	m.searchPath = out
}

// ---- data statements that matter: storage buckets ----

func isBuckets(q QName) bool { return q == QName{"storage", "buckets"} }

func (m *Model) insert(is *pg_query.InsertStmt) {
	q, _, _ := m.rangeVar(is.Relation)
	if !isBuckets(q) {
		return
	}
	cols := []string{}
	for _, c := range is.Cols {
		if rt := c.GetResTarget(); rt != nil {
			cols = append(cols, rt.Name)
		}
	}
	sel := is.SelectStmt.GetSelectStmt()
	if sel == nil || len(sel.ValuesLists) == 0 || len(cols) == 0 {
		m.opaque("InsertStmt", "insert into storage.buckets without a literal VALUES list and column names")
		return
	}
	for _, row := range sel.ValuesLists {
		vals := row.GetList().GetItems()
		b := &Bucket{Pos: m.pos}
		hasID := false
		for i, c := range cols {
			if i >= len(vals) {
				break
			}
			switch c {
			case "id":
				b.ID, hasID = literal(vals[i])
			case "public":
				v, ok := constValue(vals[i])
				if !ok {
					m.opaque("InsertStmt", "storage bucket with a non-literal public value")
				}
				b.Public = v
			}
		}
		if !hasID {
			m.opaque("InsertStmt", "storage bucket without a literal id")
			continue
		}
		if old := m.Buckets[b.ID]; old != nil {
			oc := is.OnConflictClause
			switch {
			case oc == nil || oc.Action == pg_query.OnConflictAction_ONCONFLICT_NOTHING:
				continue // duplicate key fails, or DO NOTHING
			case oc.Action == pg_query.OnConflictAction_ONCONFLICT_UPDATE:
				for _, t := range oc.TargetList {
					rt := t.GetResTarget()
					if rt == nil || rt.Name != "public" {
						continue
					}
					if cr := rt.Val.GetColumnRef(); cr != nil && strings.Join(strs(cr.Fields), ".") == "excluded.public" {
						old.Public, old.Pos = b.Public, m.pos
					} else if v, ok := constValue(rt.Val); ok {
						old.Public, old.Pos = v, m.pos
					} else {
						m.opaque("InsertStmt", "storage bucket upsert with a non-literal public value")
					}
				}
				continue
			}
		}
		m.Buckets[b.ID] = b
	}
}

// bucketsWhere returns the buckets a WHERE clause selects: nil clause is
// all buckets; `id = 'x'`, `name = 'x'` and `id in (...)` are understood.
func (m *Model) bucketsWhere(where *pg_query.Node) ([]*Bucket, bool) {
	var out []*Bucket
	if where == nil {
		for _, b := range m.Buckets {
			out = append(out, b)
		}
		return out, true
	}
	ae := where.GetAExpr()
	if ae == nil {
		return nil, false
	}
	cr := ae.Lexpr.GetColumnRef()
	if cr == nil {
		return nil, false
	}
	f := strs(cr.Fields)
	col := f[len(f)-1]
	if col != "id" && col != "name" {
		return nil, false
	}
	var ids []string
	switch {
	case ae.Kind == pg_query.A_Expr_Kind_AEXPR_OP && strings.Join(strs(ae.Name), "") == "=":
		v, ok := literal(ae.Rexpr)
		if !ok {
			return nil, false
		}
		ids = []string{v}
	case ae.Kind == pg_query.A_Expr_Kind_AEXPR_IN:
		for _, it := range ae.Rexpr.GetList().GetItems() {
			v, ok := literal(it)
			if !ok {
				return nil, false
			}
			ids = append(ids, v)
		}
	default:
		return nil, false
	}
	// Buckets are created with name = id in practice; match either.
	for _, id := range ids {
		if b := m.Buckets[id]; b != nil {
			out = append(out, b)
		}
	}
	return out, true
}

func (m *Model) update(us *pg_query.UpdateStmt) {
	q, _, _ := m.rangeVar(us.Relation)
	if !isBuckets(q) {
		return
	}
	for _, t := range us.TargetList {
		rt := t.GetResTarget()
		if rt == nil || rt.Name != "public" {
			continue
		}
		v, ok := constValue(rt.Val)
		bs, bok := m.bucketsWhere(us.WhereClause)
		if !ok || !bok {
			m.opaque("UpdateStmt", "update of storage.buckets.public that is not a literal on literal ids")
			return
		}
		for _, b := range bs {
			b.Public, b.Pos = v, m.pos
		}
	}
}

func (m *Model) delete(ds *pg_query.DeleteStmt) {
	q, _, _ := m.rangeVar(ds.Relation)
	if !isBuckets(q) {
		return
	}
	bs, ok := m.bucketsWhere(ds.WhereClause)
	if !ok {
		m.opaque("DeleteStmt", "delete from storage.buckets with a condition that is not literal ids")
		return
	}
	for _, b := range bs {
		delete(m.Buckets, b.ID)
	}
}

var ddlWords = regexp.MustCompile(`(?i)\b(grant|revoke|alter|create|drop|execute|policy)\b`)

// selectStmt understands set_config('search_path', ...) (pg_dump output) and
// flags calls to migration-defined functions that run DDL.
func (m *Model) selectStmt(sel *pg_query.SelectStmt) {
	walk(sel, func(x *pg_query.Node) bool {
		fc := x.GetFuncCall()
		if fc == nil {
			return true
		}
		name := strs(fc.Funcname)
		if name[len(name)-1] == "set_config" && len(fc.Args) >= 1 && constString(fc.Args[0]) == "search_path" {
			if len(fc.Args) >= 2 {
				m.setSearchPath([]string{constString(fc.Args[1])})
				if len(m.searchPath) == 0 {
					m.searchPath = []string{}
				}
			}
			return true
		}
		if f := m.lookupFunc(name); f != nil && !f.Builtin && ddlWords.MatchString(f.Body) {
			m.opaque("SelectStmt", "SELECT calls "+f.Signature()+", which runs DDL or dynamic SQL; its effects are not modelled")
		}
		return true
	})
}
