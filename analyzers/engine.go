package analyzers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
	"github.com/leakguard/leakguard/config"
)

// Engine runs analyzers over a change.
type Engine struct {
	Analyzers []*Analyzer
	Limits    syntax.Limits
	Logger    *slog.Logger
	// Facts keeps per-file facts across reviews (nil: computed anew for
	// each review). Findings are the same with and without it.
	Facts *factstore.Store
}

// Skipped is a file the review did not analyze, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Suppressed is a finding silenced by a `leakguard-ignore` comment.
type Suppressed struct {
	Finding *Finding
	Line    int    // line of the comment
	Reason  string // the reason the comment gives
}

// Stats describe the size and cost of a review.
type Stats struct {
	FilesChanged  int   `json:"files_changed"`
	FilesAnalyzed int   `json:"files_analyzed"`
	DurationMS    int64 `json:"duration_ms"`
}

// Result is the outcome of a review.
type Result struct {
	Base, Head string
	// Findings are sorted: new first, then existing, then fixed; within each by
	// severity (highest first), path and line.
	Findings   []*Finding
	Suppressed []Suppressed
	Skipped    []Skipped
	// Notices are things the reader should know: configuration errors,
	// suppressions without a reason, an incomplete file list.
	Notices []string
	// Uncommitted names the uncommitted work head stands for ("working
	// tree", "staged changes"); "" when head is a commit.
	Uncommitted string
	BlockOn     Severity
	WarnOnly    bool
	Stats       Stats
}

// Blocking returns the new findings at or above the blocking threshold.
func (r *Result) Blocking() []*Finding {
	var out []*Finding
	for _, f := range r.Findings {
		if f.Status == StatusNew && f.Severity >= r.BlockOn {
			out = append(out, f)
		}
	}
	return out
}

// Fails reports whether the review should fail the check.
func (r *Result) Fails() bool { return !r.WarnOnly && len(r.Blocking()) > 0 }

// LoadRepoConfig reads the repository configuration from a tree (the base
// of a change, so a pull request cannot switch off its own review). Problems
// come back with their lines; the defaults apply then.
func LoadRepoConfig(ctx context.Context, t source.Tree) (*config.Repo, []config.Problem) {
	for _, p := range []string{config.RepoPath, config.RepoPathAlt} {
		b, err := t.Read(ctx, p)
		if errors.Is(err, source.ErrNotExist) {
			continue
		}
		if err != nil {
			return config.Default(), []config.Problem{{Message: fmt.Sprintf("read %s: %v", p, err)}}
		}
		return config.ParseRepo(b.Data)
	}
	return config.Default(), nil
}

