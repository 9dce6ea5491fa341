package syntax

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// Walk visits n and its descendants in source order. Returning false from
// visit skips the node's children. It walks with a cursor, not recursion.
func Walk(n *sitter.Node, visit func(*sitter.Node) bool) {
	if n == nil {
		return
	}
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	for {
		node := c.CurrentNode()
		if visit(node) && c.GoToFirstChild() {
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return
			}
		}
	}
}

// memo caches what is derived from a tree: walking a tree-sitter tree costs
// several cgo calls per node, so it is walked once into a flat list and the
// module facts are computed once.
type memo struct {
	flatOnce sync.Once
	nodes    []*sitter.Node // preorder
	end      []int32        // index just past each node's subtree
	index    map[*sitter.Node]int32
	byType   map[string][]int32

	importsOnce sync.Once
	imports     []Import
	envOnce     sync.Once
	env         []EnvRead
}

func (f *File) flat() *memo {
	m := f.memo
	m.flatOnce.Do(func() {
		m.index = map[*sitter.Node]int32{}
		m.byType = map[string][]int32{}
		c := sitter.NewTreeCursor(f.Root)
		defer c.Close()
		var open []int32 // the current node's ancestors, itself last
		push := func() {
			n := c.CurrentNode()
			i := int32(len(m.nodes))
			m.nodes = append(m.nodes, n)
			m.end = append(m.end, 0)
			m.index[n] = i
			m.byType[n.Type()] = append(m.byType[n.Type()], i)
			open = append(open, i)
		}
		closeTop := func() {
			m.end[open[len(open)-1]] = int32(len(m.nodes))
			open = open[:len(open)-1]
		}
		push()
		for {
			if c.GoToFirstChild() {
				push()
				continue
			}
			for {
				closeTop()
				if c.GoToNextSibling() {
					push()
					break
				}
				if !c.GoToParent() {
					return
				}
			}
		}
	})
	return m
}

// Walk visits n (a node of this file) and its descendants in source order;
// returning false skips the node's children. After the first walk of a
// file, walks run over a cached flat list without cgo calls.
func (f *File) Walk(n *sitter.Node, visit func(*sitter.Node) bool) {
	if n == nil {
		return
	}
	m := f.flat()
	i, ok := m.index[n]
	if !ok {
		Walk(n, visit) // a node from another tree
		return
	}
	for end := m.end[i]; i < end; {
		if visit(m.nodes[i]) {
			i++
		} else {
			i = m.end[i]
		}
	}
}

// Find returns every node of the given types in source order. It is the
// cheap way to visit, say, all call expressions: no tree walk, no cgo.
func (f *File) Find(types ...string) []*sitter.Node {
	m := f.flat()
	var idx []int32
	for _, t := range types {
		idx = append(idx, m.byType[t]...)
	}
	if len(types) > 1 {
		sort.Slice(idx, func(i, j int) bool { return idx[i] < idx[j] })
	}
	out := make([]*sitter.Node, len(idx))
	for i, j := range idx {
		out[i] = m.nodes[j]
	}
	return out
}

// Text is the source text of a node.
func (f *File) Text(n *sitter.Node) string {
	if n == nil {
		return ""
	}
	return n.Content(f.Src)
}

// Line is the 1-based line where a node starts.
func Line(n *sitter.Node) int { return int(n.StartPoint().Row) + 1 }

// EndLine is the 1-based line where a node ends.
func EndLine(n *sitter.Node) int {
	p := n.EndPoint()
	if p.Column == 0 && p.Row > n.StartPoint().Row {
		return int(p.Row)
	}
	return int(p.Row) + 1
}

