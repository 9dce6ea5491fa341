// Package npmdeps locates the npm packages the tests read as data: GitHub's
// OpenAPI description, real webhook payloads, the SARIF schema, and the
// permissions GitHub requires per endpoint and per webhook event. .ci/run
// installs them with `npm install --prefix .npm-deps`; LEAKGUARD_NPM_DIR
// points elsewhere.
package npmdeps

import (
	"os"
	"path/filepath"
	"testing"
)

// Packages are the npm packages the tests need, with their versions.
var Packages = []string{
	"@octokit/openapi@23.0.2",
	"@octokit/webhooks-examples@7.6.1",
	"@microsoft/sarif-multitool-linux@5.7.0",
	"@octokit/graphql-schema@15.26.1",
	"@octokit/app-permissions@2.1.0",
	"@octokit/openapi-webhooks@12.1.0",
}

// Dir returns the folder holding node_modules.
func Dir() string {
	if d := os.Getenv("LEAKGUARD_NPM_DIR"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ".npm-deps"
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, ".npm-deps")
		}
		if filepath.Dir(d) == d {
			return ".npm-deps"
		}
	}
}

// File returns the path of a file inside an installed npm package. When the
// package is missing the test is skipped with the command that installs it,
// except under CI (CI set), where it fails: CI must run every test.
func File(t testing.TB, pkg, rel string) string {
	t.Helper()
	p := filepath.Join(Dir(), "node_modules", pkg, rel)
	if _, err := os.Stat(p); err != nil {
		msg := "npm package " + pkg + " is not installed (" + p + " missing). Install the test data with:\n" +
			"  npm install --no-save --prefix .npm-deps " + joined() + "\n" +
			"or set LEAKGUARD_NPM_DIR to a folder whose node_modules holds them."
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

func joined() string {
	s := ""
	for i, p := range Packages {
		if i > 0 {
			s += " "
		}
		s += p
	}
	return s
}
