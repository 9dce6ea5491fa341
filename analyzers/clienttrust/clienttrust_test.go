package clienttrust_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/clienttrust"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", clienttrust.Analyzer)
}
