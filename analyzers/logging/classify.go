package logging

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// leak is one sensitive value passed to a log call.
type leak struct {
	rule *analyzers.Rule
	sev  analyzers.Severity // 0: the rule's default
	what string             // "the request's headers (Authorization, Cookie)"
	expr *sitter.Node       // the logged expression
	keys []string           // words a redact configuration would name to remove it
}

func credential(n *sitter.Node, what string, keys ...string) *leak {
	return &leak{rule: ruleCredentials, what: what, expr: n, keys: keys}
}

func personal(n *sitter.Node, what string, keys ...string) *leak {
	return &leak{rule: rulePersonal, what: what, expr: n, keys: keys}
}

// masking helpers keep the value out of the log.
var maskRE = regexp.MustCompile(`(?i)mask|redact|hash|sanitiz|scrub|truncat|obfuscat|anonymi|digest|fingerprint|last4|censor|pseudonym|encrypt|sha256|omit|pick`)

// passThrough calls log their argument as it is.
var passThrough = map[string]bool{"JSON.stringify": true, "String": true, "util.inspect": true, "inspect": true,
	"Object.fromEntries": true, "Object.entries": true, "Object.assign": true, "structuredClone": true, "Array.from": true,
	"serialize": true, "stringify": true}

// valueMethods return (a form of) the receiver.
var valueMethods = map[string]bool{"toString": true, "trim": true, "toLowerCase": true, "toUpperCase": true, "toJSON": true,
	"at": true, "slice": false, "join": true, "map": false, "entries": true, "values": true, "toObject": true}

var requestRoot = regexp.MustCompile(`^(req|request|ctx\.req|ctx\.request|c\.req|event\.request|context\.req|args\.req|opts\.req)$`)

// classify says whether a logged expression carries sensitive data.
func (c *checker) classify(n, call *sitter.Node, depth int) *leak {
	f := c.f
	n = syntax.Unwrap(n)
	if n == nil || depth > 4 {
		return nil
	}
	switch n.Type() {
	case "template_string":
		var out *leak
		for _, s := range syntax.NodesOfType(n, "template_substitution") {
			if s.NamedChildCount() > 0 {
				out = worse(out, c.classify(s.NamedChild(0), call, depth+1))
			}
		}
		return out
	case "binary_expression":
		switch f.Text(n.ChildByFieldName("operator")) {
		case "+", "||", "??":
			if l := c.classify(n.ChildByFieldName("left"), call, depth+1); l != nil {
				return l
			}
			return c.classify(n.ChildByFieldName("right"), call, depth+1)
		}
		return nil
	case "ternary_expression":
		if l := c.classify(n.ChildByFieldName("consequence"), call, depth+1); l != nil {
			return l
		}
		return c.classify(n.ChildByFieldName("alternative"), call, depth+1)
	case "object":
		var out *leak
		for i := 0; i < int(n.NamedChildCount()); i++ {
			p := n.NamedChild(i)
			switch p.Type() {
			case "pair":
				v := p.ChildByFieldName("value")
				if l := c.classify(v, call, depth+1); l != nil {
					out = worse(out, l)
					continue
				}
				key := f.Text(p.ChildByFieldName("key"))
				if s, ok := f.StringValue(p.ChildByFieldName("key")); ok {
					key = s
				}
				if u := syntax.Unwrap(v); u != nil && (u.Type() == "identifier" || u.Type() == "member_expression") && !safeName(lastSegment(f, u)) {
					out = worse(out, c.byName(key, u))
				}
			case "shorthand_property_identifier":
				out = worse(out, c.named(p, call, depth))
			case "spread_element":
				if p.NamedChildCount() > 0 {
					out = worse(out, c.classify(p.NamedChild(0), call, depth+1))
				}
			}
		}
		return out
	case "array":
		var out *leak
		for i := 0; i < int(n.NamedChildCount()); i++ {
			out = worse(out, c.classify(n.NamedChild(i), call, depth+1))
		}
		return out
	case "call_expression":
		return c.classifyCall(n, call, depth)
	case "identifier", "shorthand_property_identifier", "member_expression", "subscript_expression":
		return c.named(n, call, depth)
	}
	return nil
}

