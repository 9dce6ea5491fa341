package config

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"io/fs"
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

func TestLoadServerErrorsNameTheProblem(t *testing.T) {
	dir := t.TempDir()
	base := map[string]string{"LEAKGUARD_APP_ID": "123", "LEAKGUARD_WEBHOOK_SECRET": "s3cret-s3cret-s3cret", "LEAKGUARD_DATA_DIR": dir}
	load := func(args []string, extra map[string]string) (*Server, error) {
		return LoadServer(args, func(k string) string {
			if v, ok := extra[k]; ok {
				return v
			}
			return base[k]
		})
	}
	key := map[string]string{"LEAKGUARD_PRIVATE_KEY": keyPEM(t)}

	// A PKCS#8 key that is not RSA: say so, instead of a type name later.
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	for name, k := range map[string]any{"ECDSA": ec, "Ed25519": ed} {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		p := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
		_, err = load(nil, map[string]string{"LEAKGUARD_PRIVATE_KEY": p})
		if err == nil || !strings.Contains(err.Error(), "a PKCS#8 "+name+" key, but GitHub Apps sign with RSA") {
			t.Errorf("%s key: %v", name, err)
		}
	}

	// Database URLs: SQLite paths and URLs, PostgreSQL; nothing else.
	for in, want := range map[string]string{
		"/var/lib/leakguard/lg.db":       "/var/lib/leakguard/lg.db",
		"data/lg.db":                     "data/lg.db",
		"sqlite:///var/lib/lg.db":        "/var/lib/lg.db",
		"sqlite:lg.db":                   "lg.db",
		"file:lg.db?cache=shared":        "file:lg.db?cache=shared",
		"postgres://u@db/leakguard":      "postgres://u@db/leakguard",
		"postgresql://u@db/leakguard?x=": "postgresql://u@db/leakguard?x=",
	} {
		c, err := load([]string{"--database-url", in}, key)
		if err != nil || c.DatabaseURL != want {
			t.Errorf("--database-url %s: %v %q, want %q", in, err, c.DatabaseURL, want)
		}
	}
	for _, bad := range []string{"mysql://x", "redis://localhost/0", "sqlite://"} {
		_, err := load([]string{"--database-url", bad}, key)
		if err == nil || !strings.Contains(err.Error(), "LEAKGUARD_DATABASE_URL") {
			t.Errorf("--database-url %s accepted: %v", bad, err)
		}
	}
	if _, err := load([]string{"--database-url", "mysql://x"}, key); err == nil || !strings.Contains(err.Error(), `"mysql:" is not supported`) {
		t.Errorf("mysql: %v", err)
	}

	// Metrics: loopback by default, never on the webhook address.
	c, err := load(nil, key)
	if err != nil || c.MetricsAddr != "127.0.0.1:9090" {
		t.Errorf("default metrics address %q %v", c.MetricsAddr, err)
	}
	if c, err := load([]string{"--metrics-addr", "off"}, key); err != nil || c.MetricsAddr != "" {
		t.Errorf("metrics off: %q %v", c.MetricsAddr, err)
	}
	if _, err := load([]string{"--addr", ":8080", "--metrics-addr", ":8080"}, key); err == nil || !strings.Contains(err.Error(), "off the public port") {
		t.Errorf("metrics on the webhook port: %v", err)
	}

	// --setup over a stored app needs --replace-app; a missing key file is no error then.
	setup := map[string]string{"LEAKGUARD_PUBLIC_URL": "https://lg.example", "LEAKGUARD_PRIVATE_KEY_FILE": filepath.Join(dir, "nope.pem")}
	if _, err := load([]string{"--setup"}, setup); err != nil {
		t.Errorf("first setup: %v", err)
	}
	os.WriteFile(filepath.Join(dir, PrivateKeyFile), []byte(key["LEAKGUARD_PRIVATE_KEY"]), 0o600)
	os.WriteFile(filepath.Join(dir, AppIDFile), []byte("99\n"), 0o600)
	_, err = load([]string{"--setup"}, setup)
	if err == nil || !strings.Contains(err.Error(), "app id 99") || !strings.Contains(err.Error(), "--replace-app") {
		t.Errorf("setup over a stored app: %v", err)
	}
	if c, err := load([]string{"--setup", "--replace-app"}, setup); err != nil || !c.ReplaceApp {
		t.Errorf("setup --replace-app: %v", err)
	}

	// A key file the server's user cannot read says whose it must be.
	err = keyFileError(&fs.PathError{Op: "open", Path: "/run/secrets/key", Err: fs.ErrPermission})
	if !strings.Contains(err.Error(), "readable by the user leakguard runs as") || !strings.Contains(err.Error(), "10001") {
		t.Errorf("permission error: %v", err)
	}
}
