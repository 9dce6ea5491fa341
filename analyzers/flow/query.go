package flow

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// Libraries a query is written with.
const (
	LibSupabase = "supabase"
	LibPrisma   = "prisma"
	LibDrizzle  = "drizzle"
	LibSQL      = "sql"
)

// Query operations.
const (
	OpSelect = "select"
	OpInsert = "insert"
	OpUpdate = "update"
	OpUpsert = "upsert"
	OpDelete = "delete"
	OpRPC    = "rpc"
)

// Column is a column a query filters on or writes, with the value used.
type Column struct {
	Name  string
	Op    string // eq, in, match, neq… for filters; "set" for written data
	Value *Value
	Node  *sitter.Node // the argument or object pair
}

// Query is one database operation.
type Query struct {
	Lib string
	// Client is the receiver the query runs through.
	Client *Value
	Table  string
	Op     string
	// Filters are the row filters (eq/match/in, Prisma where, Drizzle eq(),
	// SQL parameters compared with a column).
	Filters []Column
	// Data are the written columns (insert/update/upsert values).
	Data []Column
	// DataValue is the whole written value (insert(body)), when not a literal.
	DataValue *Value
	Node      *sitter.Node // the outermost call of the chain
	// OwnerChecked is set when a row it returned was compared with the
	// caller afterwards (if (chat.userId !== user.id) …).
	OwnerChecked bool
	// Single is set when the query fetches one row (single(), findUnique…).
	Single bool

	// Via is the helper the query runs in when it was mapped from a call
	// (getChatById); "" for a query written in the function itself.
	Via string

	returned bool // for a helper's query: its rows are what the helper returns
}

// Line is the query's first line.
func (q *Query) Line() int { return syntax.Line(q.Node) }

// Write reports whether the query changes rows.
func (q *Query) Write() bool {
	switch q.Op {
	case OpInsert, OpUpdate, OpUpsert, OpDelete:
		return true
	}
	return false
}

// Privileged reports whether the query bypasses row-level security: a
// service-role client, or a direct database connection (Prisma, Drizzle, SQL).
func (q *Query) Privileged() bool {
	if q.Client.Is(Privileged) {
		return true
	}
	return q.Lib != LibSupabase
}

// ClientKind is the kind of client the query runs through.
func (q *Query) ClientKind() string {
	if k := q.Client.ClientKind(); k != "" {
		return k
	}
	switch q.Lib {
	case LibPrisma:
		return ClientPrisma
	case LibDrizzle:
		return ClientDrizzle
	case LibSQL:
		return ClientSQL
	}
	return ClientSupabaseUser
}

// FilteredBy reports whether a filter uses a value with one of the labels.
func (q *Query) FilteredBy(l Label) bool {
	for _, c := range q.Filters {
		if c.Op != "neq" && c.Value.Is(l) {
			return true
		}
	}
	return false
}

// WritesWith reports whether a written column has a value with the labels.
func (q *Query) WritesWith(l Label) bool {
	for _, c := range q.Data {
		if c.Value.Is(l) {
			return true
		}
	}
	return false
}

func (q *Query) result() *Value {
	if q == nil {
		return empty
	}
	l := Row
	if q.FilteredBy(Identity | Owned) {
		l |= Owned
	}
	return &Value{Labels: l, Origins: []Origin{{Label: l, Kind: q.Lib, Node: q.Node, Query: q}}}
}

type step struct {
	name string
	node *sitter.Node // call_expression, or member_expression for property steps
	args *sitter.Node // nil for property steps
}

