package dbpolicy

import (
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
)

// TestOpaqueSQLIsNamed: a DO block with dynamic SQL is not guessed at; the
// review names it, with its line, as not analyzed.
func TestOpaqueSQLIsNamed(t *testing.T) {
	repo, base, head := analysistest.BuildRepo(t, "testdata/notice")
	res := analysistest.RunEngine(t, repo, base, head, Analyzer)
	notices := strings.Join(res.Notices, "\n")
	if !strings.Contains(notices, "supabase/migrations/20240701000000_loop.sql:5:") || !strings.Contains(notices, "not analyzed") {
		t.Fatalf("notices %q: want the DO block at line 5 named as not analyzed", notices)
	}
}
