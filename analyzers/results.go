package analyzers

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// result is an analyzer's per-side result, computed once.
type result struct {
	once  sync.Once
	value any
	err   error
}

// ResultOf returns the result of a required analyzer (one with a Result
// function: the handlers of the changed files, the flow program) for this
// side, computing it on first use; every analyzer of the review, and the
// base view of a head pass, share it. As in go/analysis, an analyzer lists
// what it reads in Requires, and the engine computes those first; an
// analyzer not listed is computed when first asked for.
func (p *Pass) ResultOf(a *Analyzer) (any, error) {
	if a.Result == nil {
		return nil, fmt.Errorf("analyzer %s has no result", a.Name)
	}
	st := p.side
	st.mu.Lock()
	r := st.results[a]
	if r == nil {
		r = &result{}
		st.results[a] = r
	}
	st.mu.Unlock()
	r.once.Do(func() {
		view := &Pass{Analyzer: a, Side: p.Side, Files: p.Files, Tree: p.Tree, Config: p.Config, ctx: p.ctx, side: st}
		if p.Side == source.Head && p.base != nil {
			view.base = &Pass{Analyzer: a, Side: source.Base, Files: p.base.Files, Tree: p.base.Tree, Config: p.Config, ctx: p.ctx, side: p.base.side}
		}
		func() {
			defer func() {
				if rec := recover(); rec != nil {
					r.err = fmt.Errorf("panic: %v\n%s", rec, debug.Stack())
				}
			}()
			r.value, r.err = a.Result(view)
		}()
	})
	return r.value, r.err
}

// requiredBy lists, in dependency order and once each, the analyzers the
// given ones require (transitively).
func requiredBy(as []*Analyzer) []*Analyzer {
	var out []*Analyzer
	seen := map[*Analyzer]bool{}
	var visit func(a *Analyzer)
	visit = func(a *Analyzer) {
		for _, r := range a.Requires {
			if !seen[r] {
				seen[r] = true
				visit(r)
				out = append(out, r)
			}
		}
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// preparse parses the changed JavaScript and TypeScript files of both sides
// on all cores before the analyzers run, and walks each tree once into the
// flat form analyzers read without cgo calls. Each tree is touched by one
// goroutine at a time (tree-sitter trees are not safe for concurrent use);
// the analyzers then read them from the review's goroutine.
func preparse(ctx context.Context, sides [2]*sideState, files [2][]*source.File) {
	type job struct {
		st *sideState
		p  string
	}
	var jobs []job
	seen := map[string]bool{}
	for side, fs := range files {
		for _, f := range fs {
			p := f.PathAt(source.Side(side))
			sha := f.BaseBlob
			if source.Side(side) == source.Head {
				sha = f.HeadBlob
			}
			if _, ok := syntax.LangOf(p); !ok || (sha != "" && seen[sha+p]) {
				continue
			}
			seen[sha+p] = true
			jobs = append(jobs, job{sides[side], p})
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	next := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				// Straight to the cache: a skip is recorded only when an
				// analyzer asks for the file, as without the pre-parse.
				b, err := j.st.readBlob(ctx, j.p)
				if err != nil {
					continue
				}
				f, err := j.st.cache.Parse(ctx, j.p, b.SHA, b.Data)
				if err != nil {
					continue
				}
				f.Imports()
				f.EnvReads()
				f.Find() // the flat walk
			}
		}()
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
}
