package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/internal/fakegithub"
)

// vulnRoute commits a live Stripe key (line 4) and trusts an unverified
// webhook body (line 7): both block with the default suite.
const vulnRoute = `import Stripe from 'stripe'
import { NextResponse } from 'next/server'

const stripe = new Stripe('sk_live_51Hx9TqLkP2vB7rM4nW8yZcD3fG6hJ0kQ1sT5uV9xA2bC4dE6fG8hJ0kL2mN4pQ6rS8tU0vW2xY4')

export async function POST(req: Request) {
  const event = await req.json()
  if (event.type === 'checkout.session.completed') {
    await markPaid(event.data.object.id)
  }
  return NextResponse.json({ received: true })
}

async function markPaid(sessionId: string) {
  return stripe.checkout.sessions.retrieve(sessionId)
}
`

// fixedRoute is the same handler done right.
const fixedRoute = `import Stripe from 'stripe'
import { NextResponse } from 'next/server'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)

export async function POST(req: Request) {
  const body = await req.text()
  const signature = req.headers.get('stripe-signature') ?? ''
  let event: Stripe.Event
  try {
    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!)
  } catch {
    return NextResponse.json({ error: 'bad signature' }, { status: 400 })
  }
  return NextResponse.json({ received: true, type: event.type })
}
`

var baseFiles = map[string]string{
	"package.json": `{"name":"shop","dependencies":{"next":"15.1.0","stripe":"17.0.0"}}`,
	"README.md":    "# shop\n",
	"lib/format.ts": `export function price(cents: number) {
  return (cents / 100).toFixed(2)
}
`,
}

type prFixture struct {
	repo       *fakegithub.Repo
	git        *gitRepo
	base, head string
}

// vulnerablePR builds a repository whose PR #2 adds vulnRoute.
func vulnerablePR(t *testing.T, h *harness) *prFixture {
	g := newGitRepo(t)
	base := g.commit("main", baseFiles)
	head := g.commit("feature", map[string]string{"app/api/stripe/webhook/route.ts": vulnRoute})
	repo := &fakegithub.Repo{ID: 186853002, Owner: "Codertocat", Name: "Hello-World", Dir: g.dir, Installation: 1}
	h.fake.AddRepo(repo)
	h.fake.SetPR(repo.Owner, repo.Name, fakegithub.PR{Number: 2, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "Codertocat"})
	return &prFixture{repo: repo, git: g, base: base, head: head}
}

func describe(runs []fakegithub.CheckRun) string {
	var b strings.Builder
	for _, r := range runs {
		fmt.Fprintf(&b, "run %d %s %s/%s %q\n%s\n", r.ID, r.HeadSHA[:8], r.Status, r.Conclusion, r.Title, r.Summary)
	}
	return b.String()
}

