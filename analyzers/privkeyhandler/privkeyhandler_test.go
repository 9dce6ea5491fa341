package privkeyhandler_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/privkeyhandler"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", privkeyhandler.Analyzer)
}
