package secrets_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/envname"
	"github.com/leakguard/leakguard/analyzers/secrets"
)

func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", secrets.Analyzer)
}

func TestRedact(t *testing.T) {
	for _, secret := range []string{
		"sk_live_" + strings.Repeat("aB3dE5gH7j", 10),
		"whsec_Zq81mLp02XvT5nRk7YwA4cJ9",
		"sb_secret_N7UND0UgjKTVKUodkm0Hg_xSvEMPvz",
		"eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
		"hunter2hunter2",
		"short",
	} {
		got := analyzers.Redact(secret)
		if strings.Contains(got, secret) {
			t.Errorf("Redact(%q) = %q shows the whole secret", secret, got)
		}
		if len(secret) >= 12 && !strings.HasSuffix(got, secret[len(secret)-4:]) {
			t.Errorf("Redact(%q) = %q, want the last 4 characters kept", secret, got)
		}
		// At most a short prefix and the last four characters survive.
		if visible := len(strings.ReplaceAll(got, "…", "")); visible > 16 {
			t.Errorf("Redact(%q) = %q shows %d characters", secret, got, visible)
		}
	}
}

// rawSecretREs recognise the key material written into the fixtures.
var rawSecretREs = []*regexp.Regexp{
	regexp.MustCompile(`\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{20,}`),
	regexp.MustCompile(`\bwhsec_[0-9A-Za-z]{20,}`),
	regexp.MustCompile(`\bsb_secret_[0-9A-Za-z_-]{20,}`),
	regexp.MustCompile(`\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}`),
	regexp.MustCompile(`\bsk-(?:proj-|ant-api03-)?[\w-]{30,}`),
	regexp.MustCompile(`\bAKIA[A-Z2-7]{16}\b`),
	regexp.MustCompile(`\b(?:gh[pousr]_[0-9A-Za-z]{36}|github_pat_\w{60,})`),
	regexp.MustCompile(`\bxox[baprs]-[\w-]{20,}`),
	regexp.MustCompile(`hooks\.slack\.com/services/[\w/]+`),
	regexp.MustCompile(`(?m)[A-Za-z0-9+/=]{40,}`), // PEM body lines and base64 secrets
}

var (
	dbPasswordRE = regexp.MustCompile(`://[^:@/\s"']+:([^@/\s"']{6,})@`)
	assignedRE   = regexp.MustCompile(`(?i)(?:secret|passw(?:or)?d|token|key)\w*["']?\s*[:=]\s*["'` + "`" + `]?([^"'` + "`" + `\s,;#]{8,})`)
	digitRE      = regexp.MustCompile(`\d`)
)

// rawSecrets lists the secret values written in a fixture case.
func rawSecrets(t *testing.T, dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || strings.HasSuffix(p, ".want") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(string(data), `\n`, "\n")
		for _, re := range rawSecretREs {
			out = append(out, re.FindAllString(text, -1)...)
		}
		for _, m := range dbPasswordRE.FindAllStringSubmatch(text, -1) {
			out = append(out, m[1])
		}
		for _, m := range assignedRE.FindAllStringSubmatch(text, -1) {
			if digitRE.MatchString(m[1]) && !strings.Contains(m[1], "process.env") && !strings.Contains(m[1], "@") && !secrets.Placeholder(m[1]) {
				out = append(out, m[1])
			}
		}
		if envname.IsEnvFile(p) {
			for _, e := range envname.ParseDotenv(data) {
				if len(e.Value) >= 8 && envname.SecretName(e.Name) && !secrets.Placeholder(e.Value) {
					out = append(out, e.Value)
				}
			}
		}
		return nil
	})
	return out
}

// TestNoSecretInOutput checks that no finding of a vulnerable fixture shows a
// secret in full: not in the message, the fix or the code excerpt.
func TestNoSecretInOutput(t *testing.T) {
	checkNoSecretInOutput(t, secrets.Analyzer)
}

func checkNoSecretInOutput(t *testing.T, a *analyzers.Analyzer) {
	cases, _ := filepath.Glob(filepath.Join("testdata", "*", "vulnerable", "*"))
	for _, dir := range cases {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			repo, base, head := analysistest.BuildRepo(t, dir)
			res := analysistest.RunEngine(t, repo, base, head, a)
			raw := rawSecrets(t, dir)
			for _, f := range res.Findings {
				shown := f.Message + "\n" + f.Fix + "\n" + strings.Join(f.Excerpt, "\n")
				for _, s := range append(append([]string{}, f.Secrets...), raw...) {
					if s != "" && strings.Contains(shown, s) {
						t.Errorf("%s:%d %s shows the secret %s in full:\n%s", f.Path, f.StartLine, f.Rule.ID, analyzers.Redact(s), shown)
					}
				}
			}
		})
	}
}