// Run reviews a change. An analyzer that fails or panics fails the review: a
// security check must not pass because part of it did not run.
func (e *Engine) Run(ctx context.Context, ch source.Change, cfg *config.Repo) (*Result, error) {
	start := time.Now()
	if cfg == nil {
		cfg = config.Default()
	}
	log := e.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	limits := e.Limits
	if limits.MaxBytes == 0 {
		limits = syntax.DefaultLimits
	}
	files, err := ch.Files(ctx)
	if err != nil {
		return nil, fmt.Errorf("read change: %w", err)
	}
	res := &Result{Base: ch.Tree(source.Base).Rev(), Head: ch.Tree(source.Head).Rev(), WarnOnly: cfg.WarnOnly}
	res.BlockOn, err = ParseSeverity(cfg.BlockOn)
	if err != nil {
		res.BlockOn = High
	}
	if t := ch.Truncated(); t != "" {
		res.Notices = append(res.Notices, t)
	}
	for id := range cfg.Rules {
		if !e.knownRuleOrCategory(id) {
			res.Notices = append(res.Notices, fmt.Sprintf("%s: rules: %q is not a rule id or category; ignored", config.RepoPath, id))
		}
	}

	cache := syntax.NewCache(limits)
	defer cache.Close()
	facts := newFactsCache(e.Facts, cache)
	if e.Facts != nil {
		defer func() {
			if err := e.Facts.Flush(); err != nil {
				log.Warn("write facts cache", "dir", e.Facts.Dir(), "err", err)
			}
		}()
	}
	var analyzed []*source.File
	analyzedSet := map[string]bool{}
	for _, f := range files {
		switch {
		case f.Binary:
			res.Skipped = append(res.Skipped, Skipped{f.Path, "binary file"})
		case !cfg.Analyzed(f.Path):
			res.Skipped = append(res.Skipped, Skipped{f.Path, "excluded by paths in " + config.RepoPath})
		default:
			analyzed = append(analyzed, f)
			analyzedSet[f.Path] = true
		}
	}
	res.Stats.FilesChanged = len(files)
	res.Stats.FilesAnalyzed = len(analyzed)

	sides := [2]*sideState{}
	var found [2][]*Finding
	var sideFiles [2][]*source.File
	for _, side := range []source.Side{source.Base, source.Head} {
		sides[side] = &sideState{tree: ch.Tree(side), cache: cache, facts: facts, blobs: map[string]*blobEntry{}, skipped: map[string]string{}, results: map[*Analyzer]*result{}}
		for _, f := range analyzed {
			if f.ExistsAt(side) {
				sideFiles[side] = append(sideFiles[side], f)
			}
		}
	}
	preparse(ctx, sides, sideFiles)
	for _, side := range []source.Side{source.Base, source.Head} {
		if len(sideFiles[side]) == 0 {
			continue
		}
		for _, a := range requiredBy(e.Analyzers) {
			t0 := time.Now()
			view := &Pass{Analyzer: a, Side: side, Files: sideFiles[side], Tree: sides[side].tree, Config: cfg, ctx: ctx, side: sides[side]}
			if side == source.Head {
				st := sides[source.Base]
				view.base = &Pass{Analyzer: a, Side: source.Base, Files: sideFiles[source.Base], Tree: st.tree, Config: cfg, ctx: ctx, side: st}
			}
			if _, err := view.ResultOf(a); err != nil {
				return nil, fmt.Errorf("analyzer %s on %s: %w", a.Name, side, err)
			}
			log.Debug("result computed", "analyzer", a.Name, "side", side.String(), "duration_ms", time.Since(t0).Milliseconds())
		}
		for _, a := range e.Analyzers {
			pass := &Pass{Analyzer: a, Side: side, Files: sideFiles[side], Tree: sides[side].tree, Config: cfg, ctx: ctx, side: sides[side], out: &found[side]}
			if side == source.Head {
				st := sides[source.Base]
				pass.base = &Pass{Analyzer: a, Side: source.Base, Files: sideFiles[source.Base], Tree: st.tree, Config: cfg, ctx: ctx, side: st}
			}
			t0 := time.Now()
			if err := runAnalyzer(a, pass); err != nil {
				return nil, fmt.Errorf("analyzer %s on %s: %w", a.Name, side, err)
			}
			log.Debug("analyzer done", "analyzer", a.Name, "side", side.String(), "duration_ms", time.Since(t0).Milliseconds())
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	res.Notices = append(res.Notices, sides[source.Head].notices...)
	for p, reason := range sides[source.Head].skippedFor(analyzedSet) {
		res.Skipped = append(res.Skipped, Skipped{p, reason})
	}
	sort.Slice(res.Skipped, func(i, j int) bool { return res.Skipped[i].Path < res.Skipped[j].Path })

	renamed := map[string]string{} // base path -> head path
	for _, f := range files {
		if f.Status == source.Renamed {
			renamed[f.OldPath] = f.Path
		}
	}
	base := e.finish(ctx, found[source.Base], sides[source.Base], cfg, renamed)
	head := e.finish(ctx, found[source.Head], sides[source.Head], cfg, nil)

	baseByFP := map[string]*Finding{}
	for _, f := range base {
		baseByFP[f.Fingerprint] = f
	}
	headFP := map[string]bool{}
	for _, f := range head {
		headFP[f.Fingerprint] = true
		if _, ok := baseByFP[f.Fingerprint]; ok {
			f.Status = StatusExisting
		} else {
			f.Status = StatusNew
		}
	}
	var fixed []*Finding
	for _, f := range base {
		if !headFP[f.Fingerprint] {
			f.Status = StatusFixed
			fixed = append(fixed, f)
		}
	}
	// Suppressions live in the head code; they apply to what head still has.
	var kept []*Finding
	for _, f := range head {
		if s, ok := sides[source.Head].suppression(ctx, f); ok {
			if s.Reason == "" {
				res.Notices = append(res.Notices, fmt.Sprintf("%s:%d: `leakguard-ignore %s` has no reason, so it does not apply; write `leakguard-ignore %s: <why this is safe>`", f.Path, s.Line, f.Rule.ID, f.Rule.ID))
			} else {
				res.Suppressed = append(res.Suppressed, s)
				continue
			}
		}
		kept = append(kept, f)
	}
	res.Findings = append(kept, fixed...)
	sortFindings(res.Findings)
	res.Stats.DurationMS = time.Since(start).Milliseconds()
	log.Debug("review done", "base", res.Base, "head", res.Head, "findings", len(res.Findings), "duration_ms", res.Stats.DurationMS)
	return res, nil
}

func runAnalyzer(a *Analyzer, p *Pass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	if a.Run == nil {
		return nil // computes a shared result only
	}
	return a.Run(p)
}

func (e *Engine) knownRuleOrCategory(id string) bool {
	for _, c := range Categories {
		if string(c) == id {
			return true
		}
	}
	for _, a := range e.Analyzers {
		if a.Rule(id) != nil {
			return true
		}
	}
	return false
}

// finish applies the configuration, sets severities, fingerprints and excerpts.
func (e *Engine) finish(ctx context.Context, fs []*Finding, st *sideState, cfg *config.Repo, renamed map[string]string) []*Finding {
	var out []*Finding
	seen := map[string]int{}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Path != fs[j].Path {
			return fs[i].Path < fs[j].Path
		}
		return fs[i].StartLine < fs[j].StartLine
	})
	// Every secret reported in a file is masked in every excerpt of that file.
	secretsByPath := map[string][]string{}
	for _, f := range fs {
		secretsByPath[f.Path] = append(secretsByPath[f.Path], f.Secrets...)
	}
	for _, f := range fs {
		if f.Severity == 0 {
			f.Severity = f.Rule.Severity
		}
		switch setting := cfg.RuleSetting(f.Rule.ID, string(f.Rule.Category)); setting {
		case "":
		case "off":
			continue
		default:
			if sev, err := ParseSeverity(setting); err == nil {
				f.Severity = sev
			}
		}
		if st != nil {
			f.Excerpt, f.ExcerptStart = st.excerpt(ctx, f.Path, f.StartLine, f.EndLine, secretsByPath[f.Path])
		}
		key := f.Key
		if key == "" {
			key = strings.Join(f.Excerpt, "\n")
		}
		fpPath := f.Path
		if newPath, ok := renamed[f.Path]; ok {
			fpPath = newPath
		}
		k := f.Rule.ID + "\x00" + fpPath + "\x00" + normalizeKey(key)
		f.Fingerprint = fingerprint(f.Rule.ID, fpPath, key, seen[k])
		seen[k]++
		f.ID = shortID(f.Fingerprint)
		f.Message = RedactIn(f.Message, f.Secrets)
		f.Fix = RedactIn(f.Fix, f.Secrets)
		out = append(out, f)
	}
	return out
}

