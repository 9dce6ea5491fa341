package fakegithub

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cgi"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
)

// GitRequest is one recorded git smart-HTTP request.
type GitRequest struct {
	Repo   string // owner/name
	Method string
	Path   string // /OWNER/NAME.git/info/refs or …/git-upload-pack
	Status int
	// Body is the request body (an upload-pack request: the wants, haves
	// and options of a fetch).
	Body []byte
	// BytesOut is the size of the response (for a fetch, the pack).
	BytesOut int64
}

// Wants returns the object ids the client asked for.
func (g GitRequest) Wants() []string { return pktArgs(g.Body, "want ") }

// Haves returns the object ids the client said it has.
func (g GitRequest) Haves() []string { return pktArgs(g.Body, "have ") }

// pktArgs reads pkt-lines with a prefix ("want ", "have ").
func pktArgs(body []byte, prefix string) []string {
	var out []string
	for len(body) >= 4 {
		var n int
		for _, c := range body[:4] {
			n <<= 4
			switch {
			case c >= '0' && c <= '9':
				n |= int(c - '0')
			case c >= 'a' && c <= 'f':
				n |= int(c-'a') + 10
			default:
				return out
			}
		}
		if n < 4 { // flush, delimiter, response-end
			body = body[4:]
			continue
		}
		if n > len(body) {
			return out
		}
		line := strings.TrimSuffix(string(body[4:n]), "\n")
		if strings.HasPrefix(line, prefix) {
			out = append(out, strings.Fields(strings.TrimPrefix(line, prefix))[0])
		}
		body = body[n:]
	}
	return out
}

// GitRequests returns the recorded git requests.
func (f *Fake) GitRequests() []GitRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]GitRequest(nil), f.gitRequests...)
}

// CloneURL is the smart-HTTP URL of a repository, as GitHub gives it in
// clone_url: at the root of the host, also when the API is under a path
// (GitHub Enterprise Server's /api/v3).
func (f *Fake) CloneURL(owner, name string) string {
	return f.Server.URL + "/" + owner + "/" + name + ".git"
}

// isGitPath reports whether a request is for git smart HTTP.
func isGitPath(p string) bool {
	return strings.HasSuffix(p, ".git/info/refs") || strings.HasSuffix(p, ".git/git-upload-pack") || strings.HasSuffix(p, ".git/git-receive-pack")
}

var httpBackend = func() string {
	out, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		return "git-http-backend"
	}
	return filepath.Join(strings.TrimSpace(string(out)), "git-http-backend")
}()

// serveGit serves git smart HTTP with git's own http-backend (CGI), as
// GitHub does: reads only (upload-pack), the installation token as the
// password of x-access-token, scoped to the repository, checked on every
// request. Like GitHub it lets a client fetch any commit reachable from a
// ref by its SHA (uploadpack.allowReachableSHA1InWant), and supports shallow
// fetches and partial-clone filters (uploadpack.allowFilter).
func (f *Fake) serveGit(w http.ResponseWriter, r *http.Request) {
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 3)
	if len(parts) < 3 {
		http.NotFound(w, r)
		return
	}
	owner, name := parts[0], strings.TrimSuffix(parts[1], ".git")
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := &countingWriter{ResponseWriter: w, status: 200}
	defer func() {
		f.mu.Lock()
		f.gitRequests = append(f.gitRequests, GitRequest{Repo: owner + "/" + name, Method: r.Method, Path: r.URL.Path, Status: rec.status, Body: body, BytesOut: rec.n.Load()})
		f.mu.Unlock()
	}()

	f.mu.Lock()
	repo := f.repos[owner+"/"+name]
	user, pass, hasAuth := r.BasicAuth()
	ids, known := f.tokens[pass]
	f.mu.Unlock()
	switch {
	case !hasAuth:
		rec.Header().Set("WWW-Authenticate", `Basic realm="GitHub"`)
		http.Error(rec, "authentication required", http.StatusUnauthorized)
		return
	case user != "x-access-token" || !known:
		rec.Header().Set("WWW-Authenticate", `Basic realm="GitHub"`)
		http.Error(rec, "invalid credentials", http.StatusUnauthorized)
		return
	case repo == nil:
		http.Error(rec, "Repository not found.", http.StatusNotFound)
		return
	case len(ids) != 1 || ids[0] != repo.ID:
		http.Error(rec, "token not scoped to this repository", http.StatusForbidden)
		return
	case strings.HasSuffix(r.URL.Path, "git-receive-pack") || r.URL.Query().Get("service") == "git-receive-pack":
		http.Error(rec, "an installation token with contents:read cannot push", http.StatusForbidden)
		return
	}
	gitDir := repo.Dir
	if st, err := os.Stat(filepath.Join(repo.Dir, ".git")); err == nil && st.IsDir() {
		gitDir = filepath.Join(repo.Dir, ".git")
	}
	h := &cgi.Handler{
		Path: httpBackend,
		Root: "/" + owner + "/" + parts[1],
		Env: []string{
			"GIT_PROJECT_ROOT=" + gitDir, "GIT_HTTP_EXPORT_ALL=1",
			"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
			"GIT_CONFIG_COUNT=2",
			"GIT_CONFIG_KEY_0=uploadpack.allowReachableSHA1InWant", "GIT_CONFIG_VALUE_0=true",
			"GIT_CONFIG_KEY_1=uploadpack.allowFilter", "GIT_CONFIG_VALUE_1=true",
		},
		InheritEnv: []string{"PATH", "HOME"},
	}
	h.ServeHTTP(rec, r)
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      atomic.Int64
}

func (c *countingWriter) WriteHeader(code int) {
	c.status = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingWriter) Flush() {
	if fl, ok := c.ResponseWriter.(http.Flusher); ok {
		fl.Flush()
	}
}

// Token mints an installation token scoped to repositories, as POST
// /app/installations/{id}/access_tokens does, for tests that talk to the fake
// without a GitHub App key.
func (f *Fake) Token(repoIDs ...int64) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	tok := "ghs_fake" + strings.Repeat("0", 4) + itoa(f.id())
	f.tokens[tok] = repoIDs
	return tok
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
