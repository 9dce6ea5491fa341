package flow

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// Check kinds.
const (
	CheckIdentity = "identity" // reads the caller (auth.getUser(), auth())
	CheckGuard    = "guard"    // ends the request when nobody is signed in
	CheckWrapper  = "wrapper"  // an auth wrapper around the handler (withAuth)
	CheckRole     = "role"     // checks a role or permission
	CheckWebhook  = "webhook"  // verifies a signature
	CheckSecret   = "secret"   // compares a header with a server secret
)

// Check is an authentication, authorization or verification step.
type Check struct {
	Kind string
	Node *sitter.Node
	Line int
	// Unverified is set for identity read from Supabase auth.getSession().
	Unverified bool
	// Text is the callee or condition, for messages.
	Text string
}

// Return is a value the function hands back to the client: a return
// statement, or the body of NextResponse.json/res.json/res.send.
type Return struct {
	Node  *sitter.Node
	Value *Value
}

// Func is the analysis of one function.
type Func struct {
	Prog  *Program
	File  *syntax.File
	Node  *sitter.Node
	Entry *jsindex.Entry

	// Queries are the database queries, in source order.
	Queries []*Query
	// ClientCalls are other calls on privileged clients (auth.admin.*, storage).
	ClientCalls []*sitter.Node
	// AuthChecks are identity reads, guards and auth wrappers, in source order.
	AuthChecks []Check
	// RoleChecks are role or permission checks.
	RoleChecks []Check
	// Verifications are webhook signature and shared-secret checks.
	Verifications []Check
	// Returns are the values sent back to the client.
	Returns []Return

	env        map[string]*Value
	memo       map[nodeKey]*Value
	queryMemo  map[nodeKey]*Query
	helperMemo map[nodeKey][]*Query
	params     map[string]bool
	tied       map[string]bool // Request origin names tied to the session
	recorded   map[nodeKey]bool

	callsParam, passesIdentity bool
	returnedFunc               *sitter.Node
	depth                      int
	handlerArgs                []*Value // values passed to a called function parameter
	argValues                  []*Value // preset parameter values (dispatched handlers)
	inherited                  bool     // checks copied from a dispatcher: wrappers already visited
	// summary is set when the function is analyzed as a helper: its
	// parameters carry Param labels so call sites can map its queries.
	summary bool
}

type nodeKey struct {
	start, end uint32
	typ        string
}

func keyOf(n *sitter.Node) nodeKey { return nodeKey{n.StartByte(), n.EndByte(), n.Type()} }

func newFunc(p *Program, f *syntax.File, fn *sitter.Node, e *jsindex.Entry) *Func {
	return &Func{Prog: p, File: f, Node: fn, Entry: e, env: map[string]*Value{}, memo: map[nodeKey]*Value{},
		queryMemo: map[nodeKey]*Query{}, helperMemo: map[nodeKey][]*Query{}, params: map[string]bool{}, tied: map[string]bool{}, recorded: map[nodeKey]bool{}}
}

// Eval returns what the analysis knows of an expression, as of the point the
// walk has reached (the walk is in source order).
func (fa *Func) Eval(n *sitter.Node) *Value {
	if n == nil {
		return empty
	}
	k := keyOf(n)
	if v, ok := fa.memo[k]; ok {
		return v
	}
	fa.depth++
	if fa.depth > 200 {
		fa.depth--
		return empty
	}
	v := fa.eval(n)
	fa.depth--
	if v == nil {
		v = empty
	}
	fa.memo[k] = v
	return v
}

func (fa *Func) text(n *sitter.Node) string { return fa.File.Text(n) }

var secretEnvRE = regexp.MustCompile(`(?i)(SECRET|SERVICE_ROLE|SERVICE_KEY|PRIVATE|TOKEN|API_KEY|PASSWORD|ADMIN_KEY)`)