func TestPullRequestReviewEndToEnd(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)

	if code, body := h.deliver("pull_request", "delivery-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusAccepted {
		t.Fatalf("opened: %d %s", code, body)
	}
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 {
		t.Fatalf("%d check runs, want 1:\n%s", len(runs), describe(runs))
	}
	run := runs[0]
	if run.Name != "leakguard" || run.HeadSHA != pr.head || run.Status != "completed" || run.Conclusion != "failure" || run.ExternalID == "" {
		t.Fatalf("check run: %+v\n%s", run, describe(runs))
	}
	// The run was created in_progress before the analysis.
	var create fakegithub.Request
	for _, r := range h.fake.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/check-runs") {
			create = r
			break
		}
	}
	if !strings.Contains(string(create.Body), `"status":"in_progress"`) || !strings.Contains(string(create.Body), `"external_id"`) {
		t.Errorf("check run not created in_progress with an external_id: %s", create.Body)
	}
	lines := map[int]string{}
	for _, a := range run.Annotations {
		if a["path"] != "app/api/stripe/webhook/route.ts" {
			t.Errorf("annotation on %v", a["path"])
		}
		lines[int(a["start_line"].(float64))] = a["annotation_level"].(string)
	}
	if lines[4] != "failure" || lines[7] != "failure" {
		t.Errorf("annotations by line: %v, want failures on 4 (key) and 7 (unverified body)", lines)
	}
	if strings.Contains(run.Summary, "sk_live_51Hx9TqLkP2vB7rM4nW8yZ") {
		t.Error("the summary shows the secret")
	}
	comments := h.fake.Comments()
	if len(comments) != 2 || h.fake.Reviews() != 1 {
		t.Fatalf("%d comments in %d reviews, want 2 in 1", len(comments), h.fake.Reviews())
	}
	sort.Slice(comments, func(i, j int) bool { return comments[i].Line < comments[j].Line })
	if comments[0].Line != 4 || comments[1].Line != 7 || comments[0].Side != "RIGHT" {
		t.Errorf("comments on lines %d, %d (side %s), want 4 and 7 on RIGHT", comments[0].Line, comments[1].Line, comments[0].Side)
	}
	for _, c := range comments {
		if _, ok := h.svc.marker.Parse(c.Body); !ok {
			t.Errorf("comment without a valid marker: %s", c.Body)
		}
		if strings.Contains(c.Body, "sk_live_51Hx9TqLkP2vB7rM4nW8yZ") {
			t.Error("a comment shows the secret")
		}
	}
	if !strings.Contains(comments[1].Body, "```suggestion") {
		t.Errorf("the webhook finding has a fix; want a suggestion block:\n%s", comments[1].Body)
	}

	// GitHub's redelivery carries the same delivery id: nothing happens.
	if code, body := h.deliver("pull_request", "delivery-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusOK || body != "duplicate delivery" {
		t.Errorf("redelivery: %d %q", code, body)
	}
	// Another event for the same head (ready_for_review) collapses into the same work.
	if code, body := h.deliver("pull_request", "delivery-2", prPayload(t, "reopened", pr.repo, 2, pr.base, pr.head)); code != http.StatusAccepted {
		t.Errorf("reopened: %d %s", code, body)
	}
	h.wait()
	if n := len(h.fake.CheckRuns()); n != 1 {
		t.Errorf("%d check runs after redelivery, want 1", n)
	}
	if n := len(h.fake.Comments()); n != 2 || h.fake.Reviews() != 1 {
		t.Errorf("%d comments, %d reviews after redelivery, want 2 and 1", n, h.fake.Reviews())
	}

	// A push fixes both: the check passes and both threads are resolved.
	head2 := pr.git.commit("feature", map[string]string{"app/api/stripe/webhook/route.ts": fixedRoute})
	h.fake.SetPR(pr.repo.Owner, pr.repo.Name, fakegithub.PR{Number: 2, Base: pr.base, BaseRef: "main", Head: head2, HeadRef: "feature", Author: "Codertocat"})
	if code, body := h.deliver("pull_request", "delivery-3", prPayload(t, "synchronize", pr.repo, 2, pr.base, head2)); code != http.StatusAccepted {
		t.Fatalf("synchronize: %d %s", code, body)
	}
	h.wait()
	runs = h.fake.CheckRuns()
	if len(runs) != 2 || runs[1].HeadSHA != head2 || runs[1].Conclusion != "success" {
		t.Fatalf("after the fix:\n%s", describe(runs))
	}
	resolved, replies := 0, 0
	for _, c := range h.fake.Comments() {
		if c.InReplyTo == 0 && c.Resolved {
			resolved++
		}
		if c.InReplyTo != 0 && c.Body == "Fixed in "+head2+"." {
			replies++
		}
	}
	if resolved != 2 || replies != 2 {
		t.Errorf("%d threads resolved with %d replies, want 2 and 2", resolved, replies)
	}
	h.checkContract()
}

