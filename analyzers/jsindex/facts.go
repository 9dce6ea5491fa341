package jsindex

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// FactsVersion changes whenever what Facts holds or how it is computed
// changes; cached facts of another version are ignored.
const FactsVersion = 2

// Facts are what the index keeps of a module for repository-wide questions
// (which modules the browser bundle holds, who imports whom). They depend
// on the module's content and grammar only, so they are cached by blob SHA.
type Facts struct {
	UseClient bool         `json:"c,omitempty"`
	UseServer bool         `json:"s,omitempty"`
	Imports   []ImportFact `json:"i,omitempty"`
}

// ImportForm says how an import takes its target's exports.
type ImportForm uint8

// Import forms.
const (
	FormImport   ImportForm = iota // import … from 's', import 's'
	FormReexport                   // export … from 's'
	FormCall                       // import('s'), require('s')
)

// ImportFact is one dependency of a module, without its syntax tree.
type ImportFact struct {
	Spec     string     `json:"p"`
	TypeOnly bool       `json:"t,omitempty"`
	Form     ImportForm `json:"f,omitempty"`
	// All: the import takes the whole module (namespace and side-effect
	// imports, import() and require(), export * from).
	All bool `json:"a,omitempty"`
	// Names are, for FormImport, the target's export names bound
	// ("default" for a default import); for FormReexport with a clause,
	// the target's names taken, re-exported as As.
	Names []string `json:"n,omitempty"`
	As    []string `json:"as,omitempty"`
	// Namespace is the name of `export * as ns from`.
	Namespace string `json:"ns,omitempty"`
}

// ServerOnly reports whether the module imports "server-only".
func (f *Facts) ServerOnly() bool {
	for _, imp := range f.Imports {
		if imp.Spec == "server-only" {
			return true
		}
	}
	return false
}

// TargetNames says which export names of the import's target a module
// needs when it is itself used for the export names want (nil: all of
// them). The result is nil for every export; an empty set still means the
// target's module-level code runs.
func (imp *ImportFact) TargetNames(want map[string]bool) map[string]bool {
	switch imp.Form {
	case FormReexport:
		switch {
		case imp.Namespace != "":
			if want == nil || want[imp.Namespace] {
				return nil
			}
			return map[string]bool{}
		case imp.All:
			return want // export * from './x': the same names, looked up there
		}
		out := map[string]bool{}
		for i, src := range imp.Names {
			if want == nil || want[imp.As[i]] {
				out[src] = true
			}
		}
		return out
	case FormImport:
		if imp.All {
			return nil
		}
		out := map[string]bool{}
		for _, n := range imp.Names {
			out[n] = true
		}
		return out
	}
	return nil
}

// FactsOf computes a parsed module's facts from its syntax tree.
func FactsOf(f *syntax.File) Facts {
	var out Facts
	for _, d := range f.Directives() {
		switch d {
		case "use client":
			out.UseClient = true
		case "use server":
			out.UseServer = true
		}
	}
	for _, imp := range f.Imports() {
		out.Imports = append(out.Imports, ImportFactOf(f, imp))
	}
	return out
}

// ImportFactOf describes one import of a parsed module.
func ImportFactOf(f *syntax.File, imp syntax.Import) ImportFact {
	fact := ImportFact{Spec: imp.Spec, TypeOnly: imp.TypeOnly, All: true, Form: FormCall}
	n := imp.Node
	if n == nil {
		return fact
	}
	switch n.Type() {
	case "import_statement":
		fact.Form = FormImport
		fact.Names, fact.All = importedExports(f, n)
	case "export_statement":
		fact.Form = FormReexport
		fact.All = false
		for i := 0; i < int(n.NamedChildCount()); i++ {
			switch c := n.NamedChild(i); c.Type() {
			case "namespace_export":
				fact.Namespace = f.Text(c.NamedChild(0))
				return fact
			case "export_clause":
				for j := 0; j < int(c.NamedChildCount()); j++ {
					spec := c.NamedChild(j)
					if spec.Type() != "export_specifier" {
						continue // comments between the names
					}
					src := f.Text(spec.ChildByFieldName("name"))
					as := src
					if a := spec.ChildByFieldName("alias"); a != nil {
						as = f.Text(a)
					}
					fact.Names = append(fact.Names, src)
					fact.As = append(fact.As, as)
				}
				return fact
			}
		}
		fact.All = true // export * from
	}
	return fact
}

// importedExports lists the export names an import statement binds:
// `import a, { b as c }` binds default and b. all is set when it takes the
// whole module (a namespace import, or a side-effect import).
func importedExports(f *syntax.File, n *sitter.Node) (names []string, all bool) {
	var clause *sitter.Node
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); c.Type() == "import_clause" {
			clause = c
		}
	}
	if clause == nil {
		return nil, true // import './side-effect'
	}
	for i := 0; i < int(clause.NamedChildCount()); i++ {
		c := clause.NamedChild(i)
		switch c.Type() {
		case "identifier":
			names = append(names, "default")
		case "namespace_import":
			return nil, true
		case "named_imports":
			for j := 0; j < int(c.NamedChildCount()); j++ {
				if spec := c.NamedChild(j); spec.Type() == "import_specifier" {
					names = append(names, f.Text(spec.ChildByFieldName("name")))
				}
			}
		}
	}
	return names, false
}