func sortFindings(fs []*Finding) {
	rank := map[Status]int{StatusNew: 0, StatusExisting: 1, StatusFixed: 2}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.StartLine != b.StartLine {
			return a.StartLine < b.StartLine
		}
		return a.Rule.ID < b.Rule.ID
	})
}

// sideState holds what is shared by every pass over one side.
type sideState struct {
	tree  source.Tree
	cache *syntax.Cache
	facts *factsCache

	mu      sync.Mutex
	blobs   map[string]*blobEntry
	skipped map[string]string
	notices []string
	idx     *jsindex.Index
	idxErr  error
	idxDone bool
	policy  policyCache
	results map[*Analyzer]*result
}

type blobEntry struct {
	blob source.Blob
	err  error
}

func (s *sideState) readBlob(ctx context.Context, p string) (source.Blob, error) {
	s.mu.Lock()
	e, ok := s.blobs[p]
	s.mu.Unlock()
	if ok {
		return e.blob, e.err
	}
	b, err := s.tree.Read(ctx, p)
	s.mu.Lock()
	s.blobs[p] = &blobEntry{b, err}
	s.mu.Unlock()
	return b, err
}

func (s *sideState) read(ctx context.Context, p string) ([]byte, error) {
	b, err := s.readBlob(ctx, p)
	return b.Data, err
}

