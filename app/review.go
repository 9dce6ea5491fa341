package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/google/go-github/v57/github"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/checks"
)

// review runs one unit of review work: check run in_progress, read the change,
// run the engine, post one review, complete the check run. Any failure after
// the check run exists completes it as failure with the reason (fail closed).
func (s *Service) review(ctx context.Context, a ReviewArgs, attempt int) error {
	start := time.Now()
	log := s.log.With("delivery", a.Delivery, "installation", a.InstallationID, "repo", a.Owner+"/"+a.Repo, "pr", a.PR, "sha", a.HeadSHA, "trigger", a.Trigger)
	if a.Supersedable {
		latest, err := s.store.prHead(ctx, a.RepoID, a.PR)
		if err != nil {
			return fmt.Errorf("read PR head: %w", err)
		}
		if latest != "" && latest != a.HeadSHA {
			log.Info("review superseded by a newer head", "newer", latest)
			return nil
		}
	}
	gh, httpc := s.gh.Repo(a.InstallationID, a.RepoID)
	if a.PR == 0 {
		n, err := s.findPR(ctx, gh, a)
		if err != nil {
			return err
		}
		if n == 0 {
			log.Info("no open pull request has this head; nothing to review")
			return nil
		}
		a.PR = n
		log = log.With("pr", n)
	}
	pr, _, err := gh.PullRequests.Get(ctx, a.Owner, a.Repo, a.PR)
	if err != nil {
		return fmt.Errorf("get pull request: %w", err) // nothing visible yet; River retries
	}
	if a.Supersedable && pr.GetHead().GetSHA() != a.HeadSHA {
		// The PR moved on (even if its webhook has not arrived yet).
		log.Info("review superseded: the pull request has a newer head", "newer", pr.GetHead().GetSHA())
		return nil
	}
	runID, err := s.startCheckRun(ctx, gh, a, attempt)
	if err != nil {
		return err // nothing visible yet; River retries
	}
	log = log.With("check_run", runID)
	conclusion, nFindings, err := s.reviewAndPost(ctx, gh, httpc, a, pr, runID, log)
	if err != nil {
		log.Error("review failed", "error", err)
		// Fail closed, even when the job's context is done (timeout).
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if cerr := s.completeCheckRun(fctx, gh, a, runID, checks.Failed(publicReason(err)), true); cerr != nil {
			return errors.Join(err, cerr)
		}
		if transient(err) || ctx.Err() != nil {
			// Retry (after a restart, for a stopped worker); the check run
			// is reused and updated.
			return err
		}
		return nil
	}
	s.metrics.ReviewSeconds.Observe(time.Since(start).Seconds())
	log.Info("review done", "conclusion", conclusion, "findings", nFindings, "duration_ms", time.Since(start).Milliseconds())
	return nil
}

// reviewAndPost analyzes the change and completes the check run with the
// result; any error it returns leaves the check run to be failed by review.
func (s *Service) reviewAndPost(ctx context.Context, gh *github.Client, httpc *http.Client, a ReviewArgs, pr *github.PullRequest, runID int64, log *slog.Logger) (string, int, error) {
	res, files, notices, err := s.analyze(ctx, gh, a, pr, log)
	if err != nil {
		return "", 0, err
	}
	ignores, err := s.ignores(ctx, a.RepoID)
	if err != nil {
		return "", 0, err
	}
	out := checks.CheckRun(res, checks.CheckOptions{Ignores: ignores, Notices: notices})
	if pr.GetHead().GetSHA() != a.HeadSHA {
		// An earlier head: its lines and its fixes are not the PR's any more.
		log.Info("review of an earlier head: no inline comments, no threads resolved")
	} else if err := s.postReview(ctx, gh, httpc, a, res, files, ignores, out.Conclusion, log); err != nil {
		// The check run is the gate; a failed review only loses inline comments.
		log.Warn("inline comments not posted", "error", err)
		out.Summary = checks.CutBytes("_Inline comments could not be posted ("+publicReason(err)+"); the findings are below and in the annotations._\n\n"+out.Summary, checks.MaxSummaryBytes)
	}
	if err := s.completeCheckRun(ctx, gh, a, runID, out, false); err != nil {
		return "", 0, err
	}
	for _, f := range res.Findings {
		s.metrics.Findings.WithLabelValues(string(f.Status)).Inc()
	}
	return out.Conclusion, len(res.Findings), nil
}

// findPR finds the open pull request of this repository whose head is the SHA
// (check_run / check_suite events from forks carry no PR list).
func (s *Service) findPR(ctx context.Context, gh *github.Client, a ReviewArgs) (int, error) {
	prs, _, err := gh.PullRequests.ListPullRequestsWithCommit(ctx, a.Owner, a.Repo, a.HeadSHA, &github.ListOptions{PerPage: 30})
	if err != nil {
		return 0, fmt.Errorf("find PR of %s: %w", short(a.HeadSHA), err)
	}
	for _, pr := range prs {
		if pr.GetState() == "open" && pr.GetHead().GetSHA() == a.HeadSHA {
			return pr.GetNumber(), nil
		}
	}
	return 0, nil
}

