package cache_test

import (
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/cache"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", cache.Analyzer)
}
