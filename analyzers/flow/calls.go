package flow

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

var serviceKeyRE = regexp.MustCompile(`(?i)service_?role|service_?key|secret_?key|sb_secret|supabase_?secret|admin_?key|SUPABASE_ADMIN`)

var userClientFactories = map[string]bool{
	"createRouteHandlerClient": true, "createServerComponentClient": true, "createServerActionClient": true,
	"createPagesServerClient": true, "createMiddlewareClient": true, "createBrowserClient": true,
	"createClientComponentClient": true, "createBrowserSupabaseClient": true, "createServerSupabaseClient": true,
}

// evalCall is the value of a call: a query result, a source (identity,
// request, client), a helper's summarized result, or the data its receiver
// and arguments carry.
func (fa *Func) evalCall(n *sitter.Node) *Value {
	fn := n.ChildByFieldName("function")
	args := n.ChildByFieldName("arguments")
	if fn == nil {
		return empty
	}
	if q := fa.queryOf(n); q != nil {
		return q.result()
	}
	name := calleeName(fa.File, fn)
	if fn.Type() == "member_expression" {
		obj := fn.ChildByFieldName("object")
		objText := strings.Join(strings.Fields(fa.text(obj)), "")
		ov := fa.Eval(obj)
		switch {
		case objText == "auth.api" && name == "getSession":
			return source(Identity, "better-auth", "", n) // better-auth verifies on the server
		case (strings.HasSuffix(objText, ".auth") || objText == "auth" || strings.HasSuffix(objText, ".auth.api")) && (name == "getUser" || name == "getClaims" || name == "getUserByCookie"):
			return source(Identity, "supabase", "", n)
		case strings.HasSuffix(objText, ".auth") && name == "getSession":
			return source(Unverified, "supabase-getSession", "", n)
		case name == "protect" && (objText == "auth" || ov.Is(Identity)):
			return source(Identity, "clerk", "", n)
		case ov.Is(Identity) && !ov.Is(Request) && (name == "getUser" || name == "getSession" || name == "isAuthenticated"):
			return source(Identity, "helper", "", n)
		case name == "$extends" && ov.Is(clientLabels):
			return ov
		}
		if ov.Is(clientLabels) && !ov.Is(Request|Row) {
			return empty
		}
		if ov.Is(Request) && isRawRequest(ov) && name == "get" && args != nil && args.NamedChildCount() > 0 {
			// Hono: c.get('user') / c.get('jwtPayload') set by auth middleware.
			if s, ok := fa.File.StringValue(args.NamedChild(0)); ok {
				switch s {
				case "user", "session", "userId", "jwtPayload", "auth", "currentUser", "claims":
					return source(Identity, "context", s, n)
				}
			}
		}
		if ov.Is(Request) {
			key := name
			if args != nil && args.NamedChildCount() > 0 {
				if s, ok := fa.File.StringValue(args.NamedChild(0)); ok && keyedReaders[name] != "" {
					key = s
				}
			}
			switch {
			case keyedReaders[name] != "":
			case name == "json" || name == "text" || name == "formData" || name == "arrayBuffer" || name == "blob" || name == "entries" ||
				name == "toString" || name == "trim" || name == "toLowerCase" || name == "split" || name == "parse" || name == "valueOf":
			default:
				key = ""
			}
			out := field(only(ov, Request|Identity|Unverified|Row|Owned), key)
			if k := keyedReaders[name]; k != "" && k != "same" {
				out = withKind(out, k)
			}
			out = atNode(out, n, Request)
			return union(out, only(fa.argsValue(args), Request))
		}
	}
	if verifiedTokenRE.MatchString(name) {
		// jwtVerify(token, key), jwt.verify, unsealData, getIronSession: the
		// session was checked against a server key.
		return source(Identity, "token", "", n)
	}
	if fn.Type() == "identifier" {
		switch name {
		case "headers":
			return source(Request, KindHeader, "", n)
		case "cookies":
			return source(Request, KindCookie, "", n)
		case "drizzle":
			return source(Privileged, ClientDrizzle, "", n)
		case "postgres", "neon", "createPool", "createKysely":
			return source(Privileged, ClientSQL, "", n)
		}
	}
	if fn.Type() == "identifier" {
		if lv := fa.env[name]; lv != nil && lv.Func != nil {
			// A local closure (const query = (where) => db.select()…): its
			// queries' rows, not whatever its arguments carry.
			var rows []*Value
			for _, q := range fa.Queries {
				if q.Node.StartByte() >= lv.Func.StartByte() && q.Node.EndByte() <= lv.Func.EndByte() && q.Op == OpSelect {
					rows = append(rows, q.result())
				}
			}
			if len(rows) > 0 {
				return union(append(rows, only(fa.argsValue(args), Request))...)
			}
		}
	}
	if name != "" && fn.Type() == "identifier" {
		if s := fa.Prog.summaryOf(fa.File, name); s != nil {
			if hq := fa.helperMemo[keyOf(n)]; hq == nil && len(s.Queries) > 0 {
				hq = fa.helperQueries(n)
			}
			if hq := fa.helperMemo[keyOf(n)]; len(hq) > 0 {
				var rows []*Value
				for _, q := range hq {
					if q.returned && (q.Op == OpSelect || q.Op == OpRPC) {
						rows = append(rows, q.result())
					}
				}
				if len(rows) > 0 {
					return union(rows...)
				}
			}
			ret := only(s.Returns, Identity|Unverified|clientLabels|Owned)
			if ret.Is(Privileged) || ret.Is(UserScoped) {
				return ret
			}
			if ret.Is(Owned) && !ret.Is(Identity|Unverified) && fa.Prog.IsIdentityGetterName(name) {
				// getUser() that loads the caller's row by the verified session id.
				return union(ret, source(Identity, "helper", "", n))
			}
			if !ret.Is(Identity|Unverified) && !s.Returns.Is(Row) && fa.Prog.IsIdentityGetterName(name) {
				// getSession(cookie) that asks the auth server: the name says
				// what it returns even when the body does not show it.
				return source(Identity, "helper", "", n)
			}
			return union(ret, only(fa.argsValue(args), Request|Row))
		}
		switch {
		case name == "createClient" || name == "createServerClient" || name == "createBrowserClient" || userClientFactories[name]:
			return fa.supabaseClient(n, args)
		case fa.Prog.IsPrivilegedFactoryName(name):
			return source(Privileged, ClientSupabaseService, "", n)
		case fa.Prog.IsIdentityGetterName(name) && (libraryGetters[name] || readsSessionFrom(fa.argsValue(args))):
			kind := "helper"
			switch name {
			case "auth", "getServerSession", "getServerAuthSession":
				kind = "authjs"
			case "currentUser", "getAuth":
				kind = "clerk"
			}
			return source(Identity, kind, "", n)
		}
	}
	var recv *Value
	if fn.Type() == "member_expression" {
		recv = only(fa.Eval(fn.ChildByFieldName("object")), dataLabels)
		if name == "verify" && strings.Contains(strings.ToLower(fa.text(fn.ChildByFieldName("object"))), "jwt") {
			return source(Identity, "token", "", n) // jwt.verify(token, secret)
		}
		if name == "decode" {
			return only(fa.argsValue(args), Request) // jwt.decode does not verify
		}
		if !recv.Is(dataLabels) && memberDepth(fn) >= 2 && !validators[name] {
			// stripe.checkout.sessions.retrieve(id), openai.chat.completions.create(…):
			// what an external service returns is its data, not the client's,
			// even when the client chose which object to fetch.
			return empty
		}
	}
	return union(recv, only(fa.argsValue(args), dataLabels&^Secret))
}