// unroll flattens a method chain: a.b('x').c(y) gives root a and steps
// [b('x'), c(y)].
func unroll(f *syntax.File, n *sitter.Node) (*sitter.Node, []step) {
	nodeText := f.Text
	var steps []step
	cur := n
	for i := 0; cur != nil && i < 64; i++ {
		switch cur.Type() {
		case "call_expression":
			fn := cur.ChildByFieldName("function")
			args := cur.ChildByFieldName("arguments")
			if fn != nil && fn.Type() == "member_expression" {
				steps = append(steps, step{name: "", node: cur, args: args})
				steps[len(steps)-1].name = nodeText(fn.ChildByFieldName("property"))
				cur = fn.ChildByFieldName("object")
				continue
			}
			reverse(steps)
			return cur, steps
		case "member_expression":
			steps = append(steps, step{name: nodeText(cur.ChildByFieldName("property")), node: cur})
			cur = cur.ChildByFieldName("object")
		case "await_expression", "parenthesized_expression", "non_null_expression", "as_expression":
			cur = cur.NamedChild(0)
		default:
			reverse(steps)
			return cur, steps
		}
	}
	reverse(steps)
	return cur, steps
}

func reverse(s []step) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

var prismaOps = map[string]string{
	"findMany": OpSelect, "findFirst": OpSelect, "findUnique": OpSelect, "findFirstOrThrow": OpSelect, "findUniqueOrThrow": OpSelect,
	"count": OpSelect, "aggregate": OpSelect, "groupBy": OpSelect,
	"create": OpInsert, "createMany": OpInsert, "createManyAndReturn": OpInsert,
	"update": OpUpdate, "updateMany": OpUpdate, "updateManyAndReturn": OpUpdate, "upsert": OpUpsert, "delete": OpDelete, "deleteMany": OpDelete,
}

var supabaseFilters = map[string]bool{"eq": true, "neq": true, "match": true, "filter": true, "in": true, "contains": true,
	"containedBy": true, "is": true, "like": true, "ilike": true, "gt": true, "gte": true, "lt": true, "lte": true, "or": true, "not": true, "textSearch": true}

var drizzleFilterFns = map[string]bool{"eq": true, "ne": true, "inArray": true, "like": true, "ilike": true, "gt": true, "gte": true, "lt": true, "lte": true, "arrayContains": true}

// queryOf models the call as a database query, or returns nil.
func (fa *Func) queryOf(n *sitter.Node) *Query {
	if n.Type() != "call_expression" {
		return nil
	}
	k := keyOf(n)
	if q, ok := fa.queryMemo[k]; ok {
		return q
	}
	fa.queryMemo[k] = nil // no recursion through itself
	q := fa.buildQuery(n)
	fa.queryMemo[k] = q
	return q
}