func (c *checker) classifyCall(n, call *sitter.Node, depth int) *leak {
	f := c.f
	cal := f.Callee(n)
	last := syntax.LastName(cal)
	as := syntax.Args(n)
	if maskRE.MatchString(cal) {
		return nil
	}
	if passThrough[cal] && len(as) > 0 {
		return c.classify(as[0], call, depth+1)
	}
	fn := n.ChildByFieldName("function")
	switch {
	case cal == "headers" && len(as) == 0:
		return credential(n, "every request header, Authorization and Cookie included", "headers", "authorization", "cookie")
	case cal == "cookies" && len(as) == 0:
		return credential(n, "the request's cookies (the session cookie included)", "cookie")
	case fn.Type() == "member_expression":
		obj := fn.ChildByFieldName("object")
		objText := f.Compact(obj)
		switch {
		case last == "get" && len(as) > 0 && (strings.HasSuffix(objText, "headers") || strings.HasSuffix(objText, "headers()") || strings.HasSuffix(objText, "headerList") || strings.HasSuffix(objText, "headersList")):
			if s, ok := f.StringValue(as[0]); ok && sensitiveHeader(s) {
				return credential(n, fmt.Sprintf("the `%s` header", strings.ToLower(s)), strings.ToLower(s))
			}
			return nil
		case (last == "get" || last == "getAll") && (strings.Contains(strings.ToLower(objText), "cookie")):
			if last == "getAll" || len(as) == 0 {
				return credential(n, "the request's cookies (the session cookie included)", "cookie")
			}
			if s, ok := f.StringValue(as[0]); !ok || sensitiveCookie(s) {
				return credential(n, "a session cookie", "cookie")
			}
			return nil
		case last == "get" && len(as) > 0 && c.isStore(obj, flow.KindHeader):
			if s, ok := f.StringValue(as[0]); ok && sensitiveHeader(s) {
				return credential(n, fmt.Sprintf("the `%s` header", strings.ToLower(s)), strings.ToLower(s))
			}
			return nil
		case (last == "getAll" || last == "get") && c.isCookieStore(obj):
			if last == "getAll" || len(as) == 0 {
				return credential(n, "the request's cookies (the session cookie included)", "cookie")
			}
			if s, ok := f.StringValue(as[0]); !ok || sensitiveCookie(s) {
				return credential(n, "a session cookie", "cookie")
			}
			return nil
		case (last == "json" || last == "formData" || last == "text") && len(as) == 0 && c.isRequest(obj):
			return personal(n, "the whole request body", "body")
		case valueMethods[last]:
			return c.classify(obj, call, depth+1)
		}
	}
	return nil
}

// worse returns the more severe of two leaks (credentials over personal data).
func worse(a, b *leak) *leak {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case b.rule == ruleCredentials && a.rule != ruleCredentials:
		return b
	}
	return a
}

// isCookieStore reports whether n is the request's cookie store.
func (c *checker) isCookieStore(n *sitter.Node) bool { return c.isStore(n, flow.KindCookie) }

// isStore reports whether n is the request's whole header list or cookie
// store (kind flow.KindHeader or flow.KindCookie), per the data flow.
func (c *checker) isStore(n *sitter.Node, kind string) bool {
	fa := c.flowOf(n)
	if fa == nil {
		return false
	}
	for _, o := range fa.Eval(n).OriginsOf(flow.Request) {
		if o.Kind == kind && o.Name == "" {
			return true
		}
	}
	return false
}

// isRequest reports whether n is the incoming request.
func (c *checker) isRequest(n *sitter.Node) bool {
	if requestRoot.MatchString(c.f.Compact(n)) {
		return true
	}
	if fa := c.flowOf(n); fa != nil {
		v := fa.Eval(n)
		for _, o := range v.OriginsOf(flow.Request) {
			if o.Kind == "request" && o.Name == "" {
				return true
			}
		}
	}
	return false
}

