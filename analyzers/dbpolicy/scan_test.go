package dbpolicy

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
)

// TestScanPR reviews a pull request that adds a table without RLS, a
// `using (true)` select policy on an owned table and a view without
// security_invoker: exactly three new findings at the statements' lines.
// The base already has a table without RLS in a migration the PR edits
// (a comment line shifts it): that one is existing, not new.
func TestScanPR(t *testing.T) {
	repo, base, head := analysistest.BuildRepo(t, "testdata/scan")
	res := analysistest.RunEngine(t, repo, base, head, Analyzer)
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s:%d %s %s", f.Status, f.Path, f.StartLine, f.Rule.ID, f.Severity))
	}
	sort.Strings(got)
	want := []string{
		"existing supabase/migrations/20240101000000_init.sql:9 rls/table-without-rls high",
		"new supabase/migrations/20240601000000_chats.sql:10 rls/always-true-policy critical",
		"new supabase/migrations/20240601000000_chats.sql:13 rls/table-without-rls critical",
		"new supabase/migrations/20240601000000_chats.sql:19 rls/view-bypasses-rls critical",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range res.Findings {
		if f.Status == analyzers.StatusNew && (f.Message == "" || f.Fix == "") {
			t.Errorf("%s:%d: empty message or fix", f.Path, f.StartLine)
		}
		t.Logf("%s %s:%d %s: %s\n  fix: %s", f.Status, f.Path, f.StartLine, f.Rule.ID, f.Message, f.Fix)
	}
}
