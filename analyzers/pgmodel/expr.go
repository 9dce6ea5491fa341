package pgmodel

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Expr is a policy expression (USING or WITH CHECK): its deparsed text and
// its parse tree, so rules can ask structural questions about it.
type Expr struct {
	Text string
	node *pg_query.Node
}

// Node returns the expression's raw parse tree (read-only).
func (e *Expr) Node() *pg_query.Node {
	if e == nil {
		return nil
	}
	return e.node
}

func newExpr(n *pg_query.Node) *Expr {
	if n == nil {
		return nil
	}
	n = proto.Clone(n).(*pg_query.Node)
	e := &Expr{node: n}
	e.Text = deparseExpr(n)
	return e
}

func (e *Expr) refresh() { e.Text = deparseExpr(e.node) }

// deparseExpr renders an expression through pg_query's deparser by wrapping
// it in a SELECT target list.
func deparseExpr(n *pg_query.Node) string {
	if n == nil {
		return ""
	}
	res := &pg_query.ParseResult{Version: pgVersion, Stmts: []*pg_query.RawStmt{{Stmt: &pg_query.Node{Node: &pg_query.Node_SelectStmt{
		SelectStmt: &pg_query.SelectStmt{TargetList: []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Val: n}}}}},
	}}}}}
	out, err := pg_query.Deparse(res)
	if err != nil {
		return "<undeparsable expression>"
	}
	return strings.TrimPrefix(out, "SELECT ")
}

// pgVersion is the parse tree version pg_query_go's deparser expects.
var pgVersion = func() int32 {
	r, err := pg_query.Parse("select 1")
	if err != nil {
		return 0
	}
	return r.Version
}()

// walk visits every Node under m in depth-first order. fn returns false to
// skip a node's children.
func walk(m proto.Message, fn func(*pg_query.Node) bool) {
	if m == nil {
		return
	}
	if n, ok := m.(*pg_query.Node); ok {
		if n == nil {
			return
		}
		if !fn(n) {
			return
		}
	}
	rm := m.ProtoReflect()
	if !rm.IsValid() {
		return
	}
	rm.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Message() == nil {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walk(l.Get(i).Message().Interface(), fn)
			}
			return true
		}
		if fd.IsMap() {
			return true
		}
		walk(v.Message().Interface(), fn)
		return true
	})
}

func strs(nodes []*pg_query.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		switch {
		case n.GetString_() != nil:
			out = append(out, n.GetString_().Sval)
		case n.GetAStar() != nil:
			out = append(out, "*")
		}
	}
	return out
}

func funcName(fc *pg_query.FuncCall) string { return strings.Join(strs(fc.Funcname), ".") }

// callerFuncs are functions whose value identifies the caller.
var callerFuncs = map[string]bool{"auth.uid": true, "auth.jwt": true, "auth.email": true}

