package webhook

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var pagesAPI = regexp.MustCompile(`(^|/)pages/api/`)

// stripeVerifyCalls lists calls to Stripe's signature checks.
func stripeVerifyCalls(ff *fileFacts) []*sitter.Node {
	var out []*sitter.Node
	for _, call := range ff.f.Find("call_expression") {
		c := ff.f.Callee(call)
		if stripe.verify[syntax.LastName(c)] && (strings.Contains(c, "webhooks") || strings.Contains(c, "signature") || strings.Contains(strings.ToLower(c), "stripe")) {
			out = append(out, call)
		}
	}
	return out
}

// checkParsedBody reports Stripe signature checks over a body that has been
// parsed: Stripe signs its exact bytes, so a re-serialized body never matches.
// (Svix senders post compact JSON that survives a parse and stringify, so
// Clerk's template, which does that, is not reported.)
func checkParsedBody(pass *analyzers.Pass, ff *fileFacts) {
	f := ff.f
	pagesParser := pagesAPI.MatchString(ff.path) && !bodyParserOff(ff)
	for _, call := range stripeVerifyCalls(ff) {
		as := syntax.Args(call)
		if len(as) == 0 {
			continue
		}
		fn := syntax.OuterFunc(call)
		why := parsedPayload(ff, as[0], fn, 0)
		if why == "" && pagesParser {
			why = "Next.js's Pages Router parses the body of API routes before the handler runs, so the raw stream is already consumed and `req.body` is an object"
		}
		isBody := strings.HasSuffix(f.Compact(syntax.Unwrap(as[0])), ".body")
		if why == "" && isBody {
			if mw := routeJSONParser(ff, call); mw != nil {
				why = fmt.Sprintf("the route runs `%s` (line %d) before the handler, so `req.body` is an already-parsed object", f.Display(mw), syntax.Line(mw))
			}
		}
		if why == "" && isBody {
			if use := globalJSONParser(ff, call); use != nil {
				why = fmt.Sprintf("`%s` (line %d) parses every JSON body before this route runs, so `express.raw()` on the route sees an already-parsed object", f.Display(use), syntax.Line(use))
			}
		}
		if why == "" {
			continue
		}
		fix := "Pass the raw body: `await req.text()` in an App Router route handler; in pages/api export `config = { api: { bodyParser: false } }` and read `await buffer(req)`; in Express register the webhook route with `express.raw({ type: 'application/json' })` before `app.use(express.json())`."
		pass.Report(analyzers.Finding{
			Rule: ruleParsedBody, Path: ff.path, StartLine: syntax.Line(as[0]), EndLine: syntax.EndLine(as[0]),
			Message: fmt.Sprintf("The Stripe signature is checked over a parsed body: %s. Stripe signs the exact bytes it sent, so genuine events fail verification, and the usual next step, skipping the check, lets anyone forge events.", why),
			Fix:     fix,
			Key:     "parsed-body " + f.FuncName(fn) + " " + f.Compact(as[0]),
		})
	}
}

// parsedPayload explains why a payload is a parsed body, or returns "".
func parsedPayload(ff *fileFacts, n, fn *sitter.Node, depth int) string {
	f := ff.f
	n = syntax.Unwrap(n)
	if n == nil || depth > 3 {
		return ""
	}
	switch n.Type() {
	case "call_expression":
		c := f.Callee(n)
		if c == "JSON.stringify" {
			return fmt.Sprintf("`%s` re-serializes an object", short(f.Display(n)))
		}
		if syntax.LastName(c) == "json" {
			return fmt.Sprintf("`%s` parsed the body", f.Display(n))
		}
	case "identifier":
		if fn == nil {
			return ""
		}
		for _, b := range f.BindingsIn(fn)[f.Text(n)] {
			if b.Prop != "" {
				continue
			}
			if why := parsedPayload(ff, b.Value, fn, depth+1); why != "" {
				return why
			}
		}
	}
	return ""
}

// bodyParserOff reports `export const config = { api: { bodyParser: false } }`.
func bodyParserOff(ff *fileFacts) bool {
	f := ff.f
	for _, d := range f.Find("variable_declarator") {
		if f.Text(d.ChildByFieldName("name")) != "config" {
			continue
		}
		api := f.ObjectProp(d.ChildByFieldName("value"), "api")
		if bp := f.ObjectProp(api, "bodyParser"); bp != nil && f.Text(bp) == "false" {
			return true
		}
	}
	return false
}

// routeJSONParser finds `express.json()` among the middleware of the route
// that holds call: the body is parsed before the handler runs.
func routeJSONParser(ff *fileFacts, call *sitter.Node) *sitter.Node {
	f := ff.f
	route := routeCall(ff, call)
	if route == nil {
		return nil
	}
	for _, a := range syntax.Args(route) {
		a = syntax.Unwrap(a)
		if syntax.Within(call, a) {
			break
		}
		if a.Type() == "call_expression" {
			if c := f.Callee(a); c == "express.json" || c == "bodyParser.json" || c == "json" {
				return a
			}
		}
	}
	return nil
}

// globalJSONParser finds `app.use(express.json())` (or bodyParser.json())
// registered before the Express route that holds call.
func globalJSONParser(ff *fileFacts, call *sitter.Node) *sitter.Node {
	f := ff.f
	route := routeCall(ff, call)
	if route == nil {
		return nil
	}
	for _, use := range f.Find("call_expression") {
		if use.StartByte() >= route.StartByte() || syntax.LastName(f.Callee(use)) != "use" || syntax.EnclosingFunc(use) != syntax.EnclosingFunc(route) {
			continue
		}
		for _, a := range syntax.Args(use) {
			a = syntax.Unwrap(a)
			if a.Type() != "call_expression" {
				continue
			}
			if c := f.Callee(a); c == "express.json" || c == "bodyParser.json" || c == "json" || c == "express.urlencoded" && false {
				if opts := syntax.Args(a); len(opts) > 0 && f.ObjectProp(opts[0], "verify") != nil {
					continue // keeps the raw bytes in req.rawBody
				}
				return use
			}
		}
	}
	return nil
}

// routeCall is the `app.post(path, …, handler)` call whose handler holds n.
func routeCall(ff *fileFacts, n *sitter.Node) *sitter.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == "call_expression" {
			switch syntax.LastName(ff.f.Callee(p)) {
			case "post", "all", "use", "put":
				return p
			}
		}
	}
	return nil
}
