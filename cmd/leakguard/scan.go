package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/checks"
	"github.com/leakguard/leakguard/config"
)

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	repo := fs.String("repo", ".", "git repository to review")
	base := fs.String("base", "", "base revision (default: merge-base of head with the default branch)")
	head := fs.String("head", "HEAD", "head revision")
	format := fs.String("format", "text", "output format: text, json or sarif")
	cfgPath := fs.String("config", "", "repository config file to use instead of the base branch's "+config.RepoPath)
	verbose := fs.Bool("verbose", false, "log progress to stderr")
	noCache := fs.Bool("no-cache", false, "do not read or write the facts cache (leakguard under the user cache directory)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: leakguard scan [--repo DIR] [--base REV] [--head REV] [--format text|json|sarif] [--config FILE] [--no-cache]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "leakguard scan: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "leakguard scan: unknown format %q (want text, json or sarif)\n", *format)
		return 2
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
	res, err := scan(ctx, *repo, *base, *head, *cfgPath, store, log)
	if err != nil {
		fmt.Fprintf(stderr, "leakguard scan: %v\n", err)
		return 2
	}
	if *format != "text" { // text shows notices inline; keep machine output clean
		for _, n := range res.Notices {
			fmt.Fprintf(stderr, "leakguard: note: %s\n", n)
		}
	}
	switch *format {
	case "json":
		err = checks.WriteJSON(stdout, res)
	case "sarif":
		err = checks.WriteSARIF(stdout, res, suite.Rules(), version())
	default:
		err = checks.WriteText(stdout, res)
	}
	if err != nil {
		fmt.Fprintf(stderr, "leakguard scan: write output: %v\n", err)
		return 2
	}
	if res.Fails() {
		return 1
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

func scan(ctx context.Context, repo, base, head, cfgPath string, store *factstore.Store, log *slog.Logger) (*analyzers.Result, error) {
	abs, err := filepath.Abs(repo)
	if err != nil {
		return nil, err
	}
	var baseNote string
	if base == "" {
		base, baseNote, err = source.DefaultBase(ctx, abs, head)
		if err != nil {
			return nil, err
		}
	}
	ch, err := source.OpenGit(ctx, abs, base, head)
	if err != nil {
		return nil, err
	}
	defer ch.Close()

	var cfg *config.Repo
	var probs []config.Problem
	where := config.RepoPath + " on the base branch"
	if cfgPath != "" {
		data, err := os.ReadFile(cfgPath)
		if err != nil {
			return nil, fmt.Errorf("read config: %w", err)
		}
		cfg, probs = config.ParseRepo(data)
		where = cfgPath
	} else {
		cfg, probs = analyzers.LoadRepoConfig(ctx, ch.Tree(source.Base))
	}
	eng := &analyzers.Engine{Analyzers: suite.Default(), Logger: log, Facts: store}
	res, err := eng.Run(ctx, ch, cfg)
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		res.Notices = append([]string{fmt.Sprintf("%s is invalid, defaults apply: %s", where, p)}, res.Notices...)
	}
	if cfgPath == "" {
		res.Notices = append(res.Notices, headConfigProblems(ctx, ch)...)
	}
	if baseNote != "" {
		res.Notices = append(res.Notices, baseNote)
	}
	return res, nil
}

// headConfigProblems validates a configuration the change itself edits: it
// applies only after merge, but errors are worth knowing now.
func headConfigProblems(ctx context.Context, ch source.Change) []string {
	files, err := ch.Files(ctx)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range files {
		if (f.Path != config.RepoPath && f.Path != config.RepoPathAlt) || f.Status == source.Deleted {
			continue
		}
		b, err := ch.Tree(source.Head).Read(ctx, f.Path)
		if err != nil {
			continue
		}
		_, probs := config.ParseRepo(b.Data)
		for _, p := range probs {
			out = append(out, fmt.Sprintf("%s as changed here is invalid (it applies after merge): %s", f.Path, p))
		}
		if len(probs) == 0 {
			out = append(out, fmt.Sprintf("%s is changed here; the new settings apply after merge", f.Path))
		}
	}
	return out
}
