package cache_test

import (
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/cache"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", cache.Analyzer)
}

// TestSuggestions checks the mechanical fixes: `private, no-store` for a
// shared-cacheable header, the captured user id appended to keyParts.
func TestSuggestions(t *testing.T) {
	for _, tc := range []struct{ dir, rule, want string }{
		{"testdata/public-session-response/vulnerable/app-route-auth-public", "cache/public-session-response", `headers: { "Cache-Control": "private, no-store" },`},
		{"testdata/user-data-cached/vulnerable/param-captured", "cache/user-data-cached", `["dashboard", userId]`},
	} {
		repo, base, head := analysistest.BuildRepo(t, tc.dir)
		res := analysistest.RunEngine(t, repo, base, head, cache.Analyzer)
		var got string
		for _, f := range res.Findings {
			if f.Rule.ID == tc.rule && f.Suggestion != nil {
				got = *f.Suggestion
			}
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: suggestion %q does not contain %q", tc.dir, got, tc.want)
		}
	}
}
