package app

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
)

func TestVerifySignature(t *testing.T) {
	body := []byte(`{"action":"opened"}`)
	cur, prev := []byte("current-secret-0123456789"), []byte("previous-secret-0123456789")
	sha1Sig := func(secret []byte) string {
		m := hmac.New(sha1.New, secret)
		m.Write(body)
		return "sha1=" + hex.EncodeToString(m.Sum(nil))
	}
	for _, tc := range []struct {
		name    string
		secrets [][]byte
		header  string
		ok      bool
	}{
		{"current secret", [][]byte{cur, prev}, Sign(cur, body), true},
		{"previous secret during rotation", [][]byte{cur, prev}, Sign(prev, body), true},
		{"unknown secret", [][]byte{cur, prev}, Sign([]byte("other-secret-0123456789"), body), false},
		{"missing header", [][]byte{cur}, "", false},
		{"sha1 signature", [][]byte{cur}, sha1Sig(cur), false},
		{"no prefix", [][]byte{cur}, strings.TrimPrefix(Sign(cur, body), "sha256="), false},
		{"uppercase prefix", [][]byte{cur}, "SHA256=" + strings.TrimPrefix(Sign(cur, body), "sha256="), false},
		{"truncated", [][]byte{cur}, Sign(cur, body)[:40], false},
		{"not hex", [][]byte{cur}, "sha256=" + strings.Repeat("zz", 32), false},
		{"empty secret never verifies", [][]byte{{}}, Sign(nil, body), false},
		{"no secrets", nil, Sign(cur, body), false},
		{"body changed", [][]byte{cur}, Sign(cur, append(body, ' ')), false},
	} {
		err := VerifySignature(tc.secrets, body, tc.header)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestWebhookRejects(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: []*analyzers.Analyzer{failing}})
	post := func(headers map[string]string, body []byte) int {
		req, _ := http.NewRequest("POST", h.srv.URL+"/webhook", bytes.NewReader(body))
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	body := []byte(`{"zen":"Design for failure."}`)
	good := map[string]string{"X-GitHub-Event": "ping", "X-GitHub-Delivery": "d-1", "X-Hub-Signature-256": Sign([]byte(testSecret), body)}
	if c := post(good, body); c != 200 {
		t.Errorf("signed ping: %d", c)
	}
	unsigned := map[string]string{"X-GitHub-Event": "ping", "X-GitHub-Delivery": "d-2"}
	if c := post(unsigned, body); c != 401 {
		t.Errorf("unsigned: %d, want 401", c)
	}
	noDelivery := map[string]string{"X-GitHub-Event": "ping", "X-Hub-Signature-256": Sign([]byte(testSecret), body)}
	if c := post(noDelivery, body); c != 400 {
		t.Errorf("no delivery id: %d, want 400", c)
	}
	big := bytes.Repeat([]byte("a"), MaxWebhookBytes+1)
	bigH := map[string]string{"X-GitHub-Event": "ping", "X-GitHub-Delivery": "d-3", "X-Hub-Signature-256": Sign([]byte(testSecret), big)}
	if c := post(bigH, big); c != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d, want 413", c)
	}
	bad := []byte(`{"action":"opened","pull_request":`)
	badH := map[string]string{"X-GitHub-Event": "pull_request", "X-GitHub-Delivery": "d-4", "X-Hub-Signature-256": Sign([]byte(testSecret), bad)}
	if c := post(badH, bad); c != 400 {
		t.Errorf("malformed payload: %d, want 400", c)
	}
	for p, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 404} {
		resp, err := http.Get(h.srv.URL + p)
		if err != nil || resp.StatusCode != want {
			t.Errorf("GET %s on the webhook port: %v %v, want %d", p, err, resp, want)
		}
		resp.Body.Close()
	}
	rec := httptest.NewRecorder()
	h.svc.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `leakguard_webhooks_total{event="ping",outcome="bad_signature"} 1`) || !strings.Contains(rec.Body.String(), "\nleakguard_jobs_waiting ") {
		t.Errorf("metrics do not count the rejected webhook:\n%s", rec.Body.String())
	}
}
