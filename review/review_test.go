package review

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/suite"
)

type repo struct {
	t   *testing.T
	dir string
}

func (r repo) commit(branch string, files map[string]string) string {
	analysistest.Git(r.t, r.dir, "checkout", "-q", "-B", branch)
	for p, c := range files {
		full := filepath.Join(r.dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	analysistest.Git(r.t, r.dir, "add", "-A")
	analysistest.Git(r.t, r.dir, "commit", "-q", "--allow-empty", "-m", "c")
	return strings.TrimSpace(analysistest.Git(r.t, r.dir, "rev-parse", "HEAD"))
}

// TestConfigFromConfigRev: the configuration comes from ConfigRev (the App's
// base branch tip), not from the merge base nor from the change; problems
// in it and in a configuration the change edits become notices.
func TestConfigFromConfigRev(t *testing.T) {
	r := repo{t, t.TempDir()}
	analysistest.Git(t, r.dir, "init", "-q", "-b", "main")
	mergeBase := r.commit("main", map[string]string{"lib/a.ts": "export const a = 1\n"})
	head := r.commit("feature", map[string]string{
		"lib/a.ts":              "export const a = 2\n",
		".github/leakguard.yml": "block_on: [not, a, severity]\n",
	})
	tip := r.commit("main", map[string]string{".github/leakguard.yml": "warn_only: true\nblock_on: critical\n"})

	res, files, err := Run(context.Background(), Request{Dir: r.dir, Base: mergeBase, Head: head, ConfigRev: tip, Analyzers: suite.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if !res.WarnOnly || res.BlockOn.String() != "critical" {
		t.Errorf("want the base tip's configuration (warn only, block on critical), got warn_only=%v block_on=%s", res.WarnOnly, res.BlockOn)
	}
	if len(files) != 2 {
		t.Errorf("%d changed files, want 2 (merge base to head)", len(files))
	}
	joined := strings.Join(res.Notices, "\n")
	if !strings.Contains(joined, ".github/leakguard.yml as changed here is invalid (it applies after merge)") {
		t.Errorf("want a notice on the configuration the change breaks:\n%s", joined)
	}

	// Without ConfigRev the base's configuration applies: none here.
	res, _, err = Run(context.Background(), Request{Dir: r.dir, Base: mergeBase, Head: head, Analyzers: suite.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if res.WarnOnly {
		t.Error("the merge base has no configuration: defaults apply")
	}

	// A broken configuration where it applies: defaults, and a notice.
	bad := r.commit("main", map[string]string{".github/leakguard.yml": "block_on: [not, a, severity]\n"})
	res, _, err = Run(context.Background(), Request{Dir: r.dir, Base: mergeBase, Head: head, ConfigRev: bad, Analyzers: suite.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(res.Notices, "\n"), ".github/leakguard.yml on the base branch is invalid, defaults apply") {
		t.Errorf("want a notice on the base branch's broken configuration:\n%s", strings.Join(res.Notices, "\n"))
	}
}
