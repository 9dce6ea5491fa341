package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReviewLimits: the review's memory and time limits and the git cache's
// size come from LEAKGUARD_* variables or flags, with defaults, and a bad
// value is refused with the variable's name.
func TestReviewLimits(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "app.pem")
	os.WriteFile(keyFile, []byte(keyPEM(t)), 0o600)
	env := map[string]string{"LEAKGUARD_APP_ID": "1", "LEAKGUARD_PRIVATE_KEY_FILE": keyFile, "LEAKGUARD_WEBHOOK_SECRET": "s3cret-s3cret-s3cret", "LEAKGUARD_DATA_DIR": dir}
	get := func(k string) string { return env[k] }
	c, err := LoadServer(nil, get)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReviewMemory != 1<<30 || c.ReviewTimeout != 5*time.Minute || c.RepoCacheBytes != 10<<30 {
		t.Errorf("defaults: memory %d, timeout %s, cache %d", c.ReviewMemory, c.ReviewTimeout, c.RepoCacheBytes)
	}
	env["LEAKGUARD_REVIEW_MEMORY"] = "512MiB"
	env["LEAKGUARD_REPO_CACHE_SIZE"] = "2 GB"
	c, err = LoadServer([]string{"--review-timeout", "90s"}, get)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReviewMemory != 512<<20 || c.ReviewTimeout != 90*time.Second || c.RepoCacheBytes != 2<<30 {
		t.Errorf("set: memory %d, timeout %s, cache %d", c.ReviewMemory, c.ReviewTimeout, c.RepoCacheBytes)
	}
	for k, v := range map[string]string{"LEAKGUARD_REVIEW_MEMORY": "lots", "LEAKGUARD_REVIEW_TIMEOUT": "0s", "LEAKGUARD_REPO_CACHE_SIZE": "5XB"} {
		bad := map[string]string{}
		for kk, vv := range env {
			bad[kk] = vv
		}
		bad[k] = v
		if _, err := LoadServer(nil, func(k string) string { return bad[k] }); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%q: want an error naming it, got %v", k, v, err)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"1024": 1024, "1GiB": 1 << 30, "512 MiB": 512 << 20, "3k": 3 << 10, "2TB": 2 << 40} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "GiB", "1PiB", "99999999999999999999"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("ParseBytes(%q): want an error", in)
		}
	}
}
