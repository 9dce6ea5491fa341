package config

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Server is the configuration of `leakguard serve`. Flags override the
// LEAKGUARD_* environment variables of DESIGN.md.
type Server struct {
	Addr string // listen address, LEAKGUARD_ADDR (default ":8080")
	// AppID and PrivateKey identify the GitHub App (LEAKGUARD_APP_ID,
	// LEAKGUARD_PRIVATE_KEY_FILE or LEAKGUARD_PRIVATE_KEY). The key is PEM.
	AppID      int64
	PrivateKey []byte
	// WebhookSecrets are accepted for X-Hub-Signature-256: the current one
	// (LEAKGUARD_WEBHOOK_SECRET) and, while rotating, the previous one
	// (LEAKGUARD_WEBHOOK_SECRET_PREVIOUS).
	WebhookSecrets []string
	// GitHubURL is the REST API base: https://api.github.com/ for GitHub.com,
	// https://HOST/api/v3/ for GitHub Enterprise Server (LEAKGUARD_GITHUB_URL).
	GitHubURL string
	// WebURL is GitHub's web address, for the manifest flow
	// (LEAKGUARD_GITHUB_WEB_URL, default derived from GitHubURL).
	WebURL string
	// DatabaseURL is the store: a SQLite file path or file: URL (default
	// DataDir/leakguard.db), or a postgres:// URL, which several replicas
	// can share.
	DatabaseURL string
	// DataDir holds the SQLite store, the blob cache, the credentials written
	// by the setup flow and the comment marker key (LEAKGUARD_DATA_DIR,
	// default ".data").
	DataDir string
	// PublicURL is where GitHub reaches this server (LEAKGUARD_PUBLIC_URL);
	// the setup flow puts it in the manifest.
	PublicURL string
	// Workers is the number of reviews run at once (LEAKGUARD_WORKERS, default 2).
	Workers int
	// MarkerKey signs the hidden fingerprint markers in review comments
	// (LEAKGUARD_MARKER_KEY); when empty a random key is kept in DataDir.
	MarkerKey string
	// MetricsAddr is where /metrics is served (LEAKGUARD_METRICS_ADDR,
	// default 127.0.0.1:9090), apart from the public webhook port; "off"
	// serves no metrics.
	MetricsAddr string
	// Setup serves only the setup page (the manifest flow) and health checks,
	// for a server that has no app yet (--setup).
	Setup bool
	// ReplaceApp lets the setup flow register a new app where one is stored
	// already (--replace-app); the old credentials are kept beside the new
	// ones with a .replaced suffix. Without it --setup refuses to start.
	ReplaceApp bool
	// ShutdownTimeout bounds the graceful stop.
	ShutdownTimeout time.Duration
	// ReviewMemory caps the memory of one review's worker process in bytes
	// (LEAKGUARD_REVIEW_MEMORY, default 1GiB); ReviewTimeout bounds its
	// time (LEAKGUARD_REVIEW_TIMEOUT, default 5m). Over either, that review
	// fails with the reason; the server and other reviews go on.
	ReviewMemory  int64
	ReviewTimeout time.Duration
	// RepoCacheBytes caps the git cache of repositories under DataDir
	// (LEAKGUARD_REPO_CACHE_SIZE, default 10GiB); the least recently used
	// repositories are evicted beyond it.
	RepoCacheBytes int64
}

// Credentials written by the setup flow into DataDir, read at start when the
// environment does not name them.
const (
	AppIDFile         = "app-id"
	PrivateKeyFile    = "private-key.pem"
	WebhookSecretFile = "webhook-secret"
)

