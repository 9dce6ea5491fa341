package checks_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/checks"
	"github.com/leakguard/leakguard/internal/npmdeps"
)

var (
	ruleA = &analyzers.Rule{ID: "secrets/stripe-key", Category: analyzers.CategorySecrets, Severity: analyzers.Critical, Summary: "s", Doc: "d"}
	ruleB = &analyzers.Rule{ID: "cache/public-session", Category: analyzers.CategoryCache, Severity: analyzers.Medium, Summary: "s", Doc: "d"}
)

func sampleResult() *analyzers.Result {
	return &analyzers.Result{
		Base: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Head: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", BlockOn: analyzers.High,
		Notices: []string{".github/leakguard.yml on the base branch is invalid, defaults apply: line 2: block_on: unknown severity"},
		Findings: []*analyzers.Finding{
			{Rule: ruleA, Severity: analyzers.Critical, Path: "app/api/pay/route.ts", StartLine: 3, EndLine: 3, Message: "live key (sk_live_…9f2a)", Fix: "roll it",
				ID: "LG-0123456789", Fingerprint: strings.Repeat("ab", 32), Status: analyzers.StatusNew, Excerpt: []string{"const s = new Stripe('sk_live_…9f2a')"}, ExcerptStart: 3},
			{Rule: ruleB, Severity: analyzers.Medium, Path: "app/me/route.ts", StartLine: 10, EndLine: 12, Message: "cached", Fix: "private",
				ID: "LG-9876543210", Fingerprint: strings.Repeat("cd", 32), Status: analyzers.StatusExisting},
			{Rule: ruleB, Severity: analyzers.Medium, Path: "app/old/route.ts", StartLine: 1, EndLine: 1, Message: "gone", Fix: "-",
				ID: "LG-1111111111", Fingerprint: strings.Repeat("ef", 32), Status: analyzers.StatusFixed},
		},
	}
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	schemaPath := npmdeps.File(t, "@microsoft/sarif-multitool-linux", "sarif-2.1.0.json")
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := checks.WriteSARIF(&buf, sampleResult(), []*analyzers.Rule{ruleA, ruleB}, "test"); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate: %v\n%s", err, buf.String())
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string `json:"ruleId"`
				Level         string `json:"level"`
				BaselineState string `json:"baselineState"`
			} `json:"results"`
		} `json:"runs"`
	}
	json.Unmarshal(buf.Bytes(), &log)
	res := log.Runs[0].Results
	if len(res) != 2 || res[0].Level != "error" || res[0].BaselineState != "new" || res[1].Level != "warning" || res[1].BaselineState != "unchanged" {
		t.Errorf("results: %+v (fixed findings must be left out)", res)
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := checks.WriteJSON(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, ",")
	}
	// notices is the one extension of the version 1 contract (README.md).
	if got := keys(doc); got != "base,findings,head,notices,stats,version" {
		t.Errorf("top-level keys %s", got)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	if got := keys(f); got != "category,end_line,fingerprint,fix,id,message,path,rule,severity,start_line,status" {
		t.Errorf("finding keys %s", got)
	}
	if f["status"] != "new" || f["severity"] != "critical" || f["start_line"].(float64) != 3 {
		t.Errorf("finding %v", f)
	}
	if got := keys(doc["stats"].(map[string]any)); got != "duration_ms,files_analyzed,files_changed" {
		t.Errorf("stats keys %s", got)
	}
}

func TestTextGroupsBySeverity(t *testing.T) {
	var buf bytes.Buffer
	if err := checks.WriteText(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"CRITICAL (1)", "secrets/stripe-key · critical · app/api/pay/route.ts:3  LG-0123456789",
		"3 │ const s = new Stripe('sk_live_…9f2a')", "Fix: roll it", "Already on the base branch", "Fixed by this change", "FAIL: 1 new finding(s) at or above high."} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}