func TestSafePullRequestPasses(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	g := newGitRepo(t)
	base := g.commit("main", baseFiles)
	head := g.commit("feature", map[string]string{"lib/format.ts": "export function price(cents: number) {\n  return `$${(cents / 100).toFixed(2)}`\n}\n"})
	repo := &fakegithub.Repo{ID: 77, Owner: "acme", Name: "shop", Dir: g.dir, Installation: 9}
	h.fake.AddRepo(repo)
	h.fake.SetPR("acme", "shop", fakegithub.PR{Number: 5, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
	if code, body := h.deliver("pull_request", "safe-1", prPayload(t, "opened", repo, 5, base, head)); code != http.StatusAccepted {
		t.Fatalf("%d %s", code, body)
	}
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "success" {
		t.Fatalf("want one successful run:\n%s", describe(runs))
	}
	if h.fake.Reviews() != 0 {
		t.Errorf("a safe PR got %d reviews", h.fake.Reviews())
	}
	h.checkContract()
}

var idRE = regexp.MustCompile(`LG-[0-9a-f]{10}`)

// issueCommentPayload is the issue_comment example made into a comment on PR #number.
func issueCommentPayload(t *testing.T, action string, repo *fakegithub.Repo, number int, commentID int64, login, userType, body string) map[string]any {
	p := deepCopy(example(t, "issue_comment", action))
	setRepo(p, repo)
	issue := p["issue"].(map[string]any)
	issue["number"] = number
	issue["pull_request"] = map[string]any{"url": fmt.Sprintf("https://api.github.com/repos/%s/%s/pulls/%d", repo.Owner, repo.Name, number)}
	c := p["comment"].(map[string]any)
	c["id"] = commentID
	c["body"] = body
	c["user"].(map[string]any)["login"] = login
	c["user"].(map[string]any)["type"] = userType
	return p
}

func TestCommands(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)
	h.fake.SetRole("octo-admin", "admin")
	h.fake.SetRole("reader", "read")
	h.fake.SetRole("triager", "triage")
	h.deliver("pull_request", "pr-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	var ids []string
	for _, c := range h.fake.Comments() {
		ids = append(ids, idRE.FindString(c.Body))
	}
	if len(ids) != 2 {
		t.Fatalf("want 2 findings commented, got %v", ids)
	}
	runsBefore := len(h.fake.CheckRuns())

	// Never work: a bot, an edited comment, a comment that is not a command,
	// a comment on an issue.
	ignored := []map[string]any{
		issueCommentPayload(t, "created", pr.repo, 2, 501, "dependabot[bot]", "Bot", "/leakguard rescan"),
		issueCommentPayload(t, "edited", pr.repo, 2, 502, "octo-admin", "User", "/leakguard rescan"),
		issueCommentPayload(t, "created", pr.repo, 2, 503, "octo-admin", "User", "LGTM, but /leakguard rescan later"),
	}
	onIssue := issueCommentPayload(t, "created", pr.repo, 2, 504, "octo-admin", "User", "/leakguard rescan")
	delete(onIssue["issue"].(map[string]any), "pull_request")
	ignored = append(ignored, onIssue)
	for i, p := range ignored {
		event := "issue_comment"
		if code, body := h.deliver(event, fmt.Sprintf("ignored-%d", i), p); code != http.StatusOK {
			t.Errorf("case %d: %d %s, want 200 and no work", i, code, body)
		}
	}
	// Refused: a reader who is not the author asks for a rescan.
	h.deliver("issue_comment", "c-1", issueCommentPayload(t, "created", pr.repo, 2, 601, "reader", "User", "/leakguard rescan"))
	// Unknown verb: help text, no work.
	h.deliver("issue_comment", "c-2", issueCommentPayload(t, "created", pr.repo, 2, 602, "octo-admin", "User", "/leakguard frobnicate"))
	// A triager may not ignore.
	h.deliver("issue_comment", "c-3", issueCommentPayload(t, "created", pr.repo, 2, 603, "triager", "User", "/leakguard ignore "+ids[0]+" test key"))
	// An ignore without a reason is refused.
	h.deliver("issue_comment", "c-4", issueCommentPayload(t, "created", pr.repo, 2, 604, "octo-admin", "User", "/leakguard ignore "+ids[0]))
	h.wait()
	if n := len(h.fake.CheckRuns()); n != runsBefore {
		t.Fatalf("refused commands started work: %d check runs, want %d", n, runsBefore)
	}
	replies := h.fake.IssueComments()
	if len(replies) != 4 {
		t.Fatalf("want 4 replies (refused rescan, help, refused ignore, missing reason), got %d: %+v", len(replies), replies)
	}
	// The four commands run concurrently: match replies in any order.
	for _, want := range []string{"@reader `/leakguard rescan` needs triage, write", "is not a leakguard command", "@triager `/leakguard ignore` needs write, maintain or admin", "needs a reason"} {
		found := false
		for _, r := range replies {
			found = found || strings.Contains(r.Body, want)
		}
		if !found {
			t.Errorf("no reply says %q: %+v", want, replies)
		}
	}
	for _, id := range []int64{601, 602, 603, 604} {
		if r := h.fake.Reactions(id); len(r) != 0 {
			t.Errorf("refused command %d got reactions %v", id, r)
		}
	}

	// The triager may rescan; an admin ignores both findings with reasons.
	h.deliver("issue_comment", "c-5", issueCommentPayload(t, "created", pr.repo, 2, 605, "triager", "User", "/leakguard rescan"))
	h.wait()
	h.deliver("issue_comment", "c-6", issueCommentPayload(t, "created", pr.repo, 2, 606, "octo-admin", "User", "/leakguard ignore "+ids[0]+" test-mode key, rotated"))
	h.wait()
	h.deliver("issue_comment", "c-7", issueCommentPayload(t, "created", pr.repo, 2, 607, "octo-admin", "User", "/leakguard ignore "+ids[1]+"   handled by the edge proxy\nmore text"))
	h.wait()
	for _, id := range []int64{605, 606, 607} {
		if r := h.fake.Reactions(id); len(r) != 1 || r[0] != "eyes" {
			t.Errorf("accepted command %d: reactions %v, want [eyes]", id, r)
		}
	}
	runs := h.fake.CheckRuns()
	if len(runs) != runsBefore+3 {
		t.Fatalf("want 3 more runs (rescan, two ignores):\n%s", describe(runs))
	}
	if runs[len(runs)-2].Conclusion != "failure" {
		t.Errorf("with one finding ignored the check still fails: %s", runs[len(runs)-2].Conclusion)
	}
	last := runs[len(runs)-1]
	if last.Conclusion != "success" || !strings.Contains(last.Summary, "ignored by @octo-admin: test-mode key, rotated") || !strings.Contains(last.Summary, "handled by the edge proxy") {
		t.Errorf("after ignoring both:\n%s", describe([]fakegithub.CheckRun{last}))
	}
	if n := len(h.fake.Comments()); n != 2 {
		t.Errorf("rescans duplicated comments: %d", n)
	}
	stored, _ := h.svc.store.Ignores(context.Background(), pr.repo.ID)
	if stored[ids[0]].Actor != "octo-admin" || stored[ids[1]].Reason != "handled by the edge proxy" {
		t.Errorf("stored ignores: %+v", stored)
	}
	h.checkContract()
}

func TestWebhookExamplesTriggerReviews(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)

	for _, tc := range []struct{ event, action string }{{"installation", "created"}, {"ping", ""}, {"installation_repositories", "added"}} {
		if code, body := h.deliver(tc.event, "x-"+tc.event, example(t, tc.event, tc.action)); code != http.StatusOK {
			t.Errorf("%s: %d %s", tc.event, code, body)
		}
	}
	// check_suite rerequested, with the PR list.
	cs := deepCopy(example(t, "check_suite", "rerequested"))
	setRepo(cs, pr.repo)
	cs["check_suite"].(map[string]any)["head_sha"] = pr.head
	for _, p := range cs["check_suite"].(map[string]any)["pull_requests"].([]any) {
		p.(map[string]any)["base"].(map[string]any)["repo"].(map[string]any)["id"] = pr.repo.ID
	}
	if code, body := h.deliver("check_suite", "cs-1", cs); code != http.StatusAccepted {
		t.Fatalf("check_suite: %d %s", code, body)
	}
	// check_run rerequested: the example has no PR list (as for forks).
	cr := deepCopy(example(t, "check_run", "rerequested"))
	setRepo(cr, pr.repo)
	cr["check_run"].(map[string]any)["head_sha"] = pr.head
	if code, body := h.deliver("check_run", "cr-1", cr); code != http.StatusAccepted {
		t.Fatalf("check_run: %d %s", code, body)
	}
	// The "Re-run" button of a failed run.
	ra := deepCopy(example(t, "check_run", "requested_action"))
	setRepo(ra, pr.repo)
	ra["check_run"].(map[string]any)["head_sha"] = pr.head
	ra["check_run"].(map[string]any)["pull_requests"] = []any{}
	ra["requested_action"] = map[string]any{"identifier": "rerun"}
	if code, body := h.deliver("check_run", "ra-1", ra); code != http.StatusAccepted {
		t.Fatalf("requested_action: %d %s", code, body)
	}
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 3 {
		t.Fatalf("want a run per re-run request:\n%s", describe(runs))
	}
	for _, r := range runs {
		if r.Conclusion != "failure" || r.HeadSHA != pr.head {
			t.Errorf("run %d: %s on %s", r.ID, r.Conclusion, r.HeadSHA)
		}
	}
	if n := len(h.fake.Comments()); n != 2 {
		t.Errorf("%d comments after three runs, want 2", n)
	}
	h.checkContract()
}

func TestNewerHeadSupersedesQueuedWork(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default(), noStart: true})
	pr := vulnerablePR(t, h)
	h.deliver("pull_request", "s-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	head2 := pr.git.commit("feature", map[string]string{"app/api/stripe/webhook/route.ts": fixedRoute})
	h.fake.SetPR(pr.repo.Owner, pr.repo.Name, fakegithub.PR{Number: 2, Base: pr.base, BaseRef: "main", Head: head2, HeadRef: "feature", Author: "Codertocat"})
	h.deliver("pull_request", "s-2", prPayload(t, "synchronize", pr.repo, 2, pr.base, head2))
	h.start()
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].HeadSHA != head2 || runs[0].Conclusion != "success" {
		t.Fatalf("want only the newer head reviewed:\n%s", describe(runs))
	}
}

