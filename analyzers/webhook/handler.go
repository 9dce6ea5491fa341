package webhook

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// provider describes one webhook sender: how its events are recognised and
// which calls check their signature.
type provider struct {
	name  string
	types *regexp.Regexp // event type strings ("checkout.session.completed")
	// context, when set, must match the file's text before the type strings
	// alone identify the provider (svix event names are generic).
	context *regexp.Regexp
	verify  map[string]bool // last names of calls that verify a delivery
	header  string          // the signature header
	fix     string
	example string // an event type worth forging
	payment bool   // events unlock paid features
}

var (
	stripe = &provider{
		name:    "Stripe",
		types:   regexp.MustCompile(`^(checkout\.session|customer\.subscription|customer|invoice|invoiceitem|payment_intent|payment_method|payment_link|charge|price|product|plan|setup_intent|subscription_schedule|billing_portal\.session|billing_portal\.configuration|customer\.source|customer\.discount|checkout|radar\.early_fraud_warning|refund|mandate|promotion_code|coupon|quote|credit_note|entitlements\.active_entitlement_summary)\.[a-z_.]+$`),
		verify:  map[string]bool{"constructEvent": true, "constructEventAsync": true, "verifyHeader": true, "verifyHeaderAsync": true},
		header:  "stripe-signature",
		example: "checkout.session.completed",
		payment: true,
		fix:     "read the raw body (`await req.text()` in a route handler) and build the event with `stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!)`, answering 400 when it throws",
	}
	svix = &provider{
		name:    "Svix (Clerk, Resend)",
		types:   regexp.MustCompile(`^(user|session|organization|organizationMembership|organizationInvitation|organizationDomain|email|sms|role|permission|waitlistEntry|contact|domain)\.[a-zA-Z_.]+$`),
		context: regexp.MustCompile(`svix|@clerk/|clerk|resend|standardwebhooks|webhook-signature`),
		verify:  map[string]bool{"verify": true, "verifyWebhook": true},
		header:  "svix-signature",
		example: "user.created`/`user.deleted",
		fix:     "verify the delivery with `new Webhook(process.env.WEBHOOK_SECRET!).verify(body, { 'svix-id': …, 'svix-timestamp': …, 'svix-signature': … })` (or Clerk's `verifyWebhook(req)`) and use what it returns as the event",
	}
	lemonSqueezy = &provider{
		name:    "Lemon Squeezy",
		types:   regexp.MustCompile(`^(order|subscription|subscription_payment|license_key|affiliate)_[a-z_]+$`),
		context: regexp.MustCompile(`lemon|x-signature`),
		verify:  map[string]bool{},
		header:  "x-signature",
		example: "order_created",
		payment: true,
		fix:     "compute the HMAC-SHA256 of the raw body (`await req.text()`) with the signing secret and compare it to the `X-Signature` header with `crypto.timingSafeEqual` before parsing",
	}
	paddle = &provider{
		name:    "Paddle",
		types:   regexp.MustCompile(`^(transaction|subscription|customer|address|business|adjustment|payout|price|product|discount|report)\.[a-z_.]+$`),
		context: regexp.MustCompile(`paddle`),
		verify:  map[string]bool{"unmarshal": true, "unmarshalEvent": true, "isSignatureValid": true},
		header:  "paddle-signature",
		example: "transaction.completed",
		payment: true,
		fix:     "build the event with `await paddle.webhooks.unmarshal(rawBody, process.env.PADDLE_WEBHOOK_SECRET!, signature)` on the raw body and reject the request when it fails",
	}
	polar = &provider{
		name:    "Polar",
		types:   regexp.MustCompile(`^(checkout|order|subscription|customer|benefit|benefit_grant|product|refund)\.[a-z_.]+$`),
		context: regexp.MustCompile(`@polar-sh|polar`),
		verify:  map[string]bool{"validateEvent": true},
		header:  "webhook-signature",
		example: "order.paid",
		payment: true,
		fix:     "build the event with `validateEvent(rawBody, headers, process.env.POLAR_WEBHOOK_SECRET!)` from `@polar-sh/sdk/webhooks` and reject the request when it throws",
	}
	// Providers with a context come first: their event names overlap Stripe's.
	providers = []*provider{svix, lemonSqueezy, paddle, polar, stripe}
)

// anyVerify reports a call name that verifies a delivery for some provider.
func anyVerify(last string) bool {
	for _, p := range providers {
		if p.verify[last] {
			return true
		}
	}
	return false
}

// typeProps are the properties an event's kind is read from.
var typeProps = map[string]bool{"type": true, "event_type": true, "eventType": true, "event_name": true, "eventName": true}