// LoadServer reads the server configuration from flags (args, without the
// subcommand) and the environment, and validates it. Errors say what to set.
func LoadServer(args []string, getenv func(string) string) (*Server, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	env := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := &Server{ShutdownTimeout: 30 * time.Second}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	fs.StringVar(&c.Addr, "addr", env("LEAKGUARD_ADDR", ":8080"), "listen address")
	appID := fs.String("app-id", env("LEAKGUARD_APP_ID", ""), "GitHub App id")
	keyFile := fs.String("private-key-file", env("LEAKGUARD_PRIVATE_KEY_FILE", ""), "GitHub App private key (PEM file)")
	fs.StringVar(&c.GitHubURL, "github-url", env("LEAKGUARD_GITHUB_URL", "https://api.github.com/"), "GitHub REST API base URL")
	fs.StringVar(&c.WebURL, "github-web-url", env("LEAKGUARD_GITHUB_WEB_URL", ""), "GitHub web URL (manifest flow)")
	fs.StringVar(&c.DataDir, "data-dir", env("LEAKGUARD_DATA_DIR", ".data"), "data directory")
	fs.StringVar(&c.DatabaseURL, "database-url", env("LEAKGUARD_DATABASE_URL", ""), "SQLite file or postgres:// URL")
	fs.StringVar(&c.PublicURL, "public-url", env("LEAKGUARD_PUBLIC_URL", ""), "public URL of this server (setup flow)")
	workers := fs.String("workers", env("LEAKGUARD_WORKERS", "2"), "reviews run at once")
	reviewMemory := fs.String("review-memory", env("LEAKGUARD_REVIEW_MEMORY", "1GiB"), "memory limit of one review")
	reviewTimeout := fs.String("review-timeout", env("LEAKGUARD_REVIEW_TIMEOUT", "5m"), "time limit of one review")
	repoCache := fs.String("repo-cache-size", env("LEAKGUARD_REPO_CACHE_SIZE", "10GiB"), "size cap of the git cache of repositories")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("LEAKGUARD_METRICS_ADDR", "127.0.0.1:9090"), "listen address of /metrics, or off")
	fs.BoolVar(&c.Setup, "setup", false, "serve only the setup page that registers the GitHub App")
	fs.BoolVar(&c.ReplaceApp, "replace-app", false, "with --setup: register a new app even though one is stored")
	if err := fs.Parse(args); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))
	}
	var errs []error
	n, err := strconv.Atoi(*workers)
	if err != nil || n < 1 || n > 64 {
		errs = append(errs, fmt.Errorf("LEAKGUARD_WORKERS / --workers: want a number from 1 to 64, got %q", *workers))
	}
	c.Workers = n
	if c.ReviewMemory, err = ParseBytes(*reviewMemory); err != nil || c.ReviewMemory < 64<<20 {
		errs = append(errs, fmt.Errorf("LEAKGUARD_REVIEW_MEMORY / --review-memory: want a size of at least 64MiB such as 1GiB, got %q", *reviewMemory))
	}
	if c.ReviewTimeout, err = time.ParseDuration(*reviewTimeout); err != nil || c.ReviewTimeout < time.Second {
		errs = append(errs, fmt.Errorf("LEAKGUARD_REVIEW_TIMEOUT / --review-timeout: want a duration of at least 1s such as 5m, got %q", *reviewTimeout))
	}
	if c.RepoCacheBytes, err = ParseBytes(*repoCache); err != nil || c.RepoCacheBytes < 1<<20 {
		errs = append(errs, fmt.Errorf("LEAKGUARD_REPO_CACHE_SIZE / --repo-cache-size: want a size such as 10GiB, got %q", *repoCache))
	}
	u, err := url.Parse(c.GitHubURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs = append(errs, fmt.Errorf("LEAKGUARD_GITHUB_URL / --github-url: want an http(s) URL, got %q", c.GitHubURL))
	} else if !strings.HasSuffix(c.GitHubURL, "/") {
		c.GitHubURL += "/"
	}
	if c.WebURL == "" && u != nil {
		c.WebURL = deriveWebURL(u)
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = filepath.Join(c.DataDir, "leakguard.db")
	} else if db, err := databaseURL(c.DatabaseURL); err != nil {
		errs = append(errs, err)
	} else {
		c.DatabaseURL = db
	}
	if c.MetricsAddr == "off" {
		c.MetricsAddr = ""
	} else if c.MetricsAddr == c.Addr {
		errs = append(errs, fmt.Errorf("LEAKGUARD_METRICS_ADDR / --metrics-addr %s is the webhook address: metrics stay off the public port (use another port, or off)", c.MetricsAddr))
	}
	c.MarkerKey = getenv("LEAKGUARD_MARKER_KEY")

	// Credentials: the environment first, then what the setup flow stored.
	stored := func(name string) string {
		b, err := os.ReadFile(filepath.Join(c.DataDir, name))
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(b))
	}
	if *appID == "" {
		*appID = stored(AppIDFile)
	}
	secret := getenv("LEAKGUARD_WEBHOOK_SECRET")
	if secret == "" {
		secret = stored(WebhookSecretFile)
	}
	if secret != "" {
		c.WebhookSecrets = append(c.WebhookSecrets, secret)
	}
	if prev := getenv("LEAKGUARD_WEBHOOK_SECRET_PREVIOUS"); prev != "" {
		c.WebhookSecrets = append(c.WebhookSecrets, prev)
	}
	if c.Setup {
		// The setup flow writes the credentials; it needs none, and must not
		// replace an app's key without being told to.
		if c.PublicURL == "" {
			errs = append(errs, errors.New("--setup needs LEAKGUARD_PUBLIC_URL / --public-url: the address where GitHub will send webhooks (for a local try, a tunnel such as smee.io or a reverse proxy)"))
		}
		if keyPath := filepath.Join(c.DataDir, PrivateKeyFile); !c.ReplaceApp && fileExists(keyPath) {
			id := stored(AppIDFile)
			if id == "" {
				id = "unknown"
			}
			errs = append(errs, fmt.Errorf("an app is registered already (app id %s; its private key is %s): run `leakguard serve` without --setup to use it, or add --replace-app to register a new app (the current credentials are kept with a .replaced suffix)", id, keyPath))
		}
		return c, errors.Join(errs...)
	}
	switch {
	case getenv("LEAKGUARD_PRIVATE_KEY") != "":
		c.PrivateKey = []byte(strings.ReplaceAll(getenv("LEAKGUARD_PRIVATE_KEY"), `\n`, "\n"))
	case *keyFile != "":
		b, err := os.ReadFile(*keyFile)
		if err != nil {
			errs = append(errs, fmt.Errorf("LEAKGUARD_PRIVATE_KEY_FILE: %w", keyFileError(err)))
		}
		c.PrivateKey = b
	default:
		b, err := os.ReadFile(filepath.Join(c.DataDir, PrivateKeyFile))
		if err == nil {
			c.PrivateKey = b
		} else if !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("the private key stored by the setup flow: %w", keyFileError(err)))
		}
	}
	if len(c.WebhookSecrets) == 0 {
		errs = append(errs, errors.New("no webhook secret: set LEAKGUARD_WEBHOOK_SECRET (the secret of the GitHub App's webhook), or run `leakguard serve --setup` to register an app"))
	}
	for i, s := range c.WebhookSecrets {
		if len(s) < 16 {
			errs = append(errs, fmt.Errorf("webhook secret %d is shorter than 16 characters; use a long random value", i+1))
		}
	}
	if *appID == "" {
		errs = append(errs, errors.New("no app id: set LEAKGUARD_APP_ID (on the GitHub App's settings page) or run `leakguard serve --setup`"))
	} else if id, err := strconv.ParseInt(*appID, 10, 64); err != nil || id <= 0 {
		errs = append(errs, fmt.Errorf("LEAKGUARD_APP_ID: want a positive number, got %q", *appID))
	} else {
		c.AppID = id
	}
	if len(c.PrivateKey) == 0 {
		errs = append(errs, errors.New("no private key: set LEAKGUARD_PRIVATE_KEY_FILE to the app's .pem file, or LEAKGUARD_PRIVATE_KEY to its content"))
	} else if err := checkPrivateKey(c.PrivateKey); err != nil {
		errs = append(errs, err) // the message never includes the key
	}
	return c, errors.Join(errs...)
}

