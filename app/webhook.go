package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-github/v57/github"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/riverqueue/river"

	"github.com/leakguard/leakguard/checks"
)

// Handler serves the app's endpoints: POST /webhook, GET /healthz,
// GET /readyz, GET /metrics.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /webhook", s.serveWebhook)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.store.Ping(ctx); err != nil {
			http.Error(w, "store unreachable", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "leakguard: GitHub App for security review of pull requests. Webhooks go to POST /webhook.\n")
	})
	return mux
}

// serveWebhook verifies, deduplicates and queues a delivery. The job is
// committed to the store before the 202 goes out: GitHub does not redeliver
// on its own, so an accepted event must never be lost.
func (s *Service) serveWebhook(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	event := r.Header.Get("X-GitHub-Event")
	result := "accepted"
	defer func() {
		s.metrics.Webhooks.WithLabelValues(metricEvent(event), result).Inc()
		s.metrics.WebhookSeconds.WithLabelValues(metricEvent(event)).Observe(time.Since(start).Seconds())
	}()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBytes))
	if err != nil {
		result = "too_large"
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if err := VerifySignature(s.secrets, body, r.Header.Get("X-Hub-Signature-256")); err != nil {
		result = "bad_signature"
		s.log.Warn("webhook rejected", "error", err, "event", event, "remote", r.RemoteAddr)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	delivery := r.Header.Get("X-GitHub-Delivery")
	if delivery == "" || len(delivery) > 100 || event == "" {
		result = "bad_request"
		http.Error(w, "missing X-GitHub-Event or X-GitHub-Delivery", http.StatusBadRequest)
		return
	}
	log := s.log.With("delivery", delivery, "event", event)
	jobs, note, err := s.route(event, delivery, body)
	if err != nil {
		result = "bad_payload"
		log.Warn("webhook payload not understood", "error", err)
		http.Error(w, "bad payload: "+err.Error(), http.StatusBadRequest)
		return
	}
	if len(jobs) == 0 {
		result = "ignored"
		log.Debug("webhook ignored", "why", note)
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, note+"\n")
		return
	}
	fresh, err := s.enqueue(r.Context(), delivery, event, jobs)
	if err != nil {
		result = "store_error"
		log.Error("cannot queue webhook", "error", err)
		http.Error(w, "cannot queue the event; redeliver it", http.StatusServiceUnavailable)
		return
	}
	if !fresh {
		result = "duplicate"
		log.Info("duplicate delivery ignored")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, "duplicate delivery\n")
		return
	}
	log.Info("webhook queued", "why", note, "jobs", len(jobs))
	w.WriteHeader(http.StatusAccepted)
	io.WriteString(w, "queued\n")
}

func metricEvent(e string) string {
	switch e {
	case "pull_request", "check_run", "check_suite", "issue_comment", "installation", "installation_repositories", "ping":
		return e
	}
	return "other"
}

