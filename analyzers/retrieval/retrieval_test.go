package retrieval_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/retrieval"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", retrieval.Analyzer)
}
