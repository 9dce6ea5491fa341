package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestBenchSmall runs the benchmark command at a small size: it builds
// leakguard, generates a repository, reviews a pull request cold, warm and
// without the cache, and fails if the findings differ or none are found.
func TestBenchSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	var out bytes.Buffer
	if err := run(context.Background(), options{sizes: "300", prs: "10", work: t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "| 10 | 300 |") {
		t.Fatalf("unexpected table:\n%s", out.String())
	}
	t.Log("\n" + out.String())
}