var failing = &analyzers.Analyzer{
	Name: "failing", Doc: "always fails",
	Rules: []*analyzers.Rule{{ID: "secrets/test-failing", Category: analyzers.CategorySecrets, Severity: analyzers.High, Summary: "test"}},
	Run:   func(*analyzers.Pass) error { return errors.New("parser exploded") },
}

func TestAnalysisErrorFailsClosed(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: []*analyzers.Analyzer{failing}})
	pr := vulnerablePR(t, h)
	h.deliver("pull_request", "f-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 {
		t.Fatalf("%d runs", len(runs))
	}
	r := runs[0]
	if r.Conclusion != "failure" || r.Title != "Analysis failed" || !strings.Contains(r.Summary, "parser exploded") {
		t.Errorf("want a failed run with the reason:\n%s", describe(runs))
	}
	if len(r.Actions) != 1 || r.Actions[0]["identifier"] != "rerun" {
		t.Errorf("want a Re-run action, got %v", r.Actions)
	}
	h.checkContract()
}

func TestDiffTooLarge(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)
	h.fake.FilesStatus = http.StatusNotAcceptable
	h.deliver("pull_request", "big-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" || !strings.Contains(runs[0].Summary, "could not produce the diff") {
		t.Fatalf("want the findings from the tree comparison and a notice:\n%s", describe(runs))
	}
	if h.fake.Reviews() != 0 {
		t.Error("no inline comments are possible without a diff")
	}
	if len(runs[0].Annotations) == 0 {
		t.Error("want annotations")
	}
}

