package webhook

import (
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// maxTolerance is the longest replay window accepted without comment: three
// times Stripe's default of 300 seconds.
const maxTolerance = 900

// checkReplay reports Stripe signature checks whose timestamp tolerance
// disables or stretches replay protection. In stripe-node, constructEvent
// treats a falsy tolerance as the 300 s default, and checks the timestamp
// only when the tolerance is positive; verifyHeader uses its argument as
// given, and skips the check when it is missing or 0.
func checkReplay(pass *analyzers.Pass, ff *fileFacts) {
	f := ff.f
	for _, call := range stripeVerifyCalls(ff) {
		last := syntax.LastName(f.Callee(call))
		direct := last == "verifyHeader" || last == "verifyHeaderAsync"
		as := syntax.Args(call)
		var msg string
		switch {
		case len(as) < 3:
			continue
		case len(as) == 3 && direct:
			msg = fmt.Sprintf("`%s` is called without a tolerance, so it checks the signature but not the signed timestamp: a delivery captured once (from a log, a proxy, a browser extension on the dashboard) can be replayed forever.", last)
		case len(as) >= 4:
			v, ok := toleranceValue(ff, as[3])
			switch {
			case !ok:
				if t := f.Text(syntax.Unwrap(as[3])); t == "undefined" || t == "null" {
					if direct {
						msg = fmt.Sprintf("`%s` gets no tolerance (`%s`), so the signed timestamp is never checked and a captured delivery can be replayed forever.", last, t)
					}
				}
			case v < 0:
				msg = fmt.Sprintf("The tolerance is negative (%s): stripe-node then skips the timestamp check, so a captured delivery can be replayed forever.", f.Text(as[3]))
			case v == 0 && direct:
				msg = fmt.Sprintf("`%s` with a tolerance of 0 skips the timestamp check, so a captured delivery can be replayed forever.", last)
			case v > maxTolerance:
				msg = fmt.Sprintf("The tolerance is %s (%s), far above Stripe's 5-minute default: a captured delivery can be replayed for that long.", f.Text(as[3]), humanSeconds(v))
			}
		}
		if msg == "" {
			continue
		}
		at := call
		if len(as) >= 4 {
			at = as[3]
		}
		fd := analyzers.Finding{
			Rule: ruleReplay, Path: ff.path, StartLine: syntax.Line(at), EndLine: syntax.EndLine(at),
			Message: msg,
			Fix:     "Use `stripe.webhooks.constructEvent(body, signature, secret)` (or `constructEventAsync`) without a tolerance argument, which enforces the 300-second default; if you must pass one, keep it at or below 300.",
			Key:     "replay " + f.Compact(call.ChildByFieldName("function")) + " " + f.FuncName(syntax.OuterFunc(call)),
		}
		fd.Suggestion = dropTolerance(ff, call, direct)
		pass.Report(fd)
	}
}

func toleranceValue(ff *fileFacts, n *sitter.Node) (float64, bool) {
	f := ff.f
	if v, ok := f.NumberValue(n); ok {
		return v, true
	}
	n = syntax.Unwrap(n)
	if n.Type() != "identifier" {
		return 0, false
	}
	for _, b := range f.BindingsIn(f.Root)[f.Text(n)] {
		if b.Prop == "" {
			if v, ok := f.NumberValue(b.Value); ok {
				return v, true
			}
		}
	}
	return 0, false
}

func humanSeconds(v float64) string {
	switch {
	case v >= 86400:
		return plural(v/86400, "day")
	case v >= 3600:
		return plural(v/3600, "hour")
	default:
		return plural(v/60, "minute")
	}
}

// dropTolerance suggests the three-argument constructEvent when the call
// fits on one line.
func dropTolerance(ff *fileFacts, call *sitter.Node, direct bool) *string {
	f := ff.f
	if syntax.Line(call) != syntax.EndLine(call) {
		return nil
	}
	as := syntax.Args(call)
	if direct {
		return nil
	}
	repl := fmt.Sprintf("%s(%s, %s, %s)", f.Text(call.ChildByFieldName("function")), f.Text(as[0]), f.Text(as[1]), f.Text(as[2]))
	line := lineText(ff, syntax.Line(call))
	orig := f.Text(call)
	if !containsOnce(line, orig) {
		return nil
	}
	out := replaceOnce(line, orig, repl)
	return &out
}

func plural(n float64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%.0f %ss", n, unit)
}
