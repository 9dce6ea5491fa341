package logging_test

import (
	"path/filepath"
	"testing"

	"github.com/leakguard/leakguard/analyzers"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/logging"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", logging.Analyzer)
}

// TestExistingSurvivesEdits checks the fingerprint: a leak that was already
// there stays `existing` when the line moves and its message text changes.
func TestExistingSurvivesEdits(t *testing.T) {
	repo, base, head := analysistest.BuildRepo(t, filepath.Join("testdata", "regression", "message-edited"))
	res := analysistest.RunEngine(t, repo, base, head, logging.Analyzer)
	if len(res.Findings) != 1 {
		t.Fatalf("want 1 finding, got %d", len(res.Findings))
	}
	if f := res.Findings[0]; f.Status != analyzers.StatusExisting || f.StartLine != 6 {
		t.Errorf("finding %s at line %d, want existing at line 6", f.Status, f.StartLine)
	}
}
