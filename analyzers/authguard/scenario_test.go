package authguard_test

import (
	"path/filepath"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/suite"
)

// TestRemovedAuthTrustsBodyUserID is the scan-level scenario of issue 5: a
// pull request removes the auth() check from a route, trusts body.userId
// with the service-role client, and drops constructEvent from the Stripe
// webhook. The default suite reports all three as new, at the right lines,
// and the review fails.
func TestRemovedAuthTrustsBodyUserID(t *testing.T) {
	repo, base, head := analysistest.BuildRepo(t, filepath.Join("testdata", "scenario"))
	res := analysistest.RunEngine(t, repo, base, head, suite.Default()...)
	want := []struct {
		rule, path string
		line       int
	}{
		{"auth-guard/check-removed", "app/api/chats/route.ts", 4},
		{"client-trust/owner-id-from-request", "app/api/chats/route.ts", 8},
		{"webhook/unverified-signature", "app/api/webhooks/stripe/route.ts", 0}, // line owned by the webhook analyzer
	}
	for _, w := range want {
		var got *analyzers.Finding
		for _, f := range res.Findings {
			if f.Rule.ID == w.rule && f.Path == w.path {
				got = f
				break
			}
		}
		if got == nil {
			t.Errorf("no %s finding in %s; findings: %s", w.rule, w.path, describe(res.Findings))
			continue
		}
		if got.Status != analyzers.StatusNew {
			t.Errorf("%s: status %s, want new", w.rule, got.Status)
		}
		if w.line != 0 && got.StartLine != w.line {
			t.Errorf("%s: line %d, want %d", w.rule, got.StartLine, w.line)
		}
		if got.Severity < analyzers.High {
			t.Errorf("%s: severity %s, want at least high", w.rule, got.Severity)
		}
		t.Logf("%s %s:%d %s — %s", got.Status, got.Path, got.StartLine, got.Rule.ID, got.Message)
	}
	for _, f := range res.Findings {
		if f.Status != analyzers.StatusNew && (f.Rule.Category == analyzers.CategoryAuthGuard || f.Rule.Category == analyzers.CategoryClientTrust) {
			t.Errorf("unexpected %s finding %s:%d %s", f.Status, f.Path, f.StartLine, f.Rule.ID)
		}
	}
	if !res.Fails() {
		t.Errorf("the review does not fail")
	}

	// Reverting the change marks the same findings fixed.
	back := analysistest.RunEngine(t, repo, head, base, suite.Default()...)
	for _, f := range back.Findings {
		if (f.Rule.ID == "auth-guard/check-removed" || f.Rule.ID == "client-trust/owner-id-from-request") && f.Status != analyzers.StatusFixed {
			t.Errorf("reverted: %s %s:%d is %s, want fixed or absent", f.Rule.ID, f.Path, f.StartLine, f.Status)
		}
	}
}

func describe(fs []*analyzers.Finding) string {
	s := ""
	for _, f := range fs {
		s += "\n  " + string(f.Status) + " " + f.Path + ":" + itoa(f.StartLine) + " " + f.Rule.ID
	}
	return s
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
