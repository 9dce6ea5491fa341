// Package fakegithub is an in-process GitHub for tests: an httptest server
// implementing the REST (and the two GraphQL) operations leakguard calls,
// serving repository contents from real local git repositories, enforcing
// the behaviours that matter (installation tokens scoped to repositories,
// review comments only on diff lines, 50 annotations per request) and
// recording every request so tests can check it against GitHub's OpenAPI
// description.
package fakegithub

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/go-diff/diff"
)

// Request is one recorded API request.
type Request struct {
	Method   string
	Path     string
	RawQuery string
	Body     []byte
	Status   int
}

// GraphQL returns the query and variables of a POST /graphql request.
func (r Request) GraphQL() (string, map[string]any, error) {
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	err := json.Unmarshal(r.Body, &req)
	return req.Query, req.Variables, err
}

func (r Request) String() string { return r.Method + " " + r.Path }

// Repo is a repository backed by a local git directory.
type Repo struct {
	ID           int64
	Owner, Name  string
	Dir          string
	Installation int64
}

// PR is a pull request of a repository.
type PR struct {
	Number  int
	Base    string // base branch tip SHA
	BaseRef string
	Head    string
	HeadRef string
	Author  string
	State   string
}

// CheckRun is a check run as the fake stores it.
type CheckRun struct {
	ID          int64
	Repo        string
	Name        string
	HeadSHA     string
	ExternalID  string
	Status      string
	Conclusion  string
	Title       string
	Summary     string
	Annotations []map[string]any
	Actions     []map[string]any
}

// Comment is a pull request review comment.
type Comment struct {
	ID        int64
	Repo      string
	PR        int
	User      string
	Path      string
	Line      int
	StartLine int
	Side      string
	Body      string
	InReplyTo int64
	ThreadID  string
	Resolved  bool
}

// IssueComment is a comment in a PR conversation (replies to commands).
type IssueComment struct {
	Repo string
	PR   int
	Body string
}

// Fake is the fake GitHub.
type Fake struct {
	Server  *httptest.Server
	AppID   int64
	AppSlug string

	mu            sync.Mutex
	requests      []Request
	repos         map[string]*Repo
	prs           map[string]map[int]*PR
	checkRuns     []*CheckRun
	comments      []*Comment
	reviews       int
	issueComments []IssueComment
	reactions     map[int64][]string
	roles         map[string]string // login -> role_name
	tokens        map[string][]int64
	nextID        int64
	// FilesStatus, when set, is the status GET /pulls/{n}/files answers with
	// (406 for a diff too large).
	FilesStatus int
	// NoPatch lists files GET /pulls/{n}/files shows without a patch, as
	// GitHub does for diffs too large to display.
	NoPatch map[string]bool

	filesMu    sync.Mutex
	filesCache map[string][]fileEntry

	// apiPrefix is where the REST API is served ("" or "/api/v3" as on
	// GitHub Enterprise Server); git is served at the root.
	apiPrefix   string
	gitRequests []GitRequest
}

// New starts a fake GitHub. Close it with f.Server.Close().
func New() *Fake { return NewAt("") }

// NewAt starts a fake GitHub whose REST API is under a path prefix, as
// GitHub Enterprise Server's is under /api/v3; git is served at the root.
func NewAt(apiPrefix string) *Fake {
	f := &Fake{AppID: 4242, AppSlug: "leakguard-test", repos: map[string]*Repo{}, prs: map[string]map[int]*PR{},
		reactions: map[int64][]string{}, roles: map[string]string{}, tokens: map[string][]int64{}, nextID: 1000,
		filesCache: map[string][]fileEntry{}, apiPrefix: strings.TrimSuffix(apiPrefix, "/")}
	f.Server = httptest.NewServer(f.handler())
	return f
}

// URL is the API base URL to configure leakguard with.
func (f *Fake) URL() string { return f.Server.URL + f.apiPrefix + "/" }

// AddRepo registers a repository served from a git directory.
func (f *Fake) AddRepo(r *Repo) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repos[r.Owner+"/"+r.Name] = r
	f.prs[r.Owner+"/"+r.Name] = map[int]*PR{}
}