// named classifies identifiers and member accesses: by their shape, by their
// name, and by where the data flow says they come from.
func (c *checker) named(n, call *sitter.Node, depth int) *leak {
	f := c.f
	name := lastSegment(f, n)
	if safeName(name) {
		return nil
	}
	if name == "value" && n.Type() == "member_expression" {
		// cookies().get('sb-access-token')?.value
		if o := syntax.Unwrap(n.ChildByFieldName("object")); o.Type() == "call_expression" {
			return c.classifyCall(o, call, depth+1)
		}
	}
	text := f.Compact(n)
	obj := ""
	if i := strings.LastIndexByte(text, '.'); i >= 0 {
		obj = text[:i]
	}
	switch {
	case text == "process.env" || text == "import.meta.env" || text == "Deno.env.toObject()":
		return credential(n, "every environment variable (API keys, the database URL, the service-role key)", "env")
	case (strings.HasPrefix(text, "process.env.") || strings.HasPrefix(text, "env.")) && dsnName.MatchString(name):
		return credential(n, fmt.Sprintf("`%s` (a connection string with its password)", text), name)
	case requestRoot.MatchString(obj) && name == "headers":
		return credential(n, "every request header, Authorization and Cookie included", "headers", "authorization", "cookie")
	case strings.HasSuffix(obj, ".headers") && sensitiveHeader(name):
		return credential(n, fmt.Sprintf("the `%s` header", strings.ToLower(name)), strings.ToLower(name))
	case requestRoot.MatchString(obj) && name == "cookies":
		return credential(n, "the request's cookies (the session cookie included)", "cookie")
	case requestRoot.MatchString(obj) && name == "body":
		return personal(n, "the whole request body", "body")
	case requestRoot.MatchString(obj) && name == "session":
		return credential(n, "the request's session", "session")
	case c.stripe && (strings.HasSuffix(text, ".data.object") || text == "event.data"):
		return personal(n, "a Stripe object (customer name, email, address, payment details)", "data")
	}
	if couponish.MatchString(obj) {
		return nil // coupon.token, promo.code: shareable codes, not credentials
	}
	if l := c.byName(name, n); l != nil {
		return l
	}
	// Where the value comes from. Functions that touch neither the request
	// nor the session are not worth a data-flow run.
	if !c.touchesRequest(syntax.OuterFunc(n)) {
		return c.bindingLeak(n, call, depth)
	}
	fa := c.flowOf(n)
	if fa == nil || n.Type() == "subscript_expression" {
		return nil
	}
	v := fa.Eval(n)
	for _, o := range v.OriginsOf(flow.Request) {
		switch o.Kind {
		case flow.KindHeader:
			if o.Name == "" && c.directSource(n) {
				return credential(n, "every request header, Authorization and Cookie included", "headers", "authorization", "cookie")
			}
			if sensitiveHeader(o.Name) {
				return credential(n, fmt.Sprintf("the `%s` header", strings.ToLower(o.Name)), strings.ToLower(o.Name))
			}
		case flow.KindCookie:
			if (o.Name == "" || sensitiveCookie(o.Name)) && c.directSource(n) {
				return credential(n, "the request's cookies (the session cookie included)", "cookie")
			}
		case flow.KindArgs:
			// A server action's submitted form.
			if o.Name == "" || o.Name == f.Text(n) {
				switch strings.ToLower(f.Text(n)) {
				case "formdata", "form", "data", "values", "input", "body", "payload":
					return personal(n, "the submitted form (everything the user typed into it)", "formData")
				}
			}
			if o.Name != "" && c.directSource(n) {
				if l := c.byName(o.Name, n); l != nil {
					return l
				}
			}
		case flow.KindBody, flow.KindForm:
			if o.Name == "" && (n.Type() == "identifier" || n.Type() == "shorthand_property_identifier") && c.directSource(n) {
				return personal(n, "the whole request body", "body")
			}
			if o.Name != "" && c.directSource(n) {
				if l := c.byName(o.Name, n); l != nil {
					return l
				}
			}
		case "request":
			whole := (n.Type() == "identifier" || n.Type() == "shorthand_property_identifier") && c.directSource(n)
			switch {
			case o.Name == "" && whole:
				return credential(n, "the whole request object, whose headers carry the Authorization and Cookie values", "headers", "authorization", "cookie")
			case o.Name == "body" && whole:
				return personal(n, "the whole request body", "body")
			case o.Name == "headers" && whole:
				return credential(n, "every request header, Authorization and Cookie included", "headers", "authorization", "cookie")
			case o.Name == "cookies" && whole:
				return credential(n, "the request's cookies (the session cookie included)", "cookie")
			}
		}
	}
	if n.Type() == "member_expression" && (name == "session" || name == "user") {
		// data.session from auth.getSession(), data.user from auth.getUser()
		if _, ok := v.First(flow.Unverified); ok && name == "session" {
			return credential(n, "the Supabase session (its access and refresh tokens)", "session", "access_token")
		}
		if _, ok := v.First(flow.Identity); ok && name == "user" {
			return personal(n, "the signed-in user's record (email and profile)", "user", "email")
		}
	}
	if n.Type() == "identifier" || n.Type() == "shorthand_property_identifier" {
		if o, ok := v.First(flow.Unverified); ok && o.Node != nil {
			return credential(n, "the Supabase session (its access and refresh tokens)", "session", "access_token")
		}
		if _, ok := v.First(flow.Identity); ok && !strings.HasSuffix(strings.ToLower(name), "id") {
			switch strings.ToLower(name) {
			case "session":
				return personal(n, "the signed-in user's session (name, email)", "session", "email")
			case "user", "currentuser", "authuser", "profile", "me", "viewer", "claims", "sessionclaims":
				return personal(n, "the signed-in user's record (email and profile)", "user", "email")
			}
		}
		if l := c.bindingLeak(n, call, depth); l != nil {
			return l
		}
	}
	return nil
}

