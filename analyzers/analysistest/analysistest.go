// Package analysistest runs an analyzer over fixture repositories and checks
// its findings against `want` markers written in the fixtures themselves.
//
// Layout: testdata/<rule-name>/{vulnerable,safe}/<case>/… where <rule-name> is
// the rule id after the slash. A case is a small repository; by default its
// files are all added by the change. A case with base/ and head/ folders is a
// change from base to head. A line that must produce a finding carries a
// comment `want <rule-id>` (in any comment syntax); files that cannot hold
// comments (JSON) list their expectations in a sidecar <file>.want with lines
// "<line> <rule-id>". Vulnerable cases must produce exactly their wants as new
// findings; safe cases must produce no finding of the analyzer at all.
package analysistest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

// MinCases is the least number of vulnerable and of safe cases per rule.
const MinCases = 5

// Stats summarise a fixture run.
type Stats struct {
	Rules          int
	VulnCases      int
	SafeCases      int
	Expected       int // want markers
	Found          int // want markers matched by a finding
	FalsePositives int // findings with no want marker (in any case)
	SafeFlagged    int // safe cases with at least one finding
}

func (s Stats) String() string {
	recall := 100.0
	if s.Expected > 0 {
		recall = 100 * float64(s.Found) / float64(s.Expected)
	}
	return fmt.Sprintf("%d rules, %d vulnerable and %d safe cases: recall %d/%d (%.1f%%), false positives %d, safe cases flagged %d/%d",
		s.Rules, s.VulnCases, s.SafeCases, s.Found, s.Expected, recall, s.FalsePositives, s.SafeFlagged, s.SafeCases)
}

var wantRE = regexp.MustCompile(`\bwant\s+([a-z-]+/[a-z0-9-]+)(?:@(low|medium|high|critical))?`)

type want struct {
	path     string
	line     int
	rule     string
	severity string
}

// Run checks every rule of the analyzer against its fixtures under dir.
func Run(t *testing.T, dir string, a *analyzers.Analyzer) Stats {
	t.Helper()
	var st Stats
	for _, rule := range a.Rules {
		st.Rules++
		name := rule.ID[strings.Index(rule.ID, "/")+1:]
		for _, kind := range []string{"vulnerable", "safe"} {
			cases, _ := filepath.Glob(filepath.Join(dir, name, kind, "*"))
			var dirs []string
			for _, c := range cases {
				if fi, err := os.Stat(c); err == nil && fi.IsDir() {
					dirs = append(dirs, c)
				}
			}
			if len(dirs) < MinCases {
				t.Errorf("rule %s has %d %s fixture cases under %s; want at least %d", rule.ID, len(dirs), kind, filepath.Join(dir, name, kind), MinCases)
			}
			for _, c := range dirs {
				if kind == "vulnerable" {
					st.VulnCases++
				} else {
					st.SafeCases++
				}
				c := c
				t.Run(rule.ID+"/"+kind+"/"+filepath.Base(c), func(t *testing.T) {
					runCase(t, c, kind == "safe", a, &st)
				})
			}
		}
	}
	t.Logf("%s: %s", a.Name, st)
	return st
}

func runCase(t *testing.T, dir string, safe bool, a *analyzers.Analyzer, st *Stats) {
	repo, base, head := BuildRepo(t, dir)
	wants := collectWants(t, dir)
	if !safe && len(wants) == 0 {
		t.Fatalf("vulnerable case %s has no `want <rule>` marker", dir)
	}
	res := RunEngine(t, repo, base, head, a)
	st.Expected += len(wants)
	matched := make([]bool, len(wants))
	flagged := false
	for _, f := range res.Findings {
		if f.Status == analyzers.StatusFixed {
			continue
		}
		ok := false
		for i, w := range wants {
			if !matched[i] && w.rule == f.Rule.ID && w.path == f.Path && w.line == f.StartLine {
				matched[i] = true
				ok = true
				if f.Status != analyzers.StatusNew {
					t.Errorf("%s:%d %s: status %s, want new", f.Path, f.StartLine, f.Rule.ID, f.Status)
				}
				if w.severity != "" && f.Severity.String() != w.severity {
					t.Errorf("%s:%d %s: severity %s, want %s", f.Path, f.StartLine, f.Rule.ID, f.Severity, w.severity)
				}
				break
			}
		}
		if !ok {
			st.FalsePositives++
			flagged = true
			t.Errorf("unexpected finding %s:%d-%d %s (%s): %s", f.Path, f.StartLine, f.EndLine, f.Rule.ID, f.Status, f.Message)
		}
	}
	for i, w := range wants {
		if matched[i] {
			st.Found++
		} else {
			t.Errorf("missed %s at %s:%d", w.rule, w.path, w.line)
		}
	}
	if safe && flagged {
		st.SafeFlagged++
	}
}