func (fa *Func) eval(n *sitter.Node) *Value {
	switch n.Type() {
	case "identifier", "shorthand_property_identifier":
		return fa.lookup(fa.text(n), n)
	case "member_expression":
		obj := n.ChildByFieldName("object")
		prop := fa.text(n.ChildByFieldName("property"))
		if ot := strings.Join(strings.Fields(fa.text(obj)), ""); ot == "process.env" || ot == "import.meta.env" {
			if secretEnvRE.MatchString(prop) && !strings.HasPrefix(prop, "NEXT_PUBLIC_") {
				return source(Secret, "env", prop, n)
			}
			return empty
		}
		ov := fa.Eval(obj)
		if ov.Is(clientLabels) && !ov.Is(Request|Row) {
			return ov
		}
		if !ov.Is(Request|Row|clientLabels) || fromWrapper(ov) {
			// ctx.db / ctx.prisma / this.supabase: a client handed over by a
			// framework context (tRPC, wrappers, classes).
			switch prop {
			case "db", "prisma", "drizzle", "database", "sql", "pg", "pool":
				return source(Privileged, "", "", n)
			case "supabase":
				return source(UserScoped, ClientSupabaseUser, "", n)
			}
		}
		if ov.Is(Request) && ov.Fields == nil && isRawRequest(ov) {
			switch prop {
			case "user", "auth", "session", "userId":
				// Set by auth middleware (passport, iron-session, Auth.js auth() wrapper).
				return source(Identity, "request-"+prop, prop, n)
			}
		}
		if isRawRequest(ov) && kindOfKey(prop) != "" {
			return atNode(field(ov, prop), n, Request)
		}
		return field(ov, prop)
	case "subscript_expression":
		ov := fa.Eval(n.ChildByFieldName("object"))
		idx := n.ChildByFieldName("index")
		if s, ok := fa.File.StringValue(idx); ok {
			if ot := strings.Join(strings.Fields(fa.text(n.ChildByFieldName("object"))), ""); ot == "process.env" {
				if secretEnvRE.MatchString(s) && !strings.HasPrefix(s, "NEXT_PUBLIC_") {
					return source(Secret, "env", s, n)
				}
				return empty
			}
			return field(ov, s)
		}
		return field(ov, "")
	case "call_expression":
		return fa.evalCall(n)
	case "await_expression", "parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression", "type_assertion", "spread_element":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			if !strings.Contains(c.Type(), "type") || c.Type() == "type_assertion" {
				return fa.Eval(c)
			}
		}
		return empty
	case "template_string":
		var vs []*Value
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); c.Type() == "template_substitution" && c.NamedChildCount() > 0 {
				vs = append(vs, only(fa.Eval(c.NamedChild(0)), dataLabels))
			}
		}
		return union(vs...)
	case "binary_expression":
		switch fa.text(n.ChildByFieldName("operator")) {
		case "===", "!==", "==", "!=", "<", ">", "<=", ">=", "instanceof", "in":
			return empty
		}
		return union(fa.Eval(n.ChildByFieldName("left")), fa.Eval(n.ChildByFieldName("right")))
	case "ternary_expression":
		return union(fa.Eval(n.ChildByFieldName("consequence")), fa.Eval(n.ChildByFieldName("alternative")))
	case "unary_expression":
		return only(fa.Eval(n.ChildByFieldName("argument")), dataLabels)
	case "assignment_expression":
		return fa.Eval(n.ChildByFieldName("right"))
	case "sequence_expression":
		return fa.Eval(n.NamedChild(int(n.NamedChildCount()) - 1))
	case "object":
		return fa.evalObject(n)
	case "array":
		var vs []*Value
		for i := 0; i < int(n.NamedChildCount()); i++ {
			vs = append(vs, fa.Eval(n.NamedChild(i)))
		}
		return union(vs...)
	case "new_expression":
		ctor := fa.text(n.ChildByFieldName("constructor"))
		switch ctor {
		case "PrismaClient":
			return source(Privileged, ClientPrisma, "", n)
		case "Pool", "Client", "pg.Pool", "pg.Client", "Kysely":
			return source(Privileged, ClientSQL, "", n)
		}
		return only(fa.argsValue(n.ChildByFieldName("arguments")), Request|Identity|Unverified)
	case "arrow_function", "function_expression", "function":
		return &Value{Func: n}
	}
	return empty
}

// dataLabels are the labels that flow through computations.
const dataLabels = Request | Identity | Unverified | Row | Owned | Secret | Param

func fromWrapper(v *Value) bool {
	for _, o := range v.Origins {
		if o.Kind == "wrapper" {
			return true
		}
	}
	return false
}

func isRawRequest(v *Value) bool {
	for _, o := range v.Origins {
		if o.Label == Request && o.Name == "" && o.Kind == "request" {
			return true
		}
	}
	return false
}

func (fa *Func) evalObject(n *sitter.Node) *Value {
	v := &Value{Fields: map[string]*Value{}}
	var labels []*Value
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch c.Type() {
		case "pair":
			kn := c.ChildByFieldName("key")
			key := fa.text(kn)
			if s, ok := fa.File.StringValue(kn); ok {
				key = s
			}
			if kn.Type() == "computed_property_name" {
				continue
			}
			fv := fa.Eval(c.ChildByFieldName("value"))
			v.Fields[key] = withAt(fv, c)
			labels = append(labels, fv)
		case "shorthand_property_identifier":
			fv := fa.Eval(c)
			v.Fields[fa.text(c)] = withAt(fv, c)
			labels = append(labels, fv)
		case "spread_element":
			sv := fa.Eval(c)
			if sv.Fields != nil {
				for k, x := range sv.Fields {
					if _, ok := v.Fields[k]; !ok || true {
						v.Fields[k] = x
					}
				}
			} else {
				v.Fields["..."] = union(v.Fields["..."], sv)
			}
			labels = append(labels, sv)
		}
	}
	u := union(labels...)
	v.Labels = u.Labels &^ clientLabels
	for _, o := range u.Origins {
		if o.Label&clientLabels == 0 {
			v.Origins = append(v.Origins, o)
		}
	}
	return v
}

// At is the node that defined a field value (an object pair), when known.
func withAt(v *Value, at *sitter.Node) *Value {
	n := *v
	n.At = at
	return &n
}

func (fa *Func) argsValue(args *sitter.Node) *Value {
	if args == nil {
		return empty
	}
	var vs []*Value
	for i := 0; i < int(args.NamedChildCount()); i++ {
		vs = append(vs, fa.Eval(args.NamedChild(i)))
	}
	return union(vs...)
}