func (fa *Func) buildQuery(n *sitter.Node) *Query {
	fn := n.ChildByFieldName("function")
	args := n.ChildByFieldName("arguments")
	if args != nil && args.Type() == "template_string" {
		return fa.sqlTemplate(n, fn, args)
	}
	root, steps := unroll(fa.File, n)
	if len(steps) == 0 {
		return nil
	}
	// Supabase: client.from('t')… / client.schema('s').from('t')… / client.rpc('f', {…})
	for i, s := range steps {
		if (s.name == "from" || s.name == "rpc") && s.args != nil && s.args.NamedChildCount() > 0 {
			table, ok := fa.File.StringValue(s.args.NamedChild(0))
			if !ok {
				continue
			}
			if i > 0 && steps[i-1].name == "storage" {
				return nil // storage buckets are not tables
			}
			client := fa.clientBefore(root, steps, i)
			if s.name == "from" && client.Is(Request|Row) {
				return nil
			}
			if s.name == "from" && !client.Is(clientLabels) && !looksLikeSupabase(fa.File.Text(root)) {
				return nil // Array.from, drizzle .from(table) take no string
			}
			q := &Query{Lib: LibSupabase, Client: client, Table: table, Op: OpSelect, Node: n}
			if s.name == "rpc" {
				q.Op = OpRPC
				if s.args.NamedChildCount() > 1 {
					q.Data = fa.columnsOf(s.args.NamedChild(1), "set")
				}
			}
			fa.supabaseSteps(q, steps[i+1:])
			return q
		}
	}
	last := steps[len(steps)-1]
	// Prisma: client.model.findMany({ where, data }) / Drizzle relational: db.query.t.findFirst({ where }).
	if op, ok := prismaOps[last.name]; ok && last.args != nil && len(steps) >= 2 && steps[len(steps)-2].args == nil {
		model := steps[len(steps)-2].name
		clientIdx := len(steps) - 2
		lib := LibPrisma
		if len(steps) >= 3 && steps[len(steps)-3].name == "query" && steps[len(steps)-3].args == nil {
			lib = LibDrizzle
			clientIdx = len(steps) - 3
		}
		if strings.HasPrefix(model, "$") {
			return nil
		}
		client := fa.clientBefore(root, steps, clientIdx)
		if client.Is(Request|Row|Identity) && !client.Is(clientLabels) {
			return nil
		}
		if !client.Is(clientLabels) && !looksLikeORM(fa.File.Text(root)) {
			return nil
		}
		q := &Query{Lib: lib, Client: client, Table: model, Op: op, Node: n, Single: strings.Contains(last.name, "Unique") || strings.Contains(last.name, "First")}
		if last.args.NamedChildCount() > 0 {
			arg := last.args.NamedChild(0)
			av := fa.Eval(arg)
			if lib == LibDrizzle {
				fa.drizzleWhere(q, arg)
			}
			if w := fieldNode(fa.File, arg, "where"); w != nil {
				if lib == LibDrizzle {
					fa.drizzleWhere(q, w)
				} else {
					q.Filters = append(q.Filters, fa.columnsOf(w, "eq")...)
				}
			}
			for _, d := range []string{"data", "create", "update"} {
				if dn := fieldNode(fa.File, arg, d); dn != nil {
					q.Data = append(q.Data, fa.columnsOf(dn, "set")...)
					if dv := fa.Eval(dn); dv.Fields == nil {
						q.DataValue = dv
					}
				}
			}
			_ = av
		}
		return q
	}
	// Drizzle core: db.select().from(t).where(…), db.insert(t).values(…), db.update(t).set(…).where(…), db.delete(t).where(…).
	var q *Query
	for i, s := range steps {
		switch s.name {
		case "select", "selectDistinct", "insert", "update", "delete":
			if q != nil || s.args == nil {
				continue
			}
			client := fa.clientBefore(root, steps, i)
			if !client.Is(clientLabels) && !looksLikeORM(fa.File.Text(root)) {
				return nil
			}
			if client.Is(Request|Row) && !client.Is(clientLabels) {
				return nil
			}
			op := s.name
			if op == "selectDistinct" {
				op = OpSelect
			}
			q = &Query{Lib: LibDrizzle, Client: client, Op: op, Node: n}
			if op != OpSelect && s.args.NamedChildCount() > 0 {
				q.Table = tableName(fa.File, s.args.NamedChild(0))
			}
		case "from":
			if q != nil && s.args != nil && s.args.NamedChildCount() > 0 {
				q.Table = tableName(fa.File, s.args.NamedChild(0))
			}
		case "where":
			if q != nil && s.args != nil && s.args.NamedChildCount() > 0 {
				fa.drizzleWhere(q, s.args.NamedChild(0))
			}
		case "values", "set":
			if q != nil && s.args != nil && s.args.NamedChildCount() > 0 {
				q.Data = append(q.Data, fa.columnsOf(s.args.NamedChild(0), "set")...)
				if dv := fa.Eval(s.args.NamedChild(0)); dv.Fields == nil {
					q.DataValue = dv
				}
			}
		case "onConflictDoUpdate":
			if q != nil {
				q.Op = OpUpsert
			}
		}
	}
	if q != nil {
		return q
	}
	// SQL with parameters: pool.query('… where user_id = $1', [userId]),
	// prisma.$queryRawUnsafe(sql, a, b), sql.unsafe(text, params).
	switch last.name {
	case "query", "execute", "$queryRawUnsafe", "$executeRawUnsafe", "unsafe":
		if last.args == nil || last.args.NamedChildCount() == 0 {
			return nil
		}
		text, ok := fa.File.StringValue(last.args.NamedChild(0))
		if !ok || !sqlRE.MatchString(text) {
			return nil
		}
		client := fa.clientBefore(root, steps, len(steps)-1)
		q := &Query{Lib: LibSQL, Client: client, Node: n}
		fa.sqlShape(q, text)
		var params []*sitter.Node
		for i := 1; i < int(last.args.NamedChildCount()); i++ {
			a := last.args.NamedChild(i)
			if a.Type() == "array" && i == 1 {
				for j := 0; j < int(a.NamedChildCount()); j++ {
					params = append(params, a.NamedChild(j))
				}
			} else {
				params = append(params, a)
			}
		}
		for i, p := range params {
			col := sqlColumnForParam(text, i+1)
			q.addSQL(col, fa.Eval(p), p)
		}
		return q
	}
	return nil
}

