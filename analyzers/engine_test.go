package analyzers_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/source"
)

// markRule flags every line that calls dangerouslyTrust(...). It stands in
// for a real rule so the engine's own behaviour can be tested in isolation.
var markRule = &analyzers.Rule{ID: "auth-guard/test-mark", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High, Summary: "test rule"}

var markAnalyzer = &analyzers.Analyzer{
	Name:  "mark",
	Rules: []*analyzers.Rule{markRule},
	Run: func(pass *analyzers.Pass) error {
		for _, f := range pass.Files {
			data, err := pass.Read(pass.Path(f))
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(data), "\n") {
				if strings.Contains(line, "dynamic(") {
					pass.Notice("%s: dynamic() cannot be analyzed", pass.Path(f))
				}
				if strings.Contains(line, "dangerouslyTrust(") {
					pass.Report(analyzers.Finding{Rule: markRule, Path: pass.Path(f), StartLine: i + 1, Message: "trusted", Fix: "don't"})
				}
			}
		}
		return nil
	},
}

type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	return &repo{t, dir}
}

func (r *repo) write(name, content string) {
	p := filepath.Join(r.dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit() string {
	analysistest.Git(r.t, r.dir, "add", "-A")
	analysistest.Git(r.t, r.dir, "commit", "-q", "--allow-empty", "-m", "c")
	return strings.TrimSpace(analysistest.Git(r.t, r.dir, "rev-parse", "HEAD"))
}

func byStatus(res *analyzers.Result) map[analyzers.Status][]*analyzers.Finding {
	m := map[analyzers.Status][]*analyzers.Finding{}
	for _, f := range res.Findings {
		m[f.Status] = append(m[f.Status], f)
	}
	return m
}

func TestStatusesSurviveLineShifts(t *testing.T) {
	r := newRepo(t)
	r.write("a.ts", "const x = dangerouslyTrust(a)\nconst y = dangerouslyTrust(b)\n")
	base := r.commit()
	// The old findings move down four lines and get re-indented; one is removed, one added.
	r.write("a.ts", "// header\n// more\n\n\n  const x   =   dangerouslyTrust(a)\nconst z = dangerouslyTrust(c)\n")
	head := r.commit()
	res := analysistest.RunEngine(t, r.dir, base, head, markAnalyzer)
	st := byStatus(res)
	if len(st[analyzers.StatusExisting]) != 1 || st[analyzers.StatusExisting][0].StartLine != 5 {
		t.Errorf("existing: %v", st[analyzers.StatusExisting])
	}
	if len(st[analyzers.StatusNew]) != 1 || st[analyzers.StatusNew][0].StartLine != 6 {
		t.Errorf("new: %v", st[analyzers.StatusNew])
	}
	if len(st[analyzers.StatusFixed]) != 1 || st[analyzers.StatusFixed][0].StartLine != 2 {
		t.Errorf("fixed: %v", st[analyzers.StatusFixed])
	}
	if !res.Fails() || len(res.Blocking()) != 1 {
		t.Errorf("one new high finding must block: blocking=%d", len(res.Blocking()))
	}
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.ID, "LG-") || len(f.Fingerprint) != 64 {
			t.Errorf("bad id/fingerprint %q %q", f.ID, f.Fingerprint)
		}
	}
}

func TestNoticesComeFromHeadOnce(t *testing.T) {
	r := newRepo(t)
	r.write("a.ts", "dynamic(1)\n")
	base := r.commit()
	r.write("a.ts", "dynamic(1)\ndynamic(2)\n")
	head := r.commit()
	res := analysistest.RunEngine(t, r.dir, base, head, markAnalyzer)
	if len(res.Notices) != 1 || res.Notices[0] != "a.ts: dynamic() cannot be analyzed" {
		t.Errorf("notices %q", res.Notices)
	}
}

