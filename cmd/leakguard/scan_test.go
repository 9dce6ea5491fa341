package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/checks"
)

var (
	leakyRoute = "import Stripe from 'stripe'\n\nconst stripe = new Stripe('" + liveKey + "')\n\nexport async function POST() {\n  return Response.json({ ok: true })\n}\n"
	safeRoute  = "import Stripe from 'stripe'\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n\nexport async function POST() {\n  return Response.json({ ok: true })\n}\n"
)

func jsonReport(t *testing.T, out string) checks.JSONReport {
	t.Helper()
	var rep checks.JSONReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	return rep
}

func rules(rep checks.JSONReport) string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Status+" "+f.Rule+"@"+f.Path)
	}
	return strings.Join(out, ", ")
}

// gitState is what a scan must leave alone: the status, the index and the
// number of objects in the repository.
func gitState(t *testing.T, dir string) string {
	idx, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	return analysistest.Git(t, dir, "--no-optional-locks", "status", "--porcelain") + analysistest.Git(t, dir, "count-objects") + string(idx)
}

func TestScanIncludesUncommittedChanges(t *testing.T) {
	dir := prRepo(t, appBase, files{"app/api/checkout/route.ts": leakyRoute})
	// The developer fixes the leak and scans again before committing.
	writeFiles(t, dir, files{"app/api/checkout/route.ts": safeRoute})
	before := gitState(t, dir)
	out, stderr, code := execScan(t, dir)
	if code != 0 || !strings.Contains(out, "working tree (uncommitted changes included)") || strings.Contains(out, "sk_live") {
		t.Fatalf("fixed in the working tree: exit %d, want 0 and a header saying uncommitted changes are included\n%s%s", code, out, stderr)
	}
	if after := gitState(t, dir); after != before {
		t.Errorf("the scan changed the repository:\nbefore %q\nafter  %q", before, after)
	}
	// --head names a commit: only committed work is reviewed.
	if _, _, code := execScan(t, dir, "--head", "HEAD"); code != 1 {
		t.Errorf("--head HEAD: exit %d, want 1 (the commit still has the key)", code)
	}

	// A new leak in an untracked file is part of the working tree too.
	analysistest.Git(t, dir, "checkout", "--", ".")
	writeFiles(t, dir, files{"lib/pay.ts": "export const key = '" + liveKey + "'\n"})
	out, _, code = execScan(t, dir, "--format", "json")
	rep := jsonReport(t, out)
	if code != 1 || rep.Uncommitted != "working tree" || !strings.Contains(rules(rep), "new secrets/stripe-key@lib/pay.ts") {
		t.Errorf("untracked leak: exit %d uncommitted %q findings %s", code, rep.Uncommitted, rules(rep))
	}
	if head := strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD")); rep.Head != head {
		t.Errorf("head %q, want the commit the working tree is on (%s)", rep.Head, head)
	}
}

func TestScanStaged(t *testing.T) {
	dir := prRepo(t, appBase, files{"README.md": "hi\n"})
	// Staged: the leak. In the working tree: already fixed, not yet staged.
	writeFiles(t, dir, files{"app/api/checkout/route.ts": leakyRoute})
	analysistest.Git(t, dir, "add", "app/api/checkout/route.ts")
	writeFiles(t, dir, files{"app/api/checkout/route.ts": safeRoute})
	before := gitState(t, dir)

	out, stderr, code := execScan(t, dir, "--staged", "--format", "json")
	rep := jsonReport(t, out)
	if code != 1 || rep.Uncommitted != "staged changes" || !strings.Contains(rules(rep), "new secrets/stripe-key@app/api/checkout/route.ts") {
		t.Errorf("--staged: exit %d uncommitted %q findings %s; stderr %s", code, rep.Uncommitted, rules(rep), stderr)
	}
	if _, _, code := execScan(t, dir); code != 0 {
		t.Errorf("working tree (fixed): exit %d, want 0", code)
	}
	if after := gitState(t, dir); after != before {
		t.Errorf("the scan changed the repository or its index")
	}
	if _, stderr, code := execScan(t, dir, "--staged", "--head", "HEAD"); code != 2 || !strings.Contains(stderr, "--staged") {
		t.Errorf("--staged with --head: exit %d %q", code, stderr)
	}
}