// lookup resolves a name: the function's variables, then the module's
// top-level bindings, then imports (one step across files).
func (fa *Func) lookup(name string, at *sitter.Node) *Value {
	if v, ok := fa.env[name]; ok {
		return v
	}
	switch name {
	case "undefined", "null", "this", "console", "JSON", "Math", "Object", "Array", "Promise":
		return empty
	}
	if d := jsindex.LocalDecl(fa.File, name); d != nil {
		if jsindex.IsFunc(d) {
			return &Value{Func: d}
		}
		if d.StartByte() <= at.StartByte() && d.EndByte() >= at.EndByte() {
			return empty // the name inside its own initializer
		}
		if s := fa.Prog.summarize(fa.File, name, d); s != nil && s.Returns != nil {
			return s.Returns
		}
		return empty
	}
	target, imported, spec, ok := fa.Prog.importOf(fa.File, name)
	if !ok {
		return empty
	}
	if target != "" && fa.Prog.Index != nil {
		if tf, err := fa.Prog.Index.Parse(target); err == nil {
			if d := exportedDecl(tf, imported); d != nil {
				if jsindex.IsFunc(d) {
					return &Value{Func: d}
				}
				if s := fa.Prog.summarize(tf, imported, d); s != nil && s.Returns != nil && s.Returns.Labels != 0 {
					return s.Returns
				}
			}
		}
	}
	// Unresolved (a package, or a binding the index cannot follow): names.
	switch {
	case fa.Prog.IsPrivilegedFactoryName(name):
		return source(Privileged, ClientSupabaseService, "", at)
	case name == "prisma" || spec == "@prisma/client" && name != "Prisma":
		return source(Privileged, ClientPrisma, "", at)
	case name == "sql" && (spec == "@vercel/postgres" || spec == "postgres" || strings.Contains(spec, "db")):
		return source(Privileged, ClientSQL, "", at)
	}
	return empty
}

// bind assigns a value to a binding pattern.
func (fa *Func) bind(pat *sitter.Node, v *Value) {
	if pat == nil {
		return
	}
	switch pat.Type() {
	case "identifier", "shorthand_property_identifier_pattern":
		fa.env[fa.text(pat)] = v
	case "required_parameter", "optional_parameter":
		p := pat.ChildByFieldName("pattern")
		if p == nil && pat.NamedChildCount() > 0 {
			p = pat.NamedChild(0)
		}
		if val := pat.ChildByFieldName("value"); val != nil {
			v = union(v, fa.Eval(val))
		}
		fa.bind(p, v)
	case "assignment_pattern":
		fa.bind(pat.ChildByFieldName("left"), union(v, fa.Eval(pat.ChildByFieldName("right"))))
	case "rest_pattern":
		if pat.NamedChildCount() > 0 {
			fa.bind(pat.NamedChild(0), v)
		}
	case "object_pattern":
		for i := 0; i < int(pat.NamedChildCount()); i++ {
			c := pat.NamedChild(i)
			switch c.Type() {
			case "shorthand_property_identifier_pattern":
				fa.env[fa.text(c)] = field(v, fa.text(c))
			case "pair_pattern":
				kn := c.ChildByFieldName("key")
				key := fa.text(kn)
				if s, ok := fa.File.StringValue(kn); ok {
					key = s
				}
				fa.bind(c.ChildByFieldName("value"), field(v, key))
			case "object_assignment_pattern":
				l := c.ChildByFieldName("left")
				fa.env[fa.text(l)] = union(field(v, fa.text(l)), fa.Eval(c.ChildByFieldName("right")))
			case "rest_pattern":
				fa.bind(c, v)
			}
		}
	case "array_pattern":
		for i := 0; i < int(pat.NamedChildCount()); i++ {
			fa.bind(pat.NamedChild(i), field(v, ""))
		}
	}
}

// identityParamNames are parameter names an auth wrapper fills with the caller.
var identityParamNames = map[string]bool{"user": true, "session": true, "auth": true, "currentUser": true, "viewer": true,
	"me": true, "ctx": true, "userId": true, "profile": true, "claims": true, "authUser": true, "token": true, "account": true}

// bindParams labels the parameters of the function by how it is reached.
func (fa *Func) bindParams() {
	if fa.Node == nil {
		return
	}
	var params []*sitter.Node
	if ps := fa.Node.ChildByFieldName("parameters"); ps != nil {
		for i := 0; i < int(ps.NamedChildCount()); i++ {
			if c := ps.NamedChild(i); c.Type() != "comment" {
				params = append(params, c)
			}
		}
	} else if p := fa.Node.ChildByFieldName("parameter"); p != nil {
		params = append(params, p)
	}
	for _, p := range params {
		for _, name := range syntax.PatternNames(fa.File, p) {
			fa.params[name] = true
		}
	}
	e := fa.Entry
	if e == nil {
		if fa.summary {
			for i, p := range params {
				fa.bind(p, source(Param, "param:"+itoa(i), "", p))
			}
		}
		return
	}
	wrapped := len(e.Wrappers) > 0
	wargs := fa.wrapperArgs()
	if fa.argValues != nil {
		wargs = nil
	}
	for i, p := range params {
		var v *Value
		switch {
		case fa.argValues != nil:
			if i < len(fa.argValues) {
				fa.bind(p, fa.argValues[i])
			}
			continue
		case wargs != nil && i < len(wargs) && (i > 0 || e.Kind == jsindex.ServerAction || e.Kind == jsindex.TRPC):
			fa.bind(p, wargs[i])
			continue
		case e.Kind == jsindex.ServerAction && !wrapped:
			fa.bindNamed(p, KindArgs, false)
			continue
		case i == 0 && e.Kind != jsindex.ServerAction && e.Kind != jsindex.TRPC:
			v = source(Request, "request", "", p)
		case e.Kind == jsindex.RouteHandler && i == 1 && !wrapped:
			v = source(Request, KindParams, "", p)
		case e.Kind == jsindex.PagesAPI || e.Kind == jsindex.ServerRoute:
			if i == 1 {
				v = empty // res
			} else {
				v = empty
			}
		default:
			kind := KindParams
			if e.Kind == jsindex.ServerAction || e.Kind == jsindex.TRPC {
				kind = KindArgs
			}
			fa.bindNamed(p, kind, wrapped)
			continue
		}
		fa.bind(p, v)
	}
}

