package suite_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/suite"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the rules")

var ruleID = regexp.MustCompile(`^([a-z-]+)/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRulesAreWellFormed holds every rule to the contract: a stable id
// "<category>/<name>" whose category is one of DESIGN.md's, a severity, a
// summary and a doc; ids unique across the suite.
func TestRulesAreWellFormed(t *testing.T) {
	seen := map[string]string{}
	known := map[analyzers.Category]bool{}
	for _, c := range analyzers.Categories {
		known[c] = true
	}
	for _, a := range suite.Default() {
		if a.Name == "" || a.Doc == "" || a.Run == nil || len(a.Rules) == 0 {
			t.Errorf("analyzer %q lacks a name, doc, rules or Run", a.Name)
		}
		for _, r := range a.Rules {
			m := ruleID.FindStringSubmatch(r.ID)
			switch {
			case m == nil:
				t.Errorf("%s: id is not <category>/<kebab-name>", r.ID)
			case analyzers.Category(m[1]) != r.Category:
				t.Errorf("%s: id prefix %q differs from its category %q", r.ID, m[1], r.Category)
			case !known[r.Category]:
				t.Errorf("%s: unknown category %q", r.ID, r.Category)
			}
			if r.Severity < analyzers.Low || r.Severity > analyzers.Critical || r.Summary == "" || r.Doc == "" {
				t.Errorf("%s: missing severity, summary or doc", r.ID)
			}
			if prev, dup := seen[r.ID]; dup {
				t.Errorf("%s declared by both %s and %s", r.ID, prev, a.Name)
			}
			seen[r.ID] = a.Name
		}
	}
}

// TestRulesDocIsCurrent keeps docs/rules.md, the page findings link to, in
// step with the rules: every rule has its section. Regenerate with: go test ./analyzers/suite -run RulesDoc -update
func TestRulesDocIsCurrent(t *testing.T) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# leakguard rules\n\nGenerated from the analyzers (`go test ./analyzers/suite -run RulesDoc -update`). Ruleset %s.\n", suite.RulesetVersion)
	fmt.Fprintf(&b, "Every rule can be set to `off` or another severity in `.github/leakguard.yml`, and silenced on one line with\n`leakguard-ignore <rule>: <reason>`.\n\n")
	fmt.Fprintf(&b, "| rule | category | default severity | what it reports |\n|---|---|---|---|\n")
	for _, r := range suite.Rules() {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Category, r.Severity, strings.ReplaceAll(r.Summary, "|", "\\|"))
	}
	for _, a := range suite.Default() {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", a.Name, a.Doc)
		for _, r := range a.Rules {
			fmt.Fprintf(&b, "\n### %s\n\n*%s · default severity %s*\n\n%s\n", r.ID, r.Category, r.Severity, r.Doc)
		}
	}
	const path = "../../docs/rules.md"
	if *update {
		os.MkdirAll("../../docs", 0o755)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Every rule needs its section (findings link to it); wording may trail
	// behind until the next -update.
	for _, r := range suite.Rules() {
		if !bytes.Contains(got, []byte("\n### "+r.ID+"\n")) {
			t.Errorf("docs/rules.md has no section for %s; run: go test ./analyzers/suite -run RulesDoc -update", r.ID)
		}
	}
}

func anchor(id string) string { return strings.NewReplacer("/", "", " ", "-").Replace(id) }