// origin makes a repository whose default branch main has appBase and whose
// branch feature adds two critical findings; it is left on main, as a
// hosted repository's HEAD is.
func origin(t *testing.T) string {
	dir := prRepo(t, appBase, files{
		"app/api/checkout/route.ts": leakyRoute,
		".env.production":           "NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=" + serviceJWT + "\n",
	})
	analysistest.Git(t, dir, "checkout", "-q", "main")
	return dir
}

func clone(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "clone")
	cmd := exec.Command("git", append(append([]string{"clone", "-q"}, args...), dir)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git clone %v: %v\n%s", args, err, out)
	}
	return dir
}

func TestScanShallowCloneIsDeepenedNeverPassed(t *testing.T) {
	src := origin(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"single branch, depth 1", []string{"--depth", "1", "--branch", "feature", "file://" + src}},
		{"all branches, depth 1", []string{"--depth", "1", "--no-single-branch", "--branch", "feature", "file://" + src}},
	} {
		dir := clone(t, tc.args...)
		if out := analysistest.Git(t, dir, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(out) != "true" {
			t.Fatalf("%s: clone is not shallow", tc.name)
		}
		out, stderr, code := execScan(t, dir, "--format", "json")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (two critical findings on the branch); stderr %s", tc.name, code, stderr)
			continue
		}
		rep := jsonReport(t, out)
		if !strings.Contains(strings.Join(rep.Notices, "\n"), "the clone was shallow") || !strings.Contains(rules(rep), "new secrets/stripe-key@app/api/checkout/route.ts") {
			t.Errorf("%s: notices %q findings %s", tc.name, rep.Notices, rules(rep))
		}
	}

	// Without a remote to fetch from, the scan refuses instead of passing.
	dir := clone(t, "--depth", "1", "--branch", "feature", "file://"+src)
	analysistest.Git(t, dir, "remote", "remove", "origin")
	_, stderr, code := execScan(t, dir)
	if code != 2 || !strings.Contains(stderr, "shallow clone") || !strings.Contains(stderr, "git fetch --unshallow") {
		t.Errorf("shallow clone without a remote: exit %d, stderr %q; want 2 and how to fetch the history", code, stderr)
	}
	// An explicit base that the clone lacks is fetched by its id.
	dir = clone(t, "--depth", "1", "--branch", "feature", "file://"+src)
	mainSHA := strings.TrimSpace(analysistest.Git(t, src, "rev-parse", "main"))
	if _, stderr, code := execScan(t, dir, "--base", mainSHA); code != 1 {
		t.Errorf("--base %s in a shallow clone: exit %d, stderr %s", mainSHA, code, stderr)
	}
}

func TestScanAllAuditsEveryFile(t *testing.T) {
	base := files{"lib/stripe.ts": "export const key = '" + liveKey + "'\n"}
	for k, v := range appBase {
		base[k] = v
	}
	dir := prRepo(t, base, files{"README.md": "hi\n"})
	if _, _, code := execScan(t, dir); code != 0 {
		t.Fatalf("the branch adds nothing: exit %d, want 0", code)
	}
	out, stderr, code := execScan(t, dir, "--all", "--format", "json")
	rep := jsonReport(t, out)
	empty := strings.TrimSpace(analysistest.Git(t, dir, "hash-object", "-t", "tree", "/dev/null"))
	if code != 1 || rep.Base != empty || !strings.Contains(rules(rep), "new secrets/stripe-key@lib/stripe.ts") || rep.Stats.FilesChanged != len(base)+1 {
		t.Errorf("--all: exit %d base %s files %d findings %s; stderr %s", code, rep.Base, rep.Stats.FilesChanged, rules(rep), stderr)
	}
}

