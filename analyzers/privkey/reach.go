package privkey

import (
	"sort"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// names is the set of export names a module is imported for; nil means any
// (a namespace, side-effect or dynamic import, or the whole module).
type names map[string]bool

func (n names) key() string {
	if n == nil {
		return "*"
	}
	var ks []string
	for k := range n {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

// dependencyNames says which export names of an import's target a module
// needs when it is itself imported for `want`.
func dependencyNames(f *syntax.File, imp jsindex.Import, want names) names {
	fact := jsindex.ImportFactOf(f, imp.Import)
	return fact.TargetNames(want)
}

var functionTypes = map[string]bool{
	"function_declaration": true, "function_expression": true, "function": true, "arrow_function": true,
	"method_definition": true, "generator_function_declaration": true, "generator_function": true,
}

// reachable reports whether an env read runs when a module is imported for
// `want`: reads at module level run on import; a read inside a function runs
// only if that function can be called, so reads in exported functions the
// importer does not import are left out (helpers that are not exported may
// be called by the ones it does).
func reachable(f *syntax.File, read *sitter.Node, want names) bool {
	if want == nil {
		return true
	}
	inFunction := false
	var top *sitter.Node
	for n := read; n != nil && n.Parent() != nil; n = n.Parent() {
		if functionTypes[n.Type()] {
			inFunction = true
		}
		top = n
	}
	if !inFunction || top == nil || top.Type() != "export_statement" {
		return true
	}
	exported := exportedBy(f, top)
	if len(exported) == 0 {
		return true
	}
	for _, e := range exported {
		if want[e] {
			return true
		}
	}
	return false
}

// exportedBy lists the names an `export …` statement declares.
func exportedBy(f *syntax.File, st *sitter.Node) []string {
	for i := 0; i < int(st.ChildCount()); i++ {
		if c := st.Child(i); !c.IsNamed() && c.Type() == "default" {
			return []string{"default"}
		}
	}
	decl := st.ChildByFieldName("declaration")
	if decl == nil {
		return nil
	}
	if name := decl.ChildByFieldName("name"); name != nil {
		return []string{f.Text(name)}
	}
	var out []string
	for i := 0; i < int(decl.NamedChildCount()); i++ {
		if d := decl.NamedChild(i); d.Type() == "variable_declarator" {
			out = append(out, syntax.PatternNames(f, d.ChildByFieldName("name"))...)
		}
	}
	return out
}

// use is what the client bundle uses of a module: every export, or some.
type use struct {
	all     bool
	names   names
	reached bool
}

// namesOrAll is the set of used export names, nil for every export (and for
// a module no client code reaches, whose check does not run).
func (u *use) namesOrAll() names {
	if u == nil || u.all {
		return nil
	}
	return u.names
}

// add merges export names into the use and reports whether it grew.
func (u *use) add(n names) bool {
	if u.all {
		return false
	}
	if n == nil {
		u.all, u.names, u.reached = true, nil, true
		return true
	}
	grew := !u.reached // first reached: its module-level code runs
	u.reached = true
	for k := range n {
		if !u.names[k] {
			u.names[k] = true
			grew = true
		}
	}
	return grew
}

// clientUses works out, for every module of the client bundle, which of its
// exports client code can reach: all of a 'use client' entry, and for each
// module the names its client-side importers import (through re-exports).
func clientUses(idx *jsindex.Index) map[string]*use {
	uses := map[string]*use{}
	var queue []string
	for _, p := range idx.Paths() {
		if c := idx.ClientChain(p); len(c) == 1 {
			uses[p] = &use{all: true}
			queue = append(queue, p)
		}
	}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		fq := idx.Facts(q)
		if fq == nil {
			continue
		}
		for i := range fq.Imports {
			imp := &fq.Imports[i]
			target := idx.Target(q, imp)
			tf := idx.Facts(target)
			if imp.TypeOnly || target == "" || tf == nil || tf.UseServer || tf.ServerOnly() {
				continue
			}
			need := names(imp.TargetNames(uses[q].namesOrAll()))
			u := uses[target]
			if u == nil {
				u = &use{names: names{}}
				uses[target] = u
			}
			if u.add(need) {
				queue = append(queue, target)
			}
		}
	}
	return uses
}