// SetPR adds or replaces a pull request.
func (f *Fake) SetPR(owner, name string, pr PR) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if pr.State == "" {
		pr.State = "open"
	}
	f.prs[owner+"/"+name][pr.Number] = &pr
}

// SetRole sets a user's role on every repository (admin, maintain, write,
// triage, read); users without one are not collaborators.
func (f *Fake) SetRole(login, role string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.roles[login] = role
}

// Requests returns the recorded requests.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}

// ResetRequests clears the request log.
func (f *Fake) ResetRequests() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = nil
}

// CheckRuns returns the check runs created so far.
func (f *Fake) CheckRuns() []CheckRun {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []CheckRun
	for _, c := range f.checkRuns {
		cc := *c
		cc.Annotations = append([]map[string]any(nil), c.Annotations...)
		out = append(out, cc)
	}
	return out
}

// Comments returns the review comments.
func (f *Fake) Comments() []Comment {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Comment
	for _, c := range f.comments {
		out = append(out, *c)
	}
	return out
}

// Reviews counts created reviews.
func (f *Fake) Reviews() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reviews
}

// IssueComments returns the PR conversation comments the app wrote.
func (f *Fake) IssueComments() []IssueComment {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]IssueComment(nil), f.issueComments...)
}

// Reactions returns the reactions on an issue comment.
func (f *Fake) Reactions(commentID int64) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.reactions[commentID]...)
}

// AddUserComment adds a review comment written by someone else (for marker tests).
func (f *Fake) AddUserComment(c Comment) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	c.ID = f.nextID
	c.ThreadID = fmt.Sprintf("PRRT_%d", c.ID)
	f.comments = append(f.comments, &c)
}

func (f *Fake) id() int64 {
	f.nextID++
	return f.nextID
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (f *Fake) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /app", f.getApp)
	mux.HandleFunc("POST /app/installations/{id}/access_tokens", f.accessToken)
	mux.HandleFunc("GET /repos/{owner}/{repo}/pulls/{n}", f.repo(f.getPR))
	mux.HandleFunc("GET /repos/{owner}/{repo}/pulls/{n}/files", f.repo(f.listFiles))
	mux.HandleFunc("GET /repos/{owner}/{repo}/compare/{basehead}", f.repo(f.compare))
	mux.HandleFunc("GET /repos/{owner}/{repo}/git/trees/{sha}", f.repo(f.getTree))
	mux.HandleFunc("GET /repos/{owner}/{repo}/git/blobs/{sha}", f.repo(f.getBlob))
	mux.HandleFunc("GET /repos/{owner}/{repo}/commits/{sha}/pulls", f.repo(f.commitPulls))
	mux.HandleFunc("POST /repos/{owner}/{repo}/check-runs", f.repo(f.createCheckRun))
	mux.HandleFunc("PATCH /repos/{owner}/{repo}/check-runs/{id}", f.repo(f.updateCheckRun))
	mux.HandleFunc("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", f.repo(f.listCheckRuns))
	mux.HandleFunc("POST /repos/{owner}/{repo}/pulls/{n}/reviews", f.repo(f.createReview))
	mux.HandleFunc("GET /repos/{owner}/{repo}/pulls/{n}/comments", f.repo(f.listComments))
	mux.HandleFunc("POST /repos/{owner}/{repo}/pulls/{n}/comments/{id}/replies", f.repo(f.reply))
	mux.HandleFunc("GET /repos/{owner}/{repo}/collaborators/{user}/permission", f.repo(f.permission))
	mux.HandleFunc("POST /repos/{owner}/{repo}/issues/comments/{id}/reactions", f.repo(f.react))
	mux.HandleFunc("POST /repos/{owner}/{repo}/issues/{n}/comments", f.repo(f.issueComment))
	mux.HandleFunc("POST /graphql", f.graphql)
	mux.HandleFunc("POST /app-manifests/{code}/conversions", f.convertManifest)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isGitPath(r.URL.Path) {
			f.serveGit(w, r)
			return
		}
		if f.apiPrefix != "" {
			p, ok := strings.CutPrefix(r.URL.Path, f.apiPrefix)
			if !ok {
				fail(w, 404, "Not Found")
				return
			}
			r.URL.Path = p
			r.URL.RawPath = ""
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := &recorder{ResponseWriter: w, status: 200}
		mux.ServeHTTP(rec, r)
		req := Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Body: body, Status: rec.status}
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.mu.Unlock()
		journal.add(req)
	})
}

