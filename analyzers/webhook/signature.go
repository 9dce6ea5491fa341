package webhook

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// checkSignature reports handlers whose event comes from the request body
// with no signature check, or with one that can be skipped.
func checkSignature(pass *analyzers.Pass, ff *fileFacts, read func(string) string) {
	reported := map[*sitter.Node]bool{}
	for _, h := range ff.handlers {
		verifies := ff.verifyCalls(h.fn, h.prov, read)
		for _, s := range h.sources {
			if s.kind != srcUnverified || reported[s.At] {
				continue
			}
			evName := h.eventVar
			if evName == "" {
				evName = "the event"
			} else {
				evName = "`" + evName + "`"
			}
			rep := s.At
			if s.report != nil {
				rep = s.report
			}
			line := syntax.Line(rep)
			var msg, how string
			switch {
			case len(verifies) == 0:
				how = "no signature check"
				msg = fmt.Sprintf("%s comes straight from the request body (`%s`, line %d) and the %s signature is never checked: anyone who finds this URL can post a forged %s event and %s.",
					evName, short(s.label), line, h.prov.name, exampleEvent(h.prov), impact(h.prov))
			case allExclusive(s.At, verifies):
				how = "fallback"
				msg = fmt.Sprintf("%s is taken from the request body (`%s`, line %d) on the path where the %s signature check does not run (it sits in the other branch of an if/else or try/catch): a forged %s event with a bad or missing signature is still processed, and whoever sends it can %s.",
					evName, short(s.label), line, h.prov.name, exampleEvent(h.prov), impact(h.prov))
			case allSwallowed(verifies, s.At):
				how = "swallowed"
				msg = fmt.Sprintf("%s is parsed from the request body (`%s`, line %d) after a signature check whose failure is caught and ignored (the `catch` at line %d neither returns nor throws): a forged %s event fails the check and is processed anyway, and whoever sends it can %s.",
					evName, short(s.label), line, syntax.Line(swallowingCatch(verifies[0])), exampleEvent(h.prov), impact(h.prov))
			case h.eventVar != "" && usedBefore(ff, h, s.At, verifies[0]) != nil:
				how = "used-before"
				use := usedBefore(ff, h, s.At, verifies[0])
				msg = fmt.Sprintf("%s is taken from the request body (`%s`, line %d) and used at line %d (`%s`) before the %s signature check at line %d runs: a forged %s event is acted on before it is verified, and whoever sends it can %s.",
					evName, short(s.label), line, syntax.Line(use), short(ff.f.Display(use)), h.prov.name, syntax.Line(verifies[0]), exampleEvent(h.prov), impact(h.prov))
			case allConditional(verifies, s.At, h.fn):
				how = "conditional"
				if s.At.StartByte() < verifies[0].StartByte() {
					msg = fmt.Sprintf("%s starts as the request body (`%s`, line %d) and is only replaced by a verified event inside an `if` (line %d): when that condition is false (no secret configured, no signature header sent) a forged %s event is processed, and whoever sends it can %s.",
						evName, short(s.label), line, syntax.Line(verifies[0]), exampleEvent(h.prov), impact(h.prov))
				} else {
					msg = fmt.Sprintf("%s is taken from the request body (`%s`, line %d), and the signature check before it only runs inside an `if` (line %d): a request that leaves that condition false (no signature header, no secret configured) skips the check, so a forged %s event is processed, and whoever sends it can %s.",
						evName, short(s.label), line, syntax.Line(verifies[0]), exampleEvent(h.prov), impact(h.prov))
				}
			default:
				continue
			}
			reported[s.At] = true
			fd := analyzers.Finding{
				Rule: ruleUnverified, Path: ff.path, StartLine: line, EndLine: line,
				Message: msg,
				Fix:     "Verify every delivery before using it: " + h.prov.fix + ".",
				Key:     "unverified " + h.prov.name + " " + h.name + " " + h.eventVar + " " + how,
			}
			if how != "no signature check" {
				fd.Severity = analyzers.High
			}
			if h.prov == stripe && how == "no signature check" {
				fd.Suggestion = stripeSuggestion(pass, ff, h, s)
			}
			pass.Report(fd)
		}
	}
}

func allExclusive(b *sitter.Node, vs []*sitter.Node) bool {
	for _, v := range vs {
		if !exclusive(b, v) {
			return false
		}
	}
	return true
}

// usedBefore returns the first use of the event (a property read or an
// argument) between its unverified binding b and the verification v, or nil.
func usedBefore(ff *fileFacts, h *handler, b, v *sitter.Node) *sitter.Node {
	f := ff.f
	if b.StartByte() >= v.StartByte() {
		return nil
	}
	var found *sitter.Node
	syntax.Walk(h.fn, func(n *sitter.Node) bool {
		if found != nil || n.EndByte() <= b.EndByte() || n.StartByte() >= v.StartByte() {
			return found == nil && n.StartByte() < v.StartByte()
		}
		if n.Type() != "identifier" || f.Text(n) != h.eventVar {
			return true
		}
		p := n.Parent()
		switch {
		case p == nil:
		case p.Type() == "member_expression" && p.ChildByFieldName("object") == n:
			found = p
		case p.Type() == "arguments":
			found = p.Parent()
		}
		return true
	})
	return found
}