// wrapperArgs returns what the innermost wrapper passes to the handler,
// relabeled for the handler: the caller stays Identity, rows the wrapper
// checked become Owned, and whatever came from the wrapper's own parameters
// (the client's arguments) is Request. Nil when unknown.
func (fa *Func) wrapperArgs() []*Value {
	ws := fa.Entry.Wrappers
	if len(ws) == 0 {
		return nil
	}
	w := ws[len(ws)-1]
	name := calleeName(fa.File, w.ChildByFieldName("function"))
	if name == "" {
		return nil
	}
	s := fa.Prog.summaryOf(fa.File, name)
	if s == nil || !s.IsFunc || len(s.HandlerArgs) == 0 {
		return nil
	}
	kind := KindArgs
	if fa.Entry.Kind == jsindex.RouteHandler || fa.Entry.Kind == jsindex.PagesAPI {
		kind = "request"
	}
	var out []*Value
	for _, v := range s.HandlerArgs {
		out = append(out, relabel(v, kind, w))
	}
	return out
}

func relabel(v *Value, kind string, at *sitter.Node) *Value {
	switch {
	case v.Is(Identity) && !v.Is(Param|Request):
		return source(Identity, "wrapper", "", at)
	case v.Is(Row) && !v.Is(Param|Request):
		for _, o := range v.OriginsOf(Row) {
			if o.Label&Owned != 0 || o.Query != nil && o.Query.OwnerChecked {
				return source(Owned, "wrapper", "", at)
			}
		}
		return source(Row, "wrapper", "", at)
	case v.Fields != nil:
		n := &Value{Fields: map[string]*Value{}}
		for k, f := range v.Fields {
			r := relabel(f, kind, at)
			n.Fields[k] = r
			n.Labels |= r.Labels
			n.Origins = append(n.Origins, r.Origins...)
		}
		return n
	}
	return source(Request, kind, "", at)
}

// bindNamed labels each name a parameter binds: identity-looking names filled
// by a wrapper become Identity, the rest Request.
func (fa *Func) bindNamed(p *sitter.Node, kind string, wrapped bool) {
	fa.bind(p, source(Request, kind, "", p))
	if wrapped {
		// next-safe-action / tRPC: ({ ctx: { userId, emailAccountId }, parsedInput })
		// — what the auth middleware put in the context is the caller's.
		syntax.Walk(p, func(c *sitter.Node) bool {
			if c.Type() != "pair_pattern" {
				return true
			}
			if !identityParamNames[fa.text(c.ChildByFieldName("key"))] {
				return true
			}
			for _, name := range syntax.PatternNames(fa.File, c.ChildByFieldName("value")) {
				fa.env[name] = source(Identity, "wrapper", name, c)
			}
			return false
		})
	}
	for _, name := range syntax.PatternNames(fa.File, p) {
		if wrapped && identityParamNames[name] {
			fa.env[name] = source(Identity, "wrapper", name, p)
		} else if v := fa.env[name]; v != nil && v.Is(Request) {
			// Name the origin after the parameter (updateChat(chatId, userId)).
			n := &Value{Labels: v.Labels}
			for _, o := range v.Origins {
				if o.Name == "" {
					o.Name = name
				}
				n.Origins = append(n.Origins, o)
			}
			fa.env[name] = n
		}
	}
}

// run walks the function body in source order.
func (fa *Func) run() {
	if fa.Node == nil {
		return
	}
	fa.bindParams()
	if e := fa.Entry; e != nil && !fa.inherited {
		for _, w := range e.Wrappers {
			fa.visitWrapper(w)
		}
		for _, g := range e.Guards {
			fa.visitRouteGuard(g)
		}
	}
	body := fa.Node.ChildByFieldName("body")
	if body == nil {
		return
	}
	if body.Type() != "statement_block" {
		// Concise arrow body: its value is returned.
		if jsindex.IsFunc(body) {
			fa.returnedFunc = body
		}
		fa.Returns = append(fa.Returns, Return{body, nil})
	}
	syntax.Walk(body, fa.visit)
	for i := range fa.Returns {
		if fa.Returns[i].Value == nil {
			fa.Returns[i].Value = fa.Eval(fa.Returns[i].Node)
		}
	}
}

