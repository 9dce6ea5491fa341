// Package app is the leakguard GitHub App: the HTTP server that verifies and
// queues webhooks, the River workers that review pull requests through the
// REST API and post a check run and one review, slash commands, and the setup
// page that registers the app from its manifest.
package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/app/gitcache"
	"github.com/leakguard/leakguard/app/isolation"
	"github.com/leakguard/leakguard/checks"
	"github.com/leakguard/leakguard/config"
)

// MaxWebhookBytes caps a webhook body (GitHub sends at most 25 MiB).
const MaxWebhookBytes = 25 << 20

// Options configure a Service.
type Options struct {
	Config    *config.Server
	Analyzers []*analyzers.Analyzer
	Logger    *slog.Logger
	// Version is leakguard's version, part of the ruleset version.
	Version string
	// Transport carries GitHub API requests under authentication (nil: the
	// default transport). Tests point it at the fake GitHub.
	Transport http.RoundTripper
	// PollInterval is how often idle workers look for jobs (default 1s).
	PollInterval time.Duration
	// Pace is the pause between mutating comment requests (default 1s), to
	// stay clear of GitHub's secondary rate limits.
	Pace time.Duration
	// WorkerCommand starts the process a review runs in (default: this
	// binary's hidden `review-worker` command); WorkerEnv is added to its
	// environment. Test binaries point it at themselves.
	WorkerCommand []string
	WorkerEnv     []string
}

// Service is the running app: store, queue, GitHub clients and analyzers.
type Service struct {
	cfg       *config.Server
	log       *slog.Logger
	store     *Store
	queue     *river.Client[*sql.Tx]
	gh        *Clients
	repos     *gitcache.Cache
	worker    *isolation.Runner
	analyzers []*analyzers.Analyzer
	ruleset   string
	marker    checks.Marker
	metrics   *Metrics
	secrets   [][]byte
	pace      time.Duration
}

