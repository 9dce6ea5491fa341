package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/checks"
	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/review"
)

const scanUsage = `Usage: leakguard scan [flags]

Reviews a change of a local git repository like the pull request check does.
By default: the current branch against its merge-base with the default branch,
including uncommitted changes when the working tree is dirty.

  --repo DIR        repository (default .)
  --base REV        base revision (default: merge-base of head with the default branch)
  --head REV        head revision; a commit, so uncommitted changes are left out
  --staged          review the staged changes (the index) instead of the working tree
  --all             audit every file: the base is the empty tree
  --baseline FILE   leave out findings whose fingerprint is in FILE (an earlier JSON or SARIF report)
  --fail-on SEV     blocking threshold: low, medium, high or critical (default: the config's block_on, high)
  --exit-code N     exit status when a new finding blocks (default 1; 0 reports without failing)
  --format FMT      text, json or sarif (default text)
  --output FILE     write the report to FILE instead of stdout
  --config FILE     repository config to use instead of the base branch's .github/leakguard.yml;
                    an unreadable or invalid FILE is an error (exit 2)
  --verbose         log progress to stderr
  --version         print the version and exit

Exit codes: 0 no blocking new finding, 1 (or --exit-code) at least one, 2 usage or runtime error.
`

// scanOptions are the parsed flags of `leakguard scan`.
type scanOptions struct {
	repo, base, head, cfgPath string
	headSet, staged, all      bool
	format, output, baseline  string
	failOn                    string
	exitCode                  int
}

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o scanOptions
	fs.StringVar(&o.repo, "repo", ".", "git repository to review")
	fs.StringVar(&o.base, "base", "", "base revision (default: merge-base of head with the default branch)")
	fs.StringVar(&o.head, "head", "HEAD", "head revision (a commit: uncommitted changes are left out)")
	fs.BoolVar(&o.staged, "staged", false, "review the staged changes instead of the working tree")
	fs.BoolVar(&o.all, "all", false, "audit every file (the base is the empty tree)")
	fs.StringVar(&o.baseline, "baseline", "", "earlier JSON or SARIF report whose findings are left out")
	fs.StringVar(&o.failOn, "fail-on", "", "blocking threshold: low, medium, high or critical")
	fs.IntVar(&o.exitCode, "exit-code", 1, "exit status when a new finding blocks")
	fs.StringVar(&o.format, "format", "text", "output format: text, json or sarif")
	fs.StringVar(&o.output, "output", "", "write the report to this file instead of stdout")
	fs.StringVar(&o.cfgPath, "config", "", "repository config file to use instead of the base branch's "+config.RepoPath)
	verbose := fs.Bool("verbose", false, "log progress to stderr")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { fmt.Fprint(stderr, scanUsage) }
	noCache := fs.Bool("no-cache", false, "do not read or write the facts cache (leakguard under the user cache directory)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		return runVersion(ctx, nil, stdout, stderr)
	}
	fs.Visit(func(f *flag.Flag) { o.headSet = o.headSet || f.Name == "head" })
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "leakguard scan: "+format+"\n", a...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usageErr("unexpected argument %q", fs.Arg(0))
	case o.format != "text" && o.format != "json" && o.format != "sarif":
		return usageErr("unknown format %q (want text, json or sarif)", o.format)
	case o.staged && o.headSet:
		return usageErr("--staged reviews the index: it cannot be combined with --head")
	case o.all && o.base != "":
		return usageErr("--all reviews every file against the empty tree: it cannot be combined with --base")
	case o.exitCode < 0 || o.exitCode > 125:
		return usageErr("--exit-code %d: want 0 to 125", o.exitCode)
	}
	var failOn analyzers.Severity
	if o.failOn != "" {
		var err error
		if failOn, err = analyzers.ParseSeverity(o.failOn); err != nil {
			return usageErr("--fail-on: %v", err)
		}
	}
	var baseline checks.Baseline
	if o.baseline != "" {
		data, err := os.ReadFile(o.baseline)
		if err != nil {
			return usageErr("--baseline: %v", err)
		}
		if baseline, err = checks.ReadBaseline(data); err != nil {
			return usageErr("--baseline %s: %v", o.baseline, err)
		}
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	var store *factstore.Store
	if !*noCache {
		store = openFactsCache(log)
	}
	prog := newProgress(stderr)
	res, err := scan(ctx, o, store, log, prog)
	prog.finish()
	if err != nil {
		fmt.Fprintf(stderr, "leakguard scan: %v\n", err)
		return 2
	}
	if o.failOn != "" {
		res.BlockOn = failOn
	}
	if baseline != nil {
		if n := baseline.Apply(res); n > 0 {
			res.Notices = append(res.Notices, fmt.Sprintf("%d finding(s) already in the baseline %s are not shown", n, o.baseline))
		}
	}
	if o.format != "text" { // text shows notices inline; keep machine output clean
		for _, n := range res.Notices {
			fmt.Fprintf(stderr, "leakguard: note: %s\n", n)
		}
	}
	if err := writeReport(o, res, stdout); err != nil {
		fmt.Fprintf(stderr, "leakguard scan: write output: %v\n", err)
		return 2
	}
	if res.Fails() {
		return o.exitCode
	}
	return 0
}