// journal holds the distinct operations every Fake of this process served,
// for checks over a whole test run (app.yml asks for exactly the
// permissions the App's calls need). Bodies are kept for GraphQL only.
var journal = &opJournal{ops: map[string]Request{}}

type opJournal struct {
	mu  sync.Mutex
	ops map[string]Request
}

func (j *opJournal) add(r Request) {
	key := r.Method + " " + r.Path
	if r.Path == "/graphql" {
		q, _, _ := r.GraphQL()
		key += " " + q
	} else {
		r.Body = nil
	}
	j.mu.Lock()
	if _, ok := j.ops[key]; !ok {
		j.ops[key] = r
	}
	j.mu.Unlock()
}

// Operations returns one request for each distinct method and path (and
// GraphQL document) that any Fake of this process has served.
func Operations() []Request {
	journal.mu.Lock()
	defer journal.mu.Unlock()
	out := make([]Request, 0, len(journal.ops))
	for _, r := range journal.ops {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"message": msg, "documentation_url": "https://docs.github.com/rest"})
}

func (f *Fake) getApp(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		fail(w, 401, "A JSON web token could not be decoded")
		return
	}
	writeJSON(w, 200, map[string]any{"id": f.AppID, "slug": f.AppSlug, "name": "leakguard (test)", "owner": map[string]any{"login": "leakguard"}})
}

func (f *Fake) accessToken(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		fail(w, 401, "A JSON web token could not be decoded")
		return
	}
	var req struct {
		RepositoryIDs []int64 `json:"repository_ids"`
	}
	json.NewDecoder(r.Body).Decode(&req)
	f.mu.Lock()
	tok := fmt.Sprintf("ghs_fake%d", f.id())
	f.tokens[tok] = req.RepositoryIDs
	f.mu.Unlock()
	writeJSON(w, 201, map[string]any{"token": tok, "expires_at": time.Now().Add(time.Hour).UTC().Format(time.RFC3339), "repository_selection": "selected"})
}

type repoHandler func(w http.ResponseWriter, r *http.Request, repo *Repo)

// repo checks the installation token (it must be scoped to this repository)
// and finds the repository.
func (f *Fake) repo(h repoHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := strings.TrimPrefix(r.Header.Get("Authorization"), "token ")
		f.mu.Lock()
		ids, ok := f.tokens[auth]
		repo := f.repos[r.PathValue("owner")+"/"+r.PathValue("repo")]
		f.mu.Unlock()
		if !ok {
			fail(w, 401, "Bad credentials")
			return
		}
		if repo == nil {
			fail(w, 404, "Not Found")
			return
		}
		if len(ids) != 1 || ids[0] != repo.ID {
			fail(w, 403, "token not scoped to exactly this repository")
			return
		}
		h(w, r, repo)
	}
}

func (f *Fake) pr(w http.ResponseWriter, r *http.Request, repo *Repo) *PR {
	n, _ := strconv.Atoi(r.PathValue("n"))
	f.mu.Lock()
	pr := f.prs[repo.Owner+"/"+repo.Name][n]
	f.mu.Unlock()
	if pr == nil {
		fail(w, 404, "Not Found")
	}
	return pr
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %v: %v: %s", args, err, stderr.String())
	}
	return string(out), nil
}

func (f *Fake) prJSON(repo *Repo, pr *PR, files int) map[string]any {
	repoJSON := map[string]any{"id": repo.ID, "name": repo.Name, "full_name": repo.Owner + "/" + repo.Name, "owner": map[string]any{"login": repo.Owner},
		"clone_url": f.CloneURL(repo.Owner, repo.Name)}
	return map[string]any{
		"number": pr.Number, "state": pr.State, "changed_files": files,
		"user": map[string]any{"login": pr.Author, "type": "User"},
		"head": map[string]any{"sha": pr.Head, "ref": pr.HeadRef, "repo": repoJSON},
		"base": map[string]any{"sha": pr.Base, "ref": pr.BaseRef, "repo": repoJSON},
	}
}