func (fa *Func) visit(n *sitter.Node) bool {
	switch n.Type() {
	case "variable_declarator":
		if v := n.ChildByFieldName("value"); v != nil {
			fa.bind(n.ChildByFieldName("name"), fa.Eval(v))
		}
	case "assignment_expression":
		l := n.ChildByFieldName("left")
		if l.Type() == "identifier" {
			fa.env[fa.text(l)] = fa.Eval(n.ChildByFieldName("right"))
		} else if l.Type() == "object_pattern" || l.Type() == "array_pattern" {
			fa.bind(l, fa.Eval(n.ChildByFieldName("right")))
		}
	case "call_expression":
		fa.visitCall(n)
	case "if_statement":
		fa.visitIf(n)
	case "binary_expression":
		fa.visitCompare(n)
	case "return_statement":
		if n.NamedChildCount() > 0 {
			r := n.NamedChild(0)
			if jsindex.IsFunc(r) && fa.returnedFunc == nil {
				fa.returnedFunc = r
			}
			fa.Returns = append(fa.Returns, Return{r, fa.Eval(r)})
		}
	case "function_declaration":
		fa.env[fa.text(n.ChildByFieldName("name"))] = &Value{Func: n}
	}
	return true
}

// exitRE matches calls that end a request.
var exitCallRE = regexp.MustCompile(`^(redirect|permanentRedirect|notFound|unauthorized|forbidden)$|(\.|^)(status|redirect|send|end|json)$`)

// exits reports whether a statement ends the request: return, throw, or a
// redirect()/notFound() call.
func (fa *Func) exits(n *sitter.Node) bool {
	if n == nil {
		return false
	}
	found := false
	syntax.Walk(n, func(c *sitter.Node) bool {
		if found {
			return false
		}
		switch c.Type() {
		case "return_statement", "throw_statement":
			found = true
			return false
		case "call_expression":
			if exitCallRE.MatchString(fa.text(c.ChildByFieldName("function"))) {
				found = true
				return false
			}
		case "arrow_function", "function_expression", "function_declaration":
			return false
		}
		return true
	})
	return found
}

var roleTextRE = regexp.MustCompile(`(?i)\b(role|roles|isAdmin|is_admin|admin|isSuperAdmin|superadmin|super_admin|isStaff|is_staff|staff|permission|permissions|isOwner|superuser|is_superuser|ADMIN_EMAILS?|adminEmails?|ADMIN_IDS?|adminIds?)\b`)

func (fa *Func) visitIf(n *sitter.Node) {
	cond := n.ChildByFieldName("condition")
	cons := n.ChildByFieldName("consequence")
	if cond == nil || !fa.exits(cons) {
		return
	}
	cv := fa.condValue(cond)
	ct := fa.text(cond)
	switch {
	case cv.Is(Secret) && (cv.Is(Request) || strings.Contains(strings.ToLower(ct), "authorization") || strings.Contains(strings.ToLower(ct), "secret")):
		fa.Verifications = append(fa.Verifications, Check{Kind: CheckSecret, Node: n, Line: syntax.Line(n), Text: oneLine(ct)})
	case cv.Is(Identity|Unverified|Owned) && refusesWhenAbsent(ct):
		unverified := cv.Is(Unverified) && !cv.Is(Identity)
		fa.AuthChecks = append(fa.AuthChecks, Check{Kind: CheckGuard, Node: n, Line: syntax.Line(n), Unverified: unverified, Text: oneLine(ct)})
		if roleTextRE.MatchString(ct) {
			fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: n, Line: syntax.Line(n), Text: oneLine(ct)})
		}
	case roleTextRE.MatchString(ct):
		fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: n, Line: syntax.Line(n), Text: oneLine(ct)})
	}
}

// refusesWhenAbsent reports whether a condition is true when the caller is
// missing or wrong (`!user`, `error || !session`, `user == null`,
// `user.id !== ownerId`), as opposed to `if (session) redirect('/app')`,
// which only sends signed-in users elsewhere.
func refusesWhenAbsent(cond string) bool {
	c := strings.Join(strings.Fields(cond), "")
	return strings.Contains(c, "!") || strings.Contains(c, "null") || strings.Contains(c, "undefined") || strings.Contains(c, "error") ||
		strings.Contains(c, "<1") || strings.Contains(c, "===0") || strings.Contains(c, "==0") || strings.Contains(c, "<=0")
}

// condValue evaluates a condition, looking through comparisons (which Eval
// folds to plain booleans) so `session?.user?.role !== 'admin'` keeps its labels.
func (fa *Func) condValue(cond *sitter.Node) *Value {
	var vs []*Value
	syntax.Walk(cond, func(c *sitter.Node) bool {
		switch c.Type() {
		case "identifier", "member_expression", "call_expression", "subscript_expression":
			vs = append(vs, fa.Eval(c))
			return false
		case "arrow_function", "function_expression":
			return false
		}
		return true
	})
	return union(vs...)
}

// visitCompare records ownership ties: a request value compared with the
// caller, or a fetched row compared with the caller.
func (fa *Func) visitCompare(n *sitter.Node) {
	switch fa.text(n.ChildByFieldName("operator")) {
	case "===", "!==", "==", "!=":
	default:
		return
	}
	l, r := fa.Eval(n.ChildByFieldName("left")), fa.Eval(n.ChildByFieldName("right"))
	fa.relate(l, r)
	fa.relate(r, l)
}