// openFactsCache opens the facts cache under the user cache directory; a
// cache that cannot be opened only costs time, so the scan goes on without.
func openFactsCache(log *slog.Logger) *factstore.Store {
	dir, err := factstore.DefaultDir()
	if err == nil {
		var store *factstore.Store
		if store, err = factstore.Open(dir, 0); err == nil {
			return store
		}
	}
	log.Warn("facts cache unavailable; every file is read", "err", err)
	return nil
}

// writeReport writes the report in the chosen format to --output or stdout.
func writeReport(o scanOptions, res *analyzers.Result, stdout io.Writer) (err error) {
	w := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		w = f
	}
	switch o.format {
	case "json":
		return checks.WriteJSON(w, res)
	case "sarif":
		return checks.WriteSARIF(w, res, suite.Rules(), version())
	}
	return checks.WriteText(w, res)
}

// openRepo checks that dir is a git checkout and returns its top level, so
// the errors name the real problem instead of a failed revision lookup.
func openRepo(ctx context.Context, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("--repo %s: no such directory", dir)
	} else if err != nil {
		return "", fmt.Errorf("--repo %s: %w", dir, err)
	} else if !fi.IsDir() {
		return "", fmt.Errorf("--repo %s: not a directory", dir)
	}
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel")
	cmd.Dir = abs
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", errors.New("git is not installed (leakguard scan reads the repository with git)")
		}
		return "", fmt.Errorf("%s is not in a git repository: run leakguard scan inside a checkout of your project, or pass --repo DIR", abs)
	}
	return strings.TrimSpace(string(out)), nil
}

func scan(ctx context.Context, o scanOptions, store *factstore.Store, log *slog.Logger, prog *progress) (*analyzers.Result, error) {
	repo, err := openRepo(ctx, o.repo)
	if err != nil {
		return nil, err
	}
	prog.set("reading the repository")
	_, noCommits := source.ResolveCommit(ctx, repo, "HEAD")
	var what source.Uncommitted
	switch {
	case o.staged:
		what = source.Staged
	case !o.headSet:
		dirty, err := source.Dirty(ctx, repo)
		if err != nil {
			return nil, err
		}
		if dirty {
			what = source.WorkingTree
		}
	}
	if noCommits != nil && (o.headSet || what == 0) {
		if o.headSet {
			return nil, fmt.Errorf("--head %s: %w", o.head, noCommits)
		}
		return nil, fmt.Errorf("%s has no commits and no files to review yet", repo)
	}

	var base string
	var notices []string
	switch {
	case o.all || noCommits != nil:
		if base, err = source.EmptyTree(ctx, repo); err != nil {
			return nil, err
		}
	default:
		if base, notices, err = source.FindBase(ctx, repo, o.base, o.head, what != 0, prog.note); err != nil {
			return nil, err
		}
	}

	var ch interface {
		source.Change
		Close() error
	}
	if what != 0 {
		prog.set("reading the " + what.String())
		ch, err = source.OpenUncommitted(ctx, repo, base, what)
	} else {
		ch, err = source.OpenTrees(ctx, repo, base, o.head)
	}
	if err != nil {
		return nil, err
	}
	defer ch.Close()
	files, err := ch.Files(ctx)
	if err != nil {
		return nil, err
	}

	prog.set(fmt.Sprintf("analyzing %d changed files", len(files)))
	res, _, err := review.Run(ctx, review.Request{Change: ch, ConfigFile: o.cfgPath, ConfigFromHead: o.all || noCommits != nil,
		Analyzers: suite.Default(), Logger: log, Facts: store})
	if err != nil {
		if o.cfgPath != "" && strings.HasPrefix(err.Error(), o.cfgPath) {
			return nil, fmt.Errorf("--config %w", err)
		}
		return nil, err
	}
	res.Notices = append(res.Notices, notices...)
	if what != 0 {
		res.Uncommitted = what.String()
		res.Head = ""
		if noCommits == nil {
			res.Head, _ = source.ResolveCommit(ctx, repo, "HEAD")
		}
	}
	return res, nil
}