// TestAPICallsFiftyFiles measures the requests of a 50-file review, and that
// a second review of the same PR downloads no blob again.
func TestAPICallsFiftyFiles(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	g := newGitRepo(t)
	files := map[string]string{}
	for k, v := range baseFiles {
		files[k] = v
	}
	for i := 0; i < 25; i++ {
		files[fmt.Sprintf("lib/feature%d.ts", i)] = fmt.Sprintf("export const feature%d = (n: number) => n + %d\n", i, i)
	}
	base := g.commit("main", files)
	change := map[string]string{"app/api/stripe/webhook/route.ts": vulnRoute}
	for i := 0; i < 25; i++ {
		change[fmt.Sprintf("lib/feature%d.ts", i)] = fmt.Sprintf("export const feature%d = (n: number) => n * %d\n", i, i)
	}
	for i := 0; i < 24; i++ {
		change[fmt.Sprintf("components/Card%d.tsx", i)] = fmt.Sprintf("export function Card%d({ title }: { title: string }) {\n  return <div className=\"card\">{title}</div>\n}\n", i)
	}
	head := g.commit("feature", change)
	repo := &fakegithub.Repo{ID: 99, Owner: "acme", Name: "big", Dir: g.dir, Installation: 3}
	h.fake.AddRepo(repo)
	h.fake.SetPR("acme", "big", fakegithub.PR{Number: 7, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
	h.deliver("pull_request", "big-1", prPayload(t, "opened", repo, 7, base, head))
	h.wait()
	first := h.fake.Requests()
	count := func(reqs []fakegithub.Request) (map[string]int, int) {
		by := map[string]int{}
		re := regexp.MustCompile(`/[0-9a-f]{40}|/\d+`)
		for _, r := range reqs {
			by[r.Method+" "+re.ReplaceAllString(r.Path, "/…")]++
		}
		return by, len(reqs)
	}
	by, n := count(first)
	t.Logf("first review of a 50-file PR: %d API calls: %v", n, by)
	if runs := h.fake.CheckRuns(); len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Fatalf("%s", describe(runs))
	}
	if n > 130 {
		t.Errorf("%d calls for a 50-file review; want at most 130", n)
	}
	h.fake.ResetRequests()
	cs := deepCopy(example(t, "check_suite", "rerequested"))
	setRepo(cs, repo)
	cs["check_suite"].(map[string]any)["head_sha"] = head
	cs["check_suite"].(map[string]any)["pull_requests"] = []any{}
	h.deliver("check_suite", "big-2", cs)
	h.wait()
	by2, n2 := count(h.fake.Requests())
	t.Logf("second review of the same PR: %d API calls: %v", n2, by2)
	if by2["GET /repos/acme/big/git/blobs/…"] != 0 {
		t.Errorf("second review downloaded %d blobs again", by2["GET /repos/acme/big/git/blobs/…"])
	}
	h.checkContract()
}

func BenchmarkWebhookTo202(b *testing.B) {
	h := newHarness(b, harnessOpts{analyzers: suite.Default(), noStart: true})
	repo := &fakegithub.Repo{ID: 5, Owner: "acme", Name: "bench", Installation: 1}
	payload := prPayload(b, "opened", repo, 1, strings.Repeat("a", 40), strings.Repeat("b", 40))
	b.ResetTimer()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		pr := payload["pull_request"].(map[string]any)
		pr["head"].(map[string]any)["sha"] = fmt.Sprintf("%040x", i)
		if code, body := h.deliver("pull_request", fmt.Sprintf("bench-%d", i), payload); code != http.StatusAccepted {
			b.Fatalf("%d %s", code, body)
		}
	}
	_ = start
}