// customVerify marks hand-written HMAC verification.
var customVerify = regexp.MustCompile(`timingSafeEqual|crypto\.subtle\.verify|\bverifySignature\b|\bverifyWebhookSignature\b|\bvalidateSignature\b`)

// handler is one function that receives a provider's events.
type handler struct {
	prov     *provider
	fn       *sitter.Node // outermost function holding the event dispatch
	name     string       // funcName(fn)
	eventVar string       // name whose .type is dispatched on ("" when the event is an expression)
	site     *sitter.Node // the dispatch (switch value or comparison)
	// sources are the expressions the event comes from (bindings of eventVar,
	// or the dispatched expression itself).
	sources []eventSource
}

type eventSource struct {
	node   *sitter.Node // the value
	At     *sitter.Node // the declaration or assignment holding it (report here)
	report *sitter.Node // overrides at as the reported node, when set
	kind   sourceKind
	label  string // short description for messages
}

type sourceKind int

const (
	srcUnknown    sourceKind = iota
	srcVerified              // returned by a signature check or re-fetched from the provider
	srcUnverified            // the request body, parsed or raw
)

// fileFacts is what the rules need to know about one module.
type fileFacts struct {
	f        *syntax.File
	path     string
	text     string
	handlers []*handler
	imports  map[string]string // local name → module specifier
}

func newFacts(f *syntax.File, path string) *fileFacts {
	ff := &fileFacts{f: f, path: path, text: string(f.Src), imports: map[string]string{}}
	for _, imp := range f.Imports() {
		for _, n := range imp.Names {
			ff.imports[n] = imp.Spec
		}
	}
	ff.findHandlers()
	return ff
}

// providerOf returns the provider whose event type the string names.
func (ff *fileFacts) providerOf(s string) *provider {
	for _, p := range providers {
		if p.types.MatchString(s) && (p.context == nil || p.context.MatchString(strings.ToLower(ff.text+" "+ff.path))) {
			return p
		}
	}
	return nil
}

// findHandlers locates event dispatches: `switch (event.type)` with provider
// event names among its cases, or `event.type === 'checkout.session.completed'`.
func (ff *fileFacts) findHandlers() {
	f := ff.f
	seen := map[string]*handler{}
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if n.Type() != "string" {
			return true
		}
		s, ok := f.StringValue(n)
		if !ok {
			return false
		}
		prov := ff.providerOf(s)
		if prov == nil {
			return false
		}
		var disc, site *sitter.Node
		p := n.Parent()
		switch {
		case p != nil && p.Type() == "switch_case":
			if sw := p.Parent(); sw != nil && sw.Parent() != nil && sw.Parent().Type() == "switch_statement" {
				site = sw.Parent()
				disc = syntax.Unwrap(site.ChildByFieldName("value"))
			}
		case p != nil && p.Type() == "binary_expression":
			op := f.Text(p.ChildByFieldName("operator"))
			if op == "===" || op == "==" || op == "!==" || op == "!=" {
				site = p
				disc = p.ChildByFieldName("left")
				if syntax.Within(n, disc) {
					disc = p.ChildByFieldName("right")
				}
				disc = syntax.Unwrap(disc)
			}
		}
		if disc == nil {
			return false
		}
		fn := syntax.OuterFunc(site)
		if fn == nil {
			return false
		}
		ev, evVar := ff.eventExpr(disc, fn)
		if ev == nil {
			return false
		}
		key := prov.name + "\x00" + f.FuncName(fn) + "\x00" + evVar + "\x00" + f.Compact(ev)
		if seen[key] != nil {
			return false
		}
		h := &handler{prov: prov, fn: fn, name: f.FuncName(fn), eventVar: evVar, site: site}
		h.sources = ff.sources(ev, evVar, fn, 0)
		seen[key] = h
		ff.handlers = append(ff.handlers, h)
		return false
	})
	if len(ff.handlers) == 0 {
		ff.findTableDispatch()
	}
}

