package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app/isolation/isolationtest"
	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/internal/fakegithub"
)

// largeRepo commits a Next.js-like repository of n files on main and a
// 13-file pull request on feature (one of them the vulnerable route).
func largeRepo(t testing.TB, n int) (g *gitRepo, base, head string) {
	g = newGitRepo(t)
	files := map[string]string{}
	for k, v := range baseFiles {
		files[k] = v
	}
	for i := len(files); i < n; i++ {
		switch i % 4 {
		case 0:
			files[fmt.Sprintf("components/c%d/Card%d.tsx", i%50, i)] = fmt.Sprintf("export function Card%d({ title }: { title: string }) {\n  return <div className=\"card\">{title}</div>\n}\n", i)
		case 1:
			files[fmt.Sprintf("lib/m%d/util%d.ts", i%50, i)] = fmt.Sprintf("export const util%d = (n: number) => n + %d\n", i, i)
		case 2:
			files[fmt.Sprintf("app/p%d/page%d/page.tsx", i%50, i)] = fmt.Sprintf("import { util%d } from '@/lib/m%d/util%d'\nexport default function Page() {\n  return <main>{util%d(1)}</main>\n}\n", i-1, (i-1)%50, i-1, i-1)
		default:
			files[fmt.Sprintf("docs/d%d/note%d.md", i%50, i)] = fmt.Sprintf("# note %d\n", i)
		}
	}
	base = g.commit("main", files)
	change := map[string]string{"app/api/stripe/webhook/route.ts": vulnRoute}
	for i := 0; i < 12; i++ {
		change[fmt.Sprintf("lib/m%d/util%d.ts", (4*i+1)%50, 4*i+1)] = fmt.Sprintf("export const util%d = (n: number) => n * %d\n", 4*i+1, i)
	}
	head = g.commit("feature", change)
	return g, base, head
}

func restCalls(reqs []fakegithub.Request) (int, map[string]int) {
	by := map[string]int{}
	re := regexp.MustCompile(`/[0-9a-f]{40}(\.\.\.[0-9a-f]{40})?|/\d+`)
	for _, r := range reqs {
		by[r.Method+" "+re.ReplaceAllString(r.Path, "/…")]++
	}
	return len(reqs), by
}