func TestIdenticalLinesGetDistinctFingerprints(t *testing.T) {
	r := newRepo(t)
	r.write("a.ts", "dangerouslyTrust(a)\n")
	base := r.commit()
	r.write("a.ts", "dangerouslyTrust(a)\ndangerouslyTrust(a)\n")
	head := r.commit()
	st := byStatus(analysistest.RunEngine(t, r.dir, base, head, markAnalyzer))
	if len(st[analyzers.StatusExisting]) != 1 || len(st[analyzers.StatusNew]) != 1 {
		t.Fatalf("a duplicated line is one existing and one new finding, got %v", st)
	}
}

func TestRenameKeepsExistingStatus(t *testing.T) {
	r := newRepo(t)
	body := strings.Repeat("// filler line to keep similarity\n", 10)
	r.write("old.ts", body+"dangerouslyTrust(a)\n")
	base := r.commit()
	os.Remove(filepath.Join(r.dir, "old.ts"))
	r.write("moved/new.ts", body+"dangerouslyTrust(a)\n")
	head := r.commit()
	st := byStatus(analysistest.RunEngine(t, r.dir, base, head, markAnalyzer))
	if len(st[analyzers.StatusExisting]) != 1 || len(st[analyzers.StatusNew]) != 0 || len(st[analyzers.StatusFixed]) != 0 {
		t.Fatalf("a moved finding must stay existing: %v", st)
	}
}

func TestSuppressionNeedsAReason(t *testing.T) {
	r := newRepo(t)
	base := r.commit()
	r.write("a.ts", strings.Join([]string{
		"// leakguard-ignore auth-guard/test-mark: the value is a constant, not user input",
		"dangerouslyTrust(CONST)",
		"dangerouslyTrust(other) // leakguard-ignore auth-guard",
		"// leakguard-ignore auth-guard/test-mark",
		"dangerouslyTrust(input)",
		"// leakguard-ignore secrets/stripe-key: wrong rule",
		"dangerouslyTrust(input2)",
	}, "\n"))
	head := r.commit()
	res := analysistest.RunEngine(t, r.dir, base, head, markAnalyzer)
	if len(res.Suppressed) != 1 || res.Suppressed[0].Finding.StartLine != 2 || res.Suppressed[0].Reason != "the value is a constant, not user input" {
		t.Fatalf("suppressed: %+v", res.Suppressed)
	}
	var lines []int
	for _, f := range res.Findings {
		lines = append(lines, f.StartLine)
	}
	if len(lines) != 3 || lines[0] != 3 || lines[1] != 5 || lines[2] != 7 {
		t.Errorf("unsuppressed findings at %v, want [3 5 7]", lines)
	}
	notices := strings.Join(res.Notices, "\n")
	if !strings.Contains(notices, "a.ts:4") || !strings.Contains(notices, "no reason") || !strings.Contains(notices, "a.ts:3") {
		t.Errorf("reasonless suppressions must be reported, notices: %s", notices)
	}
}

func TestRepoConfigFromBase(t *testing.T) {
	r := newRepo(t)
	r.write(".github/leakguard.yml", "rules:\n  auth-guard/test-mark: low\npaths:\n  exclude: [\"**/generated/**\"]\n")
	base := r.commit()
	// The PR tries to switch the rule off; the base config still applies.
	r.write(".github/leakguard.yml", "rules:\n  auth-guard: off\n")
	r.write("src/a.ts", "dangerouslyTrust(x)\n")
	r.write("src/generated/b.ts", "dangerouslyTrust(x)\n")
	head := r.commit()
	res := analysistest.RunEngine(t, r.dir, base, head, markAnalyzer)
	if len(res.Findings) != 1 || res.Findings[0].Path != "src/a.ts" || res.Findings[0].Severity != analyzers.Low {
		t.Fatalf("findings: %+v", res.Findings)
	}
	if res.Fails() {
		t.Error("a low finding must not block at the default threshold")
	}
	skipped := false
	for _, s := range res.Skipped {
		skipped = skipped || (s.Path == "src/generated/b.ts" && strings.Contains(s.Reason, "excluded"))
	}
	if !skipped {
		t.Errorf("excluded file not listed as skipped: %+v", res.Skipped)
	}
}

