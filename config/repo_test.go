package config

import (
	"strings"
	"testing"
)

func TestParseRepoValid(t *testing.T) {
	cfg, probs := ParseRepo([]byte(`version: 1
paths:
  exclude: ["**/testdata/**", "scripts/"]
rules:
  secrets/generic-secret: medium
  cache: off
block_on: critical
auth:
  helpers: [requireUser]
  privileged_clients: [getAdminDb]
tenant_columns: [org_id]
`))
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %v", probs)
	}
	if cfg.BlockOn != "critical" || cfg.RuleSetting("secrets/generic-secret", "secrets") != "medium" ||
		cfg.RuleSetting("cache/public-cache-control", "cache") != "off" || cfg.Auth.Helpers[0] != "requireUser" {
		t.Errorf("decoded config wrong: %+v", cfg)
	}
	for path, want := range map[string]bool{
		"analyzers/secrets/testdata/x/.env": false,
		"scripts/seed.ts":                   false,
		"app/api/route.ts":                  true,
		"myscripts/seed.ts":                 true,
	} {
		if got := cfg.Analyzed(path); got != want {
			t.Errorf("Analyzed(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParseRepoErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, yaml string
		line       int
		contains   string
	}{
		{"unknown key", "version: 1\nblock_on: high\nwarnonly: true\n", 3, "warnonly"},
		{"bad severity", "rules:\n  secrets/stripe-key: severe\n", 2, "secrets/stripe-key"},
		{"bad threshold", "version: 1\n\nblock_on: urgent\n", 3, "block_on"},
		{"wrong type", "paths:\n  exclude: tests/\n", 2, "exclude"},
		{"yaml syntax", "version: 1\nrules:\n\tx: y\n", 3, "invalid YAML"},
	}
	for _, c := range cases {
		cfg, probs := ParseRepo([]byte(c.yaml))
		if len(probs) == 0 {
			t.Errorf("%s: no problem reported", c.name)
			continue
		}
		if probs[0].Line != c.line || !strings.Contains(probs[0].String(), c.contains) {
			t.Errorf("%s: got %v, want line %d mentioning %q", c.name, probs, c.line, c.contains)
		}
		if cfg.BlockOn != "high" || cfg.WarnOnly {
			t.Errorf("%s: invalid config must fall back to defaults, got %+v", c.name, cfg)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"*.test.ts", "src/a.test.ts", true},
		{"src/*.ts", "src/a.ts", true},
		{"src/*.ts", "src/x/a.ts", false},
		{"src/**/*.ts", "src/x/y/a.ts", true},
		{"src/**/*.ts", "src/a.ts", true},
		{"docs/", "docs/a/b.md", true},
		{"docs", "other/docs/b.md", true},
	} {
		re, err := Glob(c.glob)
		if err != nil {
			t.Fatal(err)
		}
		if got := re.MatchString(c.path); got != c.want {
			t.Errorf("Glob(%q) on %q = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}
