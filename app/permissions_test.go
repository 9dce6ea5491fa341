package app

// app.yml is checked against GitHub's own published data, never a list
// written here:
//   - which permission keys and levels a manifest may ask for: the
//     app-permissions schema of GitHub's REST OpenAPI description
//     (npm @octokit/openapi);
//   - which permission an event needs: the webhook descriptions GitHub
//     publishes (npm @octokit/openapi-webhooks), whose summaries say "To
//     subscribe to this event, a GitHub App must have at least read-level
//     access for the "Issues" repository permission";
//   - which permission an endpoint needs: npm @octokit/app-permissions, its
//     generated table and the page of GitHub's docs it carries
//     (cache/api.github.com.html, "Permissions required for GitHub Apps"),
//     which lists endpoints the generated table lacks.
// The calls checked are those the App actually made in this package's tests,
// as the fake GitHub recorded them, so a call added later is checked too.

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/leakguard/leakguard/internal/fakegithub"
	"github.com/leakguard/leakguard/internal/npmdeps"
)

// access levels, ordered: write includes read.
const (
	none = iota
	read
	write
)

func level(s string) int {
	switch s {
	case "read":
		return read
	case "write":
		return write
	}
	return none
}

var levelName = []string{"none", "read", "write"}

// grant is one permission at one level.
type grant struct {
	perm  string
	level int
}

func (g grant) String() string { return g.perm + ":" + levelName[g.level] }

// manifest is what app.yml asks for.
type manifest struct {
	Permissions map[string]string `yaml:"default_permissions"`
	Events      []string          `yaml:"default_events"`
}

func loadManifest(t testing.TB) (manifest, map[string]int) {
	m, perms, err := parseManifest()
	if err != nil {
		t.Fatal(err)
	}
	return m, perms
}

func parseManifest() (manifest, map[string]int, error) {
	var m manifest
	if err := yaml.Unmarshal(Manifest, &m); err != nil {
		return m, nil, fmt.Errorf("app.yml: %w", err)
	}
	perms := map[string]int{}
	for k, v := range m.Permissions {
		perms[k] = level(v)
	}
	return m, perms, nil
}

// permissionData is GitHub's published permission data, loaded once.
type permissionData struct {
	schema    map[string][]string // manifest key -> allowed levels
	endpoints map[string][]grant  // "METHOD /normalized/path" -> any one of these suffices
	events    map[string]eventInfo
}

type eventInfo struct {
	forApps bool
	needs   []grant // every one is needed to receive all of the event's actions
}

var (
	permOnce sync.Once
	permData *permissionData
	permErr  error
)

// permissionFiles are the npm files the permission data comes from.
var permissionFiles = [][2]string{
	{"@octokit/openapi", "generated/api.github.com.json"},
	{"@octokit/app-permissions", "generated/api.github.com.json"},
	{"@octokit/app-permissions", "cache/api.github.com.html"},
	{"@octokit/openapi-webhooks", "generated/api.github.com.json"},
}

func loadPermissionData(t testing.TB) *permissionData {
	t.Helper()
	var paths []string
	for _, f := range permissionFiles {
		paths = append(paths, npmdeps.File(t, f[0], f[1]))
	}
	permOnce.Do(func() { permData, permErr = readPermissionData(paths[0], paths[1], paths[2], paths[3]) })
	if permErr != nil {
		t.Fatal(permErr)
	}
	return permData
}

