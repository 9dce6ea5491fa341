package app

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/internal/fakegithub"
	"github.com/leakguard/leakguard/config"
)

func TestManifestMatchesAppYML(t *testing.T) {
	root, err := os.ReadFile(filepath.Join("..", "app.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(root, Manifest) {
		t.Fatal("app/app.yml differs from app.yml: copy it (cp app.yml app/app.yml)")
	}
	var m map[string]any
	b, err := ManifestJSON("https://leakguard.example.com/")
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &m)
	perms := m["default_permissions"].(map[string]any)
	want := map[string]any{"checks": "write", "pull_requests": "write", "contents": "read", "metadata": "read"}
	if len(perms) != len(want) {
		t.Errorf("permissions %v, want exactly %v", perms, want)
	}
	for k, v := range want {
		if perms[k] != v {
			t.Errorf("permission %s = %v, want %v", k, perms[k], v)
		}
	}
	if m["hook_attributes"].(map[string]any)["url"] != "https://leakguard.example.com/webhook" || m["redirect_url"] != "https://leakguard.example.com/setup/callback" {
		t.Errorf("URLs not filled: %v", m)
	}
}

func TestSetupFlow(t *testing.T) {
	fake := fakegithub.New()
	defer fake.Server.Close()
	dir := t.TempDir()
	cfg := &config.Server{GitHubURL: fake.URL(), WebURL: "https://github.example/", PublicURL: "https://lg.example", DataDir: dir, Setup: true}
	var logs bytes.Buffer
	srv := httptest.NewServer(SetupHandler(cfg, slog.New(slog.NewTextHandler(&logs, nil))))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/setup?org=acme")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	action := regexp.MustCompile(`action="([^"]+)"`).FindStringSubmatch(string(page))
	if action == nil || !strings.HasPrefix(html.UnescapeString(action[1]), "https://github.example/organizations/acme/settings/apps/new?state=") {
		t.Fatalf("form action: %v\n%s", action, page)
	}
	state := strings.SplitN(html.UnescapeString(action[1]), "state=", 2)[1]

	if resp, _ := http.Get(srv.URL + "/setup/callback?code=good-code&state=wrong"); resp.StatusCode != 400 {
		t.Errorf("unknown state accepted: %d", resp.StatusCode)
	}
	resp, err = http.Get(srv.URL + "/setup/callback?code=good-code&state=" + state)
	if err != nil {
		t.Fatal(err)
	}
	done, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(done), "/installations/new") {
		t.Fatalf("callback: %d\n%s", resp.StatusCode, done)
	}
	for _, secret := range []string{"fake-key-material", "manifest-webhook-secret"} {
		if strings.Contains(string(done), secret) || strings.Contains(logs.String(), secret) {
			t.Errorf("%s shown in the page or the logs", secret)
		}
	}
	for _, name := range []string{config.AppIDFile, config.PrivateKeyFile, config.WebhookSecretFile} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", name, err, fi)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, config.PrivateKeyFile)); string(b) != fakegithub.ManifestPEM {
		t.Error("private key not stored")
	}
	// The state is single-use.
	if resp, _ := http.Get(srv.URL + "/setup/callback?code=good-code&state=" + state); resp.StatusCode != 400 {
		t.Errorf("state reused: %d", resp.StatusCode)
	}
	s := loadSpec(t)
	for _, r := range fake.Requests() {
		for _, p := range s.Check(r.Method, r.Path, r.RawQuery, r.Body) {
			t.Errorf("contract: %s", p)
		}
	}
}
