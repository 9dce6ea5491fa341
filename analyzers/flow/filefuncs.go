package flow

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// FileFuncs analyzes the functions of one file on demand, each once, and
// each as the entry point it is when the file declares it as one (so a route
// handler's parameters carry the request labels).
type FileFuncs struct {
	prog    *Program
	file    *syntax.File
	entries []jsindex.Entry
	done    map[*sitter.Node]*Func
}

// Funcs returns the memo of function analyses for a file whose entry points
// are entries (jsindex.Entries of the file).
func (p *Program) Funcs(f *syntax.File, entries []jsindex.Entry) *FileFuncs {
	return &FileFuncs{prog: p, file: f, entries: entries, done: map[*sitter.Node]*Func{}}
}

// Of returns the analysis of fn, or nil for a nil function.
func (ff *FileFuncs) Of(fn *sitter.Node) *Func {
	if fn == nil {
		return nil
	}
	if fa, ok := ff.done[fn]; ok {
		return fa
	}
	var entry *jsindex.Entry
	for i := range ff.entries {
		if e := &ff.entries[i]; e.Func != nil && e.Func.StartByte() == fn.StartByte() && e.Func.EndByte() == fn.EndByte() {
			entry = e
		}
	}
	fa := ff.prog.Analyze(ff.file, fn, entry)
	ff.done[fn] = fa
	return fa
}