// findTableDispatch handles dispatch without comparisons: a map of handlers
// keyed by event type (`handlers[event.type]?.(event)`) or a Set of relevant
// types (`relevant.has(event.type)`). The provider is the one whose event
// names the module lists; the event is whatever `.type` is read from.
func (ff *fileFacts) findTableDispatch() {
	f := ff.f
	var prov *provider
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if prov != nil {
			return false
		}
		if n.Type() == "string" {
			if s, ok := f.StringValue(n); ok {
				prov = ff.providerOf(s)
			}
			return false
		}
		return true
	})
	if prov == nil {
		return
	}
	seen := map[string]bool{}
	for _, m := range f.Find("member_expression") {
		if !typeProps[f.Text(m.ChildByFieldName("property"))] {
			continue
		}
		p := m.Parent()
		if p == nil || (p.Type() != "subscript_expression" && p.Type() != "arguments") {
			continue // only reads used to pick a handler: handlers[x.type], set.has(x.type)
		}
		fn := syntax.OuterFunc(m)
		if fn == nil {
			continue
		}
		ev, evVar := ff.eventExpr(m, fn)
		if ev == nil {
			continue
		}
		key := f.FuncName(fn) + "\x00" + evVar + "\x00" + f.Compact(ev)
		if seen[key] {
			continue
		}
		seen[key] = true
		h := &handler{prov: prov, fn: fn, name: f.FuncName(fn), eventVar: evVar, site: m}
		h.sources = ff.sources(ev, evVar, fn, 0)
		ff.handlers = append(ff.handlers, h)
	}
}

// eventExpr maps the dispatched expression to the event: `event.type` →
// event; `type` destructured from `await req.json()` → that call; an
// `eventType` variable holding `evt.type` → evt.
func (ff *fileFacts) eventExpr(disc *sitter.Node, fn *sitter.Node) (*sitter.Node, string) {
	f := ff.f
	for range 3 {
		switch disc.Type() {
		case "member_expression":
			if !typeProps[f.Text(disc.ChildByFieldName("property"))] {
				return nil, ""
			}
			obj := syntax.Unwrap(disc.ChildByFieldName("object"))
			if obj.Type() == "member_expression" && f.Text(obj.ChildByFieldName("property")) == "meta" {
				obj = syntax.Unwrap(obj.ChildByFieldName("object")) // Lemon Squeezy: body.meta.event_name
			}
			if obj.Type() == "identifier" {
				return obj, f.Text(obj)
			}
			return obj, ""
		case "identifier":
			bs := f.BindingsIn(fn)[f.Text(disc)]
			if len(bs) == 0 {
				return nil, ""
			}
			b := bs[0]
			if typeProps[b.Prop] {
				v := syntax.Unwrap(b.Value)
				if v.Type() == "identifier" {
					return v, f.Text(v)
				}
				return v, ""
			}
			disc = syntax.Unwrap(b.Value)
		default:
			return nil, ""
		}
	}
	return nil, ""
}

// sources classifies where the event comes from.
func (ff *fileFacts) sources(ev *sitter.Node, evVar string, fn *sitter.Node, depth int) []eventSource {
	f := ff.f
	if evVar == "" {
		return []eventSource{ff.classify(ev, ev, fn, depth)}
	}
	for _, p := range f.ParamNames(fn) {
		if p == evVar {
			return ff.paramSources(evVar, fn, depth)
		}
	}
	var out []eventSource
	for _, b := range f.BindingsIn(fn)[evVar] {
		out = append(out, ff.classify(b.Value, b.At, fn, depth))
	}
	return out
}

// paramSources handles an event handed in as a parameter: the caller is
// responsible for it, unless the function itself verifies it only under a
// condition (`if (signature && secret) { data = constructEvent(…) }`), and
// otherwise goes on with the unverified payload.
func (ff *fileFacts) paramSources(evVar string, fn *sitter.Node, depth int) []eventSource {
	f := ff.f
	var verified []*sitter.Node
	for _, b := range f.BindingsIn(fn)[evVar] {
		if ff.classify(b.Value, b.At, fn, depth).kind == srcVerified {
			verified = append(verified, b.At)
		}
	}
	if len(verified) == 0 {
		return nil // handed in by a caller: checked (or not) there
	}
	var param *sitter.Node
	if ps := fn.ChildByFieldName("parameters"); ps != nil {
		for _, n := range syntax.NodesOfType(ps, "identifier") {
			if f.Text(n) == evVar {
				param = n
				break
			}
		}
	}
	if param == nil {
		return nil
	}
	for _, v := range verified {
		if !conditionalOver(v, param, fn) {
			return nil
		}
	}
	var cond *sitter.Node
	for p := verified[0].Parent(); p != nil && p != fn; p = p.Parent() {
		if p.Type() == "if_statement" {
			cond = p
		}
	}
	return []eventSource{{node: param, At: param, report: cond, kind: srcUnverified, label: evVar + " (the caller's payload)"}}
}

