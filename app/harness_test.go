package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/app/isolation/isolationtest"
	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/internal/fakegithub"
	"github.com/leakguard/leakguard/internal/npmdeps"
)

// The contract tests read two npm packages (see internal/npmdeps; .ci/run
// installs them): GitHub's REST OpenAPI description and its webhook examples.
func openAPIFile(t testing.TB) string {
	return npmdeps.File(t, "@octokit/openapi", "generated/api.github.com.json")
}

func examplesFile(t testing.TB) string {
	return npmdeps.File(t, "@octokit/webhooks-examples", "api.github.com/index.json")
}

var (
	gqlOnce   sync.Once
	gqlSchema *fakegithub.GraphQLSchema
	gqlErr    error
)

// loadGraphQLSchema returns GitHub's GraphQL schema from npm
// @octokit/graphql-schema, or nil (with a log line) when it is not installed:
// the REST contract packages are required, this one is checked when present.
func loadGraphQLSchema(t testing.TB) *fakegithub.GraphQLSchema {
	p := filepath.Join(npmdeps.Dir(), "node_modules", "@octokit", "graphql-schema", "schema.json")
	if _, err := os.Stat(p); err != nil {
		t.Logf("GraphQL requests not checked: %s is missing (npm install --no-save --prefix .npm-deps @octokit/graphql-schema@15.26.1)", p)
		return nil
	}
	gqlOnce.Do(func() { gqlSchema, gqlErr = fakegithub.LoadGraphQLSchema(p) })
	if gqlErr != nil {
		t.Fatal(gqlErr)
	}
	return gqlSchema
}

var (
	specOnce sync.Once
	spec     *fakegithub.Spec
	specErr  error
)

func loadSpec(t testing.TB) *fakegithub.Spec {
	path := openAPIFile(t)
	specOnce.Do(func() { spec, specErr = fakegithub.LoadSpec(path) })
	if specErr != nil {
		t.Fatal(specErr)
	}
	return spec
}

// example returns a webhook example payload from @octokit/webhooks-examples:
// the first of the event's examples with the action that has an installation.
func example(t testing.TB, event, action string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(examplesFile(t))
	if err != nil {
		t.Fatal(err)
	}
	var all []struct {
		Name     string           `json:"name"`
		Examples []map[string]any `json:"examples"`
	}
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	var fallback map[string]any
	for _, e := range all {
		if e.Name != event {
			continue
		}
		for _, ex := range e.Examples {
			if a, _ := ex["action"].(string); a != action {
				continue
			}
			if _, ok := ex["installation"]; ok {
				return ex
			}
			if fallback == nil {
				fallback = ex
			}
		}
	}
	if fallback == nil {
		t.Fatalf("no %s.%s example in @octokit/webhooks-examples", event, action)
	}
	return fallback
}

var (
	keyOnce sync.Once
	keyPEM  []byte
)

func testKey(t testing.TB) []byte {
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		keyPEM = pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	})
	return keyPEM
}

const testSecret = "webhook-secret-for-tests-0123456789"

// harness is leakguard wired to the fake GitHub, served by httptest.
type harness struct {
	t    testing.TB
	fake *fakegithub.Fake
	svc  *Service
	srv  *httptest.Server
	cfg  *config.Server
}

type harnessOpts struct {
	analyzers   []*analyzers.Analyzer
	noStart     bool
	dataDir     string
	fake        *fakegithub.Fake // shared with an earlier harness
	databaseURL string           // default: SQLite in the data directory
	config      func(*config.Server) // adjusts the server configuration
}

func newHarness(t testing.TB, o harnessOpts) *harness {
	t.Helper()
	fake := o.fake
	if fake == nil {
		fake = fakegithub.New()
		t.Cleanup(fake.Server.Close)
	}
	dir := o.dataDir
	if dir == "" {
		dir = t.TempDir()
	}
	cfg := &config.Server{
		AppID: fake.AppID, PrivateKey: testKey(t), WebhookSecrets: []string{testSecret},
		GitHubURL: fake.URL(), DataDir: dir, DatabaseURL: filepath.Join(dir, "leakguard.db"), Workers: 2,
	}
	if o.databaseURL != "" {
		cfg.DatabaseURL = o.databaseURL
	}
	if o.config != nil {
		o.config(cfg)
	}
	level := slog.LevelWarn
	if os.Getenv("LEAKGUARD_TEST_LOG") != "" {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: level}))
	workerCmd, workerEnv := isolationtest.Command()
	svc, err := New(context.Background(), Options{Config: cfg, Analyzers: o.analyzers, Logger: log, Version: "test", PollInterval: 20 * time.Millisecond, Pace: time.Millisecond,
		WorkerCommand: workerCmd, WorkerEnv: workerEnv})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, fake: fake, svc: svc, cfg: cfg}
	if !o.noStart {
		h.start()
	}
	h.srv = httptest.NewServer(svc.Handler())
	t.Cleanup(h.stop)
	return h
}