// StringValue returns the value of a string literal or of a template string
// without substitutions; ok is false for anything else.
func (f *File) StringValue(n *sitter.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "string":
		raw := f.Text(n)
		if len(raw) < 2 {
			return "", false
		}
		body := raw[1 : len(raw)-1]
		if !strings.Contains(body, `\`) {
			return body, true
		}
		if v, err := strconv.Unquote(`"` + strings.ReplaceAll(body, `"`, `\"`) + `"`); err == nil {
			return v, true
		}
		return body, true
	case "template_string":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if n.NamedChild(i).Type() == "template_substitution" {
				return "", false
			}
		}
		raw := f.Text(n)
		return raw[1 : len(raw)-1], true
	}
	return "", false
}

// Directives returns the module's leading directive prologue ('use client',
// 'use server', 'use strict'…).
func (f *File) Directives() []string {
	var out []string
	for i := 0; i < int(f.Root.NamedChildCount()); i++ {
		st := f.Root.NamedChild(i)
		if st.Type() == "comment" || st.Type() == "hash_bang_line" {
			continue
		}
		if st.Type() != "expression_statement" || st.NamedChildCount() != 1 {
			break
		}
		v, ok := f.StringValue(st.NamedChild(0))
		if !ok || st.NamedChild(0).Type() != "string" {
			break
		}
		out = append(out, v)
	}
	return out
}

// HasDirective reports whether the module starts with the given directive.
func (f *File) HasDirective(d string) bool {
	for _, x := range f.Directives() {
		if x == d {
			return true
		}
	}
	return false
}

// Import is one module dependency: a static import, a re-export, a dynamic
// import() or a require().
type Import struct {
	Spec    string
	Line    int
	EndLine int
	// TypeOnly marks imports erased at build time: `import type`, `export
	// type`, and in TypeScript an import none of whose bindings is used as a
	// value (tsc and SWC elide it, so the module is not loaded).
	TypeOnly bool
	Names    []string // local names bound (default, named, namespace)
	Node     *sitter.Node
}

// Imports lists the module's dependencies in source order.
func (f *File) Imports() []Import {
	f.memo.importsOnce.Do(func() { f.memo.imports = f.imports() })
	return f.memo.imports
}

func (f *File) imports() []Import {
	out := f.importList()
	if f.Lang == TS || f.Lang == TSX {
		f.markElided(out)
	}
	return out
}

// markElided sets TypeOnly on TypeScript imports whose bindings are only
// used in type positions (`import { ActionState } from './x'` used as
// `useState<ActionState>`): the compiler drops such imports.
func (f *File) markElided(imps []Import) {
	var values map[string]bool
	for i := range imps {
		imp := &imps[i]
		if imp.TypeOnly || len(imp.Names) == 0 || imp.Node.Type() != "import_statement" {
			continue
		}
		if values == nil {
			values = f.valueNames()
		}
		used := false
		for _, n := range imp.Names {
			used = used || values[n]
		}
		imp.TypeOnly = !used
	}
}

// typeContexts are TypeScript nodes whose subtrees are types, erased at
// build time (`typeof x` and `db.Row` in them included).
var typeContexts = map[string]bool{
	"import_statement": true, "type_annotation": true, "type_arguments": true, "type_parameters": true,
	"type_alias_declaration": true, "interface_declaration": true, "nested_type_identifier": true,
	"implements_clause": true, "type_predicate_annotation": true, "asserts_annotation": true,
	"opting_type_annotation": true, "omitting_type_annotation": true, "ambient_declaration": true,
}

// valueNames lists the identifiers the module uses as values outside its
// import statements and types.
func (f *File) valueNames() map[string]bool {
	names := map[string]bool{}
	f.Walk(f.Root, func(n *sitter.Node) bool {
		switch {
		case typeContexts[n.Type()]:
			return false
		case n.Type() == "identifier" || n.Type() == "shorthand_property_identifier":
			names[f.Text(n)] = true
		}
		return true
	})
	return names
}

func (f *File) importList() []Import {
	var out []Import
	f.Walk(f.Root, func(n *sitter.Node) bool {
		switch n.Type() {
		case "import_statement", "export_statement":
			src := n.ChildByFieldName("source")
			spec, ok := f.StringValue(src)
			if !ok {
				return n.Type() == "export_statement" // exports may hold declarations with requires
			}
			imp := Import{Spec: spec, Line: Line(n), EndLine: EndLine(n), Node: n, TypeOnly: f.typeOnly(n)}
			imp.Names = f.importNames(n)
			out = append(out, imp)
			return false
		case "call_expression":
			fn := n.ChildByFieldName("function")
			args := n.ChildByFieldName("arguments")
			if fn == nil || args == nil || args.NamedChildCount() == 0 {
				return true
			}
			if fn.Type() == "import" || (fn.Type() == "identifier" && f.Text(fn) == "require") {
				if spec, ok := f.StringValue(args.NamedChild(0)); ok {
					out = append(out, Import{Spec: spec, Line: Line(n), EndLine: EndLine(n), Node: n, Names: f.requireNames(n)})
				}
			}
		}
		return true
	})
	return out
}

func (f *File) typeOnly(n *sitter.Node) bool {
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if !c.IsNamed() && c.Type() == "type" {
			return true
		}
		if c.Type() == "import_clause" {
			// `import { type A, type B }`: type-only when every specifier is.
			named := firstOfType(c, "named_imports")
			if named == nil || c.NamedChildCount() != 1 || named.NamedChildCount() == 0 {
				return false
			}
			for j := 0; j < int(named.NamedChildCount()); j++ {
				spec := named.NamedChild(j)
				if spec.Type() != "import_specifier" || !strings.HasPrefix(f.Text(spec), "type ") {
					return false
				}
			}
			return true
		}
	}
	return false
}