// startCheckRun creates the `leakguard` check run in_progress, once per unit
// of work: its id is stored, and a retried job whose create may have gone
// through looks for it by external_id instead of creating a second one.
func (s *Service) startCheckRun(ctx context.Context, gh *github.Client, a ReviewArgs, attempt int) (int64, error) {
	key := a.workKey()
	id, err := s.store.checkRunFor(ctx, key)
	if err != nil {
		return 0, fmt.Errorf("read check run: %w", err)
	}
	if id != 0 {
		return id, nil
	}
	if attempt > 1 {
		runs, _, err := gh.Checks.ListCheckRunsForRef(ctx, a.Owner, a.Repo, a.HeadSHA, &github.ListCheckRunsOptions{CheckName: github.String(checks.CheckName), Filter: github.String("all")})
		if err != nil {
			return 0, fmt.Errorf("list check runs: %w", err)
		}
		for _, r := range runs.CheckRuns {
			if r.GetExternalID() == key {
				return r.GetID(), s.store.saveCheckRun(ctx, key, r.GetID())
			}
		}
	}
	run, _, err := gh.Checks.CreateCheckRun(ctx, a.Owner, a.Repo, github.CreateCheckRunOptions{
		Name:       checks.CheckName,
		HeadSHA:    a.HeadSHA,
		ExternalID: github.String(key),
		Status:     github.String("in_progress"),
		StartedAt:  &github.Timestamp{Time: time.Now()},
		Output: &github.CheckRunOutput{
			Title:   github.String("Reviewing"),
			Summary: github.String("leakguard is reviewing this change for security regressions."),
		},
	})
	if err != nil {
		return 0, fmt.Errorf("create check run: %w", err)
	}
	if err := s.store.saveCheckRun(ctx, key, run.GetID()); err != nil {
		return 0, fmt.Errorf("save check run: %w", err)
	}
	return run.GetID(), nil
}

// completeCheckRun writes the output, annotations in batches of 50, and the
// conclusion with the last batch.
func (s *Service) completeCheckRun(ctx context.Context, gh *github.Client, a ReviewArgs, id int64, out checks.CheckOutput, failed bool) error {
	batches := checks.Batches(out.Annotations)
	output := func(batch []checks.Annotation) *github.CheckRunOutput {
		o := &github.CheckRunOutput{Title: github.String(out.Title), Summary: github.String(out.Summary)}
		for _, an := range batch {
			o.Annotations = append(o.Annotations, &github.CheckRunAnnotation{
				Path: github.String(an.Path), StartLine: github.Int(an.StartLine), EndLine: github.Int(an.EndLine),
				AnnotationLevel: github.String(an.Level), Title: github.String(an.Title), Message: github.String(an.Message),
			})
		}
		return o
	}
	for i := 0; i+1 < len(batches); i++ {
		if _, _, err := gh.Checks.UpdateCheckRun(ctx, a.Owner, a.Repo, id, github.UpdateCheckRunOptions{Name: checks.CheckName, Output: output(batches[i])}); err != nil {
			return fmt.Errorf("add annotations: %w", err)
		}
	}
	var last []checks.Annotation
	if len(batches) > 0 {
		last = batches[len(batches)-1]
	}
	opts := github.UpdateCheckRunOptions{
		Name:        checks.CheckName,
		Status:      github.String("completed"),
		Conclusion:  github.String(out.Conclusion),
		CompletedAt: &github.Timestamp{Time: time.Now()},
		Output:      output(last),
	}
	if failed {
		opts.Actions = rerunButton
	}
	if _, _, err := gh.Checks.UpdateCheckRun(ctx, a.Owner, a.Repo, id, opts); err != nil {
		return fmt.Errorf("complete check run: %w", err)
	}
	return nil
}

func (s *Service) ignores(ctx context.Context, repoID int64) (map[string]checks.Ignore, error) {
	stored, err := s.store.Ignores(ctx, repoID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]checks.Ignore, len(stored))
	for id, ig := range stored {
		out[id] = checks.Ignore{ID: id, Reason: ig.Reason, Actor: ig.Actor}
	}
	return out, nil
}

// ourComment is one of the app's earlier review comments with a valid marker.
type ourComment struct {
	id          int64
	fingerprint string
	path        string
	replied     bool // someone (we) already replied "fixed"
}