func uploadPacks(f *fakegithub.Fake) []fakegithub.GitRequest {
	var out []fakegithub.GitRequest
	for _, r := range f.GitRequests() {
		if strings.HasSuffix(r.Path, "/git-upload-pack") && len(r.Wants()) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// TestRESTCallsPerReviewLargeRepo: a 13-file pull request in a 2,500-file
// repository costs a handful of REST calls (it cost 2,526 when every file was
// read over REST); the repository comes in one git fetch, and a second
// review after one more commit fetches only that commit's objects.
func TestRESTCallsPerReviewLargeRepo(t *testing.T) {
	h := newHarness(t, harnessOpts{analyzers: suite.Default()})
	g, base, head := largeRepo(t, 2500)
	repo := &fakegithub.Repo{ID: 77, Owner: "acme", Name: "mono", Dir: g.dir, Installation: 5}
	h.fake.AddRepo(repo)
	h.fake.SetPR("acme", "mono", fakegithub.PR{Number: 4, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
	start := time.Now()
	h.deliver("pull_request", "mono-1", prPayload(t, "opened", repo, 4, base, head))
	h.wait()
	elapsed := time.Since(start)
	n, by := restCalls(h.fake.Requests())
	packs := uploadPacks(h.fake)
	if len(packs) != 1 {
		t.Fatalf("%d git fetches for the first review, want 1", len(packs))
	}
	t.Logf("first review of a 13-file PR in a 2,500-file repository: %d REST calls %v; 1 git fetch of %d bytes; %s from webhook to completed check run", n, by, packs[0].BytesOut, elapsed.Round(time.Millisecond))
	if n > 20 {
		t.Errorf("%d REST calls for one review; want at most 20", n)
	}
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" || !strings.Contains(runs[0].Summary, "13 of 13 changed files") {
		t.Fatalf("want the vulnerable route found:\n%s", describe(runs))
	}
	if m := regexp.MustCompile(`analyzed in [^.]+`).FindString(runs[0].Summary); m != "" {
		t.Logf("engine: %s", m)
	}

	// One more commit on the PR: the fetch wants only it, offers what the
	// cache has, and brings only its objects.
	h.fake.ResetRequests()
	head2 := g.commit("feature", map[string]string{"lib/m1/util1.ts": "export const util1 = (n: number) => n - 1\n"})
	h.fake.SetPR("acme", "mono", fakegithub.PR{Number: 4, Base: base, BaseRef: "main", Head: head2, HeadRef: "feature", Author: "dev"})
	h.deliver("pull_request", "mono-2", prPayload(t, "synchronize", repo, 4, base, head2))
	h.wait()
	packs = uploadPacks(h.fake)
	if len(packs) != 2 {
		t.Fatalf("%d git fetches in all, want 2", len(packs))
	}
	second := packs[1]
	if w := second.Wants(); len(w) != 1 || w[0] != head2 {
		t.Errorf("second fetch wanted %v, want only the new head %s", w, head2)
	}
	if !slices.Contains(second.Haves(), head) {
		t.Errorf("second fetch did not offer the cached head: haves %v", second.Haves())
	}
	n2, by2 := restCalls(h.fake.Requests())
	t.Logf("second review after one commit: %d REST calls %v; git fetch of %d bytes (first: %d)", n2, by2, second.BytesOut, packs[0].BytesOut)
	if second.BytesOut*20 > packs[0].BytesOut {
		t.Errorf("second fetch sent %d bytes, the first %d: want only the new objects", second.BytesOut, packs[0].BytesOut)
	}
	if n2 > 20 {
		t.Errorf("%d REST calls for the second review", n2)
	}
	h.checkContract()
}

// TestGitHubEnterpriseServer: with the API under /api/v3 and git at the
// host's root, as on GitHub Enterprise Server, the App reviews from the
// clone URL the API gives.
func TestGitHubEnterpriseServer(t *testing.T) {
	fake := fakegithub.NewAt("/api/v3")
	t.Cleanup(fake.Server.Close)
	h := newHarness(t, harnessOpts{analyzers: suite.Default(), fake: fake})
	if !strings.HasSuffix(h.cfg.GitHubURL, "/api/v3/") {
		t.Fatalf("API base %s", h.cfg.GitHubURL)
	}
	pr := vulnerablePR(t, h)
	h.deliver("pull_request", "ghes-1", prPayload(t, "opened", pr.repo, 2, pr.base, pr.head))
	h.wait()
	runs := h.fake.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "failure" || len(runs[0].Annotations) == 0 {
		t.Fatalf("want the findings:\n%s", describe(runs))
	}
	packs := uploadPacks(h.fake)
	if len(packs) != 1 || !strings.HasPrefix(packs[0].Path, "/Codertocat/Hello-World.git/") {
		t.Errorf("want one fetch from the clone URL at the root: %+v", packs)
	}
	h.checkContract()
}

// TestReviewWorkerFailures: a PR that makes its review's worker hang, crash
// or exhaust its memory gets a failed check run naming the reason, while a
// PR reviewed at the same time gets its findings and the server keeps
// answering webhooks.
func TestReviewWorkerFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("starts workers that exhaust 300 MiB")
	}
	cases := []struct {
		path, reason string
	}{
		{isolationtest.HangPath, "The review took longer than 1 min"},
		{isolationtest.CrashPath, "The review crashed (panic: isolation test: crash in a parser goroutine)"},
		{isolationtest.COOMPath, "The review ran out of memory (limit 300 MiB"},
	}
	h := newHarness(t, harnessOpts{analyzers: append(suite.Default(), isolationtest.Trigger), config: func(c *config.Server) {
		c.Workers = 4
		c.ReviewMemory = 300 << 20
		// Long enough that the runaway allocation reaches the memory limit
		// first even on a loaded machine; the hang case waits it out.
		c.ReviewTimeout = time.Minute
	}})
	good := vulnerablePR(t, h)
	type bad struct {
		repo       *fakegithub.Repo
		base, head string
		reason     string
	}
	var bads []bad
	for i, c := range cases {
		g := newGitRepo(t)
		base := g.commit("main", baseFiles)
		head := g.commit("feature", map[string]string{c.path: "x\n"})
		repo := &fakegithub.Repo{ID: int64(500 + i), Owner: "acme", Name: fmt.Sprintf("bad%d", i), Dir: g.dir, Installation: 9}
		h.fake.AddRepo(repo)
		h.fake.SetPR(repo.Owner, repo.Name, fakegithub.PR{Number: 1, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
		bads = append(bads, bad{repo, base, head, c.reason})
	}
	for i, b := range bads {
		h.deliver("pull_request", fmt.Sprintf("bad-%d", i), prPayload(t, "opened", b.repo, 1, b.base, b.head))
	}
	h.deliver("pull_request", "good-1", prPayload(t, "opened", good.repo, 2, good.base, good.head))
	// The server answers webhooks while the workers misbehave.
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, _ := h.deliver("ping", fmt.Sprintf("ping-%d", i), map[string]any{"zen": "Keep it logically awesome.", "hook_id": 1})
			if code >= 500 {
				t.Errorf("webhook answered %d while reviews failed", code)
			}
		}()
		time.Sleep(100 * time.Millisecond)
	}
	wg.Wait()
	h.wait()
	byRepo := map[string]CheckRunView{}
	for _, r := range h.fake.CheckRuns() {
		byRepo[r.Repo] = CheckRunView{r.Status, r.Conclusion, r.Summary, len(r.Annotations)}
	}
	if r := byRepo["Codertocat/Hello-World"]; r.Conclusion != "failure" || r.Annotations == 0 {
		t.Errorf("the review beside the failing ones: %+v", r)
	}
	for _, b := range bads {
		r := byRepo[b.repo.Owner+"/"+b.repo.Name]
		if r.Status != "completed" || r.Conclusion != "failure" || !strings.Contains(r.Summary, b.reason) {
			t.Errorf("%s: want a failed check run saying %q, got %+v", b.repo.Name, b.reason, r)
		}
	}
	if got := testutilCount(h, "crash") + testutilCount(h, "memory") + testutilCount(h, "timeout"); got != 3 {
		t.Errorf("worker failure metric counted %v, want 3", got)
	}
}

// CheckRunView is what TestReviewWorkerFailures compares.
type CheckRunView struct {
	Status, Conclusion, Summary string
	Annotations                 int
}

func testutilCount(h *harness, kind string) float64 {
	return testutil.ToFloat64(h.svc.metrics.WorkerFailures.WithLabelValues(kind))
}

// BenchmarkReviewLargeRepo reviews a 13-file PR in repositories of 2,500 and
// 10,000 files through the App and the fake GitHub: the first (cold) review,
// then one review per new commit. It reports REST calls and git bytes per
// review. Full size by hand:
//
//	go test ./app/ -run '^$' -bench ReviewLargeRepo -benchtime 3x
func BenchmarkReviewLargeRepo(b *testing.B) {
	for _, n := range []int{2500, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			h := newHarness(b, harnessOpts{analyzers: suite.Default()})
			g, base, head := largeRepo(b, n)
			repo := &fakegithub.Repo{ID: 88, Owner: "acme", Name: "mono", Dir: g.dir, Installation: 5}
			h.fake.AddRepo(repo)
			h.fake.SetPR("acme", "mono", fakegithub.PR{Number: 4, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
			start := time.Now()
			h.deliver("pull_request", "cold", prPayload(b, "opened", repo, 4, base, head))
			h.wait()
			cold := time.Since(start)
			coldREST, _ := restCalls(h.fake.Requests())
			coldBytes := uploadPacks(h.fake)[0].BytesOut
			h.fake.ResetRequests()
			packsBefore := len(uploadPacks(h.fake))
			b.ResetTimer()
			i := 0
			for b.Loop() {
				i++
				head = g.commit("feature", map[string]string{"lib/m1/util1.ts": fmt.Sprintf("export const util1 = (n: number) => n - %d\n", i)})
				h.fake.SetPR("acme", "mono", fakegithub.PR{Number: 4, Base: base, BaseRef: "main", Head: head, HeadRef: "feature", Author: "dev"})
				h.deliver("pull_request", fmt.Sprintf("warm-%d", i), prPayload(b, "synchronize", repo, 4, base, head))
				h.wait()
			}
			b.StopTimer()
			rest, _ := restCalls(h.fake.Requests())
			var warmBytes int64
			for _, p := range uploadPacks(h.fake)[packsBefore:] {
				warmBytes += p.BytesOut
			}
			b.ReportMetric(float64(coldREST), "cold-rest-calls")
			b.ReportMetric(float64(coldBytes), "cold-git-bytes")
			b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
			b.ReportMetric(float64(rest)/float64(i), "rest-calls/review")
			b.ReportMetric(float64(warmBytes)/float64(i), "git-bytes/review")
		})
	}
}
