package isolation_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app/isolation"
	"github.com/leakguard/leakguard/app/isolation/isolationtest"
	"github.com/leakguard/leakguard/review"
)

func TestMain(m *testing.M) {
	isolationtest.MaybeServe(suite.Default()...)
	os.Exit(m.Run())
}

// A live-looking key assembled at run time, so this file holds none.
var liveKey = "sk_live_" + "51Hx9TqLkP2vB7rM4nW8yZcD3fG6hJ0kQ1sT5uV9xA2bC4dE6fG8hJ0kL2mN4pQ6rS8tU0vW2xY4"

// change makes a repository with a base commit and a head commit that
// writes files, and returns it with both SHAs.
func change(t *testing.T, head map[string]string) (dir, base, headSHA string) {
	dir = t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	write := func(files map[string]string) {
		for p, c := range files {
			full := filepath.Join(dir, p)
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		analysistest.Git(t, dir, "add", "-A")
		analysistest.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "c")
	}
	write(map[string]string{"package.json": `{"dependencies":{"next":"15.1.0","stripe":"17.0.0"}}`, "lib/a.ts": "export const a = 1\n"})
	base = strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD"))
	write(head)
	return dir, base, strings.TrimSpace(analysistest.Git(t, dir, "rev-parse", "HEAD"))
}

func runner(t *testing.T) *isolation.Runner {
	cmd, env := isolationtest.Command()
	all := append(suite.Default(), isolationtest.Trigger)
	return &isolation.Runner{Command: cmd, Env: env, Rule: func(id string) *analyzers.Rule {
		for _, a := range all {
			if r := a.Rule(id); r != nil {
				return r
			}
		}
		return nil
	}}
}

func names(as []*analyzers.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

const vulnRoute = `import Stripe from 'stripe'
import { NextResponse } from 'next/server'

const stripe = new Stripe('%KEY%')

export async function POST(req: Request) {
  const event = await req.json()
  // leakguard-ignore webhook/parsed-body: replayed from a queue that verified it
  if (event.type === 'checkout.session.completed') {
    await stripe.checkout.sessions.retrieve(event.data.object.id)
  }
  return NextResponse.json({ received: true })
}
`

// TestWorkerResultIsIntact: a review run in a worker comes back exactly as
// the same review run in this process: findings with rule, severity, status,
// fingerprint, message, fix and excerpt, suppressions, notices, skipped
// files, stats, and the changed files with their line ranges.
func TestWorkerResultIsIntact(t *testing.T) {
	dir, base, head := change(t, map[string]string{
		"app/api/stripe/webhook/route.ts": strings.ReplaceAll(vulnRoute, "%KEY%", liveKey),
		".github/leakguard.yml":           "block_on: nope\n",
		"public/logo.png":                 "\x89PNG\x00\x00binary",
	})
	want, wantFiles, err := review.Run(context.Background(), review.Request{Dir: dir, Base: base, Head: head, Analyzers: suite.Default()})
	if err != nil {
		t.Fatal(err)
	}
	got, gotFiles, err := runner(t).Run(context.Background(), isolation.Job{Dir: dir, Base: base, Head: head, Analyzers: names(suite.Default())})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) == 0 || len(want.Notices) == 0 || len(want.Skipped) == 0 {
		t.Fatalf("the fixture must produce findings, notices and skipped files: %+v", want)
	}
	want.Stats.DurationMS, got.Stats.DurationMS = 0, 0
	if !reflect.DeepEqual(want, got) {
		t.Errorf("worker result differs:\nwant %+v\n got %+v", want, got)
	}
	if !reflect.DeepEqual(wantFiles, gotFiles) {
		t.Errorf("worker files differ:\nwant %+v\n got %+v", wantFiles, gotFiles)
	}
	for i, f := range got.Findings {
		if f.Rule != want.Findings[i].Rule {
			t.Errorf("finding %d: the rule must be this server's own rule value", i)
		}
	}
}

// TestWorkerFailures: each way a worker can go wrong ends its review with a
// reason naming it, while a review running beside it completes.
func TestWorkerFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("starts workers that exhaust 300 MiB")
	}
	// Timeouts are generous but for the hang: the test machine is shared.
	cases := []struct {
		path, kind, reason string
		timeout            time.Duration
	}{
		{isolationtest.HangPath, "timeout", "took longer than 3s", 3 * time.Second},
		{isolationtest.CrashPath, "crash", "isolation test: crash in a parser goroutine", time.Minute},
		{isolationtest.GoOOMPath, "memory", "ran out of memory (limit 300 MiB", time.Minute},
		{isolationtest.COOMPath, "memory", "ran out of memory (limit 300 MiB", time.Minute},
	}
	okDir, okBase, okHead := change(t, map[string]string{"app/api/stripe/webhook/route.ts": strings.ReplaceAll(vulnRoute, "%KEY%", liveKey)})
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			dir, base, head := change(t, map[string]string{c.path: "x\n"})
			r := runner(t)
			r.Memory = 300 << 20
			r.Timeout = c.timeout
			var wg sync.WaitGroup
			var okRes *analyzers.Result
			var okErr error
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok := runner(t)
				ok.Memory = 300 << 20
				ok.Timeout = time.Minute
				okRes, _, okErr = ok.Run(context.Background(), isolation.Job{Dir: okDir, Base: okBase, Head: okHead, Analyzers: names(suite.Default())})
			}()
			start := time.Now()
			_, _, err := r.Run(context.Background(), isolation.Job{Dir: dir, Base: base, Head: head, Analyzers: append(names(suite.Default()), isolationtest.Trigger.Name)})
			var f *isolation.Failure
			if !errors.As(err, &f) {
				t.Fatalf("want a Failure, got %v", err)
			}
			if f.Kind != c.kind || !strings.Contains(f.Reason, c.reason) {
				t.Errorf("got %s: %q; want %s with %q", f.Kind, f.Reason, c.kind, c.reason)
			}
			t.Logf("%s: ended after %s: %s", c.path, time.Since(start).Round(10*time.Millisecond), f.Reason)
			wg.Wait()
			if okErr != nil || len(okRes.Findings) == 0 {
				t.Errorf("the review beside it: %v %+v", okErr, okRes)
			}
		})
	}
}

// TestCancelKillsWorker: a cancelled review (a stopping server) kills its
// worker and says so with the context's error, to be retried.
func TestCancelKillsWorker(t *testing.T) {
	dir, base, head := change(t, map[string]string{isolationtest.HangPath: "x\n"})
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, _, err := runner(t).Run(ctx, isolation.Job{Dir: dir, Base: base, Head: head, Analyzers: []string{isolationtest.Trigger.Name}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want the context's error, got %v", err)
	}
}

// TestUnknownAnalyzer: a worker without an analyzer the server asks for
// refuses the job instead of reviewing less.
func TestUnknownAnalyzer(t *testing.T) {
	dir, base, head := change(t, map[string]string{"a.ts": "x\n"})
	_, _, err := runner(t).Run(context.Background(), isolation.Job{Dir: dir, Base: base, Head: head, Analyzers: []string{"no-such-analyzer"}})
	if err == nil {
		t.Fatal("want an error")
	}
}
