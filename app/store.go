package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// Store is leakguard's durable state: River's job tables and ours (webhook
// deliveries seen, the latest head of each pull request, check runs created
// per unit of work, and ignores). By default one SQLite file with one open
// connection; with a postgres:// URL, a PostgreSQL database that several
// replicas share.
type Store struct {
	DB       *sql.DB
	postgres bool
	driver   riverdriver.Driver[*sql.Tx]
	local    keyedMutex
}

// IsPostgresURL reports whether a database URL selects the Postgres mode.
func IsPostgresURL(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

// OpenStore opens the store (a SQLite path or file: URL, or a postgres://
// URL), creating it if needed, and runs River's migrations and ours.
func OpenStore(ctx context.Context, dbURL string) (*Store, error) {
	if IsPostgresURL(dbURL) {
		db, err := sql.Open("pgx", dbURL)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		db.SetMaxOpenConns(20)
		db.SetConnMaxIdleTime(5 * time.Minute)
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store: %w", err)
		}
		return migrate(ctx, &Store{DB: db, postgres: true, driver: riverdatabasesql.New(db)})
	}
	path := dbURL
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
	return migrate(ctx, &Store{DB: db, driver: riversqlite.New(db)})
}

func migrate(ctx context.Context, s *Store) (*Store, error) {
	mig, err := rivermigrate.New(s.driver, nil)
	if err != nil {
		s.DB.Close()
		return nil, fmt.Errorf("river migrations: %w", err)
	}
	if _, err := mig.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		s.DB.Close()
		return nil, fmt.Errorf("river migrations: %w", err)
	}
	for _, stmt := range schema {
		if _, err := s.DB.ExecContext(ctx, stmt); err != nil {
			s.DB.Close()
			return nil, fmt.Errorf("store schema: %w", err)
		}
	}
	return s, nil
}

// q rewrites ? placeholders as $n for PostgreSQL.
func (s *Store) q(query string) string {
	if !s.postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// lockPR serializes work on one pull request: a PostgreSQL advisory lock
// across replicas, an in-process lock with SQLite (one process per file).
func (s *Store) lockPR(ctx context.Context, key string) (func(), error) {
	if !s.postgres {
		return s.local.lock(key), nil
	}
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	h := fnv.New64a()
	h.Write([]byte("leakguard-pr\x00" + key))
	id := int64(h.Sum64())
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", id); err != nil {
		conn.Close()
		return nil, fmt.Errorf("lock pull request: %w", err)
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", id)
		conn.Close()
	}, nil
}

var schema = []string{
	`CREATE TABLE IF NOT EXISTS leakguard_delivery (
		id TEXT PRIMARY KEY,
		event TEXT NOT NULL,
		received_at BIGINT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS leakguard_pr_head (
		repo_id BIGINT NOT NULL,
		pr BIGINT NOT NULL,
		head_sha TEXT NOT NULL,
		updated_at BIGINT NOT NULL,
		PRIMARY KEY (repo_id, pr))`,
	`CREATE TABLE IF NOT EXISTS leakguard_check_run (
		work_key TEXT PRIMARY KEY,
		check_run_id BIGINT NOT NULL,
		created_at BIGINT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS leakguard_setting (
		name TEXT PRIMARY KEY,
		value TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS leakguard_ignore (
		repo_id BIGINT NOT NULL,
		finding_id TEXT NOT NULL,
		reason TEXT NOT NULL,
		actor TEXT NOT NULL,
		pr BIGINT NOT NULL,
		created_at BIGINT NOT NULL,
		PRIMARY KEY (repo_id, finding_id))`,
}

// setting returns a server-wide value, creating it with mk on first use;
// every replica sharing the store gets the same value.
func (s *Store) setting(ctx context.Context, name string, mk func() string) (string, error) {
	if _, err := s.DB.ExecContext(ctx, s.q(`INSERT INTO leakguard_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`), name, mk()); err != nil {
		return "", fmt.Errorf("store setting %s: %w", name, err)
	}
	var v string
	if err := s.DB.QueryRowContext(ctx, s.q(`SELECT value FROM leakguard_setting WHERE name = ?`), name).Scan(&v); err != nil {
		return "", fmt.Errorf("read setting %s: %w", name, err)
	}
	return v, nil
}

// cleanup deletes deliveries and check run ids older than before.
func (s *Store) cleanup(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for _, q := range []string{
		`DELETE FROM leakguard_delivery WHERE received_at < ?`,
		`DELETE FROM leakguard_check_run WHERE created_at < ?`,
		`DELETE FROM leakguard_pr_head WHERE updated_at < ?`,
	} {
		res, err := s.DB.ExecContext(ctx, s.q(q), before.Unix())
		if err != nil {
			return total, fmt.Errorf("cleanup: %w", err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
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
func (s *Store) recordDelivery(ctx context.Context, tx *sql.Tx, id, event string) (bool, error) {
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO leakguard_delivery (id, event, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`), id, event, time.Now().Unix())
	if err != nil {
		return false, fmt.Errorf("record delivery: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// setPRHead records the newest head of a pull request inside tx, so queued
// reviews of older heads know they are superseded.
func (s *Store) setPRHead(ctx context.Context, tx *sql.Tx, repoID int64, pr int, sha string) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO leakguard_pr_head (repo_id, pr, head_sha, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (repo_id, pr) DO UPDATE SET head_sha = excluded.head_sha, updated_at = excluded.updated_at`), repoID, pr, sha, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("record PR head: %w", err)
	}
	return nil
}

// prHead returns the newest head recorded for a pull request, or "".
func (s *Store) prHead(ctx context.Context, repoID int64, pr int) (string, error) {
	var sha string
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT head_sha FROM leakguard_pr_head WHERE repo_id = ? AND pr = ?`), repoID, pr).Scan(&sha)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return sha, err
}

// checkRunFor returns the check run created for a unit of work, or 0.
func (s *Store) checkRunFor(ctx context.Context, key string) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT check_run_id FROM leakguard_check_run WHERE work_key = ?`), key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func (s *Store) saveCheckRun(ctx context.Context, key string, id int64) error {
	_, err := s.DB.ExecContext(ctx, s.q(`INSERT INTO leakguard_check_run (work_key, check_run_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (work_key) DO UPDATE SET check_run_id = excluded.check_run_id`), key, id, time.Now().Unix())
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

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// AddIgnore stores an ignore for a repository (replacing an earlier one for
// the same finding); db is the store or a transaction on it.
func (s *Store) AddIgnore(ctx context.Context, db execer, repoID int64, ig Ignore) error {
	_, err := db.ExecContext(ctx, s.q(`INSERT INTO leakguard_ignore (repo_id, finding_id, reason, actor, pr, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (repo_id, finding_id) DO UPDATE SET reason = excluded.reason, actor = excluded.actor, pr = excluded.pr, created_at = excluded.created_at`),
		repoID, ig.FindingID, ig.Reason, ig.Actor, ig.PR, ig.Created.Unix())
	if err != nil {
		return fmt.Errorf("store ignore: %w", err)
	}
	return nil
}

// Ignores returns a repository's ignores by finding id.
func (s *Store) Ignores(ctx context.Context, repoID int64) (map[string]Ignore, error) {
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT finding_id, reason, actor, pr, created_at FROM leakguard_ignore WHERE repo_id = ?`), repoID)
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