func checkPrivateKey(pemData []byte) error {
	block, _ := pem.Decode(pemData)
	if block == nil {
		return errors.New("private key: not a PEM block (expected the .pem file GitHub generated)")
	}
	if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return nil
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		if _, ok := k.(*rsa.PrivateKey); ok {
			return nil
		}
		return fmt.Errorf("private key: a PKCS#8 %s key, but GitHub Apps sign with RSA: use the .pem file generated on the app's settings page (Private keys → Generate a private key)", keyKind(k))
	}
	return errors.New("private key: the PEM block is not an RSA private key")
}

// ParseBytes reads a size: a number of bytes with an optional unit (KiB,
// MiB, GiB, TiB; KB, MB, GB, TB are read as the same powers of two).
func ParseBytes(v string) (int64, error) {
	v = strings.TrimSpace(v)
	num := strings.TrimRightFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.ToUpper(strings.TrimSpace(v[len(num):]))
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("size %q: want a number with an optional unit (MiB, GiB)", v)
	}
	shift := map[string]uint{"": 0, "B": 0, "K": 10, "KB": 10, "KIB": 10, "M": 20, "MB": 20, "MIB": 20, "G": 30, "GB": 30, "GIB": 30, "T": 40, "TB": 40, "TIB": 40}
	s, ok := shift[unit]
	if !ok || n > (1<<62)>>s {
		return 0, fmt.Errorf("size %q: unknown unit or too large", v)
	}
	return n << s, nil
}