// swallowingCatch returns the catch clause around a verification call that
// lets the request go on (no return, throw or response in it), or nil.
func swallowingCatch(v *sitter.Node) *sitter.Node {
	for p := v.Parent(); p != nil; p = p.Parent() {
		if syntax.IsFunc(p) {
			return nil
		}
		if p.Type() != "try_statement" {
			continue
		}
		body, handler := p.ChildByFieldName("body"), p.ChildByFieldName("handler")
		if body == nil || handler == nil || !syntax.Within(v, body) {
			continue
		}
		if len(syntax.NodesOfType(handler, "return_statement", "throw_statement")) > 0 {
			return nil
		}
		return handler
	}
	return nil
}

// allSwallowed reports whether every verification sits in a try whose catch
// swallows the failure, and the event is taken outside that try.
func allSwallowed(vs []*sitter.Node, b *sitter.Node) bool {
	for _, v := range vs {
		h := swallowingCatch(v)
		if h == nil || syntax.Within(b, h.Parent()) {
			return false
		}
	}
	return len(vs) > 0
}

func allConditional(vs []*sitter.Node, b, fn *sitter.Node) bool {
	for _, v := range vs {
		if !conditionalOver(v, b, fn) {
			return false
		}
	}
	return true
}

func exampleEvent(p *provider) string { return "`" + p.example + "`" }

func impact(p *provider) string {
	if p.payment {
		return "grant themselves (or any account) a paid plan or credits without paying"
	}
	return "create, change or delete any user's records"
}

func short(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// stripeSuggestion rewrites `const event = await req.json()` in an App Router
// handler into a verified construction, when the shapes are plain.
func stripeSuggestion(pass *analyzers.Pass, ff *fileFacts, h *handler, s eventSource) *string {
	f := ff.f
	if s.At.Type() != "variable_declarator" || syntax.Line(s.At) != syntax.EndLine(s.At) {
		return nil
	}
	v := s.node
	if v.Type() != "call_expression" || syntax.LastName(f.Callee(v)) != "json" {
		return nil
	}
	fnNode := v.ChildByFieldName("function")
	if fnNode.Type() == "await_expression" && fnNode.NamedChildCount() > 0 {
		fnNode = fnNode.NamedChild(0)
	}
	if fnNode.Type() != "member_expression" {
		return nil
	}
	req := f.Compact(fnNode.ChildByFieldName("object"))
	if !regexp.MustCompile(`^[A-Za-z_$][\w$]*$`).MatchString(req) {
		return nil
	}
	// Only when a client named `stripe` is in scope (imported or declared).
	client := "stripe"
	if _, ok := ff.imports[client]; !ok && len(f.BindingsIn(f.Root)[client]) == 0 {
		return nil
	}
	lines := strings.Split(ff.text, "\n")
	ln := syntax.Line(s.At)
	orig := lines[ln-1]
	decl := f.Text(s.At)
	repl := fmt.Sprintf("%s = %s.webhooks.constructEvent(await %s.text(), %s.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!)",
		f.Text(s.At.ChildByFieldName("name")), client, req, req)
	if !strings.Contains(orig, decl) || !strings.HasSuffix(ff.path, ".ts") && !strings.HasSuffix(ff.path, ".tsx") {
		return nil
	}
	out := strings.Replace(orig, decl, repl, 1)
	return &out
}

// checkGitHub reports GitHub webhook receivers (they read X-GitHub-Event)
// that never check X-Hub-Signature-256.
func checkGitHub(pass *analyzers.Pass, ff *fileFacts, read func(string) string) {
	f := ff.f
	lower := strings.ToLower(ff.text)
	if !strings.Contains(lower, "x-github-event") {
		return
	}
	verified := regexp.MustCompile(`x-hub-signature-256|verifyandreceive|createnodemiddleware|webhooks\.verify|timingsafeequal|\bverify\(`)
	if verified.MatchString(lower) {
		return
	}
	for _, spec := range ff.imports {
		if t := read(spec); t != "" && verified.MatchString(strings.ToLower(t)) {
			return
		}
	}
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		if n.Type() != "string" {
			return true
		}
		if s, ok := f.StringValue(n); ok && strings.EqualFold(s, "x-github-event") {
			fn := syntax.OuterFunc(n)
			pass.Report(analyzers.Finding{
				Rule: ruleUnverified, Path: ff.path, StartLine: syntax.Line(n),
				Message: fmt.Sprintf("This GitHub webhook receiver (%s) trusts the `X-GitHub-Event` header and the body without checking `X-Hub-Signature-256`: anyone can post forged `push`, `installation` or `pull_request` events to it.", f.FuncName(fn)),
				Fix:     "Compute `sha256=` + HMAC-SHA256 of the raw body with the webhook secret and compare it to `X-Hub-Signature-256` with `crypto.timingSafeEqual` before parsing (or use `@octokit/webhooks`' `verifyAndReceive`).",
				Key:     "unverified GitHub " + f.FuncName(fn),
			})
			return false
		}
		return true
	})
}