func TestFileWithoutPatch(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)
	h.fake.NoPatch = map[string]bool{"app/api/stripe/webhook/route.ts": true}
	h.deliver("pull_request", "np-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" || len(runs[0].Annotations) != 2 {
		t.Fatalf("a file without a patch is analyzed as fully changed:\n%s", describe(runs))
	}
	if h.fake.Reviews() != 0 {
		t.Error("GitHub cannot take inline comments on a file it shows no diff for")
	}
	h.checkContract()
}

var noop = &analyzers.Analyzer{
	Name: "noop", Doc: "reports nothing",
	Rules: []*analyzers.Rule{{ID: "secrets/test-noop", Category: analyzers.CategorySecrets, Severity: analyzers.High, Summary: "test"}},
	Run:   func(*analyzers.Pass) error { return nil },
}

func TestMoreThan3000Files(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: []*analyzers.Analyzer{noop}})
	g := newGitRepo(t)
	base := g.commit("main", baseFiles)
	change := map[string]string{}
	for i := 0; i < 3005; i++ {
		change[fmt.Sprintf("data/f%04d.txt", i)] = fmt.Sprintf("%d\n", i)
	}
	head := g.commit("feature", change)
	repo := &fakegithub.Repo{ID: 31, Owner: "acme", Name: "huge", Dir: g.dir, Installation: 4}
	h.fake.AddRepo(repo)
	h.fake.SetPR("acme", "huge", fakegithub.PR{Number: 1, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
	h.deliver("pull_request", "huge-1", prPayload(t, "opened", repo, 1, base, head))
	h.wait()
	runs := h.fake.CheckRuns()
	// The change is read with git, so every file is analyzed; GitHub's cap
	// on its file list only limits where inline comments can go.
	if len(runs) != 1 || !strings.Contains(runs[0].Summary, "3005 of 3005 changed files analyzed") ||
		!strings.Contains(runs[0].Summary, "GitHub shows at most 3000 files of a pull request; this one changes 3005. Every file was analyzed") {
		t.Fatalf("the summary must say every file was analyzed and where comments cannot go:\n%s", describe(runs))
	}
	pages := 0
	for _, r := range h.fake.Requests() {
		if strings.HasSuffix(r.Path, "/files") {
			pages++
		}
	}
	if pages != 30 {
		t.Errorf("%d pages of files, want 30 (100 per page)", pages)
	}
}

// TestQueuedWorkSurvivesRestart: the 202 is sent only once the job is in the
// store, so a crash right after it loses nothing.
func TestQueuedWorkSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, harnessOpts{analyzers: suite.Default(), noStart: true, dataDir: dir})
	pr := vulnerablePR(t, h)
	if code, _ := h.deliver("pull_request", "r-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusAccepted {
		t.Fatal(code)
	}
	h.stop()
	if n := len(h.fake.Requests()); n != 0 {
		t.Fatalf("%d API calls before any worker ran", n)
	}
	h2 := newHarness(t, harnessOpts{analyzers: suite.Default(), dataDir: dir, fake: h.fake})
	h2.wait()
	runs := h2.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Fatalf("the queued review did not run after the restart:\n%s", describe(runs))
	}
	// The delivery is remembered across the restart too.
	if code, body := h2.deliver("pull_request", "r-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head)); code != http.StatusOK || body != "duplicate delivery" {
		t.Errorf("redelivery after restart: %d %s", code, body)
	}
}

