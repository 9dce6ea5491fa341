package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
	"gopkg.in/yaml.v3"

	"github.com/leakguard/leakguard/internal/fakegithub"
)

// No container engine runs here, so the first run documented in
// deploy/compose.yml is played with the binary itself, under the
// environment and paths the compose file and the image give it: the data
// volume becomes a directory, /data inside the container that directory.

// containerEnv returns the environment deploy/Dockerfile and deploy/compose.yml
// give the leakguard service, with ${VAR:-default} filled from user, and the
// container path the data volume is mounted on.
func containerEnv(t *testing.T, user map[string]string) (map[string]string, string) {
	t.Helper()
	env := map[string]string{}
	docker, err := os.ReadFile("../../deploy/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	// The runtime stage's ENV lines (the last FROM on).
	stages := strings.Split(string(docker), "\nFROM ")
	for _, line := range strings.Split(stages[len(stages)-1], "\n") {
		if rest, ok := strings.CutPrefix(line, "ENV "); ok {
			for _, kv := range strings.Fields(rest) {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
		}
	}
	var compose struct {
		Services map[string]struct {
			Environment map[string]string `yaml:"environment"`
			Volumes     []string          `yaml:"volumes"`
		} `yaml:"services"`
	}
	b, err := os.ReadFile("../../deploy/compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &compose); err != nil {
		t.Fatal(err)
	}
	svc, ok := compose.Services["leakguard"]
	if !ok {
		t.Fatal("compose.yml has no leakguard service")
	}
	subst := regexp.MustCompile(`\$\{([A-Z_]+):-([^}]*)\}`)
	for k, v := range svc.Environment {
		env[k] = subst.ReplaceAllStringFunc(v, func(m string) string {
			p := subst.FindStringSubmatch(m)
			if u, ok := user[p[1]]; ok {
				return u
			}
			return p[2]
		})
	}
	mount := ""
	for _, v := range svc.Volumes {
		if name, path, ok := strings.Cut(v, ":"); ok && name == "leakguard-data" {
			mount = path
		}
	}
	if mount == "" || env["LEAKGUARD_DATA_DIR"] != mount {
		t.Fatalf("the data volume (%q) is not the data directory (%q)", mount, env["LEAKGUARD_DATA_DIR"])
	}
	return env, mount
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startServe runs `leakguard serve args…` with env; stop ends it.
func startServe(t *testing.T, env map[string]string, args ...string) (stop func() (int, string)) {
	cmd := exec.Command(binary, append([]string{"serve"}, args...)...)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	stopped := false
	stop = func() (int, string) {
		if !stopped {
			stopped = true
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-done
			}
		}
		return cmd.ProcessState.ExitCode(), out.String()
	}
	t.Cleanup(func() { stop() })
	return stop
}

func waitHTTP(t *testing.T, url string, want int) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == want {
				return string(b)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %v, want %d", url, err, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestComposeFirstRun(t *testing.T) {
	fake := fakegithub.New()
	defer fake.Server.Close()
	env, mount := containerEnv(t, map[string]string{"LEAKGUARD_PUBLIC_URL": "https://lg.example", "LEAKGUARD_GITHUB_URL": fake.URL()})
	volume := t.TempDir()
	for k, v := range env {
		if v == mount || strings.HasPrefix(v, mount+"/") {
			env[k] = volume + strings.TrimPrefix(v, mount)
		}
	}
	if env["LEAKGUARD_ADDR"] != ":8080" || !strings.HasPrefix(env["LEAKGUARD_METRICS_ADDR"], "127.0.0.1:") {
		t.Fatalf("image/compose addresses: %q, metrics %q", env["LEAKGUARD_ADDR"], env["LEAKGUARD_METRICS_ADDR"])
	}
	// The container's ports become free loopback ports here.
	env["LEAKGUARD_ADDR"] = freeAddr(t)
	env["LEAKGUARD_METRICS_ADDR"] = freeAddr(t)
	base := "http://" + env["LEAKGUARD_ADDR"]

	// 1. `compose run … serve --setup`: starts without any credentials.
	stop := startServe(t, env, "--setup")
	page := waitHTTP(t, base+"/setup", 200)
	state := regexp.MustCompile(`state=([0-9a-f]+)`).FindStringSubmatch(page)
	if state == nil {
		t.Fatalf("setup page has no state:\n%s", page)
	}
	done := waitHTTP(t, base+"/setup/callback?code=good-code&state="+state[1], 200)
	if !strings.Contains(done, "installations/new") {
		t.Fatalf("callback page:\n%s", done)
	}
	if code, out := stop(); code != 0 {
		t.Fatalf("setup server exit %d:\n%s", code, out)
	}
	// The credentials are in the volume, owned by the user that will serve.
	for _, name := range []string{"app-id", "private-key.pem", "webhook-secret"} {
		fi, err := os.Stat(filepath.Join(volume, name))
		if err != nil {
			t.Fatalf("%s not in the data volume: %v", name, err)
		}
		st := fi.Sys().(*syscall.Stat_t)
		if fi.Mode().Perm() != 0o600 || int(st.Uid) != os.Getuid() {
			t.Errorf("%s: mode %v uid %d, want 0600 and the serving uid %d", name, fi.Mode().Perm(), st.Uid, os.Getuid())
		}
	}

	// 2. `compose up`: serve finds them where setup put them.
	stop = startServe(t, env)
	waitHTTP(t, base+"/readyz", 200)
	waitHTTP(t, base+"/metrics", 404) // not on the public port
	if m := waitHTTP(t, "http://"+env["LEAKGUARD_METRICS_ADDR"]+"/metrics", 200); !strings.Contains(m, "leakguard_webhooks_total") && !strings.Contains(m, "go_goroutines") {
		t.Errorf("metrics address serves no metrics:\n%.300s", m)
	}
	if code, out := stop(); code != 0 {
		t.Fatalf("serve exit %d:\n%s", code, out)
	}

	// 3. Running the setup again does not replace the registered app's key.
	key, _ := os.ReadFile(filepath.Join(volume, "private-key.pem"))
	again := exec.Command(binary, "serve", "--setup")
	for k, v := range env {
		again.Env = append(again.Env, k+"="+v)
	}
	outb, _ := again.CombinedOutput()
	code, out := again.ProcessState.ExitCode(), string(outb)
	if after, _ := os.ReadFile(filepath.Join(volume, "private-key.pem")); code != 2 || !strings.Contains(out, "--replace-app") || !bytes.Equal(after, key) {
		t.Errorf("second setup: exit %d, output %q; key kept: %v", code, out, bytes.Equal(after, key))
	}
}

func TestServeRefusesUnknownDatabaseURL(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(binary, "serve", "--database-url", "mysql://x")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "LEAKGUARD_APP_ID=1", "LEAKGUARD_WEBHOOK_SECRET=0123456789abcdef0", "LEAKGUARD_DATA_DIR=" + dir}
	out, _ := cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != 2 || !strings.Contains(string(out), `"mysql:" is not supported`) {
		t.Errorf("exit %d:\n%s", cmd.ProcessState.ExitCode(), out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "mysql") {
			t.Errorf("created %s", e.Name())
		}
	}
}

// TestDockerBuildContext filters the repository through .dockerignore as
// the image build does (Docker's own pattern matcher), then builds the
// binary from what is left: the context holds no test data, credentials or
// caches, and still builds.
func TestDockerBuildContext(t *testing.T) {
	root, _ := filepath.Abs("../..")
	f, err := os.Open(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	patterns, err := ignorefile.ReadAll(bufio.NewReader(f))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		t.Fatal(err)
	}
	// What must stay out, whether or not this checkout has it.
	for _, p := range []string{".data/private-key.pem", ".npm-deps/node_modules/@octokit/openapi/package.json", "deploy/secrets/app.pem",
		".git/config", "analyzers/secrets/testdata/x/vulnerable/a/.env", "app/app_test.go", "leakguard"} {
		if out, err := pm.MatchesOrParentMatches(p); err != nil || !out {
			t.Errorf("%s would be in the build context", p)
		}
	}
	ctxDir := t.TempDir()
	var size int64
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "." {
			return nil
		}
		excluded, err := pm.MatchesOrParentMatches(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		if excluded {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		for _, bad := range []string{".git", ".data", ".npm-deps", "testdata"} {
			if d.Name() == bad || rel == "deploy/secrets" {
				t.Errorf("%s is in the build context", rel)
			}
		}
		if strings.HasSuffix(rel, ".pem") || strings.HasSuffix(rel, "_test.go") {
			t.Errorf("%s is in the build context", rel)
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(ctxDir, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		size += int64(len(b))
		return os.WriteFile(filepath.Join(ctxDir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if size > 20<<20 {
		t.Errorf("build context is %d MB", size>>20)
	}
	// go list loads every package the binary needs from the filtered
	// context, with the files they embed, as go build would (a full compile
	// here would cost minutes of a shared machine for no more certainty
	// about the context).
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	list := exec.CommandContext(ctx, "go", "list", "-deps", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}{{range .EmbedFiles}}{{$.ImportPath}} embeds {{.}}\n{{end}}", "./cmd/leakguard")
	list.Dir = ctxDir
	out, err := list.CombinedOutput()
	if err != nil || strings.Contains(string(out), ": ") {
		t.Fatalf("the binary's packages do not load from the filtered context: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "embeds app.yml") {
		t.Errorf("the manifest is not embedded from the context:\n%s", out)
	}
	t.Logf("build context: %d KB", size>>10)
}