func looksLikeSupabase(root string) bool {
	l := strings.ToLower(root)
	return strings.Contains(l, "supabase") || strings.Contains(l, "client") || strings.Contains(l, "admin") || l == "sb" || l == "db"
}

func looksLikeORM(root string) bool {
	l := strings.ToLower(strings.TrimPrefix(root, "this."))
	if i := strings.LastIndex(l, "."); i >= 0 {
		l = l[i+1:]
	}
	switch l {
	case "prisma", "db", "tx", "trx", "database", "client", "orm", "prismaclient", "ctx", "drizzle":
		return true
	}
	return strings.Contains(l, "prisma") || strings.HasSuffix(l, "db")
}

// clientBefore evaluates the receiver of step i (root plus the steps before it).
func (fa *Func) clientBefore(root *sitter.Node, steps []step, i int) *Value {
	if i == 0 {
		return fa.Eval(root)
	}
	prev := steps[i-1]
	if prev.args == nil {
		return fa.Eval(prev.node)
	}
	return fa.Eval(prev.node)
}

func (fa *Func) supabaseSteps(q *Query, steps []step) {
	for _, s := range steps {
		if s.args == nil {
			continue
		}
		argN := int(s.args.NamedChildCount())
		arg := func(i int) *sitter.Node {
			if i < argN {
				return s.args.NamedChild(i)
			}
			return nil
		}
		switch s.name {
		case "select":
			if q.Op == "" {
				q.Op = OpSelect
			}
		case "insert", "update", "upsert":
			q.Op = s.name
			if a := arg(0); a != nil {
				q.Data = append(q.Data, fa.columnsOf(a, "set")...)
				if dv := fa.Eval(a); dv.Fields == nil {
					q.DataValue = dv
				}
			}
		case "delete":
			q.Op = OpDelete
		case "single", "maybeSingle":
			q.Single = true
		case "match":
			if a := arg(0); a != nil {
				q.Filters = append(q.Filters, fa.columnsOf(a, "match")...)
			}
		case "or":
			if a := arg(0); a != nil {
				q.Filters = append(q.Filters, fa.orFilters(a)...)
			}
		default:
			if !supabaseFilters[s.name] || argN < 2 {
				continue
			}
			col, _ := fa.File.StringValue(arg(0))
			val := arg(argN - 1)
			q.Filters = append(q.Filters, Column{Name: col, Op: s.name, Value: fa.Eval(val), Node: val})
		}
	}
}

// orFilters reads `.or(\`user_id.eq.${x},shared.eq.true\`)`.
func (fa *Func) orFilters(a *sitter.Node) []Column {
	var out []Column
	if a.Type() != "template_string" {
		return nil
	}
	for i := 0; i < int(a.NamedChildCount()); i++ {
		c := a.NamedChild(i)
		if c.Type() != "template_substitution" || c.NamedChildCount() == 0 {
			continue
		}
		before := string(fa.File.Src[a.StartByte():c.StartByte()])
		m := orColRE.FindStringSubmatch(before)
		if m == nil {
			continue
		}
		out = append(out, Column{Name: m[1], Op: m[2], Value: fa.Eval(c.NamedChild(0)), Node: c})
	}
	return out
}

