package webhook

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	// Fields of a Stripe object the payer or the session creator controls.
	emailField    = regexp.MustCompile(`\.(customer_email|receipt_email)\b|\.(customer_details|billing_details)\.email\b`)
	metadataField = regexp.MustCompile(`\.metadata(\.|\[|$)`)
	// Calls whose arguments select the account a write or read applies to.
	lookupByFirstArg = map[string]bool{"getUserById": true, "getUserByEmail": true, "updateUserById": true,
		"updateUserMetadata": true, "getUser": true, "updateUser": true, "deleteUser": true, "findUserByEmail": true,
		"getUserByEmailAddress": true}
	accountFinder = regexp.MustCompile(`(?i)^(get|find|lookup|fetch|update|upsert|delete|link|attach)\w*(user|account|profile|member|customer|org|organization|team|workspace)\w*$`)
	whereMethods  = map[string]bool{"findUnique": true, "findUniqueOrThrow": true, "findFirst": true, "findFirstOrThrow": true,
		"update": true, "updateMany": true, "upsert": true, "delete": true, "deleteMany": true, "findMany": true}
)

type taint struct {
	kind string // "email" or "metadata"
	expr string
}

// checkAccount reports Stripe handlers that choose the account to act on by
// the event's email or metadata instead of the stored customer id.
func checkAccount(pass *analyzers.Pass, ff *fileFacts) {
	f := ff.f
	if !isStripeHandlerFile(ff) {
		return
	}
	done := map[*sitter.Node]bool{}
	for _, fn := range topFuncs(f) {
		if done[fn] {
			continue
		}
		done[fn] = true
		tainted := taintedNames(ff, fn)
		if crossChecksCustomer(ff, fn) {
			continue
		}
		for _, call := range syntax.NodesOfType(fn, "call_expression") {
			for _, key := range lookupKeys(ff, call) {
				t, ok := taintOf(ff, key, tainted)
				if !ok {
					continue
				}
				if t.kind == "metadata" && !accountKey(t.expr) && !accountTable(ff, call) {
					continue // e.g. metadata.orderId for an order the server created
				}
				sev := analyzers.Medium
				what := fmt.Sprintf("the event's metadata (`%s`)", short(t.expr))
				who := "whatever the code that created the Checkout Session or subscription put there; when that came from the browser (a userId in the request body), a payer can point their payment at another account"
				if t.kind == "email" {
					sev = analyzers.High
					what = fmt.Sprintf("an email address from the event (`%s`)", short(t.expr))
					who = "typed by the payer at checkout or changed in the billing portal, so anyone can pay with someone else's address and have the subscription, credits or plan change applied to that person's account (or take over which account a customer maps to)"
				}
				pass.Report(analyzers.Finding{
					Rule: ruleAccount, Severity: sev, Path: ff.path, StartLine: syntax.Line(key), EndLine: syntax.EndLine(key),
					Message: fmt.Sprintf("The account this webhook updates is looked up by %s, which is %s.", what, who),
					Fix:     "Store the Stripe customer id on the user when you create the customer (or the Checkout Session, from the signed-in user on the server) and look the account up by it: `.eq('stripe_customer_id', session.customer)` / `where: { stripeCustomerId: subscription.customer }`; use `client_reference_id` set on the server if you need the user id on the session.",
					Key:     "account " + f.FuncName(fn) + " " + f.Compact(key),
				})
			}
		}
	}
}

func isStripeHandlerFile(ff *fileFacts) bool {
	for _, h := range ff.handlers {
		if h.prov == stripe {
			return true
		}
	}
	return len(stripeVerifyCalls(ff)) > 0
}

// topFuncs lists the outermost functions of a module.
func topFuncs(f *syntax.File) []*sitter.Node {
	var out []*sitter.Node
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if syntax.IsFunc(n) {
			out = append(out, n)
			return false
		}
		return true
	})
	return out
}