func (s *sideState) parse(ctx context.Context, p string) (*syntax.File, error) {
	b, err := s.readBlob(ctx, p)
	if err != nil {
		return nil, err
	}
	f, err := s.cache.Parse(ctx, p, b.SHA, b.Data)
	var skip *syntax.SkipError
	if errors.As(err, &skip) {
		s.mu.Lock()
		s.skipped[p] = skip.Reason
		s.mu.Unlock()
	}
	return f, err
}

func (s *sideState) index(ctx context.Context) (*jsindex.Index, error) {
	s.mu.Lock()
	done := s.idxDone
	s.mu.Unlock()
	if !done {
		idx, err := jsindex.New(ctx, indexReader{s})
		s.mu.Lock()
		s.idx, s.idxErr, s.idxDone = idx, err, true
		s.mu.Unlock()
	}
	return s.idx, s.idxErr
}

// skippedFor returns parse skips of the analyzed changed files.
func (s *sideState) skippedFor(changed map[string]bool) map[string]string {
	out := map[string]string{}
	s.mu.Lock()
	defer s.mu.Unlock()
	for p, r := range s.skipped {
		if changed[p] && r != "not JavaScript or TypeScript" {
			out[p] = r
		}
	}
	return out
}

type indexReader struct{ s *sideState }

func (r indexReader) List(ctx context.Context) ([]source.Entry, error) { return r.s.tree.List(ctx) }
func (r indexReader) Read(ctx context.Context, p string) ([]byte, error) {
	return r.s.read(ctx, p)
}
func (r indexReader) Parse(ctx context.Context, p string) (*syntax.File, error) {
	return r.s.parse(ctx, p)
}
func (r indexReader) Facts(ctx context.Context, files []source.Entry) []*jsindex.Facts {
	return r.s.facts.facts(ctx, r.s.tree, files)
}

// lines returns a file's lines on this side (nil when unreadable).
func (s *sideState) lines(ctx context.Context, p string) [][]byte {
	data, err := s.read(ctx, p)
	if err != nil {
		return nil
	}
	return bytes.Split(data, []byte("\n"))
}

const maxExcerptLines = 6

func (s *sideState) excerpt(ctx context.Context, p string, start, end int, secrets []string) ([]string, int) {
	ls := s.lines(ctx, p)
	if start < 1 || start > len(ls) {
		return nil, 0
	}
	if end > len(ls) {
		end = len(ls)
	}
	if end-start+1 > maxExcerptLines {
		end = start + maxExcerptLines - 1
	}
	var out []string
	for i := start; i <= end; i++ {
		out = append(out, MaskTokens(RedactIn(strings.TrimRight(string(ls[i-1]), "\r"), secrets)))
	}
	return out, start
}
