package logging_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/logging"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", logging.Analyzer)
}