func readPermissionData(openapi, generated, page, webhooks string) (*permissionData, error) {
	d := &permissionData{schema: map[string][]string{}, endpoints: map[string][]grant{}, events: map[string]eventInfo{}}

	var api struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Enum []string `json:"enum"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := readJSON(openapi, &api); err != nil {
		return nil, err
	}
	for k, p := range api.Components.Schemas["app-permissions"].Properties {
		d.schema[k] = p.Enum
	}
	if len(d.schema) == 0 {
		return nil, fmt.Errorf("%s: no app-permissions schema", openapi)
	}

	var gen struct {
		Permissions map[string]struct {
			Read  []string `json:"read"` // "METHOD /path"
			Write []string `json:"write"`
		} `json:"permissions"`
	}
	if err := readJSON(generated, &gen); err != nil {
		return nil, err
	}
	for perm, eps := range gen.Permissions {
		for _, ep := range eps.Read {
			d.addEndpoint(ep, grant{perm, read})
		}
		for _, ep := range eps.Write {
			d.addEndpoint(ep, grant{perm, write})
		}
	}
	if err := d.readDocsPage(page); err != nil {
		return nil, err
	}

	var hooks struct {
		Webhooks map[string]map[string]struct {
			Summary      string `json:"summary"`
			ExternalDocs struct {
				URL string `json:"url"`
			} `json:"externalDocs"`
			XGitHub struct {
				Types []string `json:"supported-webhook-types"`
			} `json:"x-github"`
		} `json:"webhooks"`
	}
	if err := readJSON(webhooks, &hooks); err != nil {
		return nil, err
	}
	for _, ops := range hooks.Webhooks {
		for _, op := range ops {
			_, event, ok := strings.Cut(op.ExternalDocs.URL, "#")
			if !ok {
				continue
			}
			info := d.events[event]
			info.forApps = info.forApps || contains(op.XGitHub.Types, "app")
			for _, g := range eventGrants(op.Summary) {
				if !containsGrant(info.needs, g) {
					info.needs = append(info.needs, g)
				}
			}
			d.events[event] = info
		}
	}
	if len(d.events) == 0 {
		return nil, fmt.Errorf("%s: no webhooks", webhooks)
	}
	return d, nil
}

// subscribeRE and receiveRE read the sentences GitHub's webhook descriptions
// use for the permission an event needs, and the higher level some of its
// actions need.
var (
	subscribeRE = regexp.MustCompile(`must have at least (read|write)-level access for the "([^"]+)"`)
	receiveRE   = regexp.MustCompile("To receive the (`[^.]*`) event types?, the app must have at least (read|write)-level access for the \"([^\"]+)\"")
)

func eventGrants(summary string) []grant {
	var out []grant
	for _, m := range subscribeRE.FindAllStringSubmatch(summary, -1) {
		out = append(out, grant{permissionKey(m[2]), level(m[1])})
	}
	// The App receives every action of the events it subscribes to (it
	// handles check_run rerequested and requested_action, for one).
	for _, m := range receiveRE.FindAllStringSubmatch(summary, -1) {
		out = append(out, grant{permissionKey(m[3]), level(m[2])})
	}
	return out
}

// permissionKey turns a permission's title in GitHub's docs ("Pull
// requests") into its manifest key (pull_requests); the titles that differ
// from their keys are the ones @octokit/app-permissions' own update script
// maps.
func permissionKey(title string) string {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(title)), " ", "_")
	k = strings.ReplaceAll(k, "-", "_")
	switch k {
	case "commit_statuses":
		return "statuses"
	case "code_scanning_alerts":
		return "security_events"
	case "dependabot_alerts":
		return "vulnerability_alerts"
	case "blocking_users":
		return "organization_user_blocking"
	}
	return k
}