// postReview posts at most one review with the new inline comments, and
// resolves the threads of findings the change no longer has.
func (s *Service) postReview(ctx context.Context, gh *github.Client, httpc *http.Client, a ReviewArgs, res *analyzers.Result, files []*source.File, ignores map[string]checks.Ignore, conclusion string, log *slog.Logger) error {
	slug, err := s.gh.Slug(ctx)
	if err != nil {
		return err
	}
	// Two reviews of one PR (a push and a re-run) must not both see "no
	// comment yet" and both post: listing and posting run one PR at a time.
	unlock, err := s.store.lockPR(ctx, fmt.Sprintf("%d/%d", a.RepoID, a.PR))
	if err != nil {
		return err
	}
	defer unlock()
	ours, err := s.ourComments(ctx, gh, a, slug)
	if err != nil {
		return err
	}
	posted := map[string]bool{}
	for _, c := range ours {
		posted[c.fingerprint] = true
	}
	comments, over := checks.ReviewComments(res, files, posted, ignores, s.marker)
	if len(comments) > 0 {
		req := &github.PullRequestReviewRequest{
			CommitID: github.String(a.HeadSHA),
			Body:     github.String(checks.ReviewBody(len(comments), over, conclusion)),
			Event:    github.String("COMMENT"),
		}
		for _, c := range comments {
			dc := &github.DraftReviewComment{Path: github.String(c.Path), Body: github.String(c.Body), Line: github.Int(c.Line), Side: github.String(c.Side)}
			if c.StartLine > 0 {
				dc.StartLine = github.Int(c.StartLine)
				dc.StartSide = github.String(c.Side)
			}
			req.Comments = append(req.Comments, dc)
		}
		// One POST, never retried blindly: on a retried job the markers
		// listed above keep it from duplicating comments.
		if _, _, err := gh.PullRequests.CreateReview(ctx, a.Owner, a.Repo, a.PR, req); err != nil {
			return fmt.Errorf("create review: %w", err)
		}
	}
	return s.resolveFixed(ctx, gh, httpc, a, res, files, ours, log)
}

// ourComments lists the PR's review comments written by our app whose marker
// verifies under our key.
func (s *Service) ourComments(ctx context.Context, gh *github.Client, a ReviewArgs, slug string) ([]ourComment, error) {
	login := slug + "[bot]"
	var out []ourComment
	replied := map[int64]bool{}
	opts := &github.PullRequestListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for page := 0; page < 30; page++ {
		cs, resp, err := gh.PullRequests.ListComments(ctx, a.Owner, a.Repo, a.PR, opts)
		if err != nil {
			return nil, fmt.Errorf("list review comments: %w", err)
		}
		for _, c := range cs {
			if !strings.EqualFold(c.GetUser().GetLogin(), login) {
				continue // markers count only on our own comments
			}
			if c.InReplyTo != nil {
				if strings.HasPrefix(c.GetBody(), fixedReplyPrefix) {
					replied[c.GetInReplyTo()] = true
				}
				continue
			}
			if fp, ok := s.marker.Parse(c.GetBody()); ok {
				out = append(out, ourComment{id: c.GetID(), fingerprint: fp, path: c.GetPath()})
			}
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	for i := range out {
		out[i].replied = replied[out[i].id]
	}
	return out, nil
}

// publicReason is an error message fit for the check summary: API errors are
// reduced to their method, path and status (never a token).
func publicReason(err error) string {
	var ge *github.ErrorResponse
	if errors.As(err, &ge) && ge.Response != nil && ge.Response.Request != nil {
		return fmt.Sprintf("GitHub answered %d to %s %s: %s", ge.Response.StatusCode, ge.Response.Request.Method, ge.Response.Request.URL.Path, ge.Message)
	}
	// The first line only: a panic's stack trace stays in the server log.
	msg, _, cut := strings.Cut(err.Error(), "\n")
	msg = checks.CutBytes(msg, 1000)
	if cut {
		msg += " (details in the server log)"
	}
	return msg
}

// transient reports whether retrying might help: network trouble or a 5xx.
func transient(err error) bool {
	var ge *github.ErrorResponse
	if errors.As(err, &ge) && ge.Response != nil {
		return ge.Response.StatusCode >= 500
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// keyedMutex serializes work per key (one pull request) within this process.
type keyedMutex struct {
	mu    sync.Mutex
	locks map[string]*keyedEntry
}

type keyedEntry struct {
	mu   sync.Mutex
	refs int
}

func (k *keyedMutex) lock(key string) (unlock func()) {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[string]*keyedEntry{}
	}
	e := k.locks[key]
	if e == nil {
		e = &keyedEntry{}
		k.locks[key] = e
	}
	e.refs++
	k.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		k.mu.Lock()
		if e.refs--; e.refs == 0 {
			delete(k.locks, key)
		}
		k.mu.Unlock()
	}
}
