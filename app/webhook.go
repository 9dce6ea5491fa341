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
	"github.com/riverqueue/river"
)

// Handler serves the app's public endpoints: POST /webhook, GET /healthz,
// GET /readyz. Metrics are on MetricsHandler, served on another address.
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
	fresh, err := s.store.recordDelivery(ctx, tx, delivery, event)
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
			if err := s.store.setPRHead(ctx, tx, ra.RepoID, ra.PR, ra.HeadSHA); err != nil {
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
		var e struct {
			payload
			Number  int `json:"number"`
			Changes struct {
				Base json.RawMessage `json:"base"`
			} `json:"changes"`
			PullRequest struct {
				Number int                  `json:"number"`
				State  string               `json:"state"`
				Head   struct{ SHA string } `json:"head"`
			} `json:"pull_request"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		switch e.Action {
		case "opened", "synchronize", "reopened", "ready_for_review":
		case "edited":
			if len(e.Changes.Base) == 0 {
				return nil, "pull_request edited without a base change", nil
			}
		default:
			return nil, "pull_request " + e.Action + " needs no review", nil
		}
		if e.PullRequest.State == "closed" {
			return nil, "pull request is closed", nil
		}
		args := e.review(s.ruleset, delivery, "pull_request."+e.Action)
		args.PR, args.HeadSHA, args.Supersedable = e.Number, e.PullRequest.Head.SHA, true
		if e.Action == "edited" {
			args.Rerun = delivery // same head, new base: review again
		}
		if args.PR == 0 {
			args.PR = e.PullRequest.Number
		}
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "check_run":
		var e struct {
			payload
			RequestedAction struct {
				Identifier string `json:"identifier"`
			} `json:"requested_action"`
			CheckRun struct {
				HeadSHA      string      `json:"head_sha"`
				PullRequests []payloadPR `json:"pull_requests"`
			} `json:"check_run"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		switch {
		case e.Action == "rerequested":
		case e.Action == "requested_action" && e.RequestedAction.Identifier == rerunAction:
		default:
			return nil, "check_run " + e.Action + " needs no review", nil
		}
		args := e.review(s.ruleset, delivery, "check_run."+e.Action)
		args.PR, args.HeadSHA, args.Rerun = firstPR(e.CheckRun.PullRequests, e.Repository.ID), e.CheckRun.HeadSHA, delivery
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "check_suite":
		var e struct {
			payload
			CheckSuite struct {
				HeadSHA      string      `json:"head_sha"`
				PullRequests []payloadPR `json:"pull_requests"`
			} `json:"check_suite"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		if e.Action != "rerequested" {
			return nil, "check_suite " + e.Action + " needs no review", nil
		}
		args := e.review(s.ruleset, delivery, "check_suite.rerequested")
		args.PR, args.HeadSHA, args.Rerun = firstPR(e.CheckSuite.PullRequests, e.Repository.ID), e.CheckSuite.HeadSHA, delivery
		if err := args.validate(); err != nil {
			return nil, "", err
		}
		return []river.JobArgs{args}, args.Trigger, nil
	case "issue_comment":
		var e struct {
			payload
			Issue struct {
				Number      int             `json:"number"`
				PullRequest json.RawMessage `json:"pull_request"`
			} `json:"issue"`
			Comment struct {
				ID   int64  `json:"id"`
				Body string `json:"body"`
				User struct {
					Login string `json:"login"`
					Type  string `json:"type"`
				} `json:"user"`
			} `json:"comment"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			return nil, "", err
		}
		c := e.Comment
		switch {
		case e.Action != "created":
			return nil, "issue_comment " + e.Action + ": only new comments are commands", nil
		case len(e.Issue.PullRequest) == 0 || string(e.Issue.PullRequest) == "null":
			return nil, "comment is not on a pull request", nil
		case c.User.Type == "Bot" || strings.HasSuffix(c.User.Login, "[bot]"):
			return nil, "comment by a bot", nil
		case !isCommand(c.Body):
			return nil, "not a /leakguard command", nil
		}
		args := CommandArgs{
			InstallationID: e.Installation.ID, RepoID: e.Repository.ID,
			Owner: e.Repository.Owner.Login, Repo: e.Repository.Name,
			PR: e.Issue.Number, CommentID: c.ID, Author: c.User.Login,
			Body: c.Body, Delivery: delivery,
		}
		if args.InstallationID == 0 || args.RepoID == 0 || args.Owner == "" || args.PR == 0 || args.CommentID == 0 {
			return nil, "", errors.New("issue_comment without installation, repository, issue or comment")
		}
		return []river.JobArgs{args}, "command", nil
	}
	return nil, "event " + event + " is not used", nil
}

// payload holds the fields every event leakguard acts on carries. Payloads
// are decoded into these small structs, not go-github's event types, which
// reject timestamps in formats GitHub has sent.
type payload struct {
	Action       string `json:"action"`
	Installation struct {
		ID int64 `json:"id"`
	} `json:"installation"`
	Repository struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Owner struct {
			Login string `json:"login"`
		} `json:"owner"`
	} `json:"repository"`
}

func (p payload) review(ruleset, delivery, trigger string) ReviewArgs {
	return ReviewArgs{InstallationID: p.Installation.ID, RepoID: p.Repository.ID, Owner: p.Repository.Owner.Login, Repo: p.Repository.Name,
		Ruleset: ruleset, Delivery: delivery, Trigger: trigger}
}

type payloadPR struct {
	Number int `json:"number"`
	Base   struct {
		Repo struct {
			ID int64 `json:"id"`
		} `json:"repo"`
	} `json:"base"`
}

func firstPR(prs []payloadPR, repoID int64) int {
	for _, pr := range prs {
		// Only PRs whose base is this repository; a fork's PR list can name others.
		if pr.Base.Repo.ID == 0 || pr.Base.Repo.ID == repoID {
			return pr.Number
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