var (
	sectionRE = regexp.MustCompile(`<h2 id="(repository|organization)-permissions-for-([a-z0-9-]+)"`)
	rowRE     = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRE    = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	tagRE     = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]+>`)
)

// readDocsPage reads the tables of "Permissions required for GitHub Apps":
// one section per permission, one row per endpoint with its access level and
// the token types it works with. Only rows usable with an installation
// access token (IAT) count: that is what the App calls with.
func (d *permissionData) readDocsPage(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	page := string(b)
	locs := sectionRE.FindAllStringSubmatchIndex(page, -1)
	if len(locs) == 0 {
		return fmt.Errorf("%s: no permission sections", path)
	}
	rows := 0
	for i, loc := range locs {
		end := len(page)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		perm := permissionKey(page[loc[4]:loc[5]])
		if page[loc[2]:loc[3]] == "organization" && d.schema["organization_"+perm] != nil {
			perm = "organization_" + perm
		}
		for _, row := range rowRE.FindAllStringSubmatch(page[loc[1]:end], -1) {
			cells := cellRE.FindAllStringSubmatch(row[1], -1)
			if len(cells) < 3 {
				continue
			}
			text := func(i int) string {
				return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(cells[i][1], " "))), " ")
			}
			if !strings.Contains(text(2), "IAT") {
				continue
			}
			d.addEndpoint(text(0), grant{perm, level(text(1))})
			rows++
		}
	}
	if rows == 0 {
		return fmt.Errorf("%s: no endpoint rows", path)
	}
	return nil
}

func (d *permissionData) addEndpoint(ep string, g grant) {
	method, path, ok := strings.Cut(ep, " ")
	if !ok || g.level == none {
		return
	}
	key := strings.ToUpper(method) + " " + normalizePath(path)
	if !containsGrant(d.endpoints[key], g) {
		d.endpoints[key] = append(d.endpoints[key], g)
	}
}

// normalizePath makes path templates comparable across the sources, whose
// parameter names differ ({sha} / {tree_sha}, {basehead} / {base}...{head}).
func normalizePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if strings.Contains(s, "{") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// graphqlREST maps the GraphQL fields the App uses to the REST endpoint that
// touches the same data; GitHub publishes no permission table for GraphQL,
// and its objects need the permission of their REST counterparts. A new
// GraphQL field fails the check until it is added here.
var graphqlREST = map[string]string{
	"reviewThreads":       "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",  // read the PR's review threads
	"resolveReviewThread": "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}", // change a review thread
}

var gitSmartHTTP = regexp.MustCompile(`^/(.+/)?[^/]+/[^/]+?(\.git)?/(info/refs|git-upload-pack|git-receive-pack)$`)

// requiredGrants returns the permissions a recorded request needs (any one
// of them suffices), or none and a reason when it needs no installation
// permission. An error means the data does not cover the request.
func (d *permissionData) requiredGrants(spec *fakegithub.Spec, r fakegithub.Request) ([]grant, string, error) {
	switch {
	case r.Path == "/app" || strings.HasPrefix(r.Path, "/app/"):
		// Authenticated as the app itself with its JWT, not an installation:
		// GitHub checks no installation permission for these.
		return nil, "app JWT endpoint", nil
	case strings.HasPrefix(r.Path, "/app-manifests/"):
		// The manifest conversion runs before the app exists, unauthenticated.
		return nil, "manifest flow", nil
	case r.Path == "/graphql":
		// Checked field by field in uncoveredCalls.
		_, err := graphqlFields(r)
		return nil, "GraphQL", err
	}
	if m := gitSmartHTTP.FindStringSubmatch(r.Path); m != nil && (m[3] != "info/refs" || strings.Contains(r.RawQuery, "service=git-")) {
		// git over HTTPS with an installation token: fetching reads the
		// repository's objects as the Git database API does, pushing writes
		// them.
		rest := "GET /repos/{owner}/{repo}/git/blobs/{file_sha}"
		if m[3] == "git-receive-pack" || strings.Contains(r.RawQuery, "service=git-receive-pack") {
			rest = "POST /repos/{owner}/{repo}/git/blobs"
		}
		g, ok := d.endpoints[restKey(rest)]
		if !ok {
			return nil, "", fmt.Errorf("git %s: no permission data for %s", m[3], rest)
		}
		return g, "", nil
	}
	tmpl, op := spec.Operation(r.Method, r.Path)
	if op == nil {
		return nil, "", fmt.Errorf("%s: not an operation of GitHub's REST API", r)
	}
	g, ok := d.endpoints[strings.ToUpper(r.Method)+" "+normalizePath(tmpl)]
	if !ok {
		return nil, "", fmt.Errorf("%s %s: GitHub's permission data does not list this endpoint", r.Method, tmpl)
	}
	return g, "", nil
}

// graphqlFields returns the fields of graphqlREST a GraphQL request uses,
// or an error when it uses none (a new operation to map).
func graphqlFields(r fakegithub.Request) ([]string, error) {
	q, _, err := r.GraphQL()
	if err != nil {
		return nil, err
	}
	var out []string
	for field := range graphqlREST {
		if regexp.MustCompile(`\b` + field + `\b`).MatchString(q) {
			out = append(out, field)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("GraphQL operation %.80q uses no field mapped in graphqlREST: add its REST counterpart", q)
	}
	sort.Strings(out)
	return out, nil
}

func restKey(ep string) string {
	m, p, _ := strings.Cut(ep, " ")
	return m + " " + normalizePath(p)
}

// covered reports whether perms satisfy one of the grants.
func covered(perms map[string]int, any []grant) bool {
	for _, g := range any {
		if perms[g.perm] >= g.level {
			return true
		}
	}
	return false
}

// uncoveredCalls returns the recorded requests that perms do not allow.
func (d *permissionData) uncoveredCalls(spec *fakegithub.Spec, perms map[string]int, reqs []fakegithub.Request) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range reqs {
		key := r.Method + " " + r.Path
		if seen[key] && r.Path != "/graphql" {
			continue
		}
		seen[key] = true
		gs, _, err := d.requiredGrants(spec, r)
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		if r.Path == "/graphql" {
			fields, _ := graphqlFields(r)
			for _, field := range fields {
				rest := graphqlREST[field]
				if gs, ok := d.endpoints[restKey(rest)]; !ok {
					out = append(out, fmt.Sprintf("GraphQL %s: no permission data for its REST counterpart %s", field, rest))
				} else if !covered(perms, gs) {
					out = append(out, fmt.Sprintf("GraphQL %s (like %s) needs one of %v", field, rest, gs))
				}
			}
			continue
		}
		if gs != nil && !covered(perms, gs) {
			tmpl, _ := spec.Operation(r.Method, r.Path)
			if tmpl == "" {
				tmpl = r.Path
			}
			out = append(out, fmt.Sprintf("%s %s needs one of %v", r.Method, tmpl, gs))
		}
	}
	sort.Strings(out)
	return out
}

// uncoveredEvents returns the subscribed events perms do not allow.
func (d *permissionData) uncoveredEvents(m manifest, perms map[string]int) []string {
	var out []string
	for _, ev := range m.Events {
		info, ok := d.events[ev]
		if !ok || !info.forApps {
			out = append(out, fmt.Sprintf("event %s: GitHub publishes no such event for GitHub Apps", ev))
			continue
		}
		for _, g := range info.needs {
			if perms[g.perm] < g.level {
				out = append(out, fmt.Sprintf("event %s needs %s", ev, g))
			}
		}
	}
	return out
}

// checkPermissions fails t for each recorded request app.yml does not allow.
func checkPermissions(t testing.TB, reqs []fakegithub.Request) {
	t.Helper()
	d := loadPermissionData(t)
	_, perms := loadManifest(t)
	for _, p := range d.uncoveredCalls(loadSpec(t), perms, reqs) {
		t.Errorf("permissions: app.yml does not allow a call the App made: %s", p)
	}
}

func TestManifestAsksForPermissionsGitHubKnows(t *testing.T) {
	d := loadPermissionData(t)
	m, _ := loadManifest(t)
	if len(m.Permissions) == 0 || len(m.Events) == 0 {
		t.Fatalf("app.yml has no permissions or events: %+v", m)
	}
	for k, v := range m.Permissions {
		allowed, ok := d.schema[k]
		if !ok {
			t.Errorf("default_permissions.%s is not a GitHub App permission", k)
		} else if !contains(allowed, v) {
			t.Errorf("default_permissions.%s: %q is not one of %v", k, v, allowed)
		}
	}
	if probs := d.uncoveredEvents(m, map[string]int{}); len(probs) == 0 {
		t.Error("no subscribed event needs a permission: the event data was not read")
	}
}

func TestManifestEventsHaveTheirPermissions(t *testing.T) {
	d := loadPermissionData(t)
	m, perms := loadManifest(t)
	for _, p := range d.uncoveredEvents(m, perms) {
		t.Errorf("app.yml: %s (GitHub's manifest validator refuses the whole manifest)", p)
	}
	// The check sees the mistake GitHub refused: issue_comment without issues.
	without := map[string]int{}
	for k, v := range perms {
		if k != "issues" {
			without[k] = v
		}
	}
	if probs := strings.Join(d.uncoveredEvents(m, without), "\n"); !strings.Contains(probs, "event issue_comment needs issues:read") {
		t.Errorf("without issues:read the check reports %q", probs)
	}
	// And an action needing a higher level: check_run rerequested needs checks:write.
	lower := map[string]int{}
	for k, v := range perms {
		lower[k] = v
	}
	lower["checks"] = read
	if probs := strings.Join(d.uncoveredEvents(m, lower), "\n"); !strings.Contains(probs, "event check_run needs checks:write") {
		t.Errorf("with checks:read the check reports %q", probs)
	}
}

// TestPermissionModel checks the endpoint data on calls whose answer GitHub's
// docs state, so a parsing mistake cannot pass everything.
func TestPermissionModel(t *testing.T) {
	d := loadPermissionData(t)
	spec := loadSpec(t)
	perms := map[string]int{"checks": write, "pull_requests": write, "contents": read, "metadata": read, "issues": read}
	for _, tc := range []struct {
		method, path string
		ok           bool
	}{
		{"POST", "/repos/o/r/check-runs", true},
		{"GET", "/repos/o/r/git/blobs/abc", true},
		{"GET", "/repos/o/r/compare/a...b", true},
		{"GET", "/repos/o/r/collaborators/u/permission", true},
		{"POST", "/repos/o/r/issues/7/comments", true}, // pull_requests:write suffices for a PR's conversation
		{"PUT", "/repos/o/r/contents/a.ts", false},     // writing code: contents:write
		{"POST", "/repos/o/r/issues", false},           // opening an issue: issues:write
		{"PUT", "/repos/o/r/pulls/1/merge", false},
		{"GET", "/repos/o/r/git/trees/abc", true},
		{"GET", "/o/r.git/info/refs", true},
		{"POST", "/o/r.git/git-receive-pack", false},
	} {
		r := fakegithub.Request{Method: tc.method, Path: tc.path}
		if strings.HasSuffix(tc.path, "info/refs") {
			r.RawQuery = "service=git-upload-pack"
		}
		got := len(d.uncoveredCalls(spec, perms, []fakegithub.Request{r})) == 0
		if got != tc.ok {
			t.Errorf("%s %s allowed = %v, want %v (%v)", tc.method, tc.path, got, tc.ok, d.uncoveredCalls(spec, perms, []fakegithub.Request{r}))
		}
	}
	gql := func(q string) fakegithub.Request {
		b, _ := json.Marshal(map[string]any{"query": q})
		return fakegithub.Request{Method: "POST", Path: "/graphql", Body: b}
	}
	if p := d.uncoveredCalls(spec, perms, []fakegithub.Request{gql(`mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id } } }`)}); len(p) != 0 {
		t.Errorf("resolveReviewThread: %v", p)
	}
	if p := d.uncoveredCalls(spec, map[string]int{"pull_requests": read}, []fakegithub.Request{gql(`mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id } } }`)}); len(p) != 1 {
		t.Errorf("resolveReviewThread with pull_requests:read: %v", p)
	}
	if p := d.uncoveredCalls(spec, perms, []fakegithub.Request{gql(`mutation { mergePullRequest(input: {pullRequestId: "x"}) { clientMutationId } }`)}); len(p) != 1 || !strings.Contains(p[0], "graphqlREST") {
		t.Errorf("an unmapped GraphQL operation: %v", p)
	}
	if gs, why, err := d.requiredGrants(spec, fakegithub.Request{Method: "POST", Path: "/app/installations/1/access_tokens"}); err != nil || gs != nil || why == "" {
		t.Errorf("app JWT endpoint: %v %q %v", gs, why, err)
	}
}

// checkPermissionsUsed runs after the whole package (TestMain): every call the App made
// in the tests is allowed by app.yml, and every permission app.yml asks for
// is needed — by an event or by a call — at the level it asks for. Returns
// the problems.
func checkPermissionsUsed(d *permissionData, spec *fakegithub.Spec, ops []fakegithub.Request) []string {
	m, perms, err := parseManifest()
	if err != nil {
		return []string{err.Error()}
	}
	probs := append(d.uncoveredEvents(m, perms), d.uncoveredCalls(spec, perms, ops)...)
	if len(probs) > 0 {
		return probs
	}
	for _, k := range sortedKeys(perms) {
		lower := map[string]int{}
		for p, v := range perms {
			lower[p] = v
		}
		lower[k]--
		if len(d.uncoveredEvents(m, lower)) == 0 && len(d.uncoveredCalls(spec, lower, ops)) == 0 {
			probs = append(probs, fmt.Sprintf("app.yml asks for %s:%s, but no subscribed event and none of the %d operations the App made needs more than %s", k, levelName[perms[k]], len(ops), levelName[lower[k]]))
		}
	}
	return probs
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsGrant(list []grant, g grant) bool {
	for _, x := range list {
		if x == g {
			return true
		}
	}
	return false
}

// TestUnusedPermissionsAreReported drives the after-run check with a short
// list of operations: what they and the events do not need is reported.
func TestUnusedPermissionsAreReported(t *testing.T) {
	d := loadPermissionData(t)
	ops := []fakegithub.Request{
		{Method: "POST", Path: "/repos/o/r/check-runs"},
		{Method: "POST", Path: "/repos/o/r/pulls/1/reviews"},
		{Method: "POST", Path: "/app/installations/1/access_tokens"},
	}
	got := strings.Join(checkPermissionsUsed(d, loadSpec(t), ops), "\n")
	for _, want := range []string{"asks for contents:read, but", "asks for metadata:read, but"} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
	for _, needed := range []string{"checks:", "pull_requests:", "issues:"} {
		if strings.Contains(got, "asks for "+needed) {
			t.Errorf("%s is needed (an event or a call) but reported:\n%s", needed, got)
		}
	}
	ops = append(ops, fakegithub.Request{Method: "PUT", Path: "/repos/o/r/contents/a.ts"})
	if got := strings.Join(checkPermissionsUsed(d, loadSpec(t), ops), "\n"); !strings.Contains(got, "PUT /repos/{owner}/{repo}/contents/{path} needs one of") {
		t.Errorf("a call app.yml does not allow is not reported:\n%s", got)
	}
}