// RunEngine reviews base..head of a repository with one analyzer.
func RunEngine(t *testing.T, repo, base, head string, as ...*analyzers.Analyzer) *analyzers.Result {
	t.Helper()
	ctx := context.Background()
	ch, err := source.OpenGit(ctx, repo, base, head)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	cfg, probs := analyzers.LoadRepoConfig(ctx, ch.Tree(source.Base))
	if len(probs) > 0 {
		t.Fatalf("fixture config: %v", probs)
	}
	eng := &analyzers.Engine{Analyzers: as}
	res, err := eng.Run(ctx, ch, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// BuildRepo turns a case folder into a git repository with a base and a head
// commit and returns its path and the two commit SHAs.
func BuildRepo(t *testing.T, dir string) (repo, base, head string) {
	t.Helper()
	repo = t.TempDir()
	Git(t, repo, "init", "-q", "-b", "main")
	baseDir, headDir := filepath.Join(dir, "base"), filepath.Join(dir, "head")
	_, errB := os.Stat(baseDir)
	_, errH := os.Stat(headDir)
	twoSided := errB == nil && errH == nil
	if twoSided {
		copyTree(t, baseDir, repo)
	}
	Git(t, repo, "add", "-A")
	Git(t, repo, "commit", "-q", "--allow-empty", "-m", "base")
	base = strings.TrimSpace(Git(t, repo, "rev-parse", "HEAD"))
	if twoSided {
		clearTree(t, repo)
		copyTree(t, headDir, repo)
	} else {
		copyTree(t, dir, repo)
	}
	Git(t, repo, "add", "-A")
	Git(t, repo, "commit", "-q", "--allow-empty", "-m", "head")
	head = strings.TrimSpace(Git(t, repo, "rev-parse", "HEAD"))
	return repo, base, head
}

// Git runs a git command in dir with a fixed identity and returns its output.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=leakguard-test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func clearTree(t *testing.T, repo string) {
	entries, _ := os.ReadDir(repo)
	for _, e := range entries {
		if e.Name() != ".git" {
			os.RemoveAll(filepath.Join(repo, e.Name()))
		}
	}
}

// collectWants reads want markers from the head files of a case.
func collectWants(t *testing.T, dir string) []want {
	root := dir
	if fi, err := os.Stat(filepath.Join(dir, "head")); err == nil && fi.IsDir() {
		if _, err := os.Stat(filepath.Join(dir, "base")); err == nil {
			root = filepath.Join(dir, "head")
		}
	}
	var ws []want
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".want") {
			target := strings.TrimSuffix(rel, ".want")
			f, _ := os.Open(p)
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				fields := strings.Fields(sc.Text())
				if len(fields) < 2 {
					continue
				}
				n, err := strconv.Atoi(fields[0])
				if err != nil {
					t.Fatalf("%s: bad line %q", p, sc.Text())
				}
				rule, sev, _ := strings.Cut(fields[1], "@")
				ws = append(ws, want{target, n, rule, sev})
			}
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
				ws = append(ws, want{rel, i + 1, m[1], m[2]})
			}
		}
		return nil
	})
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].path != ws[j].path {
			return ws[i].path < ws[j].path
		}
		return ws[i].line < ws[j].line
	})
	return ws
}