// keyKind names a private key's algorithm for an error message.
func keyKind(k any) string {
	switch k.(type) {
	case *ecdsa.PrivateKey:
		return "ECDSA"
	case ed25519.PrivateKey:
		return "Ed25519"
	case *ecdh.PrivateKey:
		return "ECDH"
	}
	return fmt.Sprintf("%T", k)
}

// keyFileError explains a key file that cannot be read; in a container that
// is most often a file owned by another user.
func keyFileError(err error) error {
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("%w: the file must be readable by the user leakguard runs as (uid %d); in the container image that is uid 10001 (chown 10001 FILE, mode 0400 or 0600)", err, os.Getuid())
	}
	return err
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// databaseURL checks LEAKGUARD_DATABASE_URL and returns what the store
// opens: a SQLite file path (also given as sqlite:// or sqlite:) or file:
// URL, or a postgres:// / postgresql:// URL. Anything else is refused rather
// than taken for a file name.
func databaseURL(v string) (string, error) {
	scheme, rest, ok := strings.Cut(v, ":")
	if !ok || strings.ContainsAny(scheme, `/\.`) || len(scheme) == 1 { // a path (C:\… on Windows)
		return v, nil
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return v, nil
	case "file":
		return v, nil
	case "sqlite", "sqlite3":
		p := strings.TrimPrefix(rest, "//")
		if p == "" {
			return "", fmt.Errorf("LEAKGUARD_DATABASE_URL / --database-url %q names no SQLite file (sqlite:///data/leakguard.db)", v)
		}
		return p, nil
	}
	return "", fmt.Errorf("LEAKGUARD_DATABASE_URL / --database-url: %q is not supported: use a SQLite file (a path, sqlite:///path or file:path) or a postgres:// URL", scheme+":")
}

// deriveWebURL maps an API base to GitHub's web address: api.github.com to
// github.com, https://HOST/api/v3/ to https://HOST/.
func deriveWebURL(u *url.URL) string {
	if u.Host == "api.github.com" {
		return "https://github.com/"
	}
	w := *u
	w.Path = strings.TrimSuffix(strings.TrimSuffix(w.Path, "/"), "/api/v3") + "/"
	return w.String()
}

// GraphQLURL is the GraphQL endpoint matching a REST API base.
func GraphQLURL(apiBase string) string {
	b := strings.TrimSuffix(apiBase, "/")
	if strings.HasSuffix(b, "/api/v3") {
		return strings.TrimSuffix(b, "/v3") + "/graphql"
	}
	return b + "/graphql"
}