func (f *Fake) getPR(w http.ResponseWriter, r *http.Request, repo *Repo) {
	pr := f.pr(w, r, repo)
	if pr == nil {
		return
	}
	files, err := f.changedFiles(repo.Dir, pr)
	if err != nil {
		fail(w, 500, err.Error())
		return
	}
	writeJSON(w, 200, f.prJSON(repo, pr, len(files)))
}

func (f *Fake) commitPulls(w http.ResponseWriter, r *http.Request, repo *Repo) {
	sha := r.PathValue("sha")
	f.mu.Lock()
	var out []map[string]any
	for _, pr := range f.prs[repo.Owner+"/"+repo.Name] {
		if pr.Head == sha {
			out = append(out, f.prJSON(repo, pr, 0))
		}
	}
	f.mu.Unlock()
	writeJSON(w, 200, out)
}

func (f *Fake) compare(w http.ResponseWriter, r *http.Request, repo *Repo) {
	base, head, ok := strings.Cut(r.PathValue("basehead"), "...")
	if !ok {
		fail(w, 404, "Not Found")
		return
	}
	mb, err := git(repo.Dir, "merge-base", base, head)
	if err != nil {
		fail(w, 404, "No common ancestor")
		return
	}
	writeJSON(w, 200, map[string]any{"merge_base_commit": map[string]any{"sha": strings.TrimSpace(mb)}, "base_commit": map[string]any{"sha": base}, "status": "ahead", "files": []any{}, "commits": []any{}})
}

// fileEntry is one PR file as GET /pulls/{n}/files shows it.
type fileEntry map[string]any

// changedFiles lists a PR's files as GitHub does (cached per range: the
// repositories of a test do not rewrite commits).
func (f *Fake) changedFiles(dir string, pr *PR) ([]fileEntry, error) {
	key := dir + "\x00" + pr.Base + "\x00" + pr.Head
	f.filesMu.Lock()
	cached, ok := f.filesCache[key]
	f.filesMu.Unlock()
	if ok {
		out := make([]fileEntry, len(cached))
		for i, e := range cached {
			c := fileEntry{}
			for k, v := range e {
				c[k] = v
			}
			out[i] = c
		}
		return out, nil
	}
	files, err := computeChangedFiles(dir, pr)
	if err != nil {
		return nil, err
	}
	f.filesMu.Lock()
	f.filesCache[key] = files
	f.filesMu.Unlock()
	return f.changedFiles(dir, pr)
}