// taintedNames finds names holding an event email or metadata value, through
// assignments and destructuring, in source order.
func taintedNames(ff *fileFacts, fn *sitter.Node) map[string]taint {
	f := ff.f
	out := map[string]taint{}
	bs := f.BindingsIn(fn)
	for range 3 {
		for name, list := range bs {
			if _, ok := out[name]; ok {
				continue
			}
			for _, b := range list {
				v := syntax.Unwrap(b.Value)
				switch v.Type() {
				case "member_expression", "subscript_expression", "identifier", "binary_expression", "template_string", "ternary_expression":
				case "call_expression":
					if strings.HasSuffix(f.Callee(v), "customers.retrieve") && b.Prop == "" {
						out[name+"#stripeCustomer"] = taint{kind: "email", expr: f.Compact(v)}
						continue
					}
					// Wrappers keep the value (String(x), x.toLowerCase()); the
					// results of other calls (a lookup by the value) do not carry it.
					if b.Prop != "" {
						continue
					}
					if t, ok := taintOf(ff, v, out); ok {
						out[name] = t
					}
					continue
				default:
					continue
				}
				expr := f.Compact(b.Value)
				if b.Prop != "" {
					expr += "." + b.Prop
				}
				if t, ok := taintText(expr, out); ok {
					out[name] = t
					break
				}
				if v := syntax.Unwrap(b.Value); v.Type() == "call_expression" && strings.HasSuffix(f.Callee(v), "customers.retrieve") && b.Prop == "" {
					out[name+"#stripeCustomer"] = taint{kind: "email", expr: expr}
				}
			}
		}
	}
	return out
}

var identRE = regexp.MustCompile(`[A-Za-z_$][\w$]*`)

func taintText(expr string, names map[string]taint) (taint, bool) {
	expr = strings.ReplaceAll(expr, "!", "") // TypeScript non-null assertions
	switch {
	case emailField.MatchString(expr):
		return taint{"email", expr}, true
	case metadataField.MatchString(expr):
		return taint{"metadata", expr}, true
	}
	root := identRE.FindString(expr)
	if t, ok := names[root]; ok && strings.HasPrefix(expr, root) {
		return taint{t.kind, expr}, true
	}
	if _, ok := names[root+"#stripeCustomer"]; ok && strings.HasPrefix(expr, root+".email") {
		return taint{"email", expr}, true
	}
	return taint{}, false
}

func taintOf(ff *fileFacts, n *sitter.Node, names map[string]taint) (taint, bool) {
	f := ff.f
	n = syntax.Unwrap(n)
	switch n.Type() {
	case "member_expression", "subscript_expression", "identifier":
		return taintText(f.Compact(n), names)
	case "template_string":
		for _, s := range syntax.NodesOfType(n, "template_substitution") {
			if s.NamedChildCount() > 0 {
				if t, ok := taintOf(ff, s.NamedChild(0), names); ok {
					return t, true
				}
			}
		}
	case "call_expression":
		// String(metadata.userId), metadata.userId.toLowerCase()
		c := f.Callee(n)
		if c == "String" || c == "Number" || c == "parseInt" {
			if as := syntax.Args(n); len(as) > 0 {
				return taintOf(ff, as[0], names)
			}
		}
		if fnode := n.ChildByFieldName("function"); fnode.Type() == "member_expression" {
			switch f.Text(fnode.ChildByFieldName("property")) {
			case "toLowerCase", "trim", "toString", "toUpperCase":
				return taintOf(ff, fnode.ChildByFieldName("object"), names)
			}
		}
	}
	return taint{}, false
}

// lookupKeys returns the argument nodes of call that select which rows or
// users it touches.
func lookupKeys(ff *fileFacts, call *sitter.Node) []*sitter.Node {
	f := ff.f
	c := f.Callee(call)
	last := syntax.LastName(c)
	as := syntax.Args(call)
	var out []*sitter.Node
	switch {
	case (last == "eq" || last == "neq" || last == "ilike" || last == "like") && len(as) >= 2:
		out = append(out, as[1]) // supabase .eq(col, v), drizzle eq(col, v)
	case last == "filter" && len(as) >= 3:
		out = append(out, as[2])
	case last == "match" && len(as) >= 1:
		out = append(out, objectValues(f, as[0])...)
	case lookupByFirstArg[last] && len(as) >= 1:
		out = append(out, as[0])
	case accountFinder.MatchString(last):
		// clerkClient.users.getUserList({ emailAddress: [email] }), findAccountByEmail(email)
		for _, a := range as {
			if u := syntax.Unwrap(a); u.Type() == "object" {
				out = append(out, objectValuesDeep(f, u)...)
				for _, v := range objectValuesDeep(f, u) {
					if w := syntax.Unwrap(v); w.Type() == "array" {
						for i := 0; i < int(w.NamedChildCount()); i++ {
							out = append(out, w.NamedChild(i))
						}
					}
				}
			} else {
				out = append(out, a)
			}
		}
	case whereMethods[last] && len(as) >= 1:
		if w := f.ObjectProp(as[0], "where"); w != nil {
			out = append(out, objectValuesDeep(f, w)...)
		}
	case last == "sql" || strings.HasSuffix(c, "query") || strings.HasSuffix(c, "$queryRaw") || strings.HasSuffix(c, "$executeRaw"):
		// tagged or plain SQL: substitutions after WHERE
		for _, a := range append(as, call.ChildByFieldName("arguments")) {
			if a != nil && a.Type() == "template_string" && strings.Contains(strings.ToLower(f.Text(a)), "where") {
				for _, s := range syntax.NodesOfType(a, "template_substitution") {
					if s.NamedChildCount() > 0 {
						out = append(out, s.NamedChild(0))
					}
				}
			}
		}
	}
	return out
}