var verifiedTokenRE = regexp.MustCompile(`^(jwtVerify|verifyJwt|verifyJWT|verifyToken|verifySession|verifyAccessToken|verifyIdToken|unsealData|getIronSession|decrypt|decryptSession)$`)

// validators return (a checked copy of) their input.
var validators = map[string]bool{"parse": true, "safeParse": true, "parseAsync": true, "safeParseAsync": true,
	"validate": true, "validateSync": true, "cast": true, "assert": true, "create": false}

// memberDepth counts the member accesses of a callee: stripe.a.b.c() is 3.
func memberDepth(fn *sitter.Node) int {
	d := 0
	for fn != nil && fn.Type() == "member_expression" {
		d++
		fn = fn.ChildByFieldName("object")
	}
	return d
}

// keyedReaders read one named value from a request part: Hono's
// c.req.query('id') / param / header, URLSearchParams.get, FormData.get.
var keyedReaders = map[string]string{"get": "same", "getAll": "same", "has": "same", "query": KindQuery, "queries": KindQuery,
	"param": KindParams, "header": KindHeader, "cookie": KindCookie}

func withKind(v *Value, kind string) *Value {
	out := &Value{Labels: v.Labels, Fields: v.Fields, Func: v.Func}
	for _, o := range v.Origins {
		if o.Label&Request != 0 {
			o.Kind = kind
		}
		out.Origins = append(out.Origins, o)
	}
	return out
}

// atNode points a value's origins with the label at node n (the expression
// that read them: req.json(), searchParams.get('id')).
func atNode(v *Value, n *sitter.Node, l Label) *Value {
	out := &Value{Labels: v.Labels, Fields: v.Fields, Func: v.Func}
	for _, o := range v.Origins {
		if o.Label&l != 0 {
			o.Node = n
		}
		out.Origins = append(out.Origins, o)
	}
	return out
}

// readsSessionFrom: the arguments are the request itself, its headers or
// cookies (getUser({ req, res }), getSession(cookie)), not a value the
// client chose (getUser(body.userId)).
func readsSessionFrom(v *Value) bool {
	for _, o := range v.OriginsOf(Request) {
		if o.Name != "" && o.Kind != KindHeader && o.Kind != KindCookie && o.Name != "headers" && o.Name != "cookies" && o.Name != "cookie" {
			return false
		}
	}
	return true
}

// libraryGetters read the session from the request they are given.
var libraryGetters = map[string]bool{"auth": true, "getServerSession": true, "getServerAuthSession": true, "getAuth": true,
	"getToken": true, "unstable_getServerSession": true, "getIronSession": true, "validateRequest": true, "getKindeServerSession": true}

// supabaseClient classifies createClient(url, key, …)-style calls by the key.
func (fa *Func) supabaseClient(n, args *sitter.Node) *Value {
	if args != nil {
		for i := 0; i < int(args.NamedChildCount()); i++ {
			a := args.NamedChild(i)
			if serviceKeyRE.MatchString(fa.text(a)) {
				return source(Privileged, ClientSupabaseService, "", n)
			}
			for _, o := range fa.Eval(a).OriginsOf(Secret) {
				if serviceKeyRE.MatchString(o.Name) {
					return source(Privileged, ClientSupabaseService, "", n)
				}
			}
		}
	}
	return source(UserScoped, ClientSupabaseUser, "", n)
}