var orColRE = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\.(eq|in|cs|neq)\.\(?$`)

// columnsOf reads an object literal (or a variable bound to one) as columns;
// nested objects (Prisma relation filters, AND/OR arrays, compound keys)
// contribute their leaves under the innermost key.
func (fa *Func) columnsOf(n *sitter.Node, op string) []Column {
	var out []Column
	var walk func(n *sitter.Node, key string, depth int)
	walk = func(n *sitter.Node, key string, depth int) {
		if n == nil || depth > 6 {
			return
		}
		switch n.Type() {
		case "object":
			for i := 0; i < int(n.NamedChildCount()); i++ {
				c := n.NamedChild(i)
				switch c.Type() {
				case "pair":
					k := fa.File.Text(c.ChildByFieldName("key"))
					if s, ok := fa.File.StringValue(c.ChildByFieldName("key")); ok {
						k = s
					}
					v := c.ChildByFieldName("value")
					if prismaOperator[k] && key != "" {
						k = key // { userId: { equals: x } }
					}
					switch v.Type() {
					case "object", "array":
						walk(v, k, depth+1)
					default:
						out = append(out, Column{Name: k, Op: op, Value: fa.Eval(v), Node: c})
					}
				case "shorthand_property_identifier":
					out = append(out, Column{Name: fa.File.Text(c), Op: op, Value: fa.Eval(c), Node: c})
				case "spread_element":
					sv := fa.Eval(c)
					out = append(out, fieldsColumns(sv, op, c)...)
				}
			}
		case "array":
			for i := 0; i < int(n.NamedChildCount()); i++ {
				walk(n.NamedChild(i), key, depth+1)
			}
		case "identifier":
			v := fa.Eval(n)
			if v.Fields != nil {
				out = append(out, fieldsColumns(v, op, n)...)
			} else if key != "" {
				out = append(out, Column{Name: key, Op: op, Value: v, Node: n})
			}
		default:
			if key != "" {
				out = append(out, Column{Name: key, Op: op, Value: fa.Eval(n), Node: n})
			}
		}
	}
	walk(n, "", 0)
	return out
}

func fieldsColumns(v *Value, op string, at *sitter.Node) []Column {
	var out []Column
	for k, f := range v.Fields {
		if k == "..." {
			continue
		}
		node := at
		if f.At != nil {
			node = f.At
		}
		if f.Fields != nil {
			for _, c := range fieldsColumns(f, op, node) {
				if prismaOperator[c.Name] {
					c.Name = k
				}
				out = append(out, c)
			}
			continue
		}
		out = append(out, Column{Name: k, Op: op, Value: f, Node: node})
	}
	return out
}

var prismaOperator = map[string]bool{"equals": true, "in": true, "not": true, "some": false, "every": false, "none": false,
	"contains": true, "startsWith": true, "has": true, "hasSome": true, "gt": true, "gte": true, "lt": true, "lte": true, "set": true}

// fieldNode returns the value node of key in an object literal.
func fieldNode(f *syntax.File, obj *sitter.Node, key string) *sitter.Node {
	for obj != nil && (obj.Type() == "parenthesized_expression" || obj.Type() == "as_expression") {
		obj = obj.NamedChild(0)
	}
	if obj == nil || obj.Type() != "object" {
		return nil
	}
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		c := obj.NamedChild(i)
		if c.Type() == "pair" && strings.Trim(f.Text(c.ChildByFieldName("key")), `"'`) == key {
			return c.ChildByFieldName("value")
		}
		if c.Type() == "shorthand_property_identifier" && f.Text(c) == key {
			return c
		}
	}
	return nil
}