// directSource reports whether an identifier holds the request data itself
// (the handler's request parameter, or a variable bound to a read of it)
// rather than something computed from it by another call: the data flow
// labels a call's result with its arguments' labels, and a rate limiter's
// result or a caught error is not the request.
func (c *checker) directSource(n *sitter.Node) bool {
	f := c.f
	if n.Type() != "identifier" && n.Type() != "shorthand_property_identifier" {
		return true
	}
	name := f.Text(n)
	outer := syntax.OuterFunc(n)
	for _, p := range f.ParamNames(outer) {
		if p == name {
			return true
		}
	}
	for fn := syntax.EnclosingFunc(n); fn != nil && fn != outer; fn = syntax.EnclosingFunc(fn) {
		for _, p := range f.ParamNames(fn) {
			if p == name {
				return false // a callback's parameter (an error, an item)
			}
		}
	}
	bs := f.BindingsIn(outer)[name]
	if len(bs) == 0 {
		return false
	}
	for _, b := range bs {
		v := syntax.Unwrap(b.Value)
		switch v.Type() {
		case "member_expression", "identifier", "subscript_expression":
		case "call_expression":
			switch syntax.LastName(f.Callee(v)) {
			case "json", "formData", "text", "headers", "cookies", "clone", "getAll", "entries", "fromEntries", "get", "parse", "stringify":
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// bindingLeak classifies an identifier by the value it is bound to: an
// object or string built from sensitive parts, or a Stripe object.
func (c *checker) bindingLeak(n, call *sitter.Node, depth int) *leak {
	f := c.f
	if n.Type() != "identifier" && n.Type() != "shorthand_property_identifier" {
		return nil
	}
	// An identifier bound to an object or string built from sensitive parts.
	if fn := syntax.OuterFunc(n); fn != nil && depth < 3 {
		bs := f.BindingsIn(fn)[f.Text(n)]
		if len(bs) == 1 && bs[0].Prop == "" {
			switch syntax.Unwrap(bs[0].Value).Type() {
			case "object", "template_string", "binary_expression", "call_expression", "member_expression":
				if l := c.classify(bs[0].Value, call, depth+1); l != nil {
					l.expr = n
					return l
				}
			}
		}
		for _, b := range bs {
			if v := syntax.Unwrap(b.Value); c.stripe && v.Type() == "call_expression" && strings.HasPrefix(f.Callee(v), "stripe.") && b.Prop == "" && !strings.Contains(f.Callee(v), ".del") {
				return personal(n, "a Stripe object (customer name, email, address, payment details)", f.Text(n))
			}
			if v := syntax.Unwrap(b.Value); c.stripe && v.Type() == "call_expression" && strings.HasSuffix(f.Callee(v), "constructEvent") {
				return personal(n, "the whole Stripe event (customer name, email, address, payment details)", f.Text(n))
			}
		}
	}
	return nil
}

var requestishText = regexp.MustCompile(`req|request|headers|cookies|auth|session|getUser|currentUser|json\(|formData|body|token|ctx|event|locals|params|stripe|Stripe|messages|prompt`)

// touchesRequest reports whether a function's text mentions the request, the
// session or other sources the data flow would label.
func (c *checker) touchesRequest(fn *sitter.Node) bool {
	if fn == nil {
		return false
	}
	if v, ok := c.touches[fn]; ok {
		return v
	}
	v := requestishText.MatchString(c.f.Text(fn))
	c.touches[fn] = v
	return v
}

// byName classifies a value by the name it is known under.
func (c *checker) byName(name string, n *sitter.Node) *leak {
	shown := name
	if n != nil {
		shown = short(c.f.Display(n))
	}
	ws := words(name)
	if len(ws) == 0 {
		return nil
	}
	first, last := ws[0], ws[len(ws)-1]
	prev := ""
	if len(ws) > 1 {
		prev = ws[len(ws)-2]
	}
	switch first {
	case "has", "is", "should", "needs", "with", "no", "missing", "valid", "num", "max", "min", "total":
		return nil
	}
	for _, w := range ws {
		switch w {
		case "page", "cursor", "continuation", "sync", "cancel", "abort", "tokenizer", "count", "usage", "validation", "coupon", "promo", "discount":
			// pagination cursors (nextPageToken), cancellation tokens, token counts
			return nil
		}
	}
	switch {
	case c.authjs && name == "account":
		return credential(n, "the OAuth `account` (its access_token, refresh_token and id_token)", "account", "access_token")
	case credentialWords[last] || last == "key" && keyQualifiers[prev] || last == "header" && (prev == "auth" || prev == "authorization" || prev == "cookie") || name == "sid":
		return credential(n, fmt.Sprintf("`%s`", shown), name)
	case last == "email" || last == "emails" || last == "address" && prev == "email":
		l := personal(n, fmt.Sprintf("a full email address (`%s`)", shown), name, "email")
		l.sev = analyzers.Low // personal data, but not content: below bodies, payments and transcripts
		return l
	case last == "session" && len(ws) == 1 && c.stripe:
		return personal(n, "a Stripe Checkout Session (customer email, address, payment details)", name)
	case paymentWords[strings.ToLower(name)] && c.stripe:
		return personal(n, fmt.Sprintf("a Stripe object (`%s`: customer name, email, address, payment details)", shown), name)
	case (last == "prompt" || last == "prompts") && first != "system" && first != "base" && first != "default" && first != "template":
		return personal(n, fmt.Sprintf("the user's prompt (`%s`)", shown), name, "prompt")
	case last == "transcript" || last == "conversation" || last == "conversations" || name == "chatHistory" || name == "chat_history":
		return personal(n, fmt.Sprintf("a chat transcript (`%s`)", shown), name)
	case c.ai && (name == "messages" || name == "history" || name == "input" || name == "completion" || name == "question" || name == "userMessage" || name == "lastMessage" || name == "content" || name == "uiMessages"):
		return personal(n, fmt.Sprintf("chat content sent to or returned by the model (`%s`)", shown), name, "messages")
	}
	return nil
}

var couponish = regexp.MustCompile(`(?i)(coupon|promo|discount|voucher|giftcard)s?$`)

var dsnName = regexp.MustCompile(`(?i)(DATABASE|POSTGRES|DB|MONGO|REDIS|MYSQL)_?(URL|URI|DSN)|CONNECTION_STRING|_DSN$`)

var (
	credentialWords = map[string]bool{"token": true, "jwt": true, "password": true, "passwd": true, "secret": true,
		"authorization": true, "cookie": true, "cookies": true, "credential": true, "credentials": true, "bearer": true,
		"otp": true, "apikey": true, "passcode": true, "passphrase": true}
	keyQualifiers = map[string]bool{"api": true, "private": true, "secret": true, "access": true, "signing": true,
		"service": true, "encryption": true, "anon": false}
	paymentWords = map[string]bool{"paymentintent": true, "payment_intent": true, "charge": true, "paymentmethod": true,
		"payment_method": true, "invoice": true, "checkoutsession": true, "customer": true, "stripecustomer": true,
		"card": true, "subscription": true, "setupintent": true}
	safeNames = map[string]bool{"length": true, "size": true, "id": true, "ids": true, "type": true, "status": true,
		"statuscode": true, "code": true, "role": true, "model": true, "count": true, "name": true, "message": true,
		"expires": true, "expires_at": true, "expiresat": true, "created": true, "createdat": true, "updatedat": true,
		"plan": true, "object": true, "livemode": true, "currency": true, "amount": true, "provider": true, "aud": true,
		"method": true, "pathname": true, "ok": true, "usage": true, "finishreason": true, "finish_reason": true, "stack": true,
		"event": false, "keys": true, "tokenizer": true}
)

func safeName(name string) bool {
	l := strings.ToLower(name)
	return safeNames[l] || strings.HasSuffix(l, "id") && l != "sid" && l != "paid" && !strings.HasSuffix(l, "tokenid")
}

func sensitiveHeader(h string) bool {
	h = strings.ToLower(h)
	return h == "authorization" || h == "cookie" || h == "proxy-authorization" || h == "x-api-key" || h == "set-cookie" ||
		strings.Contains(h, "token") || strings.Contains(h, "secret") || strings.Contains(h, "signature") && false
}

func sensitiveCookie(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"token", "session", "auth", "sb-", "jwt", "sid", "next-auth", "__secure", "__host", "supabase"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// lastSegment is the name an expression is known under: the identifier, the
// property, or the string index.
func lastSegment(f *syntax.File, n *sitter.Node) string {
	switch n.Type() {
	case "member_expression":
		return f.Text(n.ChildByFieldName("property"))
	case "subscript_expression":
		if s, ok := f.StringValue(n.ChildByFieldName("index")); ok {
			return s
		}
		return ""
	}
	return f.Text(n)
}

// words splits camelCase, snake_case and kebab-case names into lower-case words.
func words(name string) []string {
	var out []string
	cur := []rune{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '$' || r == '.':
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

func (c *checker) report(call *sitter.Node, l *leak) {
	f := c.f
	what := l.what
	var msg, fix string
	expr := short(f.Display(l.expr))
	where := fmt.Sprintf(" (`%s`)", expr)
	if strings.Contains(what, "`"+expr+"`") {
		where = ""
	}
	if l.rule == ruleCredentials {
		msg = fmt.Sprintf("`%s` writes %s to the server logs%s: anyone who can read the logs (the hosting dashboard, a log drain, an error tracker, support staff) can use it to act as the user until it expires.",
			short(f.Display(call.ChildByFieldName("function"))), what, where)
		fix = "Log what you need to debug (the route, the method, `user.id`, whether a header is present) and never the value; for request logging configure pino's `redact: ['req.headers.authorization', 'req.headers.cookie']` (or remove the fields before logging)."
	} else {
		msg = fmt.Sprintf("`%s` writes %s to the server logs%s: log sinks keep it outside the database's access rules and retention, where users' deletion requests never reach it.",
			short(f.Display(call.ChildByFieldName("function"))), what, where)
		fix = "Log ids, counts and types instead of content: `{ chatId, messages: messages.length }`, `event.type` and `event.id`, the email's domain at most."
	}
	c.pass.Report(analyzers.Finding{
		Rule: l.rule, Severity: l.sev, Path: c.path, StartLine: syntax.Line(call), EndLine: syntax.EndLine(call),
		Message: msg, Fix: fix,
		Key: l.rule.ID + " " + f.FuncName(syntax.OuterFunc(call)) + " " + f.Compact(call.ChildByFieldName("function")) + " " + f.Compact(l.expr),
	})
}

func short(s string) string {
	if len(s) > 70 {
		return s[:67] + "…"
	}
	return s
}
