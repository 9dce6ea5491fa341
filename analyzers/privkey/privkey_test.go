package privkey_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/privkey"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", privkey.Analyzer)
}

// TestNoKeyInOutput checks that no finding of a vulnerable fixture shows an
// assigned key value in full: not in the message, the fix or the excerpt.
func TestNoKeyInOutput(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("testdata", "*", "vulnerable", "*"))
	for _, dir := range cases {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			repo, base, head := analysistest.BuildRepo(t, dir)
			res := analysistest.RunEngine(t, repo, base, head, privkey.Analyzer)
			keys := fixtureKeys(t, dir)
			for _, f := range res.Findings {
				shown := f.Message + "\n" + f.Fix + "\n" + strings.Join(f.Excerpt, "\n")
				for _, k := range append(append([]string{}, f.Secrets...), keys...) {
					if strings.Contains(shown, k) {
						t.Errorf("%s:%d %s shows the key %s in full:\n%s", f.Path, f.StartLine, f.Rule.ID, analyzers.Redact(k), shown)
					}
				}
			}
		})
	}
}

// keyRE matches the key material written into the fixtures: JWTs and
// Supabase secret keys.
var keyRE = regexp.MustCompile(`\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}|\bsb_secret_[\w-]{20,}`)

func fixtureKeys(t *testing.T, dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out = append(out, keyRE.FindAllString(string(data), -1)...)
		return err
	})
	return out
}
