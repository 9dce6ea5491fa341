package dbpolicy

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
)

// TestFixtures runs every rule against its vulnerable and safe fixture
// repositories under testdata/<rule>/.
func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", Analyzer)
}
