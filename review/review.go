// Package review is the one review both `leakguard scan` and the GitHub App
// run: open a base..head range of a local git repository (a work tree or the
// App's bare cache), load the repository configuration, run the engine, and
// add the notices a reader needs (configuration problems on the base side, a
// configuration the change itself edits).
package review

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
	"github.com/leakguard/leakguard/config"
)

// Request is one review of a local repository.
type Request struct {
	// Dir is the git repository: a work tree or a bare repository.
	Dir string
	// Base and Head are the revisions of the range (names or SHAs).
	Base, Head string
	// ConfigRev is the revision whose repository configuration applies; ""
	// means Base. The App passes the base branch tip: the configuration
	// comes from the base branch, so a change cannot switch off its own
	// review.
	ConfigRev string
	// ConfigFile, when set, is a configuration file used instead of the
	// repository's (scan --config). Asked for by name, it must be readable
	// and valid: a problem in it is an error, not a notice.
	ConfigFile string
	// Change, when set, is reviewed instead of Dir's Base..Head: scan's
	// uncommitted changes or an audit against the empty tree. The caller
	// closes it.
	Change source.Change
	// ConfigFromHead takes the configuration from the reviewed tree itself:
	// an audit has no base branch whose configuration could be protected.
	ConfigFromHead bool
	Analyzers  []*analyzers.Analyzer
	// Limits bound parsing (zero: syntax.DefaultLimits).
	Limits syntax.Limits
	// Facts, when set, keeps what is known about each file by blob SHA
	// across reviews, so unchanged files are not read again.
	Facts *factstore.Store
	Logger *slog.Logger
}

// Run reviews req's range. The changed files come back with the result: the
// App places inline comments with them.
func Run(ctx context.Context, req Request) (*analyzers.Result, []*source.File, error) {
	ch := req.Change
	if ch == nil {
		g, err := source.OpenGit(ctx, req.Dir, req.Base, req.Head)
		if err != nil {
			return nil, nil, err
		}
		defer g.Close()
		ch = g
	}

	cfg, notices, err := loadConfig(ctx, req, ch)
	if err != nil {
		return nil, nil, err
	}
	eng := &analyzers.Engine{Analyzers: req.Analyzers, Limits: req.Limits, Logger: req.Logger, Facts: req.Facts}
	res, err := eng.Run(ctx, ch, cfg)
	if err != nil {
		return nil, nil, err
	}
	files, err := ch.Files(ctx)
	if err != nil {
		return nil, nil, err
	}
	res.Notices = append(notices, res.Notices...)
	if req.ConfigFile == "" && !req.ConfigFromHead {
		res.Notices = append(res.Notices, headConfigNotices(ctx, ch, files)...)
	}
	return res, files, nil
}

// loadConfig reads the configuration that applies and turns its problems
// into notices (the defaults apply then).
func loadConfig(ctx context.Context, req Request, ch source.Change) (*config.Repo, []string, error) {
	var cfg *config.Repo
	var probs []config.Problem
	where := config.RepoPath + " on the base branch"
	switch {
	case req.ConfigFile != "":
		data, err := os.ReadFile(req.ConfigFile)
		if err != nil {
			return nil, nil, fmt.Errorf("read config: %w", err)
		}
		cfg, probs = config.ParseRepo(data)
		if len(probs) > 0 {
			var lines []string
			for _, p := range probs {
				lines = append(lines, req.ConfigFile+": "+p.String())
			}
			return nil, nil, fmt.Errorf("%s is invalid:\n  %s", req.ConfigFile, strings.Join(lines, "\n  "))
		}
	case req.ConfigFromHead:
		cfg, probs = analyzers.LoadRepoConfig(ctx, ch.Tree(source.Head))
		where = config.RepoPath
	case req.ConfigRev != "" && req.ConfigRev != req.Base:
		t, err := source.OpenGit(ctx, req.Dir, req.ConfigRev, req.ConfigRev)
		if err != nil {
			return nil, nil, fmt.Errorf("configuration revision: %w", err)
		}
		defer t.Close()
		cfg, probs = analyzers.LoadRepoConfig(ctx, t.Tree(source.Head))
	default:
		cfg, probs = analyzers.LoadRepoConfig(ctx, ch.Tree(source.Base))
	}
	var notices []string
	for _, p := range probs {
		notices = append(notices, fmt.Sprintf("%s is invalid, defaults apply: %s", where, p))
	}
	return cfg, notices, nil
}

// headConfigNotices validates a configuration the change itself edits: it
// applies only after merge, but its errors are worth knowing now.
func headConfigNotices(ctx context.Context, ch source.Change, files []*source.File) []string {
	var out []string
	for _, f := range files {
		if (f.Path != config.RepoPath && f.Path != config.RepoPathAlt) || f.Status == source.Deleted {
			continue
		}
		b, err := ch.Tree(source.Head).Read(ctx, f.Path)
		if err != nil {
			out = append(out, fmt.Sprintf("%s as changed here could not be read: %v", f.Path, err))
			continue
		}
		_, probs := config.ParseRepo(b.Data)
		for _, p := range probs {
			out = append(out, fmt.Sprintf("%s as changed here is invalid (it applies after merge): %s", f.Path, p))
		}
		if len(probs) == 0 {
			out = append(out, fmt.Sprintf("%s is changed here; the new settings apply after merge (reviews read the configuration from the base branch)", f.Path))
		}
	}
	return out
}