// enqueue records the delivery and inserts its jobs in one transaction.
func (s *Service) enqueue(ctx context.Context, delivery, event string, jobs []river.JobArgs) (bool, error) {
	tx, err := s.store.DB.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	fresh, err := recordDelivery(ctx, tx, delivery, event)
	if err != nil || !fresh {
		return false, err
	}
	if err := s.insertJobs(ctx, tx, jobs); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

func (s *Service) insertJobs(ctx context.Context, tx *sql.Tx, jobs []river.JobArgs) error {
	for _, j := range jobs {
		if ra, ok := j.(ReviewArgs); ok && ra.Supersedable {
			if err := setPRHead(ctx, tx, ra.RepoID, ra.PR, ra.HeadSHA); err != nil {
				return err
			}
		}
		if _, err := s.queue.InsertTx(ctx, tx, j, nil); err != nil {
			return fmt.Errorf("queue %s: %w", j.Kind(), err)
		}
	}
	return nil
}

// route turns an event into jobs; no jobs and a note when there is nothing to do.
func (s *Service) route(event, delivery string, body []byte) ([]river.JobArgs, string, error) {
	switch event {
	case "ping":
		return nil, "pong", nil
	case "installation", "installation_repositories":
		var e struct {
			Action       string `json:"action"`
			Installation struct {
				ID      int64 `json:"id"`
				Account struct {
					Login string `json:"login"`
				} `json:"account"`
			} `json:"installation"`
			Repositories        []json.RawMessage `json:"repositories"`
			RepositoriesAdded   []json.RawMessage `json:"repositories_added"`
			RepositoriesRemoved []json.RawMessage `json:"repositories_removed"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		s.log.Info("installation event", "delivery", delivery, "action", e.Action, "installation", e.Installation.ID,
			"account", e.Installation.Account.Login, "repos", len(e.Repositories), "added", len(e.RepositoriesAdded), "removed", len(e.RepositoriesRemoved))
		return nil, "installation " + e.Action + " noted", nil
	case "pull_request":
		var e github.PullRequestEvent
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		switch e.GetAction() {
		case "opened", "synchronize", "reopened", "ready_for_review":
		case "edited":
			if e.GetChanges().GetBase() == nil {
				return nil, "pull_request edited without a base change", nil
			}
		default:
			return nil, "pull_request " + e.GetAction() + " needs no review", nil
		}
		pr := e.GetPullRequest()
		if pr.GetState() == "closed" {
			return nil, "pull request is closed", nil
		}
		args := ReviewArgs{
			InstallationID: e.GetInstallation().GetID(), RepoID: e.GetRepo().GetID(),
			Owner: e.GetRepo().GetOwner().GetLogin(), Repo: e.GetRepo().GetName(),
			PR: e.GetNumber(), HeadSHA: pr.GetHead().GetSHA(), Ruleset: s.ruleset,
			Supersedable: true, Delivery: delivery, Trigger: "pull_request." + e.GetAction(),
		}
		if args.PR == 0 {
			args.PR = pr.GetNumber()
		}
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "check_run":
		var e github.CheckRunEvent
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		switch {
		case e.GetAction() == "rerequested":
		case e.GetAction() == "requested_action" && e.GetRequestedAction().Identifier == rerunAction:
		default:
			return nil, "check_run " + e.GetAction() + " needs no review", nil
		}
		cr := e.GetCheckRun()
		args := ReviewArgs{
			InstallationID: e.GetInstallation().GetID(), RepoID: e.GetRepo().GetID(),
			Owner: e.GetRepo().GetOwner().GetLogin(), Repo: e.GetRepo().GetName(),
			PR: firstPR(cr.PullRequests, e.GetRepo().GetID()), HeadSHA: cr.GetHeadSHA(), Ruleset: s.ruleset,
			Rerun: delivery, Delivery: delivery, Trigger: "check_run." + e.GetAction(),
		}
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "check_suite":
		var e github.CheckSuiteEvent
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		if e.GetAction() != "rerequested" {
			return nil, "check_suite " + e.GetAction() + " needs no review", nil
		}
		cs := e.GetCheckSuite()
		args := ReviewArgs{
			InstallationID: e.GetInstallation().GetID(), RepoID: e.GetRepo().GetID(),
			Owner: e.GetRepo().GetOwner().GetLogin(), Repo: e.GetRepo().GetName(),
			PR: firstPR(cs.PullRequests, e.GetRepo().GetID()), HeadSHA: cs.GetHeadSHA(), Ruleset: s.ruleset,
			Rerun: delivery, Delivery: delivery, Trigger: "check_suite.rerequested",
		}
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "issue_comment":
		var e github.IssueCommentEvent
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		c := e.GetComment()
		switch {
		case e.GetAction() != "created":
			return nil, "issue_comment " + e.GetAction() + ": only new comments are commands", nil
		case !e.GetIssue().IsPullRequest():
			return nil, "comment is not on a pull request", nil
		case c.GetUser().GetType() == "Bot" || strings.HasSuffix(c.GetUser().GetLogin(), "[bot]"):
			return nil, "comment by a bot", nil
		case !isCommand(c.GetBody()):
			return nil, "not a /leakguard command", nil
		}
		args := CommandArgs{
			InstallationID: e.GetInstallation().GetID(), RepoID: e.GetRepo().GetID(),
			Owner: e.GetRepo().GetOwner().GetLogin(), Repo: e.GetRepo().GetName(),
			PR: e.GetIssue().GetNumber(), CommentID: c.GetID(), Author: c.GetUser().GetLogin(),
			Body: c.GetBody(), Delivery: delivery,
		}
		if args.InstallationID == 0 || args.RepoID == 0 || args.Owner == "" || args.PR == 0 || args.CommentID == 0 {
			return nil, "", errors.New("issue_comment without installation, repository, issue or comment")
		}
		return []river.JobArgs{args}, "command", nil
	}
	return nil, "event " + event + " is not used", nil
}

func firstPR(prs []*github.PullRequest, repoID int64) int {
	for _, pr := range prs {
		// Only PRs whose base is this repository; a fork's PR list can name others.
		if pr.GetBase().GetRepo().GetID() == 0 || pr.GetBase().GetRepo().GetID() == repoID {
			return pr.GetNumber()
		}
	}
	return 0
}

func (a ReviewArgs) validate() error {
	if a.InstallationID == 0 {
		return errors.New("no installation in the payload (is this delivery from a GitHub App?)")
	}
	if a.RepoID == 0 || a.Owner == "" || a.Repo == "" {
		return errors.New("no repository in the payload")
	}
	if !validSHA(a.HeadSHA) {
		return errors.New("no head SHA in the payload")
	}
	return nil
}

// rerunAction is the identifier of the check run's "Re-run" button.
const rerunAction = "rerun"

var rerunButton = []*github.CheckRunAction{{Label: "Re-run", Description: "Run the leakguard review again", Identifier: rerunAction}}

var _ = checks.CheckName