func tableName(f *syntax.File, n *sitter.Node) string {
	t := f.Text(n)
	if i := strings.LastIndex(t, "."); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// drizzleWhere reads eq(table.col, value) (and the like) anywhere in a condition.
func (fa *Func) drizzleWhere(q *Query, cond *sitter.Node) {
	if cond.Type() == "object" {
		q.Filters = append(q.Filters, fa.columnsOf(cond, "eq")...)
		return
	}
	syntax.Walk(cond, func(c *sitter.Node) bool {
		if c.Type() == "call_expression" {
			fn := c.ChildByFieldName("function")
			args := c.ChildByFieldName("arguments")
			name := calleeName(fa.File, fn)
			if args != nil && args.Type() == "template_string" && name == "sql" {
				for _, col := range fa.templateColumns(args) {
					q.Filters = append(q.Filters, col)
				}
				return false
			}
			if drizzleFilterFns[name] && args != nil && args.NamedChildCount() >= 2 {
				col := tableName(fa.File, args.NamedChild(0))
				val := args.NamedChild(1)
				op := "eq"
				if name == "ne" {
					op = "neq"
				}
				q.Filters = append(q.Filters, Column{Name: col, Op: op, Value: fa.Eval(val), Node: c})
				return false
			}
		}
		return true
	})
}

var (
	sqlRE        = regexp.MustCompile(`(?is)^\s*(select|insert|update|delete|with)\b`)
	sqlTableRE   = regexp.MustCompile(`(?i)\b(?:from|update|into|join)\s+("?[A-Za-z_][A-Za-z0-9_."]*)`)
	sqlColBefore = regexp.MustCompile(`(?i)("?[A-Za-z_][A-Za-z0-9_]*"?)\s*(=|==|in|<>|!=)\s*(?:any\s*)?\(?\s*$`)
)

// sqlTemplate models sql`…${x}…` tagged templates and prisma.$queryRaw`…`.
func (fa *Func) sqlTemplate(n, fn, tpl *sitter.Node) *Query {
	name := calleeName(fa.File, fn)
	switch name {
	case "sql", "$queryRaw", "$executeRaw", "query", "execute", "raw":
	default:
		return nil
	}
	raw := fa.File.Text(tpl)
	if !sqlRE.MatchString(strings.TrimPrefix(raw, "`")) {
		return nil
	}
	var client *Value
	if fn.Type() == "member_expression" {
		client = fa.Eval(fn.ChildByFieldName("object"))
	} else {
		client = fa.Eval(fn)
	}
	q := &Query{Lib: LibSQL, Client: client, Node: n}
	fa.sqlShape(q, raw)
	q.Filters = fa.templateColumns(tpl)
	if q.Write() && q.Op != OpDelete {
		q.Data = q.Filters
	}
	return q
}

func (fa *Func) sqlShape(q *Query, text string) {
	t := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(text, "`")))
	for _, op := range []string{OpSelect, OpInsert, OpUpdate, OpDelete} {
		if strings.HasPrefix(t, op) {
			q.Op = op
		}
	}
	if q.Op == "" {
		q.Op = OpSelect
	}
	if strings.Contains(t, "on conflict") && strings.Contains(t, "do update") {
		q.Op = OpUpsert
	}
	if m := sqlTableRE.FindStringSubmatch(text); m != nil {
		q.Table = strings.Trim(m[1], `"`)
		if i := strings.LastIndex(q.Table, "."); i >= 0 {
			q.Table = strings.Trim(q.Table[i+1:], `"`)
		}
	}
}

// templateColumns maps each substitution to the column compared before it;
// for INSERT … VALUES, to the column at the same position.
func (fa *Func) templateColumns(tpl *sitter.Node) []Column {
	var out []Column
	raw := fa.File.Text(tpl)
	insertCols := insertColumns(raw)
	pos := 0
	for i := 0; i < int(tpl.NamedChildCount()); i++ {
		c := tpl.NamedChild(i)
		if c.Type() != "template_substitution" || c.NamedChildCount() == 0 {
			continue
		}
		before := string(fa.File.Src[tpl.StartByte():c.StartByte()])
		col := ""
		if m := sqlColBefore.FindStringSubmatch(before); m != nil {
			col = strings.Trim(m[1], `"`)
		} else if pos < len(insertCols) && strings.Contains(strings.ToLower(before), "values") {
			col = insertCols[pos]
		}
		if strings.Contains(strings.ToLower(before), "values") {
			pos++
		}
		q := Column{Name: col, Op: "eq", Value: fa.Eval(c.NamedChild(0)), Node: c}
		out = append(out, q)
	}
	return out
}

var insertColsRE = regexp.MustCompile(`(?is)insert\s+into\s+[A-Za-z_."]+\s*\(([^)]*)\)`)