func computeChangedFiles(dir string, pr *PR) ([]fileEntry, error) {
	mbOut, err := git(dir, "merge-base", pr.Base, pr.Head)
	if err != nil {
		return nil, err
	}
	mb := strings.TrimSpace(mbOut)
	raw, err := git(dir, "diff", "--raw", "-z", "-M", "--no-abbrev", mb, pr.Head)
	if err != nil {
		return nil, err
	}
	num, err := git(dir, "diff", "--numstat", "-z", "-M", mb, pr.Head)
	if err != nil {
		return nil, err
	}
	patch, err := git(dir, "diff", "-U3", "-M", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", mb, pr.Head)
	if err != nil {
		return nil, err
	}
	patches := map[string]string{}
	fds, err := diff.ParseMultiFileDiff([]byte(patch))
	if err != nil {
		return nil, err
	}
	for _, fd := range fds {
		name := strings.TrimPrefix(fd.NewName, "b/")
		if fd.NewName == "/dev/null" {
			name = strings.TrimPrefix(fd.OrigName, "a/")
		}
		if len(fd.Hunks) > 0 {
			ph, err := diff.PrintHunks(fd.Hunks)
			if err != nil {
				return nil, err
			}
			patches[name] = strings.TrimSuffix(string(ph), "\n")
		}
	}
	stats := map[string][2]int{}
	binary := map[string]bool{}
	fields := strings.Split(num, "\x00")
	for i := 0; i < len(fields); i++ {
		parts := strings.SplitN(fields[i], "\t", 3)
		if len(parts) < 3 {
			continue
		}
		path := parts[2]
		if path == "" && i+2 < len(fields) {
			path = fields[i+2]
			i += 2
		}
		if parts[0] == "-" {
			binary[path] = true
			continue
		}
		a, _ := strconv.Atoi(parts[0])
		d, _ := strconv.Atoi(parts[1])
		stats[path] = [2]int{a, d}
	}
	var out []fileEntry
	rf := strings.Split(raw, "\x00")
	for i := 0; i < len(rf); i++ {
		meta := rf[i]
		if !strings.HasPrefix(meta, ":") || i+1 >= len(rf) {
			continue
		}
		p := strings.Fields(meta[1:])
		e := fileEntry{}
		path := rf[i+1]
		i++
		switch p[4][0] {
		case 'A':
			e["status"] = "added"
		case 'D':
			e["status"] = "removed"
		case 'M', 'T':
			e["status"] = "modified"
		case 'R':
			e["status"] = "renamed"
			e["previous_filename"] = path
			path = rf[i+1]
			i++
		default:
			continue
		}
		e["filename"] = path
		if p[4][0] == 'D' {
			e["sha"] = p[2]
		} else {
			e["sha"] = p[3]
		}
		st := stats[path]
		e["additions"], e["deletions"], e["changes"] = st[0], st[1], st[0]+st[1]
		if pt, ok := patches[path]; ok && !binary[path] {
			e["patch"] = pt
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["filename"].(string) < out[j]["filename"].(string) })
	return out, nil
}

func (f *Fake) listFiles(w http.ResponseWriter, r *http.Request, repo *Repo) {
	pr := f.pr(w, r, repo)
	if pr == nil {
		return
	}
	if f.FilesStatus != 0 {
		fail(w, f.FilesStatus, "Sorry, the diff exceeded the maximum number of lines")
		return
	}
	files, err := f.changedFiles(repo.Dir, pr)
	if err != nil {
		fail(w, 500, err.Error())
		return
	}
	if len(files) > 3000 {
		files = files[:3000]
	}
	for _, fe := range files {
		if f.NoPatch[fe["filename"].(string)] {
			delete(fe, "patch")
		}
	}
	paginate(w, r, files)
}

// paginate serves a page of a list with GitHub's Link header.
func paginate[T any](w http.ResponseWriter, r *http.Request, items []T) {
	per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if per <= 0 {
		per = 30
	}
	per = min(per, 100)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page <= 0 {
		page = 1
	}
	start := min((page-1)*per, len(items))
	end := min(start+per, len(items))
	if end < len(items) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(page+1))
		q.Set("per_page", strconv.Itoa(per))
		u := *r.URL
		u.Scheme, u.Host = "http", r.Host
		u.RawQuery = q.Encode()
		w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next"`, u.String()))
	}
	out := items[start:end]
	if out == nil {
		out = []T{}
	}
	writeJSON(w, 200, out)
}

func (f *Fake) getTree(w http.ResponseWriter, r *http.Request, repo *Repo) {
	out, err := git(repo.Dir, "ls-tree", "-r", "-l", "-z", "--full-tree", r.PathValue("sha"))
	if err != nil {
		fail(w, 404, "Not Found")
		return
	}
	var entries []map[string]any
	for _, rec := range strings.Split(out, "\x00") {
		meta, path, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		p := strings.Fields(meta) // mode type sha size
		e := map[string]any{"path": path, "mode": p[0], "type": p[1], "sha": p[2]}
		if n, err := strconv.Atoi(p[3]); err == nil {
			e["size"] = n
		}
		entries = append(entries, e)
	}
	writeJSON(w, 200, map[string]any{"sha": r.PathValue("sha"), "tree": entries, "truncated": false})
}

