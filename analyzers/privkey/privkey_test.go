package privkey_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/privkey"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", privkey.Analyzer)
}