// TestPlantedMarkerDoesNotHideFinding: a marker copied into someone else's
// comment is not trusted.
func TestPlantedMarkerDoesNotHideFinding(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)
	h.deliver("pull_request", "m-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	ours := h.fake.Comments()
	if len(ours) != 2 {
		t.Fatalf("%d comments", len(ours))
	}
	// Another PR of the same repository; an attacker pastes valid markers
	// (copied from the comments above) before leakguard reviews it.
	head := pr.git.commit("feature2", map[string]string{"app/api/stripe/webhook/route.ts": vulnRoute})
	h.fake.SetPR(pr.repo.Owner, pr.repo.Name, fakegithub.PR{Number: 3, Base: pr.base, BaseRef: "main", Head: head, HeadRef: "feature2", Author: "mallory"})
	for _, c := range ours {
		h.fake.AddUserComment(fakegithub.Comment{Repo: pr.repo.Owner + "/" + pr.repo.Name, PR: 3, User: "mallory", Path: c.Path, Line: c.Line, Side: "RIGHT", Body: "nothing to see " + c.Body})
	}
	h.deliver("pull_request", "m-2", prPayload(t, "opened", pr.repo, 3, pr.base, head))
	h.wait()
	n := 0
	for _, c := range h.fake.Comments() {
		if c.PR == 3 && c.User == h.fake.AppSlug+"[bot]" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("leakguard posted %d comments on PR 3, want 2 despite the planted markers", n)
	}
}