func (f *Fake) getBlob(w http.ResponseWriter, r *http.Request, repo *Repo) {
	data, err := git(repo.Dir, "cat-file", "blob", r.PathValue("sha"))
	if err != nil {
		fail(w, 404, "Not Found")
		return
	}
	if strings.Contains(r.Header.Get("Accept"), "raw") {
		w.Header().Set("Content-Type", "application/vnd.github.raw")
		io.WriteString(w, data)
		return
	}
	writeJSON(w, 200, map[string]any{"sha": r.PathValue("sha"), "size": len(data), "encoding": "base64", "content": base64.StdEncoding.EncodeToString([]byte(data))})
}

func (f *Fake) checkRunJSON(c *CheckRun) map[string]any {
	return map[string]any{"id": c.ID, "name": c.Name, "head_sha": c.HeadSHA, "external_id": c.ExternalID, "status": c.Status, "conclusion": nilIfEmpty(c.Conclusion),
		"app": map[string]any{"id": f.AppID, "slug": f.AppSlug}}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

type checkRunBody struct {
	Name       string `json:"name"`
	HeadSHA    string `json:"head_sha"`
	ExternalID string `json:"external_id"`
	Status     string `json:"status"`
	Conclusion string `json:"conclusion"`
	Output     *struct {
		Title       string           `json:"title"`
		Summary     string           `json:"summary"`
		Annotations []map[string]any `json:"annotations"`
	} `json:"output"`
	Actions []map[string]any `json:"actions"`
}

func (f *Fake) applyCheckRun(c *CheckRun, b checkRunBody) string {
	if b.Name != "" {
		c.Name = b.Name
	}
	if b.Status != "" {
		c.Status = b.Status
	}
	if b.Conclusion != "" {
		c.Conclusion = b.Conclusion
		c.Status = "completed"
	}
	if b.Output != nil {
		if b.Output.Title == "" || b.Output.Summary == "" {
			return "output needs title and summary"
		}
		if len(b.Output.Annotations) > 50 {
			return "at most 50 annotations per request"
		}
		c.Title, c.Summary = b.Output.Title, b.Output.Summary
		c.Annotations = append(c.Annotations, b.Output.Annotations...)
	}
	if b.Actions != nil {
		c.Actions = b.Actions
	}
	return ""
}

func (f *Fake) createCheckRun(w http.ResponseWriter, r *http.Request, repo *Repo) {
	var b checkRunBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil || b.Name == "" || b.HeadSHA == "" {
		fail(w, 422, "name and head_sha are required")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := &CheckRun{ID: f.id(), Repo: repo.Owner + "/" + repo.Name, HeadSHA: b.HeadSHA, ExternalID: b.ExternalID, Status: "queued"}
	if msg := f.applyCheckRun(c, b); msg != "" {
		fail(w, 422, msg)
		return
	}
	f.checkRuns = append(f.checkRuns, c)
	writeJSON(w, 201, f.checkRunJSON(c))
}

func (f *Fake) updateCheckRun(w http.ResponseWriter, r *http.Request, repo *Repo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var b checkRunBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		fail(w, 400, "Problems parsing JSON")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.checkRuns {
		if c.ID == id {
			if msg := f.applyCheckRun(c, b); msg != "" {
				fail(w, 422, msg)
				return
			}
			writeJSON(w, 200, f.checkRunJSON(c))
			return
		}
	}
	fail(w, 404, "Not Found")
}

func (f *Fake) listCheckRuns(w http.ResponseWriter, r *http.Request, repo *Repo) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var runs []map[string]any
	for _, c := range f.checkRuns {
		if c.Repo == repo.Owner+"/"+repo.Name && c.HeadSHA == r.PathValue("ref") {
			if n := r.URL.Query().Get("check_name"); n == "" || n == c.Name {
				runs = append(runs, f.checkRunJSON(c))
			}
		}
	}
	writeJSON(w, 200, map[string]any{"total_count": len(runs), "check_runs": runs})
}

func (f *Fake) commentJSON(c *Comment) map[string]any {
	m := map[string]any{"id": c.ID, "path": c.Path, "body": c.Body, "line": c.Line, "side": c.Side, "user": map[string]any{"login": c.User, "type": "User"}}
	if strings.HasSuffix(c.User, "[bot]") {
		m["user"].(map[string]any)["type"] = "Bot"
	}
	if c.StartLine > 0 {
		m["start_line"] = c.StartLine
	}
	if c.InReplyTo != 0 {
		m["in_reply_to_id"] = c.InReplyTo
	}
	return m
}

// diffLines returns the head lines a file's patch shows (added and context),
// the only lines GitHub accepts review comments on with side RIGHT.
func diffLines(patch string) map[int]bool {
	out := map[int]bool{}
	hunks, err := diff.ParseHunks([]byte(patch))
	if err != nil {
		return out
	}
	for _, h := range hunks {
		n := int(h.NewStartLine)
		for _, l := range bytes.Split(h.Body, []byte("\n")) {
			if len(l) == 0 {
				continue
			}
			if l[0] == '+' || l[0] == ' ' {
				out[n] = true
				n++
			}
		}
	}
	return out
}

func (f *Fake) createReview(w http.ResponseWriter, r *http.Request, repo *Repo) {
	pr := f.pr(w, r, repo)
	if pr == nil {
		return
	}
	var b struct {
		CommitID string `json:"commit_id"`
		Body     string `json:"body"`
		Event    string `json:"event"`
		Comments []struct {
			Path      string `json:"path"`
			Body      string `json:"body"`
			Line      int    `json:"line"`
			StartLine int    `json:"start_line"`
			Side      string `json:"side"`
		} `json:"comments"`
	}
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		fail(w, 400, "Problems parsing JSON")
		return
	}
	files, err := f.changedFiles(repo.Dir, pr)
	if err != nil {
		fail(w, 500, err.Error())
		return
	}
	patches := map[string]string{}
	for _, fe := range files {
		if p, ok := fe["patch"].(string); ok {
			patches[fe["filename"].(string)] = p
		}
	}
	for _, c := range b.Comments {
		lines := diffLines(patches[c.Path])
		if !lines[c.Line] || (c.StartLine > 0 && (!lines[c.StartLine] || c.StartLine >= c.Line)) {
			fail(w, 422, fmt.Sprintf("Unprocessable Entity: pull_request_review_thread.line %s:%d could not be resolved", c.Path, c.Line))
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reviews++
	for _, c := range b.Comments {
		id := f.id()
		f.comments = append(f.comments, &Comment{ID: id, Repo: repo.Owner + "/" + repo.Name, PR: pr.Number, User: f.AppSlug + "[bot]", Path: c.Path,
			Line: c.Line, StartLine: c.StartLine, Side: c.Side, Body: c.Body, ThreadID: fmt.Sprintf("PRRT_%d", id)})
	}
	writeJSON(w, 200, map[string]any{"id": f.id(), "state": "COMMENTED", "commit_id": b.CommitID, "body": b.Body})
}

func (f *Fake) listComments(w http.ResponseWriter, r *http.Request, repo *Repo) {
	pr := f.pr(w, r, repo)
	if pr == nil {
		return
	}
	f.mu.Lock()
	var out []map[string]any
	for _, c := range f.comments {
		if c.Repo == repo.Owner+"/"+repo.Name && c.PR == pr.Number {
			out = append(out, f.commentJSON(c))
		}
	}
	f.mu.Unlock()
	paginate(w, r, out)
}

func (f *Fake) reply(w http.ResponseWriter, r *http.Request, repo *Repo) {
	pr := f.pr(w, r, repo)
	if pr == nil {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var b struct {
		Body string `json:"body"`
	}
	json.NewDecoder(r.Body).Decode(&b)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.comments {
		if c.ID == id {
			n := &Comment{ID: f.id(), Repo: c.Repo, PR: c.PR, User: f.AppSlug + "[bot]", Path: c.Path, Line: c.Line, Side: c.Side, Body: b.Body, InReplyTo: id, ThreadID: c.ThreadID}
			f.comments = append(f.comments, n)
			writeJSON(w, 201, f.commentJSON(n))
			return
		}
	}
	fail(w, 404, "Not Found")
}

func (f *Fake) permission(w http.ResponseWriter, r *http.Request, repo *Repo) {
	f.mu.Lock()
	role, ok := f.roles[r.PathValue("user")]
	f.mu.Unlock()
	if !ok {
		fail(w, 404, "Not Found") // not a collaborator
		return
	}
	perm := map[string]string{"admin": "admin", "maintain": "write", "write": "write", "triage": "read", "read": "read"}[role]
	writeJSON(w, 200, map[string]any{"permission": perm, "role_name": role, "user": map[string]any{"login": r.PathValue("user")}})
}

func (f *Fake) react(w http.ResponseWriter, r *http.Request, repo *Repo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var b struct {
		Content string `json:"content"`
	}
	json.NewDecoder(r.Body).Decode(&b)
	f.mu.Lock()
	f.reactions[id] = append(f.reactions[id], b.Content)
	f.mu.Unlock()
	writeJSON(w, 201, map[string]any{"id": 1, "content": b.Content})
}

func (f *Fake) issueComment(w http.ResponseWriter, r *http.Request, repo *Repo) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	var b struct {
		Body string `json:"body"`
	}
	json.NewDecoder(r.Body).Decode(&b)
	f.mu.Lock()
	f.issueComments = append(f.issueComments, IssueComment{Repo: repo.Owner + "/" + repo.Name, PR: n, Body: b.Body})
	f.mu.Unlock()
	writeJSON(w, 201, map[string]any{"id": 1, "body": b.Body})
}

// graphql implements the two operations leakguard sends: listing a PR's
// review threads and resolveReviewThread.
func (f *Fake) graphql(w http.ResponseWriter, r *http.Request) {
	auth := strings.TrimPrefix(r.Header.Get("Authorization"), "token ")
	f.mu.Lock()
	_, ok := f.tokens[auth]
	f.mu.Unlock()
	if !ok {
		fail(w, 401, "Bad credentials")
		return
	}
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		fail(w, 400, "Problems parsing JSON")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case strings.Contains(req.Query, "resolveReviewThread"):
		id, _ := req.Variables["id"].(string)
		for _, c := range f.comments {
			if c.ThreadID == id {
				c.Resolved = true
			}
		}
		writeJSON(w, 200, map[string]any{"data": map[string]any{"resolveReviewThread": map[string]any{"thread": map[string]any{"id": id, "isResolved": true}}}})
	case strings.Contains(req.Query, "reviewThreads"):
		repoName := fmt.Sprint(req.Variables["owner"]) + "/" + fmt.Sprint(req.Variables["name"])
		num := int(req.Variables["number"].(float64))
		var nodes []map[string]any
		for _, c := range f.comments {
			if c.Repo == repoName && c.PR == num && c.InReplyTo == 0 {
				nodes = append(nodes, map[string]any{"id": c.ThreadID, "isResolved": c.Resolved,
					"comments": map[string]any{"nodes": []any{map[string]any{"fullDatabaseId": strconv.FormatInt(c.ID, 10)}}}})
			}
		}
		writeJSON(w, 200, map[string]any{"data": map[string]any{"repository": map[string]any{"pullRequest": map[string]any{"reviewThreads": map[string]any{
			"pageInfo": map[string]any{"hasNextPage": false, "endCursor": nil}, "nodes": nodes}}}}})
	default:
		writeJSON(w, 200, map[string]any{"errors": []any{map[string]any{"message": "unsupported query in the fake"}}})
	}
}

// ManifestPEM is the private key the manifest conversion returns: a real
// RSA key (made once per process), so a server can start with what the setup
// flow stored.
var ManifestPEM = sync.OnceValue(func() string {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
})

func (f *Fake) convertManifest(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("code") != "good-code" {
		fail(w, 404, "Not Found")
		return
	}
	writeJSON(w, 201, map[string]any{"id": f.AppID, "slug": f.AppSlug, "html_url": "https://github.com/apps/" + f.AppSlug,
		"pem": ManifestPEM(), "webhook_secret": "manifest-webhook-secret-0123", "client_id": "Iv1.abc", "client_secret": "xyz"})
}
