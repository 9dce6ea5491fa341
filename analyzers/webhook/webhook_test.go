package webhook_test

import (
	"path/filepath"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/webhook"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", webhook.Analyzer)
}

// TestDroppedConstructEvent is the scan-level scenario: a pull request that
// replaces constructEvent with JSON.parse is reported as new, at the line of
// the unverified event, and nothing is reported at base.
func TestDroppedConstructEvent(t *testing.T) {
	dir := filepath.Join("testdata", "unverified-signature", "vulnerable", "pr-drops-construct-event")
	repo, base, head := analysistest.BuildRepo(t, dir)
	res := analysistest.RunEngine(t, repo, base, head, webhook.Analyzer)
	var got []*analyzers.Finding
	for _, f := range res.Findings {
		if f.Rule.ID == "webhook/unverified-signature" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d unverified-signature findings, want 1: %+v", len(got), res.Findings)
	}
	f := got[0]
	if f.Status != analyzers.StatusNew || f.Path != "app/api/webhooks/stripe/route.ts" || f.StartLine != 10 || f.Severity != analyzers.Critical {
		t.Errorf("finding = %s %s:%d %s, want new app/api/webhooks/stripe/route.ts:10 critical", f.Status, f.Path, f.StartLine, f.Severity)
	}
	if !res.Fails() {
		t.Errorf("the review does not fail on a new critical finding")
	}
}

// TestReverted checks the other direction: restoring the check marks the
// finding fixed.
func TestReverted(t *testing.T) {
	dir := filepath.Join("testdata", "unverified-signature", "vulnerable", "pr-drops-construct-event")
	repo, base, head := analysistest.BuildRepo(t, dir)
	res := analysistest.RunEngine(t, repo, head, base, webhook.Analyzer)
	if len(res.Findings) != 1 || res.Findings[0].Status != analyzers.StatusFixed {
		t.Fatalf("want one fixed finding, got %+v", res.Findings)
	}
}

// TestSuggestion checks the mechanical fix offered for an App Router handler
// that parses the body as the event while a `stripe` client is in scope.
func TestSuggestion(t *testing.T) {
	repo, base, head := analysistest.BuildRepo(t, filepath.Join("testdata", "suggestion"))
	res := analysistest.RunEngine(t, repo, base, head, webhook.Analyzer)
	if len(res.Findings) != 1 || res.Findings[0].Suggestion == nil {
		t.Fatalf("want one finding with a suggestion, got %+v", res.Findings)
	}
	want := "  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!);"
	if got := *res.Findings[0].Suggestion; got != want {
		t.Errorf("suggestion\n got %q\nwant %q", got, want)
	}
}
