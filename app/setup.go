package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/leakguard/leakguard/config"
)

// Manifest is the app manifest, a copy of the repository's app.yml (a test
// keeps the two identical).
//
//go:embed app.yml
var Manifest []byte

// ManifestJSON fills the manifest's URLs for a server reachable at publicURL
// and returns it as the JSON GitHub's manifest flow takes.
func ManifestJSON(publicURL string) ([]byte, error) {
	var m map[string]any
	if err := yaml.Unmarshal(Manifest, &m); err != nil {
		return nil, fmt.Errorf("app.yml: %w", err)
	}
	base := strings.TrimSuffix(publicURL, "/")
	hook, _ := m["hook_attributes"].(map[string]any)
	if hook == nil {
		hook = map[string]any{}
	}
	hook["url"] = base + "/webhook"
	m["hook_attributes"] = hook
	m["redirect_url"] = base + "/setup/callback"
	return json.Marshal(m)
}

// manifestSummary lists the manifest's permissions ("checks write, …") and
// events for the setup page, so the page says what app.yml asks for.
func manifestSummary() (perms, events string) {
	var m struct {
		Permissions map[string]string `yaml:"default_permissions"`
		Events      []string          `yaml:"default_events"`
	}
	yaml.Unmarshal(Manifest, &m)
	var ps []string
	for k, v := range m.Permissions {
		ps = append(ps, strings.ReplaceAll(k, "_", " ")+" "+v)
	}
	sort.Strings(ps)
	return strings.Join(ps, ", "), strings.Join(m.Events, ", ")
}

// SetupHandler serves the manifest flow (GET /setup, GET /setup/callback) and
// health checks, for `leakguard serve --setup`. The app id, private key and
// webhook secret GitHub returns are written to the data directory with 0600
// permissions; the key and secret are never shown or logged.
func SetupHandler(cfg *config.Server, log *slog.Logger) http.Handler {
	h := &setup{cfg: cfg, log: log, states: map[string]time.Time{}, client: &http.Client{Timeout: 30 * time.Second}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /setup", h.page)
	mux.HandleFunc("GET /setup/callback", h.callback)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/setup", http.StatusFound) })
	return mux
}

type setup struct {
	cfg    *config.Server
	log    *slog.Logger
	client *http.Client

	mu     sync.Mutex
	states map[string]time.Time
	done   bool
}

var orgRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$`)

var pageTmpl = template.Must(template.New("setup").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>leakguard setup</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5;padding:0 1rem}
code{background:#f3f3f3;padding:0 .25rem}button{font-size:1rem;padding:.5rem 1rem}</style></head><body>
<h1>Register the leakguard GitHub App</h1>
{{if .Done}}<p>An app was registered from this server already. Restart <code>leakguard serve</code> without <code>--setup</code>.</p>{{else}}
<p>This creates a private GitHub App from leakguard's manifest (<code>app.yml</code>) with the least privileges it needs:
{{.Permissions}}; events {{.Events}}.
Webhooks will go to <code>{{.Hook}}</code>.</p>
<form action="{{.Action}}" method="post">
<input type="hidden" name="manifest" value="{{.Manifest}}">
<p><button type="submit">Create the GitHub App{{if .Org}} for {{.Org}}{{end}}</button></p>
</form>
<p>To register it for an organization, open <code>/setup?org=NAME</code>.</p>
<p>GitHub will ask you to confirm, then send you back here; leakguard stores the app id, private key and webhook
secret in <code>{{.DataDir}}</code> (files readable only by this user).</p>{{end}}
</body></html>`))