// relate ties a to the caller when b is the caller (or the caller's rows).
func (fa *Func) relate(a, b *Value) {
	if !b.Is(Identity | Owned | Unverified) {
		return
	}
	for _, o := range a.Origins {
		switch {
		case o.Label&(Request|Param) != 0 && o.Name != "":
			fa.tied[o.Name] = true
		case o.Label&Row != 0 && o.Query != nil:
			o.Query.OwnerChecked = true
			// The ids that picked the row are now known to be the caller's.
			for _, c := range o.Query.Filters {
				for _, r := range c.Value.OriginsOf(Request | Param) {
					if r.Name != "" {
						fa.tied[r.Name] = true
					}
				}
			}
		}
	}
}

// tieLookup: a lookup filtered by the caller and by a request value checks
// the request value (membership lookups, scoped fetches).
func (fa *Func) tieLookup(q *Query) {
	if !q.FilteredBy(Identity | Owned) {
		return
	}
	for _, c := range q.Filters {
		if c.Op == "neq" || c.Value.Is(Identity|Owned) {
			continue
		}
		for _, o := range c.Value.OriginsOf(Request | Param) {
			if o.Name != "" {
				fa.tied[o.Name] = true
			}
		}
	}
}

// Tied reports whether a request value was tied to the caller (compared
// with the session and rejected, checked through a membership query or an
// access helper).
func (fa *Func) Tied(v *Value) bool {
	rs := v.OriginsOf(Request)
	if len(rs) == 0 {
		return false
	}
	for _, o := range rs {
		if o.Name == "" || !fa.tied[o.Name] {
			return false
		}
	}
	return true
}

// accessHelperRE matches helpers that check the caller may touch a resource.
var accessHelperRE = regexp.MustCompile(`(?i)(assert|verify|check|ensure|require|authorize|authorise|validate|can|has|is|get)\w*(access|member|membership|owner|ownership|permission|role|allowed|authorized|belongs)|^(authorize|can|canAccess|canEdit|canView|hasAccess)$`)

func (fa *Func) visitCall(n *sitter.Node) {
	fn := n.ChildByFieldName("function")
	args := n.ChildByFieldName("arguments")
	if fn == nil {
		return
	}
	ft := fa.text(fn)
	name := calleeName(fa.File, fn)

	// Database queries: record the outermost call of a chain once.
	if q := fa.queryOf(n); q != nil && isChainTop(n) && !fa.recorded[keyOf(n)] {
		fa.recorded[keyOf(n)] = true
		fa.Queries = append(fa.Queries, q)
		fa.tieLookup(q)
	} else if fn.Type() == "member_expression" && isChainTop(n) {
		if ov := fa.Eval(fn.ChildByFieldName("object")); ov.Is(Privileged) && !ov.Is(Request|Row) {
			fa.ClientCalls = append(fa.ClientCalls, n)
		}
	}

	// Helpers that query the database: their queries run here, with the
	// arguments in place of the parameters (one step across files).
	if !fa.recorded[keyOf(n)] && fa.queryOf(n) == nil {
		hq, ok := fa.helperMemo[keyOf(n)]
		if !ok {
			hq = fa.helperQueries(n)
		}
		if len(hq) > 0 {
			fa.recorded[keyOf(n)] = true
			fa.Queries = append(fa.Queries, hq...)
			for _, q := range hq {
				if q.Op == OpSelect {
					fa.tieLookup(q) // getEmailAccount({ userId, emailAccountId })
				}
			}
		}
	}

	// Identity reads and guards.
	v := fa.Eval(n)
	switch {
	case v.Is(Identity|Unverified) && fa.isIdentitySourceCall(n):
		fa.AuthChecks = append(fa.AuthChecks, Check{Kind: CheckIdentity, Node: n, Line: syntax.Line(n), Unverified: v.Is(Unverified) && !v.Is(Identity), Text: callText(fa.File, n)})
	}
	if name != "" {
		s := fa.Prog.summaryOf(fa.File, name)
		guard := (s != nil && s.Guards) || (s == nil && fa.Prog.IsGuardName(name)) || name == "protect"
		if guard && !fa.argIsFunc(args) {
			fa.AuthChecks = append(fa.AuthChecks, Check{Kind: CheckGuard, Node: n, Line: syntax.Line(n), Text: callText(fa.File, n)})
		}
		if (s != nil && s.RoleGuard) || (s == nil && fa.Prog.IsRoleGuardName(name)) || isHasRole(fa.File, n, name) {
			fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: n, Line: syntax.Line(n), Text: oneLine(ft)})
		}
		if isVerifyCall(name, ft) || (s != nil && s.Verifies) {
			fa.Verifications = append(fa.Verifications, Check{Kind: CheckWebhook, Node: n, Line: syntax.Line(n), Text: oneLine(ft)})
		}
		// Access helpers tie their request arguments: assertMember(orgId).
		if accessHelperRE.MatchString(name) && args != nil {
			for i := 0; i < int(args.NamedChildCount()); i++ {
				for _, o := range fa.Eval(args.NamedChild(i)).OriginsOf(Request | Param) {
					if o.Name != "" {
						fa.tied[o.Name] = true
					}
				}
			}
		}
		// x.includes(orgId) on the caller's own list ties orgId.
		if (name == "includes" || name == "has" || name == "some" || name == "find") && fn.Type() == "member_expression" && args != nil && args.NamedChildCount() > 0 {
			recv := fa.Eval(fn.ChildByFieldName("object"))
			if recv.Is(Identity | Owned) {
				fa.relate(fa.Eval(args.NamedChild(0)), recv)
			}
		}
	}
	// A wrapper calls its handler parameter.
	if fn.Type() == "identifier" && fa.params[ft] {
		if !fa.callsParam && args != nil {
			for i := 0; i < int(args.NamedChildCount()); i++ {
				fa.handlerArgs = append(fa.handlerArgs, fa.Eval(args.NamedChild(i)))
			}
		}
		fa.callsParam = true
		if fa.argsValue(args).Is(Identity | Unverified) {
			fa.passesIdentity = true
		}
	}
	// Callbacks: arr.some(m => …) / prisma.$transaction(async (tx) => …) get
	// the receiver as their first parameter.
	if fn.Type() == "member_expression" && args != nil {
		recv := fa.Eval(fn.ChildByFieldName("object"))
		for i := 0; i < int(args.NamedChildCount()); i++ {
			a := args.NamedChild(i)
			if !jsindex.IsFunc(a) {
				continue
			}
			var first *sitter.Node
			if ps := a.ChildByFieldName("parameters"); ps != nil && ps.NamedChildCount() > 0 {
				first = ps.NamedChild(0)
			} else if p := a.ChildByFieldName("parameter"); p != nil {
				first = p
			}
			if first != nil {
				fa.bind(first, recv)
			}
		}
	}
	// Responses.
	if fn.Type() == "member_expression" && args != nil && args.NamedChildCount() > 0 {
		prop := fa.text(fn.ChildByFieldName("property"))
		if prop == "json" || prop == "send" {
			fa.Returns = append(fa.Returns, Return{args.NamedChild(0), fa.Eval(args.NamedChild(0))})
		}
	}
}

