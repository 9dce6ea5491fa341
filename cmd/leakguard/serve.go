package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app"
	"github.com/leakguard/leakguard/config"
)

const serveUsage = `Usage: leakguard serve [flags]

Runs the leakguard GitHub App. Flags override the environment:
  --addr ADDR              LEAKGUARD_ADDR (default :8080)
  --app-id N               LEAKGUARD_APP_ID
  --private-key-file FILE  LEAKGUARD_PRIVATE_KEY_FILE (or the PEM in LEAKGUARD_PRIVATE_KEY)
                           LEAKGUARD_WEBHOOK_SECRET (required), LEAKGUARD_WEBHOOK_SECRET_PREVIOUS while rotating
  --github-url URL         LEAKGUARD_GITHUB_URL (default https://api.github.com/; GHES: https://HOST/api/v3/)
  --database-url URL       LEAKGUARD_DATABASE_URL (default DATA_DIR/leakguard.db, embedded SQLite)
  --data-dir DIR           LEAKGUARD_DATA_DIR (default .data): store, git cache of repositories, setup credentials
  --public-url URL         LEAKGUARD_PUBLIC_URL: where GitHub reaches this server (setup flow)
  --workers N              LEAKGUARD_WORKERS (default 2): reviews run at once
  --review-memory SIZE     LEAKGUARD_REVIEW_MEMORY (default 1GiB): memory limit of one review's process
  --review-timeout DUR     LEAKGUARD_REVIEW_TIMEOUT (default 5m): time limit of one review
  --repo-cache-size SIZE   LEAKGUARD_REPO_CACHE_SIZE (default 10GiB): size cap of the git cache
  --metrics-addr ADDR      LEAKGUARD_METRICS_ADDR (default 127.0.0.1:9090, or off): GET /metrics,
                           kept off the public webhook port
  --setup                  serve only the setup page that registers the GitHub App from app.yml
  --replace-app            with --setup: register a new app even though one is stored in the data
                           directory (the old credentials are kept with a .replaced suffix)
Endpoints: POST /webhook, GET /healthz, GET /readyz on --addr; GET /metrics on --metrics-addr;
with --setup, GET /setup.
`

// registerServe adds the `serve` command: the GitHub App.
func registerServe(commands map[string]command) {
	commands["serve"] = runServe
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, serveUsage)
			return 0
		}
	}
	cfg, err := config.LoadServer(args, os.Getenv)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, serveUsage)
			return 0
		}
		fmt.Fprintf(stderr, "leakguard serve: configuration errors:\n  %s\n\n%s", strings.ReplaceAll(err.Error(), "\n", "\n  "), serveUsage)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := app.Run(ctx, cfg, suite.Default(), version()+"/"+suite.RulesetVersion, log); err != nil {
		fmt.Fprintf(stderr, "leakguard serve: %v\n", err)
		return 1
	}
	return 0
}
