package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/go-github/v57/github"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/app/gitcache"
	"github.com/leakguard/leakguard/app/isolation"
)

// maxPRFiles is the most files GitHub lists for a pull request.
const maxPRFiles = 3000

// analyze reviews a pull request. Its commits (the merge base, the head and
// the base branch tip) are fetched with git into the repository's bare cache,
// and the review runs in a worker process over that cache: the same review
// `leakguard scan` runs. The configuration comes from the base branch tip, so
// a PR cannot turn off its own review. REST serves only the metadata: the
// merge base and the files GitHub shows a diff for, where inline comments can
// go. The files returned are for comment placement.
func (s *Service) analyze(ctx context.Context, gh *github.Client, a ReviewArgs, pr *github.PullRequest, log *slog.Logger) (*analyzers.Result, []*source.File, []string, error) {
	baseTip := pr.GetBase().GetSHA()
	// The PR's diff is from the merge base, as GitHub shows it.
	cmp, _, err := gh.Repositories.CompareCommits(ctx, a.Owner, a.Repo, baseTip, a.HeadSHA, &github.ListOptions{PerPage: 1})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("find merge base: %w", err)
	}
	mergeBase := cmp.GetMergeBaseCommit().GetSHA()
	if mergeBase == "" {
		mergeBase = baseTip
	}
	cloneURL, err := s.cloneURL(pr, a)
	if err != nil {
		return nil, nil, nil, err
	}
	token, err := s.gh.Token(ctx, a.InstallationID, a.RepoID)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("installation token: %w", err)
	}
	lease, err := s.repos.Fetch(ctx, strconv.FormatInt(a.RepoID, 10), gitcache.Remote{
		URL: cloneURL, Token: token, PullRef: fmt.Sprintf("refs/pull/%d/head", a.PR),
	}, []string{mergeBase, a.HeadSHA, baseTip})
	if err != nil {
		if strings.Contains(err.Error(), "returned error: 4") {
			return nil, nil, nil, fmt.Errorf("read the repository with git: %w", err) // refused: a retry will not help
		}
		return nil, nil, nil, &fetchError{err}
	}
	defer lease.Release()
	log.Debug("repository cached", "fetched", lease.Fetched)

	res, files, err := s.worker.Run(ctx, isolation.Job{Dir: lease.Dir, Base: mergeBase, Head: a.HeadSHA, ConfigRev: baseTip, Analyzers: s.analyzerNames()})
	if err != nil {
		var f *isolation.Failure
		if errors.As(err, &f) {
			s.metrics.WorkerFailures.WithLabelValues(f.Kind).Inc()
		}
		return nil, nil, nil, err
	}
	var notices []string
	if pr.GetHead().GetSHA() != a.HeadSHA {
		// A re-run of an earlier commit: GitHub's diff is the PR's current
		// head's, so no line of this one can take a comment.
		notices = append(notices, fmt.Sprintf("This run reviews commit %s, an earlier head of the pull request (now %s), so no inline comments are posted.", short(a.HeadSHA), short(pr.GetHead().GetSHA())))
		return res, nil, notices, nil
	}
	placed, note, err := s.commentable(ctx, gh, a, files)
	if err != nil {
		return nil, nil, nil, err
	}
	if note != "" {
		notices = append(notices, note)
	}
	return res, placed, notices, nil
}

// commentable keeps the changed files whose lines GitHub's diff shows, as
// GET /pulls/{n}/files lists them: a review comment elsewhere is refused.
// Files GitHub shows without a patch (too large) and files beyond its
// 3,000-file list are analyzed all the same but take no inline comment.
func (s *Service) commentable(ctx context.Context, gh *github.Client, a ReviewArgs, files []*source.File) ([]*source.File, string, error) {
	listed := map[string]*github.CommitFile{}
	opts := &github.ListOptions{PerPage: 100}
	for n := 0; n < maxPRFiles; {
		page, resp, err := gh.PullRequests.ListFiles(ctx, a.Owner, a.Repo, a.PR, opts)
		if err != nil {
			var ge *github.ErrorResponse
			if errors.As(err, &ge) && ge.Response != nil && (ge.Response.StatusCode == http.StatusNotAcceptable || ge.Response.StatusCode == http.StatusUnprocessableEntity) {
				return nil, "GitHub could not produce the diff of this pull request (too large): every changed file was analyzed, and the findings are in the annotations rather than inline comments.", nil
			}
			return nil, "", fmt.Errorf("list PR files: %w", err)
		}
		for _, cf := range page {
			listed[cf.GetFilename()] = cf
		}
		n += len(page)
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	var out []*source.File
	unlisted := 0
	for _, f := range files {
		cf := listed[f.Path]
		if cf == nil {
			unlisted++
			continue
		}
		placed := *f
		if cf.GetPatch() == "" {
			placed.NoPatch = true // GitHub shows no lines to comment on
		}
		out = append(out, &placed)
	}
	note := ""
	if unlisted > 0 && len(listed) >= maxPRFiles {
		note = fmt.Sprintf("GitHub shows at most %d files of a pull request; this one changes %d. Every file was analyzed; findings in the %d files GitHub does not show are in the annotations only.", maxPRFiles, len(files), unlisted)
	}
	return out, note, nil
}

// cloneURL is the repository's clone URL as the API gives it, checked to be
// on this GitHub's host (github.com for api.github.com; the API host itself
// for GitHub Enterprise Server), so the token goes nowhere else.
func (s *Service) cloneURL(pr *github.PullRequest, a ReviewArgs) (string, error) {
	api := s.gh.APIBase()
	raw := pr.GetBase().GetRepo().GetCloneURL()
	if raw == "" {
		// Derive it: the web host, at the root.
		host := api.Host
		if host == "api.github.com" {
			host = "github.com"
		}
		return (&url.URL{Scheme: api.Scheme, Host: host, Path: "/" + a.Owner + "/" + a.Repo + ".git"}).String(), nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("clone URL %q: %w", raw, err)
	}
	if u.Host != api.Host && !(api.Host == "api.github.com" && u.Host == "github.com") {
		return "", fmt.Errorf("clone URL %s is not on GitHub's host %s", u.Redacted(), api.Host)
	}
	return raw, nil
}

func (s *Service) analyzerNames() []string {
	out := make([]string, len(s.analyzers))
	for i, a := range s.analyzers {
		out[i] = a.Name
	}
	return out
}

// rule finds one of this server's rules by id.
func (s *Service) rule(id string) *analyzers.Rule {
	for _, a := range s.analyzers {
		if r := a.Rule(id); r != nil {
			return r
		}
	}
	return nil
}

// fetchError is a git fetch that failed on the way (not refused by GitHub):
// a network error, retried like one.
type fetchError struct{ err error }

func (e *fetchError) Error() string   { return "read the repository with git: " + e.err.Error() }
func (e *fetchError) Unwrap() error   { return e.err }
func (e *fetchError) Timeout() bool   { return false }
func (e *fetchError) Temporary() bool { return true }

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// validSHA reports whether s is a full commit SHA (SHA-1 or SHA-256).
func validSHA(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
