package authguard_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/authguard"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", authguard.Analyzer)
}