func firstOfType(n *sitter.Node, typ string) *sitter.Node {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); c.Type() == typ {
			return c
		}
	}
	return nil
}

func (f *File) importNames(n *sitter.Node) []string {
	var names []string
	clause := firstOfType(n, "import_clause")
	if clause == nil {
		return nil
	}
	f.Walk(clause, func(c *sitter.Node) bool {
		switch c.Type() {
		case "identifier":
			names = append(names, f.Text(c))
		case "import_specifier":
			if alias := c.ChildByFieldName("alias"); alias != nil {
				names = append(names, f.Text(alias))
			} else if name := c.ChildByFieldName("name"); name != nil {
				names = append(names, f.Text(name))
			}
			return false
		}
		return true
	})
	return names
}

// requireNames returns the names bound by `const x = require(...)` or
// `const { a, b } = require(...)`.
func (f *File) requireNames(call *sitter.Node) []string {
	p := call.Parent()
	for p != nil && p.Type() == "await_expression" {
		p = p.Parent()
	}
	if p == nil || p.Type() != "variable_declarator" {
		return nil
	}
	return PatternNames(f, p.ChildByFieldName("name"))
}

// PatternNames lists the identifiers a binding pattern declares.
func PatternNames(f *File, pat *sitter.Node) []string {
	if pat == nil {
		return nil
	}
	if pat.Type() == "identifier" {
		return []string{f.Text(pat)}
	}
	var names []string
	f.Walk(pat, func(c *sitter.Node) bool {
		switch c.Type() {
		case "shorthand_property_identifier_pattern", "identifier":
			names = append(names, f.Text(c))
		case "pair_pattern":
			names = append(names, PatternNames(f, c.ChildByFieldName("value"))...)
			return false
		}
		return true
	})
	return names
}

// EnvRead is one read of an environment variable.
type EnvRead struct {
	Name string
	Line int
	Node *sitter.Node
}

// EnvReads finds process.env.NAME, process.env["NAME"], import.meta.env.NAME,
// Deno.env.get("NAME") and `const { NAME } = process.env`.
func (f *File) EnvReads() []EnvRead {
	f.memo.envOnce.Do(func() { f.memo.env = f.envReads() })
	return f.memo.env
}

func (f *File) envReads() []EnvRead {
	var out []EnvRead
	f.Walk(f.Root, func(n *sitter.Node) bool {
		switch n.Type() {
		case "member_expression", "subscript_expression":
			obj := n.ChildByFieldName("object")
			if obj == nil || !isEnvObject(f.Text(obj)) {
				return true
			}
			var name string
			if n.Type() == "member_expression" {
				name = f.Text(n.ChildByFieldName("property"))
			} else {
				name, _ = f.StringValue(n.ChildByFieldName("index"))
			}
			if name != "" {
				out = append(out, EnvRead{Name: name, Line: Line(n), Node: n})
			}
			return false
		case "variable_declarator":
			val := n.ChildByFieldName("value")
			pat := n.ChildByFieldName("name")
			if val != nil && pat != nil && pat.Type() == "object_pattern" && isEnvObject(f.Text(val)) {
				for _, name := range patternKeys(f, pat) {
					out = append(out, EnvRead{Name: name, Line: Line(n), Node: n})
				}
				return false
			}
		case "call_expression":
			fn := n.ChildByFieldName("function")
			args := n.ChildByFieldName("arguments")
			if fn != nil && args != nil && f.Text(fn) == "Deno.env.get" && args.NamedChildCount() > 0 {
				if name, ok := f.StringValue(args.NamedChild(0)); ok {
					out = append(out, EnvRead{Name: name, Line: Line(n), Node: n})
				}
			}
		}
		return true
	})
	return out
}

func isEnvObject(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	s = strings.TrimPrefix(s, "globalThis.")
	return s == "process.env" || s == "import.meta.env"
}

// patternKeys returns the property keys an object pattern reads.
func patternKeys(f *File, pat *sitter.Node) []string {
	var keys []string
	for i := 0; i < int(pat.NamedChildCount()); i++ {
		c := pat.NamedChild(i)
		switch c.Type() {
		case "shorthand_property_identifier_pattern":
			keys = append(keys, f.Text(c))
		case "pair_pattern", "object_assignment_pattern":
			k := c.ChildByFieldName("key")
			if k == nil {
				k = c.ChildByFieldName("left")
			}
			if k != nil {
				if v, ok := f.StringValue(k); ok {
					keys = append(keys, v)
				} else {
					keys = append(keys, f.Text(k))
				}
			}
		}
	}
	return keys
}