func (fa *Func) argIsFunc(args *sitter.Node) bool {
	if args == nil {
		return false
	}
	for i := 0; i < int(args.NamedChildCount()); i++ {
		if jsindex.IsFunc(args.NamedChild(i)) {
			return true
		}
	}
	return false
}

// isHasRole spots Clerk's has({ role }) / has({ permission }) and checkRole('admin').
func isHasRole(f *syntax.File, call *sitter.Node, name string) bool {
	if name != "has" && name != "checkRole" && name != "hasRole" && name != "hasPermission" {
		return false
	}
	return roleTextRE.MatchString(f.Text(call.ChildByFieldName("arguments"))) || name != "has"
}

var verifyNameRE = regexp.MustCompile(`^(constructEvent|constructEventAsync|verifyHeader|timingSafeEqual|verifyRequest|verifyKey|validateRequest|verifySignatureAppRouter|verifySignatureEdge)$|^(?i:(verify|validate|check|is)(Valid)?\w{0,20}(Signature|Webhook|Hmac|Signed))`)

func isVerifyCall(name, callee string) bool {
	if verifyNameRE.MatchString(name) {
		return name != "validateRequest" || strings.Contains(callee, "twilio")
	}
	// svix: new Webhook(secret).verify(payload, headers); QStash Receiver.verify.
	return name == "verify" && (strings.Contains(callee, "wh") || strings.Contains(strings.ToLower(callee), "webhook") || strings.Contains(strings.ToLower(callee), "receiver"))
}

// isIdentitySourceCall reports whether the call itself reads the caller (not
// a call that merely passes identity along).
func (fa *Func) isIdentitySourceCall(n *sitter.Node) bool {
	fn := n.ChildByFieldName("function")
	name := calleeName(fa.File, fn)
	switch name {
	case "getUser", "getClaims", "getSession", "protect", "currentUser":
		return true
	}
	if fn.Type() == "identifier" || fn.Type() == "member_expression" {
		if s := fa.Prog.summaryOf(fa.File, name); s != nil {
			return s.Returns != nil && (s.Returns.Is(Identity|Unverified) || s.Returns.Is(Owned) && fa.Prog.IsIdentityGetterName(name))
		}
		return fa.Prog.IsIdentityGetterName(name)
	}
	return false
}

// visitWrapper records an auth wrapper around an entry's handler.
func (fa *Func) visitWrapper(w *sitter.Node) {
	fn := w.ChildByFieldName("function")
	name := calleeName(fa.File, fn)
	root := rootName(fa.File, fn)
	var s *Summary
	if name != "" {
		s = fa.Prog.summaryOf(fa.File, name)
	}
	if s == nil && root != "" && root != name {
		s = fa.Prog.summaryOf(fa.File, root)
	}
	text := oneLine(fa.text(fn))
	auth := false
	switch {
	case s != nil && s.IsFunc:
		auth = s.Guards || s.InjectsIdentity || s.CallsParam && s.Authenticates
		if s.CallsParam {
			for _, k := range s.Tied {
				fa.tied[k] = true
			}
		}
		if s.RoleGuard {
			fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: w, Line: syntax.Line(w), Text: text})
		}
		if s.Verifies {
			fa.Verifications = append(fa.Verifications, Check{Kind: CheckWebhook, Node: w, Line: syntax.Line(w), Text: text})
		}
	default:
		auth = fa.Prog.IsGuardName(name) || fa.Prog.IsGuardName(root) || name == "auth" ||
			regexp.MustCompile(`(?i)(auth|protected|session|user|signedin|loggedin)`).MatchString(text) && !strings.Contains(strings.ToLower(text), "public")
		if fa.Prog.IsRoleGuardName(name) || fa.Prog.IsRoleGuardName(root) || roleTextRE.MatchString(fa.text(w.ChildByFieldName("arguments"))) && auth {
			fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: w, Line: syntax.Line(w), Text: text})
		}
	}
	if auth {
		fa.AuthChecks = append(fa.AuthChecks, Check{Kind: CheckWrapper, Node: w, Line: syntax.Line(w), Text: text})
	}
}