// isCallerRef reports whether n is (or directly wraps) a reference to the
// caller's identity: auth.uid(), auth.jwt()->>'sub', (select auth.uid()),
// current_setting('request.jwt.claims')..., current_user.
func isCallerRef(n *pg_query.Node) bool {
	found := false
	walk(n, func(x *pg_query.Node) bool {
		if found {
			return false
		}
		if fc := x.GetFuncCall(); fc != nil {
			name := funcName(fc)
			if callerFuncs[name] {
				found = true
				return false
			}
			if name == "current_setting" && len(fc.Args) > 0 {
				if s := constString(fc.Args[0]); strings.HasPrefix(s, "request.jwt") {
					found = true
					return false
				}
			}
		}
		if sv := x.GetSqlvalueFunction(); sv != nil {
			if sv.Op == pg_query.SQLValueFunctionOp_SVFOP_CURRENT_USER || sv.Op == pg_query.SQLValueFunctionOp_SVFOP_SESSION_USER {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// ReferencesCaller reports whether the expression reads the caller's
// identity anywhere (auth.uid(), auth.jwt(), request.jwt settings).
func (e *Expr) ReferencesCaller() bool { return e != nil && isCallerRef(e.node) }

func constString(n *pg_query.Node) string {
	if tc := n.GetTypeCast(); tc != nil {
		return constString(tc.Arg)
	}
	if ac := n.GetAConst(); ac != nil {
		if s := ac.GetSval(); s != nil {
			return s.Sval
		}
	}
	return ""
}

// constValue evaluates constant boolean expressions: true, 1=1, 'a'='a',
// NOT false, x OR true. known is false when the value depends on the row or
// the caller.
func constValue(n *pg_query.Node) (val, known bool) {
	if n == nil {
		return true, true
	}
	switch {
	case n.GetAConst() != nil:
		ac := n.GetAConst()
		if b := ac.GetBoolval(); b != nil {
			return b.Boolval, true
		}
		if ac.GetIsnull() {
			return false, true
		}
		if s := ac.GetSval(); s != nil {
			switch strings.ToLower(s.Sval) {
			case "t", "true", "on", "yes", "1":
				return true, true
			case "f", "false", "off", "no", "0":
				return false, true
			}
		}
		return false, false
	case n.GetTypeCast() != nil:
		return constValue(n.GetTypeCast().Arg)
	case n.GetBoolExpr() != nil:
		be := n.GetBoolExpr()
		switch be.Boolop {
		case pg_query.BoolExprType_NOT_EXPR:
			v, k := constValue(be.Args[0])
			return !v, k
		case pg_query.BoolExprType_AND_EXPR:
			all := true
			for _, a := range be.Args {
				v, k := constValue(a)
				if k && !v {
					return false, true
				}
				if !k {
					all = false
				}
			}
			return true, all
		case pg_query.BoolExprType_OR_EXPR:
			all := true
			for _, a := range be.Args {
				v, k := constValue(a)
				if k && v {
					return true, true
				}
				if !k {
					all = false
				}
			}
			return false, all
		}
	case n.GetAExpr() != nil:
		ae := n.GetAExpr()
		if ae.Kind != pg_query.A_Expr_Kind_AEXPR_OP || ae.Lexpr == nil || ae.Rexpr == nil {
			return false, false
		}
		op := strings.Join(strs(ae.Name), "")
		l, lok := literal(ae.Lexpr)
		r, rok := literal(ae.Rexpr)
		if !lok || !rok {
			return false, false
		}
		switch op {
		case "=":
			return l == r, true
		case "<>", "!=":
			return l != r, true
		}
	}
	return false, false
}

func literal(n *pg_query.Node) (string, bool) {
	if tc := n.GetTypeCast(); tc != nil {
		return literal(tc.Arg)
	}
	ac := n.GetAConst()
	if ac == nil || ac.GetIsnull() {
		return "", false
	}
	switch {
	case ac.GetIval() != nil:
		return itoa(int(ac.GetIval().Ival)), true
	case ac.GetSval() != nil:
		return ac.GetSval().Sval, true
	case ac.GetBoolval() != nil:
		if ac.GetBoolval().Boolval {
			return "true", true
		}
		return "false", true
	case ac.GetFval() != nil:
		return ac.GetFval().Fval, true
	}
	return "", false
}

// AlwaysTrue reports whether the expression admits every row (absent, true,
// 1=1, 'x'='x', true OR ...).
func (e *Expr) AlwaysTrue() bool {
	if e == nil {
		return true
	}
	v, k := constValue(e.node)
	return k && v
}

// ReadsUserMetadata reports whether the expression reads user-editable
// metadata: auth.jwt() -> 'user_metadata' or auth.users.raw_user_meta_data.
func (e *Expr) ReadsUserMetadata() bool {
	if e == nil {
		return false
	}
	return readsUserMetadata(e.node)
}

func readsUserMetadata(n proto.Message) bool {
	found := false
	walk(n, func(x *pg_query.Node) bool {
		if found {
			return false
		}
		if s := constString(x); strings.Contains(s, "user_metadata") || strings.Contains(s, "raw_user_meta_data") {
			found = true
		}
		if cr := x.GetColumnRef(); cr != nil {
			f := strs(cr.Fields)
			if len(f) > 0 && (f[len(f)-1] == "raw_user_meta_data" || f[len(f)-1] == "user_metadata") {
				found = true
			}
		}
		return !found
	})
	return found
}

// UnwrappedCallerCalls counts calls to auth.uid()/auth.jwt()/auth.role()
// that are not wrapped in a scalar subquery `(select auth.uid())`, which
// makes PostgreSQL call them once per row instead of once per statement.
func (e *Expr) UnwrappedCallerCalls() int {
	if e == nil {
		return 0
	}
	count := 0
	var visit func(n proto.Message, wrapped bool)
	visit = func(n proto.Message, wrapped bool) {
		walk(n, func(x *pg_query.Node) bool {
			if sl := x.GetSubLink(); sl != nil && sl.SubLinkType == pg_query.SubLinkType_EXPR_SUBLINK {
				visit(sl.Subselect, true)
				if sl.Testexpr != nil {
					visit(sl.Testexpr, wrapped)
				}
				return false
			}
			if fc := x.GetFuncCall(); fc != nil {
				switch funcName(fc) {
				case "auth.uid", "auth.jwt", "auth.role":
					if !wrapped {
						count++
					}
				}
			}
			return true
		})
	}
	visit(e.node, false)
	return count
}

// Scope classifies what a policy expression lets through for a caller.
type Scope int

// Scopes, from most to least permissive.
const (
	// ScopeAlways admits every row.
	ScopeAlways Scope = iota
	// ScopeNoCaller filters rows without looking at the caller
	// (status = 'published'): every caller sees the same rows.
	ScopeNoCaller
	// ScopeAuthOnly only checks that a caller is signed in
	// (auth.uid() is not null, auth.role() = 'authenticated').
	ScopeAuthOnly
	// ScopeCallerCheck depends on who the caller is without tying rows to
	// them: an admin lookup, a role claim in app_metadata.
	ScopeCallerCheck
	// ScopeOwner ties rows to the caller: owner column = auth.uid(),
	// membership subquery correlated with the row.
	ScopeOwner
)

func (s Scope) String() string {
	return [...]string{"always", "no-caller", "auth-only", "caller-check", "owner"}[s]
}

// scoper classifies expressions of one table's policies.
type scoper struct {
	table *Table
	funcs func(name []string) *Function
}

// Classify returns how the expression scopes t's rows to the caller.
func (m *Model) Classify(t *Table, e *Expr) Scope {
	if e == nil || e.AlwaysTrue() {
		return ScopeAlways
	}
	s := scoper{table: t, funcs: m.lookupFunc}
	return s.scope(e.node)
}

func (m *Model) lookupFunc(name []string) *Function {
	var schema, fn string
	switch len(name) {
	case 1:
		fn = name[0]
		for _, sch := range []string{"public"} {
			if fs := m.FunctionsNamed(sch, fn); len(fs) > 0 {
				return fs[0]
			}
		}
		return nil
	case 2:
		schema, fn = name[0], name[1]
	default:
		return nil
	}
	if fs := m.FunctionsNamed(schema, fn); len(fs) > 0 {
		return fs[0]
	}
	return nil
}

func (s scoper) scope(n *pg_query.Node) Scope {
	if v, k := constValue(n); k {
		if v {
			return ScopeAlways
		}
		return ScopeOwner // constant false admits nothing
	}
	if be := n.GetBoolExpr(); be != nil {
		switch be.Boolop {
		case pg_query.BoolExprType_AND_EXPR:
			best := ScopeAlways
			for _, a := range be.Args {
				if sc := s.scope(a); sc > best {
					best = sc
				}
			}
			return best
		case pg_query.BoolExprType_OR_EXPR:
			worst := ScopeOwner
			for _, a := range be.Args {
				if sc := s.scope(a); sc < worst {
					worst = sc
				}
			}
			return worst
		default:
			if isCallerRef(n) {
				return ScopeCallerCheck
			}
			return ScopeNoCaller
		}
	}
	if s.authOnly(n) {
		return ScopeAuthOnly
	}
	if !isCallerRef(n) && !s.callsCallerFunc(n) {
		return ScopeNoCaller
	}
	if s.tiesRowToCaller(n) {
		return ScopeOwner
	}
	if s.authOnly(n) {
		return ScopeAuthOnly
	}
	return ScopeCallerCheck
}

// callsCallerFunc reports whether n calls a user function whose body reads
// the caller (e.g. is_org_member(org_id) checking auth.uid()).
func (s scoper) callsCallerFunc(n *pg_query.Node) bool {
	found := false
	walk(n, func(x *pg_query.Node) bool {
		if fc := x.GetFuncCall(); fc != nil && s.funcs != nil {
			if f := s.funcs(strs(fc.Funcname)); f != nil && bodyReadsCaller(f.Body) {
				found = true
			}
		}
		return !found
	})
	return found
}

func bodyReadsCaller(body string) bool {
	b := strings.ToLower(body)
	for _, k := range []string{"auth.uid()", "auth.jwt()", "auth.role()", "request.jwt.claim", "current_user", "session_user", "auth.email()"} {
		if strings.Contains(b, k) {
			return true
		}
	}
	return false
}

// rowColumn reports whether n is a column of the policy's own table:
// unqualified, or qualified by the table's name.
func (s scoper) rowColumn(n *pg_query.Node) bool {
	if tc := n.GetTypeCast(); tc != nil {
		return s.rowColumn(tc.Arg)
	}
	cr := n.GetColumnRef()
	if cr == nil {
		return false
	}
	f := strs(cr.Fields)
	switch len(f) {
	case 1:
		return true
	case 2:
		return f[0] == s.table.Name
	case 3:
		return f[0] == s.table.Schema && f[1] == s.table.Name
	}
	return false
}

func (s scoper) mentionsRowColumn(n proto.Message, inSub bool) bool {
	found := false
	walk(n, func(x *pg_query.Node) bool {
		if found {
			return false
		}
		if cr := x.GetColumnRef(); cr != nil {
			f := strs(cr.Fields)
			if inSub {
				// inside a subquery only qualified references reach the outer row
				if (len(f) == 2 && f[0] == s.table.Name) || (len(f) == 3 && f[1] == s.table.Name) {
					found = true
				}
			} else if s.rowColumn(x) {
				found = true
			}
		}
		return !found
	})
	return found
}

// tiesRowToCaller: a comparison of a row column with the caller, a
// membership subquery keyed by a row column, or a caller-reading function
// applied to a row column.
func (s scoper) tiesRowToCaller(n *pg_query.Node) bool {
	tied := false
	walk(n, func(x *pg_query.Node) bool {
		if tied {
			return false
		}
		if ae := x.GetAExpr(); ae != nil && ae.Lexpr != nil && ae.Rexpr != nil {
			op := strings.Join(strs(ae.Name), "")
			if op == "=" || ae.Kind == pg_query.A_Expr_Kind_AEXPR_OP_ANY || ae.Kind == pg_query.A_Expr_Kind_AEXPR_IN || op == "@>" || op == "<@" {
				if (s.mentionsRowColumn(ae.Lexpr, false) && isCallerRef(ae.Rexpr)) ||
					(s.mentionsRowColumn(ae.Rexpr, false) && isCallerRef(ae.Lexpr)) {
					tied = true
					return false
				}
				if (s.mentionsRowColumn(ae.Lexpr, false) && s.subqueryReadsCaller(ae.Rexpr)) ||
					(s.mentionsRowColumn(ae.Rexpr, false) && s.subqueryReadsCaller(ae.Lexpr)) {
					tied = true
					return false
				}
			}
		}
		if sl := x.GetSubLink(); sl != nil {
			switch sl.SubLinkType {
			case pg_query.SubLinkType_ANY_SUBLINK:
				if sl.Testexpr != nil && s.mentionsRowColumn(sl.Testexpr, false) && (isCallerRef(sl.Subselect) || s.callsCallerFunc(sl.Subselect)) {
					tied = true
				}
			case pg_query.SubLinkType_EXISTS_SUBLINK:
				if (isCallerRef(sl.Subselect) || s.callsCallerFunc(sl.Subselect)) && s.mentionsRowColumn(sl.Subselect, true) {
					tied = true
				}
			}
			if tied {
				return false
			}
		}
		if fc := x.GetFuncCall(); fc != nil && s.funcs != nil {
			if f := s.funcs(strs(fc.Funcname)); f != nil && bodyReadsCaller(f.Body) {
				for _, a := range fc.Args {
					if s.mentionsRowColumn(a, false) {
						tied = true
						return false
					}
				}
			}
		}
		return true
	})
	return tied
}

func (s scoper) subqueryReadsCaller(n *pg_query.Node) bool {
	found := false
	walk(n, func(x *pg_query.Node) bool {
		if sl := x.GetSubLink(); sl != nil && (isCallerRef(sl.Subselect) || s.callsCallerFunc(sl.Subselect)) {
			found = true
		}
		if fc := x.GetFuncCall(); fc != nil && s.funcs != nil && !callerFuncs[funcName(fc)] {
			if f := s.funcs(strs(fc.Funcname)); f != nil && bodyReadsCaller(f.Body) {
				found = true
			}
		}
		return !found
	})
	return found
}

// authOnly: the caller appears only in "is signed in" tests.
func (s scoper) authOnly(n *pg_query.Node) bool {
	if nt := n.GetNullTest(); nt != nil {
		return nt.Nulltesttype == pg_query.NullTestType_IS_NOT_NULL && (isCallerRef(nt.Arg) || roleRef(nt.Arg))
	}
	if ae := n.GetAExpr(); ae != nil && ae.Lexpr != nil && ae.Rexpr != nil {
		op := strings.Join(strs(ae.Name), "")
		if op != "=" {
			return false
		}
		for _, pair := range [][2]*pg_query.Node{{ae.Lexpr, ae.Rexpr}, {ae.Rexpr, ae.Lexpr}} {
			lit := strings.ToLower(constString(pair[1]))
			if lit != "authenticated" {
				continue
			}
			if roleRef(pair[0]) {
				return true
			}
		}
	}
	return false
}

// roleRef: auth.role(), auth.jwt()->>'role', current_user, current_role.
func roleRef(n *pg_query.Node) bool {
	if sl := n.GetSubLink(); sl != nil && sl.SubLinkType == pg_query.SubLinkType_EXPR_SUBLINK {
		if sel := sl.Subselect.GetSelectStmt(); sel != nil && len(sel.TargetList) == 1 {
			return roleRef(sel.TargetList[0].GetResTarget().Val)
		}
	}
	if tc := n.GetTypeCast(); tc != nil {
		return roleRef(tc.Arg)
	}
	if fc := n.GetFuncCall(); fc != nil {
		return funcName(fc) == "auth.role"
	}
	if sv := n.GetSqlvalueFunction(); sv != nil {
		return sv.Op == pg_query.SQLValueFunctionOp_SVFOP_CURRENT_USER || sv.Op == pg_query.SQLValueFunctionOp_SVFOP_CURRENT_ROLE
	}
	if ae := n.GetAExpr(); ae != nil {
		op := strings.Join(strs(ae.Name), "")
		if (op == "->>" || op == "->") && constString(ae.Rexpr) == "role" && isCallerRef(ae.Lexpr) {
			return true
		}
	}
	return false
}

// CallerColumns returns the row columns the expression compares with the
// caller's identity (for index and owner checks).
func (m *Model) CallerColumns(t *Table, e *Expr) []string {
	if e == nil {
		return nil
	}
	s := scoper{table: t, funcs: m.lookupFunc}
	seen := map[string]bool{}
	var out []string
	add := func(n *pg_query.Node) {
		walk(n, func(x *pg_query.Node) bool {
			if cr := x.GetColumnRef(); cr != nil && s.rowColumn(x) {
				f := strs(cr.Fields)
				c := f[len(f)-1]
				if !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
			}
			return x.GetSubLink() == nil
		})
	}
	walk(e.node, func(x *pg_query.Node) bool {
		if ae := x.GetAExpr(); ae != nil && ae.Lexpr != nil && ae.Rexpr != nil {
			if isCallerRef(ae.Rexpr) || s.subqueryReadsCaller(ae.Rexpr) {
				add(ae.Lexpr)
			}
			if isCallerRef(ae.Lexpr) || s.subqueryReadsCaller(ae.Lexpr) {
				add(ae.Rexpr)
			}
		}
		if sl := x.GetSubLink(); sl != nil && sl.SubLinkType == pg_query.SubLinkType_ANY_SUBLINK && sl.Testexpr != nil && isCallerRef(sl.Subselect) {
			add(sl.Testexpr)
		}
		return true
	})
	return out
}

// relScope is one query level's relations: alias or name -> table.
type relScope map[string]QName

// renameColumn rewrites references to column old of table target, as
// PostgreSQL does for stored expressions (it stores column numbers): a
// reference binds to the innermost query level with a relation that has
// the column; outer is the table the policy is on. cols returns a table's
// column names before the rename.
func (e *Expr) renameColumn(outer, target QName, old, new string, cols func(QName) []string) {
	if e == nil {
		return
	}
	changed := false
	var rewrite func(n proto.Message, scopes []relScope)
	rewrite = func(n proto.Message, scopes []relScope) {
		walk(n, func(x *pg_query.Node) bool {
			if sel := x.GetSelectStmt(); sel != nil {
				sc := relScope{}
				for _, f := range sel.FromClause {
					walk(f, func(y *pg_query.Node) bool {
						if rv := y.GetRangeVar(); rv != nil {
							q := QName{rv.Schemaname, rv.Relname}
							if q.Schema == "" {
								q.Schema = "public"
							}
							name := rv.Relname
							if rv.Alias != nil && rv.Alias.Aliasname != "" {
								name = rv.Alias.Aliasname
							}
							sc[name] = q
						}
						return y.GetSubLink() == nil && y.GetRangeSubselect() == nil
					})
				}
				inner := append(append([]relScope(nil), scopes...), sc)
				for _, part := range []proto.Message{sel.WhereClause, sel.HavingClause} {
					if part != nil {
						rewrite(part, inner)
					}
				}
				for _, l := range [][]*pg_query.Node{sel.TargetList, sel.GroupClause, sel.FromClause} {
					for _, it := range l {
						rewrite(it, inner)
					}
				}
				return false
			}
			cr := x.GetColumnRef()
			if cr == nil {
				return true
			}
			f := cr.Fields
			last := f[len(f)-1].GetString_()
			if last == nil || last.Sval != old {
				return true
			}
			q := strs(f[:len(f)-1])
			var bound QName
			found := false
			for i := len(scopes) - 1; i >= 0 && !found; i-- {
				switch len(q) {
				case 0:
					for _, rel := range scopes[i] {
						if contains(cols(rel), old) {
							bound, found = rel, true
							break
						}
					}
				default:
					if rel, ok := scopes[i][q[len(q)-1]]; ok {
						bound, found = rel, true
					}
				}
			}
			if found && bound == target {
				last.Sval = new
				changed = true
			}
			return true
		})
	}
	rewrite(e.node, []relScope{{outer.Name: outer}})
	if changed {
		e.refresh()
	}
}

// renameTable rewrites relation references to a renamed table.
func (e *Expr) renameTable(old, new QName) {
	if e == nil {
		return
	}
	changed := false
	walk(e.node, func(x *pg_query.Node) bool {
		if rv := x.GetRangeVar(); rv != nil && rv.Relname == old.Name && (rv.Schemaname == old.Schema || (rv.Schemaname == "" && old.Schema == "public")) {
			rv.Relname = new.Name
			if rv.Schemaname != "" {
				rv.Schemaname = new.Schema
			}
			changed = true
		}
		if cr := x.GetColumnRef(); cr != nil && len(cr.Fields) == 2 {
			if q := cr.Fields[0].GetString_(); q != nil && q.Sval == old.Name {
				q.Sval = new.Name
				changed = true
			}
		}
		return true
	})
	if changed {
		e.refresh()
	}
}

// readsRelation reports whether the expression reads table q in a subquery.
func (e *Expr) readsRelation(q QName) bool {
	if e == nil {
		return false
	}
	found := false
	walk(e.node, func(x *pg_query.Node) bool {
		if rv := x.GetRangeVar(); rv != nil && rv.Relname == q.Name && (rv.Schemaname == q.Schema || (rv.Schemaname == "" && q.Schema == "public")) {
			found = true
		}
		return !found
	})
	return found
}

// mentionsColumn reports whether the expression references column c of its
// table outside subqueries.
func (e *Expr) mentionsColumn(c string) bool {
	if e == nil {
		return false
	}
	found := false
	walk(e.node, func(x *pg_query.Node) bool {
		if cr := x.GetColumnRef(); cr != nil {
			f := strs(cr.Fields)
			if len(f) > 0 && f[len(f)-1] == c {
				found = true
			}
		}
		return !found
	})
	return found
}
