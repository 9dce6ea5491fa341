package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/checks"
	"github.com/leakguard/leakguard/config"
	"github.com/leakguard/leakguard/review"
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
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: leakguard scan [--repo DIR] [--base REV] [--head REV] [--format text|json|sarif] [--config FILE]\n\n")
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

	res, err := scan(ctx, *repo, *base, *head, *cfgPath, log)
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

func scan(ctx context.Context, repo, base, head, cfgPath string, log *slog.Logger) (*analyzers.Result, error) {
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
	res, _, err := review.Run(ctx, review.Request{Dir: abs, Base: base, Head: head, ConfigFile: cfgPath, Analyzers: suite.Default(), Logger: log})
	if err != nil {
		return nil, err
	}
	if baseNote != "" {
		res.Notices = append(res.Notices, baseNote)
	}
	return res, nil
}