func TestAnalyzerFailureFailsTheReview(t *testing.T) {
	r := newRepo(t)
	base := r.commit()
	r.write("a.ts", "x\n")
	head := r.commit()
	boom := &analyzers.Analyzer{Name: "boom", Run: func(*analyzers.Pass) error { panic("nil map") }}
	bad := &analyzers.Analyzer{Name: "bad", Run: func(*analyzers.Pass) error { return errors.New("cannot read") }}
	for _, a := range []*analyzers.Analyzer{boom, bad} {
		ctx := t.Context()
		ch, err := source.OpenGit(ctx, r.dir, base, head)
		if err != nil {
			t.Fatal(err)
		}
		_, err = (&analyzers.Engine{Analyzers: []*analyzers.Analyzer{a}}).Run(ctx, ch, nil)
		ch.Close()
		if err == nil || !strings.Contains(err.Error(), "analyzer "+a.Name) {
			t.Errorf("%s: err = %v, want the review to fail naming the analyzer", a.Name, err)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_51Mz9QpLkT3vXa8RbHc2Jd7Wn4Ys6": "sk_live_…Ys6",
		"whsec_abcDEF123456789xyzXYZ":           "whsec_…zXYZ",
		"short":                                 "****",
	} {
		got := analyzers.Redact(in)
		if in != "short" && (strings.Contains(got, in[len(in)-8:len(in)-4]) || !strings.HasSuffix(got, in[len(in)-4:])) {
			t.Errorf("Redact(%q) = %q shows too much", in, got)
		}
		if in == "short" && got != want {
			t.Errorf("Redact(short) = %q", got)
		}
	}
	line := `const key = "sk_live_51Mz9QpLkT3vXa8RbHc2Jd7Wn4Ys6Ue1Fg0Ki5Oh9Pq3Rt8Sv2"; const NAME_OF_A_CONSTANT_THING = 1`
	masked := analyzers.MaskTokens(line)
	if strings.Contains(masked, "Jd7Wn4Ys6Ue1Fg0") || !strings.Contains(masked, "NAME_OF_A_CONSTANT_THING") {
		t.Errorf("MaskTokens: %s", masked)
	}
}

// TestBaseView: a head pass reads the base side of a changed file and the
// repository at base without any state of its own between passes.
func TestBaseView(t *testing.T) {
	rule := &analyzers.Rule{ID: "auth-guard/test-removed", Category: analyzers.CategoryAuthGuard, Severity: analyzers.High, Summary: "t"}
	removed := &analyzers.Analyzer{Name: "removed", Rules: []*analyzers.Rule{rule}, Run: func(pass *analyzers.Pass) error {
		base := pass.Base()
		if pass.Side == source.Base {
			if base != nil {
				t.Error("a base pass has no base view")
			}
			return nil
		}
		for _, f := range pass.Files {
			if !f.ExistsAt(source.Base) {
				continue
			}
			old, err := base.Read(f.PathAt(source.Base))
			if err != nil {
				return err
			}
			now, _ := pass.Read(pass.Path(f))
			if strings.Contains(string(old), "requireUser()") && !strings.Contains(string(now), "requireUser()") {
				pass.Report(analyzers.Finding{Rule: rule, Path: pass.Path(f), StartLine: 1, Message: "check removed", Key: "removed"})
			}
		}
		return nil
	}}
	r := newRepo(t)
	r.write("old.ts", strings.Repeat("// padding to keep the rename similar\n", 8)+"requireUser()\nwork()\n")
	base := r.commit()
	os.Remove(filepath.Join(r.dir, "old.ts"))
	r.write("new.ts", strings.Repeat("// padding to keep the rename similar\n", 8)+"work()\n")
	head := r.commit()
	res := analysistest.RunEngine(t, r.dir, base, head, removed)
	if len(res.Findings) != 1 || res.Findings[0].Path != "new.ts" || res.Findings[0].Status != analyzers.StatusNew {
		t.Fatalf("findings %+v", res.Findings)
	}
}
