package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestDeployFiles keeps the deployment files parseable and consistent with
// the server's configuration names.
func TestDeployFiles(t *testing.T) {
	for _, f := range []string{"../deploy/compose.yml", "../deploy/kubernetes/leakguard.yaml"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		docs := 0
		for {
			var v any
			if err := dec.Decode(&v); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			docs++
		}
		if docs == 0 {
			t.Errorf("%s: empty", filepath.Base(f))
		}
		for _, env := range []string{"LEAKGUARD_APP_ID", "LEAKGUARD_WEBHOOK_SECRET", "LEAKGUARD_PRIVATE_KEY", "LEAKGUARD_METRICS_ADDR"} {
			if !strings.Contains(string(b), env) {
				t.Errorf("%s does not set %s", f, env)
			}
		}
	}
	// Kubernetes: Prometheus scrapes the metrics port, which the Service
	// (the public entry) does not expose.
	k8s, _ := os.ReadFile("../deploy/kubernetes/leakguard.yaml")
	if !strings.Contains(string(k8s), `prometheus.io/port: "9090"`) || !strings.Contains(string(k8s), `value: ":9090"`) {
		t.Error("kubernetes: metrics not on :9090 or not annotated for scraping")
	}
	if _, svc, _ := strings.Cut(string(k8s), "kind: Service"); strings.Contains(svc, "9090") || strings.Contains(svc, "metrics") {
		t.Error("kubernetes: the Service exposes the metrics port")
	}
}
