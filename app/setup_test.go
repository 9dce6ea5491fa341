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

	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/internal/fakegithub"
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
	keyBody := fakegithub.ManifestPEM()[40:100]
	for _, secret := range []string{keyBody, "manifest-webhook-secret"} {
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
	if b, _ := os.ReadFile(filepath.Join(dir, config.PrivateKeyFile)); string(b) != fakegithub.ManifestPEM() {
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

// TestSetupKeepsAStoredApp: a second registration never silently replaces
// the stored private key; with --replace-app the old credentials are kept.
func TestSetupKeepsAStoredApp(t *testing.T) {
	fake := fakegithub.New()
	defer fake.Server.Close()
	dir := t.TempDir()
	old := "-----BEGIN RSA PRIVATE KEY-----\nthe-first-app\n-----END RSA PRIVATE KEY-----\n"
	os.WriteFile(filepath.Join(dir, config.PrivateKeyFile), []byte(old), 0o600)
	os.WriteFile(filepath.Join(dir, config.AppIDFile), []byte("1\n"), 0o600)
	register := func(replace bool) (int, string) {
		cfg := &config.Server{GitHubURL: fake.URL(), WebURL: "https://github.example/", PublicURL: "https://lg.example", DataDir: dir, Setup: true, ReplaceApp: replace}
		srv := httptest.NewServer(SetupHandler(cfg, slog.New(slog.DiscardHandler)))
		defer srv.Close()
		resp, err := http.Get(srv.URL + "/setup")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		state := regexp.MustCompile(`state=([0-9a-f]+)`).FindStringSubmatch(string(page))[1]
		resp, err = http.Get(srv.URL + "/setup/callback?code=good-code&state=" + state)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(body)
	}
	code, body := register(false)
	if b, _ := os.ReadFile(filepath.Join(dir, config.PrivateKeyFile)); code != 500 || string(b) != old || !strings.Contains(body, "--replace-app") {
		t.Fatalf("second registration without --replace-app: %d %q; key replaced: %v", code, body, string(b) != old)
	}
	if code, body := register(true); code != 200 {
		t.Fatalf("--replace-app: %d %s", code, body)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, config.PrivateKeyFile)); string(b) != fakegithub.ManifestPEM() {
		t.Error("new key not stored")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, config.PrivateKeyFile+".replaced")); string(b) != old {
		t.Error("the replaced key was not kept")
	}
}
