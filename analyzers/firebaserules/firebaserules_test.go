package firebaserules

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
)

// TestFixtures runs every rule against its vulnerable and safe fixtures.
func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", Analyzer)
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"service cloud.firestore { match /a/{b} { allow read: if true; }", "match /x { deny read; }", "}"} {
		if _, err := Parse(src); err == nil {
			t.Errorf("Parse(%q): no error", src)
		}
	}
}
