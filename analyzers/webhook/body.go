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
	for _, call := range nodesOfType(ff.f.Root, "call_expression") {
		c := callee(ff.f, call)
		if stripe.verify[lastName(c)] && (strings.Contains(c, "webhooks") || strings.Contains(c, "signature") || strings.Contains(strings.ToLower(c), "stripe")) {
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
		as := args(call)
		if len(as) == 0 {
			continue
		}
		fn := outerFunc(call)
		why := parsedPayload(ff, as[0], fn, 0)
		if why == "" && pagesParser {
			why = "Next.js's Pages Router parses the body of API routes before the handler runs, so the raw stream is already consumed and `req.body` is an object"
		}
		isBody := strings.HasSuffix(compact(f, unwrap(as[0])), ".body")
		if why == "" && isBody {
			if mw := routeJSONParser(ff, call); mw != nil {
				why = fmt.Sprintf("the route runs `%s` (line %d) before the handler, so `req.body` is an already-parsed object", display(f, mw), syntax.Line(mw))
			}
		}
		if why == "" && isBody {
			if use := globalJSONParser(ff, call); use != nil {
				why = fmt.Sprintf("`%s` (line %d) parses every JSON body before this route runs, so `express.raw()` on the route sees an already-parsed object", display(f, use), syntax.Line(use))
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
			Key:     "parsed-body " + funcName(f, fn) + " " + compact(f, as[0]),
		})
	}
}

// parsedPayload explains why a payload is a parsed body, or returns "".
func parsedPayload(ff *fileFacts, n, fn *sitter.Node, depth int) string {
	f := ff.f
	n = unwrap(n)
	if n == nil || depth > 3 {
		return ""
	}
	switch n.Type() {
	case "call_expression":
		c := callee(f, n)
		if c == "JSON.stringify" {
			return fmt.Sprintf("`%s` re-serializes an object", short(display(f, n)))
		}
		if lastName(c) == "json" {
			return fmt.Sprintf("`%s` parsed the body", display(f, n))
		}
	case "identifier":
		if fn == nil {
			return ""
		}
		for _, b := range bindingsIn(f, fn)[f.Text(n)] {
			if b.prop != "" {
				continue
			}
			if why := parsedPayload(ff, b.value, fn, depth+1); why != "" {
				return why
			}
		}
	}
	return ""
}

// bodyParserOff reports `export const config = { api: { bodyParser: false } }`.
func bodyParserOff(ff *fileFacts) bool {
	f := ff.f
	for _, d := range nodesOfType(f.Root, "variable_declarator") {
		if f.Text(d.ChildByFieldName("name")) != "config" {
			continue
		}
		api := objectProp(f, d.ChildByFieldName("value"), "api")
		if bp := objectProp(f, api, "bodyParser"); bp != nil && f.Text(bp) == "false" {
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
	for _, a := range args(route) {
		a = unwrap(a)
		if within(call, a) {
			break
		}
		if a.Type() == "call_expression" {
			if c := callee(f, a); c == "express.json" || c == "bodyParser.json" || c == "json" {
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
	for _, use := range nodesOfType(f.Root, "call_expression") {
		if use.StartByte() >= route.StartByte() || lastName(callee(f, use)) != "use" || enclosingFunc(use) != enclosingFunc(route) {
			continue
		}
		for _, a := range args(use) {
			a = unwrap(a)
			if a.Type() != "call_expression" {
				continue
			}
			if c := callee(f, a); c == "express.json" || c == "bodyParser.json" || c == "json" || c == "express.urlencoded" && false {
				if opts := args(a); len(opts) > 0 && objectProp(f, opts[0], "verify") != nil {
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
			switch lastName(callee(ff.f, p)) {
			case "post", "all", "use", "put":
				return p
			}
		}
	}
	return nil
}
