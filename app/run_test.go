package app

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/internal/fakegithub"
)

// TestRunServes drives Run, what `leakguard serve` calls: it listens, reviews
// a pull request end to end, and stops cleanly when its context ends.
func TestRunServes(t *testing.T) {
	fake := fakegithub.New()
	defer fake.Server.Close()
	h := &harness{t: t, fake: fake}
	pr := vulnerablePR(t, h)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	dir := t.TempDir()
	cfg := &config.Server{Addr: addr, AppID: fake.AppID, PrivateKey: testKey(t), WebhookSecrets: []string{testSecret},
		GitHubURL: fake.URL(), DataDir: dir, DatabaseURL: filepath.Join(dir, "leakguard.db"), Workers: 1, ShutdownTimeout: 5 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, cfg, suite.Default(), "test", slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})))
	}()

	base := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil && resp.StatusCode == 200 {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	body, _ := json.Marshal(prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	req, _ := http.NewRequest("POST", base+"/webhook", bytes.NewReader(body))
	req.Header.Set("X-GitHub-Event", "pull_request")
	req.Header.Set("X-GitHub-Delivery", "run-1")
	req.Header.Set("X-Hub-Signature-256", Sign([]byte(testSecret), body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("webhook: %v %v", err, resp)
	}
	resp.Body.Close()
	for len(fake.CheckRuns()) == 0 || fake.CheckRuns()[0].Status != "completed" {
		if time.Now().After(deadline.Add(30 * time.Second)) {
			t.Fatalf("no completed check run: %s", describe(fake.CheckRuns()))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if c := fake.CheckRuns()[0].Conclusion; c != "failure" {
		t.Errorf("conclusion %s", c)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v after a clean stop", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Run did not stop")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still serving after stop")
	}
}

func TestRunSetupMode(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := &config.Server{Addr: addr, Setup: true, PublicURL: "https://lg.example", WebURL: "https://github.com/", GitHubURL: "https://api.github.com/",
		DataDir: t.TempDir(), ShutdownTimeout: time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, suite.Default(), "test", slog.New(slog.DiscardHandler)) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/setup")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("/setup: %d", resp.StatusCode)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// No webhook endpoint without an app.
	resp, err := http.Post("http://"+addr+"/webhook", "application/json", bytes.NewReader([]byte("{}")))
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("setup mode answered %d on /webhook", resp.StatusCode)
		}
	}
}