// stop shuts the server and the workers down (idempotent).
func (h *harness) stop() {
	if h.srv == nil {
		return
	}
	h.srv.Close()
	h.srv = nil
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	h.svc.Stop(ctx)
}

func (h *harness) start() {
	if err := h.svc.Start(context.Background()); err != nil {
		h.t.Fatal(err)
	}
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// deliver signs and posts a webhook as GitHub does.
func (h *harness) deliver(event, delivery string, payload any) (int, string) {
	h.t.Helper()
	body, err := json.Marshal(payload)
	if err != nil {
		h.t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", h.srv.URL+"/webhook", bytes.NewReader(body))
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", delivery)
	req.Header.Set("X-Hub-Signature-256", Sign([]byte(testSecret), body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// wait blocks until no job is queued or running.
func (h *harness) wait() {
	h.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		res, err := h.svc.queue.JobList(context.Background(), river.NewJobListParams().States(
			rivertype.JobStateAvailable, rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled, rivertype.JobStatePending))
		if err != nil {
			h.t.Fatal(err)
		}
		if len(res.Jobs) == 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.t.Fatal("jobs still queued after 90s")
}

// checkContract validates every recorded request against GitHub's OpenAPI
// description.
func (h *harness) checkContract() {
	h.t.Helper()
	s := loadSpec(h.t)
	n := 0
	gql := loadGraphQLSchema(h.t)
	for _, r := range h.fake.Requests() {
		if r.Path == "/graphql" {
			if gql == nil {
				continue
			}
			q, vars, err := r.GraphQL()
			if err != nil {
				h.t.Errorf("contract: graphql body: %v", err)
			}
			for _, p := range gql.Check(q, vars) {
				h.t.Errorf("contract: %s", p)
			}
			continue
		}
		n++
		for _, p := range s.Check(r.Method, r.Path, r.RawQuery, r.Body) {
			h.t.Errorf("contract: %s", p)
		}
	}
	if n == 0 {
		h.t.Error("contract: no request recorded")
	}
	checkPermissions(h.t, h.fake.Requests())
}

// gitRepo is a local repository the fake serves.
type gitRepo struct {
	t   testing.TB
	dir string
}

func newGitRepo(t testing.TB) *gitRepo {
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	return &gitRepo{t: t, dir: dir}
}

func (g *gitRepo) write(files map[string]string) {
	for p, c := range files {
		full := filepath.Join(g.dir, p)
		if c == "" {
			os.Remove(full)
			continue
		}
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			g.t.Fatal(err)
		}
	}
}

// commit writes files ("" deletes) on a branch and returns the commit SHA.
func (g *gitRepo) commit(branch string, files map[string]string) string {
	if branch != "" {
		analysistest.Git(g.t, g.dir, "checkout", "-q", "-B", branch)
	}
	g.write(files)
	analysistest.Git(g.t, g.dir, "add", "-A")
	analysistest.Git(g.t, g.dir, "commit", "-q", "--allow-empty", "-m", "change")
	return strings.TrimSpace(analysistest.Git(g.t, g.dir, "rev-parse", "HEAD"))
}

// prPayload is the pull_request example from @octokit/webhooks-examples,
// pointed at a repository and PR of the fake.
func prPayload(t testing.TB, action string, repo *fakegithub.Repo, number int, base, head string) map[string]any {
	p := example(t, "pull_request", action)
	p = deepCopy(p)
	setRepo(p, repo)
	p["number"] = number
	pr := p["pull_request"].(map[string]any)
	pr["number"] = number
	pr["state"] = "open"
	pr["head"].(map[string]any)["sha"] = head
	pr["base"].(map[string]any)["sha"] = base
	return p
}

func setRepo(p map[string]any, repo *fakegithub.Repo) {
	r := p["repository"].(map[string]any)
	r["id"] = repo.ID
	r["name"] = repo.Name
	r["full_name"] = repo.Owner + "/" + repo.Name
	r["owner"].(map[string]any)["login"] = repo.Owner
	p["installation"] = map[string]any{"id": repo.Installation, "node_id": "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="}
}

func deepCopy(m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	json.Unmarshal(b, &out)
	return out
}
