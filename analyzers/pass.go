package analyzers

import (
	"context"
	"errors"
	"fmt"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
	"github.com/leakguard/leakguard/config"
)

// Pass is what an analyzer sees of one side of a change.
type Pass struct {
	Analyzer *Analyzer
	Side     source.Side
	// Files are the changed files that exist on this side and are analyzed
	// (binary and excluded files are left out). Paths are this side's paths.
	Files  []*source.File
	Tree   source.Tree
	Config *config.Repo

	ctx  context.Context
	side *sideState
	out  *[]*Finding // nil on a read-only view
	base *Pass       // for a head pass, the view of the base side
}

// Base returns, for a pass over the head, a read-only view of the base side:
// the same analyzer's changed files as they were, and the repository at base
// (Read, Parse, Index, Policy). Regression rules compare the two ("this
// handler checked auth at base"). It returns nil on a base pass. Findings
// cannot be reported through the view.
func (p *Pass) Base() *Pass { return p.base }

// Context is cancelled when the review is abandoned.
func (p *Pass) Context() context.Context { return p.ctx }

// Path is a changed file's path on this pass's side.
func (p *Pass) Path(f *source.File) string { return f.PathAt(p.Side) }

// Read returns any file of the repository on this side; errors wrap
// source.ErrNotExist when it is absent.
func (p *Pass) Read(path string) ([]byte, error) { return p.side.read(p.ctx, path) }

// Exists reports whether a file exists on this side.
func (p *Pass) Exists(path string) bool {
	_, err := p.side.read(p.ctx, path)
	return err == nil
}

// List returns every file of the repository on this side.
func (p *Pass) List() ([]source.Entry, error) { return p.Tree.List(p.ctx) }

// Parse returns the syntax tree of a JavaScript or TypeScript file on this
// side. A file the limits exclude returns a *syntax.SkipError, recorded once
// in the review's skipped list.
func (p *Pass) Parse(path string) (*syntax.File, error) { return p.side.parse(p.ctx, path) }

// Index is the repo-wide JavaScript index of this side (imports resolved
// through tsconfig paths, directives, the import graph), built on first use.
func (p *Pass) Index() (*jsindex.Index, error) { return p.side.index(p.ctx) }

// Changed reports whether a line of a changed file is part of the diff on this side.
func (p *Pass) Changed(f *source.File, line int) bool { return f.Changed(p.Side, line) }

// Report records a finding. Rule must belong to the pass's analyzer.
func (p *Pass) Report(f Finding) {
	if p.out == nil {
		panic(fmt.Sprintf("analyzer %s reported a finding through the read-only base view", p.Analyzer.Name))
	}
	if f.Rule == nil || p.Analyzer.Rule(f.Rule.ID) == nil {
		panic(fmt.Sprintf("analyzer %s reported a finding for a rule it does not declare", p.Analyzer.Name))
	}
	if f.EndLine < f.StartLine {
		f.EndLine = f.StartLine
	}
	*p.out = append(*p.out, &f)
}

// Notice tells the reader something about the review of the head side that
// is not a finding: what could not be analyzed and why (a dynamic SQL block,
// an unparsable file). Notices from the base side are dropped; repeated
// notices are shown once.
func (p *Pass) Notice(format string, args ...any) {
	if p.Side != source.Head {
		return
	}
	msg := fmt.Sprintf(format, args...)
	p.side.mu.Lock()
	defer p.side.mu.Unlock()
	for _, n := range p.side.notices {
		if n == msg {
			return
		}
	}
	p.side.notices = append(p.side.notices, msg)
}

// IsSkip reports whether err says a file was skipped by the parse limits.
func IsSkip(err error) bool {
	var s *syntax.SkipError
	return errors.As(err, &s)
}
