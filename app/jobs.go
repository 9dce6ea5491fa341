package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/leakguard/leakguard/analyzers"
)

// ReviewArgs is one unit of review work, keyed by (repository, PR, head SHA,
// ruleset version): River's unique insert collapses duplicates. Rerun is
// set by explicit re-run requests (the delivery id that asked), so they run
// again even when the same head was reviewed before.
type ReviewArgs struct {
	InstallationID int64  `json:"installation_id"`
	RepoID         int64  `json:"repo_id" river:"unique"`
	Owner          string `json:"owner"`
	Repo           string `json:"repo"`
	PR             int    `json:"pr" river:"unique"` // 0: find the PR of HeadSHA
	HeadSHA        string `json:"head_sha" river:"unique"`
	Ruleset        string `json:"ruleset" river:"unique"`
	Rerun          string `json:"rerun,omitempty" river:"unique"`
	// Supersedable work is skipped when a newer head of the PR arrived.
	Supersedable bool   `json:"supersedable,omitempty"`
	Delivery     string `json:"delivery"`
	Trigger      string `json:"trigger"`
}

// Kind is River's job kind.
func (ReviewArgs) Kind() string { return "leakguard.review" }

// InsertOpts makes review jobs unique by their key. A review is retried at
// most twice: posting is idempotent thanks to the stored check run id and
// the comment markers.
func (ReviewArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// workKey names a unit of work; it is the check run's external_id.
func (a ReviewArgs) workKey() string {
	k := fmt.Sprintf("%d/%d/%s/%s", a.RepoID, a.PR, a.HeadSHA, a.Ruleset)
	if a.Rerun != "" {
		k += "/" + a.Rerun
	}
	return k
}

// CommandArgs is a `/leakguard …` comment to act on.
type CommandArgs struct {
	InstallationID int64  `json:"installation_id"`
	RepoID         int64  `json:"repo_id"`
	Owner          string `json:"owner"`
	Repo           string `json:"repo"`
	PR             int    `json:"pr"`
	CommentID      int64  `json:"comment_id" river:"unique"`
	Author         string `json:"author"`
	Body           string `json:"body"`
	Delivery       string `json:"delivery"`
}

// Kind is River's job kind.
func (CommandArgs) Kind() string { return "leakguard.command" }

// InsertOpts: one job per comment; replies are POSTs, so no retries.
func (CommandArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

type reviewWorker struct {
	river.WorkerDefaults[ReviewArgs]
	s *Service
}

func (w *reviewWorker) Work(ctx context.Context, job *river.Job[ReviewArgs]) error {
	err := w.s.review(ctx, job.Args, job.Attempt)
	w.s.metrics.Jobs.WithLabelValues("review", outcome(err)).Inc()
	return err
}

type commandWorker struct {
	river.WorkerDefaults[CommandArgs]
	s *Service
}

func (w *commandWorker) Work(ctx context.Context, job *river.Job[CommandArgs]) error {
	err := w.s.command(ctx, job.Args)
	w.s.metrics.Jobs.WithLabelValues("command", outcome(err)).Inc()
	return err
}

func outcome(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

// RulesetVersion identifies the analyzers and their rules: a new ruleset
// reviews a head again.
func RulesetVersion(version string, as []*analyzers.Analyzer) string {
	var parts []string
	for _, a := range as {
		for _, r := range a.Rules {
			parts = append(parts, fmt.Sprintf("%s:%s:%s", a.Name, r.ID, r.Severity))
		}
	}
	sort.Strings(parts)
	h := sha256.Sum256([]byte(version + "\n" + strings.Join(parts, "\n")))
	return hex.EncodeToString(h[:6])
}

// CleanupArgs is the hourly job that forgets old deliveries and check run
// ids (GitHub redelivers for at most a few days; River prunes its own jobs).
type CleanupArgs struct{}

// Kind is River's job kind.
func (CleanupArgs) Kind() string { return "leakguard.cleanup" }

// retention is how long delivery ids and check run ids are kept.
const retention = 14 * 24 * time.Hour

type cleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	s *Service
}

func (w *cleanupWorker) Work(ctx context.Context, job *river.Job[CleanupArgs]) error {
	n, err := w.s.store.cleanup(ctx, time.Now().Add(-retention))
	w.s.metrics.Jobs.WithLabelValues("cleanup", outcome(err)).Inc()
	if err == nil && n > 0 {
		w.s.log.Info("old deliveries forgotten", "rows", n)
	}
	return err
}
