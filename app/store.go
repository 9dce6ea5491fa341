package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// Store is leakguard's durable state: River's job tables and ours (webhook
// deliveries seen, the latest head of each pull request, check runs created
// per unit of work, and ignores). One SQLite file with one open connection.
type Store struct {
	DB *sql.DB
}

// OpenStore opens (creating if needed) the SQLite store at path and runs
// River's migrations and ours.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	dsn := path
	if !strings.HasPrefix(dsn, "file:") {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("store: %w", err)
			}
		}
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath()
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	dsn += sep + "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	// SQLite allows one writer; River's SQLite driver wants one connection.
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if !strings.HasPrefix(path, "file:") {
		os.Chmod(path, 0o600) // the store is ours alone
	}
	mig, err := rivermigrate.New(riversqlite.New(db), nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("river migrations: %w", err)
	}
	if _, err := mig.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		db.Close()
		return nil, fmt.Errorf("river migrations: %w", err)
	}
	for _, stmt := range schema {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			db.Close()
			return nil, fmt.Errorf("store schema: %w", err)
		}
	}
	return &Store{DB: db}, nil
}

var schema = []string{
	`CREATE TABLE IF NOT EXISTS leakguard_delivery (
		id TEXT PRIMARY KEY,
		event TEXT NOT NULL,
		received_at INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS leakguard_pr_head (
		repo_id INTEGER NOT NULL,
		pr INTEGER NOT NULL,
		head_sha TEXT NOT NULL,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (repo_id, pr))`,
	`CREATE TABLE IF NOT EXISTS leakguard_check_run (
		work_key TEXT PRIMARY KEY,
		check_run_id INTEGER NOT NULL,
		created_at INTEGER NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS leakguard_ignore (
		repo_id INTEGER NOT NULL,
		finding_id TEXT NOT NULL,
		reason TEXT NOT NULL,
		actor TEXT NOT NULL,
		pr INTEGER NOT NULL,
		created_at INTEGER NOT NULL,
		PRIMARY KEY (repo_id, finding_id))`,
}

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

// Ping reports whether the store answers (for /readyz).
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.DB.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// recordDelivery notes a webhook delivery id inside tx; it returns false when
// the delivery was seen before.
func recordDelivery(ctx context.Context, tx *sql.Tx, id, event string) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO leakguard_delivery (id, event, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`, id, event, time.Now().Unix())
	if err != nil {
		return false, fmt.Errorf("record delivery: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// setPRHead records the newest head of a pull request inside tx, so queued
// reviews of older heads know they are superseded.
func setPRHead(ctx context.Context, tx *sql.Tx, repoID int64, pr int, sha string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO leakguard_pr_head (repo_id, pr, head_sha, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (repo_id, pr) DO UPDATE SET head_sha = excluded.head_sha, updated_at = excluded.updated_at`, repoID, pr, sha, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("record PR head: %w", err)
	}
	return nil
}

// prHead returns the newest head recorded for a pull request, or "".
func (s *Store) prHead(ctx context.Context, repoID int64, pr int) (string, error) {
	var sha string
	err := s.DB.QueryRowContext(ctx, `SELECT head_sha FROM leakguard_pr_head WHERE repo_id = ? AND pr = ?`, repoID, pr).Scan(&sha)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return sha, err
}

// checkRunFor returns the check run created for a unit of work, or 0.
func (s *Store) checkRunFor(ctx context.Context, key string) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx, `SELECT check_run_id FROM leakguard_check_run WHERE work_key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func (s *Store) saveCheckRun(ctx context.Context, key string, id int64) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO leakguard_check_run (work_key, check_run_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (work_key) DO UPDATE SET check_run_id = excluded.check_run_id`, key, id, time.Now().Unix())
	return err
}

// Ignore is a finding a maintainer ignored with `/leakguard ignore`.
type Ignore struct {
	FindingID string
	Reason    string
	Actor     string
	PR        int
	Created   time.Time
}

// AddIgnore stores an ignore for a repository (replacing an earlier one for
// the same finding).
func (s *Store) AddIgnore(ctx context.Context, repoID int64, ig Ignore) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO leakguard_ignore (repo_id, finding_id, reason, actor, pr, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (repo_id, finding_id) DO UPDATE SET reason = excluded.reason, actor = excluded.actor, pr = excluded.pr, created_at = excluded.created_at`,
		repoID, ig.FindingID, ig.Reason, ig.Actor, ig.PR, ig.Created.Unix())
	if err != nil {
		return fmt.Errorf("store ignore: %w", err)
	}
	return nil
}

// Ignores returns a repository's ignores by finding id.
func (s *Store) Ignores(ctx context.Context, repoID int64) (map[string]Ignore, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT finding_id, reason, actor, pr, created_at FROM leakguard_ignore WHERE repo_id = ?`, repoID)
	if err != nil {
		return nil, fmt.Errorf("read ignores: %w", err)
	}
	defer rows.Close()
	out := map[string]Ignore{}
	for rows.Next() {
		var ig Ignore
		var created int64
		if err := rows.Scan(&ig.FindingID, &ig.Reason, &ig.Actor, &ig.PR, &created); err != nil {
			return nil, err
		}
		ig.Created = time.Unix(created, 0).UTC()
		out[ig.FindingID] = ig
	}
	return out, rows.Err()
}