func TestScanBaseline(t *testing.T) {
	dir := prRepo(t, appBase, files{"app/api/checkout/route.ts": leakyRoute})
	for _, format := range []string{"json", "sarif"} {
		report := filepath.Join(t.TempDir(), "baseline."+format)
		if _, _, code := execScan(t, dir, "--all", "--format", format, "--output", report); code != 1 {
			t.Fatalf("baseline run: exit %d", code)
		}
		// The accepted finding moves down two lines; a new one is added.
		writeFiles(t, dir, files{
			"app/api/checkout/route.ts": "// payments\n\n" + leakyRoute,
			"lib/pay.ts":                "export const key = '" + liveKey + "'\n",
		})
		out, stderr, code := execScan(t, dir, "--all", "--format", "json", "--baseline", report)
		rep := jsonReport(t, out)
		if code != 1 || rules(rep) != "new secrets/stripe-key@lib/pay.ts" || !strings.Contains(strings.Join(rep.Notices, "\n"), "already in the baseline") {
			t.Errorf("%s baseline: exit %d findings %q notices %q stderr %s", format, code, rules(rep), rep.Notices, stderr)
		}
		analysistest.Git(t, dir, "checkout", "--", ".")
		os.Remove(filepath.Join(dir, "lib/pay.ts"))
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"runs":[{"results":[{"ruleId":"x"}]}]}`), 0o644)
	if _, stderr, code := execScan(t, dir, "--baseline", bad); code != 2 || !strings.Contains(stderr, "not a leakguard report") {
		t.Errorf("foreign SARIF as baseline: exit %d %q", code, stderr)
	}
}

func TestScanCIKnobs(t *testing.T) {
	dir := prRepo(t, appBase, files{".env.production": "NEXT_PUBLIC_SUPABASE_URL=https://abcd.supabase.co\nNEXT_PUBLIC_STRIPE_KEY=" + liveKey + "\n"})
	if _, _, code := execScan(t, dir, "--exit-code", "3"); code != 3 {
		t.Errorf("--exit-code 3: exit %d", code)
	}
	if _, _, code := execScan(t, dir, "--exit-code", "0"); code != 0 {
		t.Errorf("--exit-code 0: exit %d", code)
	}
	out, _, _ := execScan(t, dir, "--format", "json")
	rep := jsonReport(t, out)
	var highest string
	for _, f := range rep.Findings {
		if f.Severity == "critical" {
			highest = "critical"
		}
	}
	if highest != "critical" {
		t.Fatalf("want a critical finding to test thresholds: %s", rules(rep))
	}
	if _, _, code := execScan(t, dir, "--fail-on", "critical"); code != 1 {
		t.Errorf("--fail-on critical with a critical finding: exit %d", code)
	}
	if _, stderr, code := execScan(t, dir, "--fail-on", "severe"); code != 2 || !strings.Contains(stderr, "--fail-on") {
		t.Errorf("--fail-on severe: exit %d %q", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "out.sarif")
	out, _, code := execScan(t, dir, "--format", "sarif", "--output", file)
	data, _ := os.ReadFile(file)
	if code != 1 || out != "" || !strings.Contains(string(data), `"version": "2.1.0"`) {
		t.Errorf("--output: exit %d, stdout %q, file %d bytes", code, out, len(data))
	}
	for _, args := range [][]string{{"--version"}, {"version"}, {"scan", "--version"}} {
		cmd := exec.Command(binary, args...)
		got, err := cmd.Output()
		if err != nil || !strings.HasPrefix(string(got), "leakguard ") || !strings.Contains(string(got), "ruleset") {
			t.Errorf("leakguard %v: %q %v", args, got, err)
		}
	}
}

func TestScanNoticesInJSONAndSARIF(t *testing.T) {
	base := files{".github/leakguard.yml": "version: 1\nblock_on: severe\n"}
	for k, v := range appBase {
		base[k] = v
	}
	dir := prRepo(t, base, files{"README.md": "hi\n"})
	out, _, _ := execScan(t, dir, "--format", "json")
	rep := jsonReport(t, out)
	if !strings.Contains(strings.Join(rep.Notices, "\n"), "is invalid, defaults apply") {
		t.Errorf("JSON notices %q", rep.Notices)
	}
	out, _, _ = execScan(t, dir, "--format", "sarif")
	var sarif struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	json.Unmarshal([]byte(out), &sarif)
	if len(sarif.Runs) != 1 || len(sarif.Runs[0].Invocations) != 1 || len(sarif.Runs[0].Invocations[0].Notifications) == 0 ||
		!strings.Contains(sarif.Runs[0].Invocations[0].Notifications[0].Message.Text, "is invalid, defaults apply") {
		t.Errorf("SARIF invocation notifications: %+v", sarif)
	}
}

func TestScanConfigFlagErrors(t *testing.T) {
	dir := prRepo(t, appBase, files{"README.md": "hi\n"})
	bad := filepath.Join(t.TempDir(), "leakguard.yml")
	os.WriteFile(bad, []byte("version: 1\nrules:\n  secrets: loud\n"), 0o644)
	_, stderr, code := execScan(t, dir, "--config", bad)
	if code != 2 || !strings.Contains(stderr, "line 3") {
		t.Errorf("invalid --config: exit %d, stderr %q; want 2 naming line 3", code, stderr)
	}
	_, stderr, code = execScan(t, dir, "--config", filepath.Join(t.TempDir(), "missing.yml"))
	if code != 2 || !strings.Contains(stderr, "missing.yml") {
		t.Errorf("unreadable --config: exit %d, stderr %q", code, stderr)
	}
}

func TestScanErrorsNameTheProblem(t *testing.T) {
	notGit := t.TempDir()
	for _, tc := range []struct {
		dir  string
		args []string
		want string
	}{
		{notGit, nil, "is not in a git repository"},
		{notGit, []string{"--repo", filepath.Join(notGit, "nope")}, "no such directory"},
	} {
		_, stderr, code := execScan(t, tc.dir, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "is not a commit") {
			t.Errorf("scan %v in %s: exit %d, stderr %q; want 2 and %q", tc.args, tc.dir, code, stderr, tc.want)
		}
	}
	// A repository without commits: uncommitted files are reviewed against the empty tree.
	fresh := t.TempDir()
	analysistest.Git(t, fresh, "init", "-q")
	_, stderr, code := execScan(t, fresh)
	if code != 2 || !strings.Contains(stderr, "has no commits and no files") {
		t.Errorf("empty repository: exit %d %q", code, stderr)
	}
	writeFiles(t, fresh, files{"lib/pay.ts": "export const key = '" + liveKey + "'\n"})
	if _, stderr, code := execScan(t, fresh); code != 1 {
		t.Errorf("repository without commits, one leaking file: exit %d %q", code, stderr)
	}
}

func TestScanProgressOnlyOnATerminal(t *testing.T) {
	dir := prRepo(t, appBase, files{"app/api/checkout/route.ts": leakyRoute})
	_, stderr, _ := execScan(t, dir)
	if strings.Contains(stderr, "\r") || strings.Contains(stderr, "analyzing") {
		t.Errorf("progress written to a pipe: %q", stderr)
	}
	script, err := exec.LookPath("script")
	if err != nil {
		t.Fatalf("script (util-linux) runs the scan on a terminal: %v", err)
	}
	// script gives the scan a pseudo-terminal; stdout goes to a file.
	out := filepath.Join(t.TempDir(), "report.txt")
	cmd := exec.Command(script, "-qec", binary+" scan --output "+out, "/dev/null")
	cmd.Dir = dir
	term, _ := cmd.CombinedOutput()
	if !strings.Contains(string(term), "leakguard: analyzing 1 changed files") || !strings.Contains(string(term), "\r\033[K") {
		t.Errorf("no progress line on a terminal: %q", term)
	}
	if report, _ := os.ReadFile(out); !strings.Contains(string(report), "FAIL") || strings.Contains(string(report), "\r") {
		t.Errorf("report: %q", report)
	}
}