var doneTmpl = template.Must(template.New("done").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>leakguard registered</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5;padding:0 1rem}code{background:#f3f3f3;padding:0 .25rem}</style></head><body>
<h1>leakguard is registered</h1>
<p>GitHub App <strong>{{.Slug}}</strong> (id {{.ID}}) was created. Its private key and webhook secret are stored in
<code>{{.DataDir}}</code>; they are not shown here.</p>
<ol>
<li><a href="{{.InstallURL}}">Install the app</a> on the repositories to review.</li>
<li>Stop this setup server and start <code>leakguard serve</code> (without <code>--setup</code>) with the same data directory.</li>
<li>Open a pull request: the <code>leakguard</code> check appears on it. Make it required in the branch protection rules to block merges.</li>
</ol></body></html>`))

func (h *setup) page(w http.ResponseWriter, r *http.Request) {
	org := r.URL.Query().Get("org")
	if org != "" && !orgRE.MatchString(org) {
		http.Error(w, "bad organization name", http.StatusBadRequest)
		return
	}
	manifest, err := ManifestJSON(h.cfg.PublicURL)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	state := randomHex(16)
	h.mu.Lock()
	for s, t := range h.states {
		if time.Since(t) > time.Hour {
			delete(h.states, s)
		}
	}
	h.states[state] = time.Now()
	done := h.done
	h.mu.Unlock()
	action := strings.TrimSuffix(h.cfg.WebURL, "/") + "/settings/apps/new"
	if org != "" {
		action = strings.TrimSuffix(h.cfg.WebURL, "/") + "/organizations/" + url.PathEscape(org) + "/settings/apps/new"
	}
	action += "?state=" + state
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	perms, events := manifestSummary()
	pageTmpl.Execute(w, map[string]any{
		"Action": template.URL(action), "Manifest": string(manifest), "Org": org, "Done": done, "Permissions": perms, "Events": events,
		"Hook": strings.TrimSuffix(h.cfg.PublicURL, "/") + "/webhook", "DataDir": h.cfg.DataDir,
	})
}

func (h *setup) callback(w http.ResponseWriter, r *http.Request) {
	code, state := r.URL.Query().Get("code"), r.URL.Query().Get("state")
	h.mu.Lock()
	valid := false
	for s, t := range h.states {
		if subtle.ConstantTimeCompare([]byte(s), []byte(state)) == 1 && time.Since(t) < time.Hour {
			valid = true
			delete(h.states, s)
		}
	}
	h.mu.Unlock()
	if !valid || code == "" || len(code) > 100 {
		http.Error(w, "unknown or expired setup state: start again from /setup", http.StatusBadRequest)
		return
	}
	app, err := h.convert(r.Context(), code)
	if err != nil {
		h.log.Error("manifest conversion failed", "error", err)
		http.Error(w, "GitHub did not complete the registration: "+err.Error(), http.StatusBadGateway)
		return
	}
	if err := h.save(app); err != nil {
		h.log.Error("cannot store app credentials", "error", err)
		http.Error(w, "the app was created but its credentials could not be stored: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h.mu.Lock()
	h.done = true
	h.mu.Unlock()
	h.log.Info("GitHub App registered", "app_id", app.ID, "slug", app.Slug)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	install := strings.TrimSuffix(app.HTMLURL, "/") + "/installations/new"
	doneTmpl.Execute(w, map[string]any{"Slug": app.Slug, "ID": app.ID, "DataDir": h.cfg.DataDir, "InstallURL": template.URL(install)})
}

type manifestApp struct {
	ID            int64  `json:"id"`
	Slug          string `json:"slug"`
	HTMLURL       string `json:"html_url"`
	PEM           string `json:"pem"`
	WebhookSecret string `json:"webhook_secret"`
}

// convert exchanges the temporary code (POST /app-manifests/{code}/conversions).
func (h *setup) convert(ctx context.Context, code string) (*manifestApp, error) {
	u := h.cfg.GitHubURL + "app-manifests/" + url.PathEscape(code) + "/conversions"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("POST /app-manifests/{code}/conversions answered %d", resp.StatusCode)
	}
	var app manifestApp
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&app); err != nil {
		return nil, err
	}
	if app.ID == 0 || app.PEM == "" || app.WebhookSecret == "" {
		return nil, errors.New("the conversion returned no app id, key or webhook secret")
	}
	return &app, nil
}

// save writes the new app's credentials. A stored key is replaced only with
// --replace-app, and then kept as private-key.pem.replaced (and likewise the
// app id and secret): losing an app's only key locks its owner out.
func (h *setup) save(app *manifestApp) error {
	if err := os.MkdirAll(h.cfg.DataDir, 0o700); err != nil {
		return err
	}
	files := map[string]string{
		config.AppIDFile:         strconv.FormatInt(app.ID, 10) + "\n",
		config.PrivateKeyFile:    app.PEM,
		config.WebhookSecretFile: app.WebhookSecret + "\n",
	}
	keyPath := filepath.Join(h.cfg.DataDir, config.PrivateKeyFile)
	if _, err := os.Stat(keyPath); err == nil {
		if !h.cfg.ReplaceApp {
			return fmt.Errorf("%s exists (an app is registered already) and --replace-app was not given; the new app %q has to be deleted on GitHub or its key generated again there", keyPath, app.Slug)
		}
		for name := range files {
			p := filepath.Join(h.cfg.DataDir, name)
			if err := os.Rename(p, p+".replaced"); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
	}
	for name, data := range files {
		p := filepath.Join(h.cfg.DataDir, name)
		// O_EXCL: nothing written by someone else in between is overwritten.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		if _, err := f.WriteString(data); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
