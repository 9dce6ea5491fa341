// Command leakguard reviews changes for security regressions: `scan` reviews
// a local git range, `serve` runs the GitHub App, `version` prints the build.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/leakguard/leakguard/analyzers/suite"
)

const usage = `leakguard reviews pull requests for security regressions.

Usage:
  leakguard scan [flags]      review the current change (see leakguard scan --help)
  leakguard serve [flags]     run the GitHub App (see leakguard serve --help)
  leakguard version           print the version (also: leakguard --version)

Exit codes of scan: 0 no blocking new finding, 1 at least one, 2 usage or runtime error.
`

// command is one subcommand; it returns the process exit code.
type command func(ctx context.Context, args []string, stdout, stderr io.Writer) int

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	commands := map[string]command{
		"scan":    runScan,
		"version": runVersion,
		// Hidden: the child process a review of `serve` runs in.
		"review-worker": runReviewWorker,
	}
	registerServe(commands)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "--version", "-version", "-v":
		return runVersion(ctx, nil, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "leakguard: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if mv := bi.Main.Version; mv != "" && mv != "(devel)" {
			return mv // go install …/cmd/leakguard@version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
	}
	return v
}

func runVersion(_ context.Context, _ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "leakguard %s (ruleset %s)\n", version(), suite.RulesetVersion)
	return 0
}