// visitRouteGuard records middleware before a server route's handler
// (app.get('/x', requireAuth, handler)).
func (fa *Func) visitRouteGuard(g *sitter.Node) {
	name := calleeName(fa.File, g)
	if g.Type() == "call_expression" {
		name = calleeName(fa.File, g.ChildByFieldName("function"))
	}
	if name == "" {
		return
	}
	s := fa.Prog.summaryOf(fa.File, name)
	text := oneLine(fa.text(g))
	if (s != nil && s.IsFunc && (s.Guards || s.CallsParam)) || fa.Prog.IsGuardName(name) || regexp.MustCompile(`(?i)auth|session|signedin|loggedin|protect`).MatchString(name) {
		fa.AuthChecks = append(fa.AuthChecks, Check{Kind: CheckWrapper, Node: g, Line: syntax.Line(g), Text: text})
	}
	if (s != nil && s.RoleGuard) || fa.Prog.IsRoleGuardName(name) || roleTextRE.MatchString(text) {
		fa.RoleChecks = append(fa.RoleChecks, Check{Kind: CheckRole, Node: g, Line: syntax.Line(g), Text: text})
	}
}

// calleeName is the called function's own name: `auth` for auth(),
// `getUser` for supabase.auth.getUser().
func calleeName(f *syntax.File, fn *sitter.Node) string {
	for fn != nil {
		switch fn.Type() {
		case "identifier":
			return f.Text(fn)
		case "member_expression":
			return f.Text(fn.ChildByFieldName("property"))
		case "parenthesized_expression", "non_null_expression", "await_expression":
			fn = fn.NamedChild(0)
		default:
			return ""
		}
	}
	return ""
}

// rootName is the leftmost identifier of a callee (`authActionClient` in
// authActionClient.schema(s).action).
func rootName(f *syntax.File, n *sitter.Node) string {
	for i := 0; n != nil && i < 32; i++ {
		switch n.Type() {
		case "identifier":
			return f.Text(n)
		case "member_expression":
			n = n.ChildByFieldName("object")
		case "call_expression":
			n = n.ChildByFieldName("function")
		case "parenthesized_expression", "non_null_expression", "await_expression":
			n = n.NamedChild(0)
		default:
			return ""
		}
	}
	return ""
}

// isChainTop reports whether a call is not the receiver of a further call.
func isChainTop(n *sitter.Node) bool {
	p := n.Parent()
	for p != nil && (p.Type() == "non_null_expression" || p.Type() == "parenthesized_expression" || p.Type() == "await_expression" && false) {
		p = p.Parent()
	}
	if p == nil || p.Type() != "member_expression" {
		return true
	}
	gp := p.Parent()
	return gp == nil || gp.Type() != "call_expression"
}

// callText is a call as written, with long argument lists elided: auth(),
// supabase.auth.getUser(), getServerSession(…).
func callText(f *syntax.File, n *sitter.Node) string {
	fn := oneLine(f.Text(n.ChildByFieldName("function")))
	args := n.ChildByFieldName("arguments")
	if args == nil || args.NamedChildCount() == 0 {
		return fn + "()"
	}
	return fn + "(…)"
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// GuardsAuth reports whether the function ends the request when no user is
// signed in: a guard before its end, or an auth wrapper.
func (fa *Func) GuardsAuth() bool {
	for _, c := range fa.AuthChecks {
		if c.Kind == CheckGuard || c.Kind == CheckWrapper {
			return true
		}
	}
	return false
}

// Authenticated reports whether the function reads or checks the caller at all.
func (fa *Func) Authenticated() bool { return len(fa.AuthChecks) > 0 }

// FirstAuthLine is the line of the first auth check, or 0. A wrapper or a
// route guard runs before the handler's body: its line is the handler's.
func (fa *Func) FirstAuthLine() int {
	l := 0
	for _, c := range fa.AuthChecks {
		line := c.Line
		if c.Kind == CheckWrapper && fa.Node != nil {
			line = syntax.Line(fa.Node)
		}
		if l == 0 || line < l {
			l = line
		}
	}
	return l
}

// ReturnValue is the union of what the function returns.
func (fa *Func) ReturnValue() *Value {
	var vs []*Value
	for _, r := range fa.Returns {
		if r.Value != nil {
			vs = append(vs, r.Value)
		}
	}
	return union(vs...)
}

// Env returns the value bound to a variable of the function, or nil.
func (fa *Func) Env(name string) *Value { return fa.env[name] }
