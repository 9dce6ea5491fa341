package webhook

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var idempotencyWords = regexp.MustCompile(`(?i)processed|idempot|dedup|already|event_?id|webhook_?events|stripe_?events|onConflict|ON CONFLICT|setnx|\bNX\b`)

// checkIdempotency reports, at head, the handlers whose event-id check the
// base version of the same file had and the change removed.
func checkIdempotency(pass *analyzers.Pass, file *source.File, ff *fileFacts, read func(string) string) {
	base := pass.Base()
	if base == nil || !file.ExistsAt(source.Base) {
		return
	}
	had := baseEventIDChecks(base, file.PathAt(source.Base))
	for _, h := range ff.handlers {
		if h.eventVar == "" || !had[handlerKey(h)] || hasEventIDCheck(ff, h, read) {
			continue
		}
		at := h.site
		for _, s := range h.sources {
			if s.kind == srcVerified {
				at = s.At
				break
			}
		}
		pass.Report(analyzers.Finding{
			Rule: ruleIdempotency, Path: ff.path, StartLine: syntax.Line(at), EndLine: syntax.EndLine(at),
			Message: "This handler checked `" + h.eventVar + ".id` before acting at base, and the change removes that check: " + h.prov.name +
				" retries deliveries and a signed event can be replayed within the tolerance, so the same " + exampleEvent(h.prov) +
				" is processed twice (double credits, duplicate seats or emails).",
			Fix: "Keep the idempotency check: record `" + h.eventVar + ".id` in a processed-events table with a unique key before handling the event and return 200 without doing anything when it is already there.",
			Key: "idempotency " + handlerKey(h),
		})
	}
}

// baseEventIDChecks lists the handlers of a file, as it was at base, that
// checked their event's id.
func baseEventIDChecks(base *analyzers.Pass, p string) map[string]bool {
	f, err := base.Parse(p)
	if err != nil {
		return nil
	}
	ff := newFacts(f, p)
	read := moduleReader(base, p)
	checked := map[string]bool{}
	for _, h := range ff.handlers {
		if h.eventVar != "" && hasEventIDCheck(ff, h, read) {
			checked[handlerKey(h)] = true
		}
	}
	return checked
}

// handlerKey names a handler across base and head; the event variable is left
// out so renaming it (evt to event) keeps the match.
func handlerKey(h *handler) string { return h.prov.name + " " + h.name }

// hasEventIDCheck reports whether the handler reads the event's id (the only
// reason to read it is to deduplicate) or passes the event to a local helper
// that does.
func hasEventIDCheck(ff *fileFacts, h *handler, read func(string) string) bool {
	f := ff.f
	found := false
	syntax.Walk(h.fn, func(n *sitter.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "member_expression":
			obj := syntax.Unwrap(n.ChildByFieldName("object"))
			if obj.Type() == "identifier" && f.Text(obj) == h.eventVar && f.Text(n.ChildByFieldName("property")) == "id" {
				found = true
			}
		case "subscript_expression":
			obj := syntax.Unwrap(n.ChildByFieldName("object"))
			if s, ok := f.StringValue(n.ChildByFieldName("index")); ok && s == "id" && f.Text(obj) == h.eventVar {
				found = true
			}
		case "variable_declarator":
			if v := syntax.Unwrap(n.ChildByFieldName("value")); v != nil && v.Type() == "identifier" && f.Text(v) == h.eventVar {
				if name := n.ChildByFieldName("name"); name != nil && name.Type() == "object_pattern" {
					for _, k := range syntax.NodesOfType(name, "shorthand_property_identifier_pattern", "property_identifier") {
						if f.Text(k) == "id" {
							found = true
						}
					}
				}
			}
		case "call_expression":
			for _, a := range syntax.Args(n) {
				if u := syntax.Unwrap(a); u.Type() == "identifier" && f.Text(u) == h.eventVar {
					root, _, _ := strings.Cut(f.Callee(n), ".")
					if spec, ok := ff.imports[root]; ok {
						if t := read(spec); t != "" && strings.Contains(t, ".id") && idempotencyWords.MatchString(t) {
							found = true
						}
					}
				}
			}
		}
		return true
	})
	return found
}