func objectValues(f *syntax.File, obj *sitter.Node) []*sitter.Node {
	obj = syntax.Unwrap(obj)
	if obj == nil || obj.Type() != "object" {
		return nil
	}
	var out []*sitter.Node
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		c := obj.NamedChild(i)
		switch c.Type() {
		case "pair":
			out = append(out, c.ChildByFieldName("value"))
		case "shorthand_property_identifier":
			out = append(out, c)
		}
	}
	return out
}

func objectValuesDeep(f *syntax.File, obj *sitter.Node) []*sitter.Node {
	var out []*sitter.Node
	for _, v := range objectValues(f, obj) {
		if u := syntax.Unwrap(v); u.Type() == "object" {
			out = append(out, objectValuesDeep(f, u)...)
			continue
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		out = append(out, obj)
	}
	return out
}

// crossChecksCustomer reports a comparison against the event's Stripe
// customer id: the lookup by metadata is then confirmed.
func crossChecksCustomer(ff *fileFacts, fn *sitter.Node) bool {
	f := ff.f
	for _, b := range syntax.NodesOfType(fn, "binary_expression") {
		op := f.Text(b.ChildByFieldName("operator"))
		if op != "===" && op != "!==" && op != "==" && op != "!=" {
			continue
		}
		t := f.Compact(b)
		if strings.Contains(t, ".customer") && (strings.Contains(strings.ToLower(t), "stripe_customer") || strings.Contains(strings.ToLower(t), "stripecustomer") || strings.Contains(strings.ToLower(t), "customerid") || strings.Contains(strings.ToLower(t), "customer_id")) {
			return true
		}
	}
	return false
}

var (
	accountKeyRE   = regexp.MustCompile(`(?i)(user|account|org|organization|team|workspace|tenant|customer|profile|owner|member|company|uid|email)`)
	accountTableRE = regexp.MustCompile("(?i)\\.from\\(\\s*['\"`](users?|profiles?|accounts?|organizations?|orgs?|teams?|workspaces?|tenants?|customers?|members?|companies|subscriptions?)['\"`]|\\b(prisma|db|tx)\\.(user|profile|account|organization|org|team|workspace|tenant|customer|member|company|subscription)\\.|\\b(users|profiles|accounts|organizations|teams|workspaces|tenants|customers|subscriptions)\\b")
)

// accountKey reports whether a metadata value names an account: the key read
// (metadata.userId, a destructured workspaceId) is an owner-like name.
func accountKey(expr string) bool {
	last := expr
	if i := strings.LastIndexAny(expr, ".["); i >= 0 {
		last = expr[i+1:]
	}
	return accountKeyRE.MatchString(strings.Trim(last, "[]'\"`"))
}

// accountTable reports whether the lookup call's chain works on an account
// table (users, profiles, teams, subscriptions…).
func accountTable(ff *fileFacts, call *sitter.Node) bool {
	top := call
	for p := call.Parent(); p != nil; p = p.Parent() {
		if p.Type() == "call_expression" || p.Type() == "member_expression" || p.Type() == "await_expression" {
			top = p
			continue
		}
		break
	}
	return accountTableRE.MatchString(ff.f.Compact(top))
}