// classify says whether a value is a verified event, the raw request, or unknown.
func (ff *fileFacts) classify(v, at *sitter.Node, fn *sitter.Node, depth int) eventSource {
	f := ff.f
	v = syntax.Unwrap(v)
	s := eventSource{node: v, At: at, kind: srcUnknown, label: f.Display(v)}
	if v == nil || depth > 3 {
		return s
	}
	switch v.Type() {
	case "call_expression":
		c := f.Callee(v)
		last := syntax.LastName(c)
		switch {
		case anyVerify(last) || strings.HasSuffix(c, "events.retrieve"):
			s.kind = srcVerified
		case c == "JSON.parse" || c == "readBody" || c == "readRawBody" || c == "useBody" || c == "getRawBody" || c == "buffer":
			s.kind = srcUnverified
		case last == "json" || last == "text" || last == "formData":
			s.kind = srcUnverified
		}
	case "member_expression":
		prop := f.Text(v.ChildByFieldName("property"))
		if prop == "body" || prop == "rawBody" {
			s.kind = srcUnverified
		}
	case "identifier":
		name := f.Text(v)
		for _, p := range f.ParamNames(fn) {
			if p == name {
				return s
			}
		}
		for _, b := range f.BindingsIn(fn)[name] {
			inner := ff.classify(b.Value, at, fn, depth+1)
			if inner.kind != srcUnknown {
				s.kind = inner.kind
				return s
			}
		}
	}
	return s
}

// verifyCalls lists the calls in fn that check a delivery's signature,
// including calls to local helpers that do (one step across files).
func (ff *fileFacts) verifyCalls(fn *sitter.Node, prov *provider, read func(string) string) []*sitter.Node {
	f := ff.f
	var out []*sitter.Node
	for _, call := range syntax.NodesOfType(fn, "call_expression") {
		c := f.Callee(call)
		last := syntax.LastName(c)
		switch {
		case prov.verify[last] || strings.HasSuffix(c, "events.retrieve"):
			out = append(out, call)
		case customVerify.MatchString(c):
			out = append(out, call)
		default:
			if helperVerifies(ff, c, read) {
				out = append(out, call)
			}
		}
	}
	return out
}

// helperVerifies reports whether a called helper (declared in this file or
// imported from a local module) verifies a signature.
func helperVerifies(ff *fileFacts, c string, read func(string) string) bool {
	root, _, _ := strings.Cut(c, ".")
	if root == "" {
		return false
	}
	verifyText := regexp.MustCompile(`constructEvent|verifyHeader|\.verify\(|verifyWebhook|timingSafeEqual|crypto\.subtle\.verify`)
	if spec, ok := ff.imports[root]; ok {
		if t := read(spec); t != "" {
			return verifyText.MatchString(t)
		}
		return false
	}
	// A function declared in this file.
	for _, d := range ff.f.Find("function_declaration") {
		if n := d.ChildByFieldName("name"); n != nil && ff.f.Text(n) == root {
			return verifyText.MatchString(ff.f.Text(d))
		}
	}
	for _, d := range ff.f.Find("variable_declarator") {
		if n := d.ChildByFieldName("name"); n != nil && ff.f.Text(n) == root {
			if v := d.ChildByFieldName("value"); v != nil && syntax.IsFunc(v) {
				return verifyText.MatchString(ff.f.Text(v))
			}
		}
	}
	return false
}

// exclusive reports whether a and b sit in different arms of the same if/else
// or try/catch, so at most one of them runs.
func exclusive(a, b *sitter.Node) bool {
	for p := a.Parent(); p != nil; p = p.Parent() {
		if !syntax.Within(b, p) {
			continue
		}
		switch p.Type() {
		case "if_statement":
			return arm(p, a) != arm(p, b) && arm(p, a) != "" && arm(p, b) != ""
		case "try_statement":
			return arm(p, a) != arm(p, b) && arm(p, a) != "" && arm(p, b) != ""
		case "ternary_expression":
			return arm(p, a) != arm(p, b) && arm(p, a) != "" && arm(p, b) != ""
		}
	}
	return false
}

func arm(stmt, n *sitter.Node) string {
	for _, field := range []string{"consequence", "alternative", "body", "handler", "finalizer"} {
		if c := stmt.ChildByFieldName(field); c != nil && syntax.Within(n, c) {
			return field
		}
	}
	return ""
}

// conditionalOver reports whether v runs only under an if that does not also
// hold b and has no else branch that stops the request: the check can be
// skipped while b's value is still used.
func conditionalOver(v, b, fn *sitter.Node) bool {
	for p := v.Parent(); p != nil && p != fn; p = p.Parent() {
		if p.Type() != "if_statement" || syntax.Within(b, p) {
			continue
		}
		if cond := p.ChildByFieldName("condition"); cond != nil && syntax.Within(v, cond) {
			continue // the check is the condition itself: it always runs
		}
		if alt := p.ChildByFieldName("alternative"); alt != nil && len(syntax.NodesOfType(alt, "return_statement", "throw_statement")) > 0 {
			continue
		}
		return true
	}
	return false
}