func TestRouteIgnoresEventsThatNeedNoWork(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: []*analyzers.Analyzer{noop}, noStart: true})
	repo := &fakegithub.Repo{ID: 1, Owner: "o", Name: "r", Installation: 1}
	for i, action := range []string{"closed", "labeled", "assigned", "converted_to_draft"} {
		p := deepCopy(example(t, "pull_request", action))
		setRepo(p, repo)
		if code, body := h.deliver("pull_request", fmt.Sprintf("n-%d", i), p); code != http.StatusOK {
			t.Errorf("pull_request %s: %d %s", action, code, body)
		}
	}
	edited := prPayload(t, "opened", repo, 1, strings.Repeat("a", 40), strings.Repeat("b", 40))
	edited["action"] = "edited"
	edited["changes"] = map[string]any{"title": map[string]any{"from": "old"}}
	if code, body := h.deliver("pull_request", "e-1", edited); code != http.StatusOK {
		t.Errorf("edited title: %d %s", code, body)
	}
	edited["changes"] = map[string]any{"base": map[string]any{"ref": map[string]any{"from": "develop"}}}
	if code, body := h.deliver("pull_request", "e-2", edited); code != http.StatusAccepted {
		t.Errorf("edited base: %d %s", code, body)
	}
	for _, ev := range []struct{ event, action string }{{"check_run", "completed"}, {"check_suite", "requested"}, {"push", ""}} {
		if code, body := h.deliver(ev.event, "x-"+ev.event+ev.action, example(t, ev.event, ev.action)); code != http.StatusOK {
			t.Errorf("%s %s: %d %s", ev.event, ev.action, code, body)
		}
	}
}

func TestStaleHeads(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	pr := vulnerablePR(t, h)
	head2 := pr.git.commit("feature", map[string]string{"app/api/stripe/webhook/route.ts": fixedRoute})
	h.fake.SetPR(pr.repo.Owner, pr.repo.Name, fakegithub.PR{Number: 2, Base: pr.base, BaseRef: "main", Head: head2, HeadRef: "feature", Author: "Codertocat"})
	// A late pull_request event for the old head (the newer one's webhook
	// not seen yet): GitHub says the PR moved on, so nothing is posted.
	h.deliver("pull_request", "st-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	if runs := h.fake.CheckRuns(); len(runs) != 0 {
		t.Fatalf("a superseded head was reviewed:\n%s", describe(runs))
	}
	// Re-running the old commit's check reviews that commit, from its tree.
	cs := deepCopy(example(t, "check_suite", "rerequested"))
	setRepo(cs, pr.repo)
	cs["check_suite"].(map[string]any)["head_sha"] = pr.head
	cs["check_suite"].(map[string]any)["pull_requests"] = []any{map[string]any{"number": 2}}
	h.deliver("check_suite", "st-2", cs)
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].HeadSHA != pr.head || runs[0].Conclusion != "failure" || !strings.Contains(runs[0].Summary, "an earlier head of the pull request") {
		t.Fatalf("re-run of an earlier head:\n%s", describe(runs))
	}
	if h.fake.Reviews() != 0 {
		t.Error("no inline comments on an earlier head")
	}
	for _, r := range h.fake.Requests() {
		if r.Path == "/graphql" || strings.HasSuffix(r.Path, "/comments") {
			t.Errorf("a review of an earlier head touched comments: %s", r)
		}
	}
	h.checkContract()
}