// New opens the store, runs migrations and prepares the workers; Start runs them.
func New(ctx context.Context, o Options) (*Service, error) {
	cfg := o.Config
	if cfg == nil {
		return nil, errors.New("app: no configuration")
	}
	if len(cfg.WebhookSecrets) == 0 {
		return nil, errors.New("app: refusing to start without a webhook secret")
	}
	if len(o.Analyzers) == 0 {
		return nil, errors.New("app: no analyzers")
	}
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	s := &Service{cfg: cfg, log: log, analyzers: o.Analyzers, metrics: NewMetrics(), pace: o.Pace}
	if s.pace == 0 {
		s.pace = time.Second
	}
	for _, sec := range cfg.WebhookSecrets {
		s.secrets = append(s.secrets, []byte(sec))
	}
	s.ruleset = RulesetVersion(o.Version, o.Analyzers)
	var err error
	if s.gh, err = NewClients(cfg.GitHubURL, cfg.AppID, cfg.PrivateKey, o.Transport, s.metrics); err != nil {
		return nil, err
	}
	if err := uniqueNames(o.Analyzers); err != nil {
		return nil, err
	}
	dataDir := cfg.DataDir
	if dataDir == "" {
		dataDir = ".data"
	}
	if s.repos, err = gitcache.Open(filepath.Join(dataDir, "repos"), cfg.RepoCacheBytes, log.With("component", "gitcache")); err != nil {
		return nil, err
	}
	s.worker = &isolation.Runner{Command: o.WorkerCommand, Env: o.WorkerEnv, Memory: cfg.ReviewMemory, Timeout: cfg.ReviewTimeout,
		Rule: s.rule, Log: log.With("component", "review-worker")}
	if len(s.worker.Command) == 0 {
		if s.worker.Command, err = isolation.Command(); err != nil {
			return nil, err
		}
	}
	if s.store, err = OpenStore(ctx, cfg.DatabaseURL); err != nil {
		return nil, err
	}
	key := []byte(cfg.MarkerKey)
	if len(key) == 0 {
		// One key for every replica, kept in the store.
		k, err := s.store.setting(ctx, "marker_key", func() string { return randomHex(32) })
		if err != nil {
			s.store.Close()
			return nil, err
		}
		key = []byte(k)
	}
	s.marker = checks.Marker{Key: key}
	workers := river.NewWorkers()
	river.AddWorker(workers, &reviewWorker{s: s})
	river.AddWorker(workers, &commandWorker{s: s})
	river.AddWorker(workers, &cleanupWorker{s: s})
	poll := o.PollInterval
	if poll == 0 {
		poll = time.Second
	}
	s.metrics.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "leakguard_jobs_waiting", Help: "Jobs queued or waiting for a retry.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		var n float64
		s.store.DB.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state IN ('available', 'scheduled', 'retryable')`).Scan(&n)
		return n
	}))
	s.queue, err = river.NewClient(s.store.driver, &river.Config{
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: max(cfg.Workers, 1)}},
		Workers:           workers,
		FetchPollInterval: poll,
		FetchCooldown:     min(poll, 100*time.Millisecond),
		Logger:            log.With("component", "river"),
		JobTimeout:        10 * time.Minute,
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
			func() (river.JobArgs, *river.InsertOpts) { return CleanupArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true})},
	})
	if err != nil {
		s.store.Close()
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return s, nil
}

// uniqueNames checks that analyzers can be named to a review worker.
func uniqueNames(as []*analyzers.Analyzer) error {
	seen := map[string]bool{}
	for _, a := range as {
		if seen[a.Name] {
			return fmt.Errorf("app: two analyzers are named %q", a.Name)
		}
		seen[a.Name] = true
	}
	return nil
}

// Start starts the workers.
func (s *Service) Start(ctx context.Context) error { return s.queue.Start(ctx) }

// Stop waits for running jobs until ctx ends, then cancels them (their
// check runs fail closed and the jobs are retried after the restart), and
// closes the store.
func (s *Service) Stop(ctx context.Context) error {
	err := s.queue.Stop(ctx)
	if err != nil {
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err = s.queue.StopAndCancel(cctx)
	}
	return errors.Join(err, s.store.Close())
}

// Metrics returns the service's Prometheus series.
func (s *Service) Metrics() *Metrics { return s.metrics }

// Store returns the durable store.
func (s *Service) Store() *Store { return s.store }

// Ruleset is the ruleset version reviews are keyed by.
func (s *Service) Ruleset() string { return s.ruleset }

// Run serves the app until ctx is cancelled: `leakguard serve`.
func Run(ctx context.Context, cfg *config.Server, as []*analyzers.Analyzer, version string, log *slog.Logger) error {
	if log == nil {
		log = slog.Default()
	}
	var handler http.Handler
	var svc *Service
	if cfg.Setup {
		handler = SetupHandler(cfg, log)
		log.Info("setup mode: open the setup page to register the GitHub App", "url", strings.TrimSuffix(cfg.PublicURL, "/")+"/setup")
	} else {
		var err error
		svc, err = New(ctx, Options{Config: cfg, Analyzers: as, Logger: log, Version: version})
		if err != nil {
			return err
		}
		if err := svc.Start(ctx); err != nil {
			svc.Stop(context.Background())
			return fmt.Errorf("start workers: %w", err)
		}
		handler = svc.Handler()
	}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("leakguard serving", "addr", cfg.Addr, "github", cfg.GitHubURL)
	var metrics *http.Server
	if svc != nil && cfg.MetricsAddr != "" {
		metrics = &http.Server{Addr: cfg.MetricsAddr, Handler: svc.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
		go func() {
			if err := metrics.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errc <- fmt.Errorf("metrics listener %s: %w", cfg.MetricsAddr, err)
			}
		}()
		log.Info("metrics serving", "addr", cfg.MetricsAddr)
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	srv.Shutdown(shutdown)
	if metrics != nil {
		metrics.Shutdown(shutdown)
	}
	if svc != nil {
		err = errors.Join(err, svc.Stop(shutdown))
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