func insertColumns(text string) []string {
	m := insertColsRE.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	var out []string
	for _, c := range strings.Split(m[1], ",") {
		out = append(out, strings.Trim(strings.TrimSpace(c), `"`))
	}
	return out
}

// sqlColumnForParam finds the column a $n placeholder is compared with.
func sqlColumnForParam(text string, n int) string {
	ph := "$" + itoa(n)
	idx := strings.Index(text, ph)
	for idx >= 0 {
		end := idx + len(ph)
		if end >= len(text) || text[end] < '0' || text[end] > '9' {
			break
		}
		next := strings.Index(text[end:], ph)
		if next < 0 {
			idx = -1
			break
		}
		idx = end + next
	}
	if idx < 0 {
		return ""
	}
	if m := sqlColBefore.FindStringSubmatch(text[:idx]); m != nil {
		return strings.Trim(m[1], `"`)
	}
	if cols := insertColumns(text); len(cols) > 0 {
		// VALUES ($1, $2…) in column order.
		if n-1 < len(cols) {
			return cols[n-1]
		}
	}
	return ""
}

func (q *Query) addSQL(col string, v *Value, n *sitter.Node) {
	c := Column{Name: col, Op: "eq", Value: v, Node: n}
	if q.Op == OpInsert {
		q.Data = append(q.Data, c)
		return
	}
	q.Filters = append(q.Filters, c)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// helperQueries maps the queries of a called helper (getChatById({ id }))
// to this call: same table, operation and client, with each parameter
// replaced by the argument's value. Nodes point at the call site.
func (fa *Func) helperQueries(call *sitter.Node) []*Query {
	fn := call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "identifier" {
		return nil
	}
	if fa.Entry != nil {
		for _, d := range fa.Entry.Dispatch {
			if d == fa.File.Text(fn) {
				return nil // analyzed as an entry of its own
			}
		}
	}
	s := fa.Prog.summaryOf(fa.File, fa.File.Text(fn))
	if s == nil || len(s.Queries) == 0 {
		return nil
	}
	args := call.ChildByFieldName("arguments")
	returned := map[*Query]bool{}
	for _, o := range s.Returns.OriginsOf(Row) {
		returned[o.Query] = true
	}
	var out []*Query
	for _, hq := range s.Queries {
		q := *hq
		q.returned = returned[hq] || len(returned) == 0
		q.Via = fa.File.Text(fn)
		q.Node = call
		q.OwnerChecked = false
		q.Filters = fa.mapColumns(hq.Filters, args, call)
		q.Data = fa.mapColumns(hq.Data, args, call)
		if hq.DataValue != nil {
			q.DataValue = fa.substitute(hq.DataValue, args)
		}
		out = append(out, &q)
	}
	fa.helperMemo[keyOf(call)] = out
	return out
}

func (fa *Func) mapColumns(cs []Column, args, call *sitter.Node) []Column {
	var out []Column
	for _, c := range cs {
		n := call
		for _, o := range c.Value.OriginsOf(Param) {
			if i := paramIndex(o.Kind); args != nil && i >= 0 && i < int(args.NamedChildCount()) {
				n = args.NamedChild(i)
			}
		}
		out = append(out, Column{Name: c.Name, Op: c.Op, Value: fa.substitute(c.Value, args), Node: n})
	}
	return out
}

// substitute replaces Param origins with the arguments' values.
func (fa *Func) substitute(v *Value, args *sitter.Node) *Value {
	if !v.Is(Param) {
		return v
	}
	parts := []*Value{only(v, ^Param)}
	for _, o := range v.OriginsOf(Param) {
		i := paramIndex(o.Kind)
		if args == nil || i < 0 || i >= int(args.NamedChildCount()) {
			continue
		}
		av := fa.Eval(args.NamedChild(i))
		if o.Name != "" {
			av = field(av, o.Name)
		}
		parts = append(parts, av)
	}
	return union(parts...)
}

func paramIndex(kind string) int {
	if !strings.HasPrefix(kind, "param:") {
		return -1
	}
	n := 0
	for _, r := range kind[len("param:"):] {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}
