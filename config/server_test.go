package config

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func keyPEM(t *testing.T) string {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
}

func TestLoadServer(t *testing.T) {
	key := keyPEM(t)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "app.pem")
	os.WriteFile(keyFile, []byte(key), 0o600)
	env := map[string]string{
		"LEAKGUARD_APP_ID": "123", "LEAKGUARD_PRIVATE_KEY_FILE": keyFile,
		"LEAKGUARD_WEBHOOK_SECRET": "s3cret-s3cret-s3cret", "LEAKGUARD_WEBHOOK_SECRET_PREVIOUS": "old-old-old-old-old-old",
		"LEAKGUARD_GITHUB_URL": "https://ghe.example.com/api/v3", "LEAKGUARD_DATA_DIR": dir,
	}
	get := func(k string) string { return env[k] }
	c, err := LoadServer([]string{"--addr", "127.0.0.1:9000", "--workers", "4"}, get)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.AppID != 123 || c.Workers != 4 || len(c.WebhookSecrets) != 2 ||
		c.GitHubURL != "https://ghe.example.com/api/v3/" || c.WebURL != "https://ghe.example.com/" ||
		c.DatabaseURL != filepath.Join(dir, "leakguard.db") || string(c.PrivateKey) != key {
		t.Errorf("config: %+v", c)
	}
	if g := GraphQLURL(c.GitHubURL); g != "https://ghe.example.com/api/graphql" {
		t.Errorf("GHES GraphQL URL %s", g)
	}
	if g := GraphQLURL("https://api.github.com/"); g != "https://api.github.com/graphql" {
		t.Errorf("GraphQL URL %s", g)
	}

	// No secret: refuse, and say what to set. Errors never quote the key.
	delete(env, "LEAKGUARD_WEBHOOK_SECRET")
	delete(env, "LEAKGUARD_WEBHOOK_SECRET_PREVIOUS")
	env["LEAKGUARD_PRIVATE_KEY"] = "-----BEGIN RSA PRIVATE KEY-----\nnot-a-key\n-----END RSA PRIVATE KEY-----"
	_, err = LoadServer(nil, get)
	if err == nil || !strings.Contains(err.Error(), "LEAKGUARD_WEBHOOK_SECRET") || strings.Contains(err.Error(), "not-a-key") {
		t.Errorf("want a missing-secret error that does not show the key, got %v", err)
	}

	// Credentials stored by the setup flow are picked up.
	setup := t.TempDir()
	os.WriteFile(filepath.Join(setup, AppIDFile), []byte("77\n"), 0o600)
	os.WriteFile(filepath.Join(setup, PrivateKeyFile), []byte(key), 0o600)
	os.WriteFile(filepath.Join(setup, WebhookSecretFile), []byte("stored-secret-0123456789\n"), 0o600)
	c, err = LoadServer([]string{"--data-dir", setup}, func(string) string { return "" })
	if err != nil || c.AppID != 77 || c.WebhookSecrets[0] != "stored-secret-0123456789" {
		t.Errorf("setup credentials: %v %+v", err, c)
	}

	if _, err := LoadServer([]string{"--setup"}, func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "LEAKGUARD_PUBLIC_URL") {
		t.Errorf("setup without a public URL: %v", err)
	}
	if _, err := LoadServer([]string{"--workers", "0"}, get); err == nil || !strings.Contains(err.Error(), "WORKERS") {
		t.Errorf("bad workers: %v", err)
	}
}
