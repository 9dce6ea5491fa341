package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/leakguard/leakguard/analyzers/analysistest"
)

type actionStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
	If   string            `yaml:"if"`
	With map[string]string `yaml:"with"`
}

type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) (action, string) {
	t.Helper()
	raw, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	return a, string(raw)
}

// runActionScan runs the action's scan step as a runner would: its bash
// script, its env with the ${{ }} expressions filled in, RUNNER_TEMP holding
// the built binary, GITHUB_OUTPUT a file. It returns the step's outputs.
func runActionScan(t *testing.T, a action, dir string, inputs map[string]string, prBase string) map[string]string {
	t.Helper()
	var step *actionStep
	for i := range a.Runs.Steps {
		if a.Runs.Steps[i].ID == "scan" {
			step = &a.Runs.Steps[i]
		}
	}
	if step == nil {
		t.Fatal("action.yml has no step with id scan")
	}
	tmp := t.TempDir()
	if err := os.Symlink(binary, filepath.Join(tmp, "leakguard")); err != nil {
		t.Fatal(err)
	}
	output := filepath.Join(tmp, "output")
	expr := regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+output)
	for k, v := range step.Env {
		v = expr.ReplaceAllStringFunc(v, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			if name, ok := strings.CutPrefix(e, "inputs."); ok {
				if v, ok := inputs[name]; ok {
					return v
				}
				in, ok := a.Inputs[name]
				if !ok {
					t.Errorf("step env %s uses undeclared input %s", k, name)
				}
				return in.Default
			}
			if e == "github.event.pull_request.base.sha" {
				return prBase
			}
			t.Errorf("unknown expression %s", e)
			return ""
		})
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scan step failed: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(output)
	outputs := map[string]string{"log": string(out)}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			outputs[k] = v
		}
	}
	return outputs
}

func TestGitHubAction(t *testing.T) {
	a, raw := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", a.Runs.Using)
	}
	// Every input the action reads is declared; SARIF goes to code scanning.
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(raw, -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml reads undeclared input %s", m[1])
		}
	}
	uploads := false
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") && s.With["sarif_file"] == "${{ inputs.sarif }}" {
			uploads = true
		}
	}
	if !uploads {
		t.Error("no step uploads the SARIF report to code scanning")
	}

	dir := prRepo(t, appBase, files{"app/api/checkout/route.ts": leakyRoute})
	base := strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "main"))
	// A workflow writing into the checkout does not change what is reviewed.
	writeFiles(t, dir, files{"generated.ts": "export const x = 1\n"})

	out := runActionScan(t, a, dir, nil, base)
	if out["exit-code"] != "1" || !strings.Contains(out["log"], "secrets/stripe-key") {
		t.Errorf("pull request with a live key, fail-on high: exit-code %q\n%s", out["exit-code"], out["log"])
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "leakguard.sarif"))
	if err := json.Unmarshal(b, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) == 0 {
		t.Errorf("SARIF report: %v %v\n%.300s", err, sarif, b)
	}
	if err != nil {
		t.Fatal(err)
	}

	if out := runActionScan(t, a, dir, map[string]string{"fail-on": "never"}, base); out["exit-code"] != "0" {
		t.Errorf("fail-on never: exit-code %q\n%s", out["exit-code"], out["log"])
	}
	// On the base commit itself there is nothing new.
	if out := runActionScan(t, a, dir, map[string]string{"base": "HEAD", "upload-sarif": "false"}, base); out["exit-code"] != "0" {
		t.Errorf("base input: exit-code %q\n%s", out["exit-code"], out["log"])
	}
	if out := runActionScan(t, a, dir, map[string]string{"fail-on": "severe"}, base); out["exit-code"] != "2" {
		t.Errorf("a bad fail-on is an error: exit-code %q\n%s", out["exit-code"], out["log"])
	}
}

func TestPreCommitHook(t *testing.T) {
	raw, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string `yaml:"id"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
		Pass     *bool  `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(raw, &hooks); err != nil || len(hooks) != 1 {
		t.Fatalf("hooks: %v %+v", err, hooks)
	}
	h := hooks[0]
	args := strings.Fields(h.Entry)
	// language golang installs the repository's commands; the entry names the one in cmd/leakguard.
	if wd, _ := os.Getwd(); h.Language != "golang" || args[0] != filepath.Base(wd) || h.Pass == nil || *h.Pass {
		t.Fatalf("hook %+v: want language golang, entry running %s, pass_filenames false", h, filepath.Base(wd))
	}
	dir := prRepo(t, appBase, files{"README.md": "hi\n"})
	writeFiles(t, dir, files{"lib/pay.ts": "export const key = '" + liveKey + "'\n"})
	run := func() int {
		cmd := exec.Command(binary, args[1:]...)
		cmd.Dir = dir
		cmd.Run()
		return cmd.ProcessState.ExitCode()
	}
	if code := run(); code != 0 {
		t.Errorf("nothing staged: exit %d, want 0 (the hook reviews what the commit records)", code)
	}
	analysistest.Git(t, dir, "add", "lib/pay.ts")
	if code := run(); code != 1 {
		t.Errorf("a live key staged: exit %d, want 1 (the commit is stopped)", code)
	}
}
