package syntax

import (
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Node queries shared by the analyzers: the shapes of calls, functions,
// bindings and literals that every rule family asks about.

// Unwrap strips the wrappers that do not change a value: await, parentheses,
// TypeScript non-null and type assertions.
func Unwrap(n *sitter.Node) *sitter.Node {
	for n != nil {
		switch n.Type() {
		case "await_expression", "parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression":
			if n.NamedChildCount() == 0 {
				return n
			}
			n = n.NamedChild(0)
		default:
			return n
		}
	}
	return n
}

// Compact is a node's text without whitespace and with optional chaining
// read as plain member access, for comparing callee shapes.
func (f *File) Compact(n *sitter.Node) string {
	s := strings.Join(strings.Fields(f.Text(n)), "")
	return strings.ReplaceAll(s, "?.", ".")
}

// Callee returns the compact text of a call's function, or "".
func (f *File) Callee(call *sitter.Node) string {
	if call == nil || call.Type() != "call_expression" {
		return ""
	}
	fn := call.ChildByFieldName("function")
	// tree-sitter's TypeScript grammar reads `await f<T>(x)` as a call whose
	// function is `await f`: look through the await.
	if fn != nil && fn.Type() == "await_expression" && fn.NamedChildCount() > 0 {
		fn = fn.NamedChild(0)
	}
	return f.Compact(fn)
}

// LastName is the last segment of a dotted callee: "stripe.webhooks.constructEvent" → "constructEvent".
func LastName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Args returns a call's argument nodes.
func Args(call *sitter.Node) []*sitter.Node {
	a := call.ChildByFieldName("arguments")
	if a == nil {
		return nil
	}
	out := make([]*sitter.Node, 0, a.NamedChildCount())
	for i := 0; i < int(a.NamedChildCount()); i++ {
		if c := a.NamedChild(i); c.Type() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// IsFunc reports function-like nodes: declarations, expressions, arrows, methods.
func IsFunc(n *sitter.Node) bool {
	switch n.Type() {
	case "function_declaration", "function_expression", "function", "arrow_function", "method_definition",
		"generator_function_declaration", "generator_function":
		return true
	}
	return false
}

// EnclosingFunc is the nearest function around n, or nil at module level.
func EnclosingFunc(n *sitter.Node) *sitter.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if IsFunc(p) {
			return p
		}
	}
	return nil
}

// OuterFunc is the outermost function around n (the route handler, for a
// callback nested in it), or nil at module level.
func OuterFunc(n *sitter.Node) *sitter.Node {
	var out *sitter.Node
	for p := n.Parent(); p != nil; p = p.Parent() {
		if IsFunc(p) {
			out = p
		}
	}
	return out
}

// Within reports whether n lies inside outer (or is outer).
func Within(n, outer *sitter.Node) bool {
	return n != nil && outer != nil && n.StartByte() >= outer.StartByte() && n.EndByte() <= outer.EndByte()
}

// FuncName names a function: its declared name, the variable or property it
// is assigned to, or "default"/"handler".
func (f *File) FuncName(fn *sitter.Node) string {
	if fn == nil {
		return "module"
	}
	if n := fn.ChildByFieldName("name"); n != nil {
		return f.Text(n)
	}
	for p := fn.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "variable_declarator":
			return f.Text(p.ChildByFieldName("name"))
		case "pair":
			return f.Text(p.ChildByFieldName("key"))
		case "export_statement":
			return "default"
		case "call_expression":
			// app.post('/webhook', handler) or withAuth(handler): name by the call.
			c := f.Callee(p)
			if as := Args(p); len(as) > 0 {
				if s, ok := f.StringValue(as[0]); ok {
					return c + " " + s
				}
			}
			continue
		case "statement_block", "program":
			return "handler"
		}
	}
	return "handler"
}

// Binding is one value given to a name: `const x = v`, `x = v`, or a
// destructured `const { prop: x } = v`.
type Binding struct {
	Value *sitter.Node // the right-hand side
	Prop  string       // the destructured key, "" for the whole value
	At    *sitter.Node // the declarator or assignment
}

// BindingsIn collects the bindings of every name declared or assigned in scope.
func (f *File) BindingsIn(scope *sitter.Node) map[string][]Binding {
	out := map[string][]Binding{}
	f.Walk(scope, func(n *sitter.Node) bool {
		switch n.Type() {
		case "variable_declarator":
			name, val := n.ChildByFieldName("name"), n.ChildByFieldName("value")
			if name == nil || val == nil {
				return true
			}
			switch name.Type() {
			case "identifier":
				out[f.Text(name)] = append(out[f.Text(name)], Binding{Value: val, At: n})
			case "object_pattern", "array_pattern":
				f.bindPattern(name, val, n, out)
			}
		case "assignment_expression":
			l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
			if l != nil && r != nil && l.Type() == "identifier" {
				out[f.Text(l)] = append(out[f.Text(l)], Binding{Value: r, At: n})
			}
		}
		return true
	})
	return out
}

// bindPattern records the names a destructuring pattern binds; prop is the
// innermost key read (`const { data: { user } } = v` binds user with prop user).
func (f *File) bindPattern(pat, val, at *sitter.Node, out map[string][]Binding) {
	for i := 0; i < int(pat.NamedChildCount()); i++ {
		c := pat.NamedChild(i)
		switch c.Type() {
		case "shorthand_property_identifier_pattern", "identifier":
			out[f.Text(c)] = append(out[f.Text(c)], Binding{Value: val, Prop: f.Text(c), At: at})
		case "pair_pattern":
			k, v := c.ChildByFieldName("key"), c.ChildByFieldName("value")
			if k == nil || v == nil {
				continue
			}
			if v.Type() == "assignment_pattern" {
				v = v.ChildByFieldName("left")
			}
			switch {
			case v == nil:
			case v.Type() == "identifier":
				out[f.Text(v)] = append(out[f.Text(v)], Binding{Value: val, Prop: f.Text(k), At: at})
			case v.Type() == "object_pattern" || v.Type() == "array_pattern":
				f.bindPattern(v, val, at, out)
			}
		case "object_assignment_pattern", "assignment_pattern":
			if l := c.ChildByFieldName("left"); l != nil && l.Type() != "object_pattern" {
				out[f.Text(l)] = append(out[f.Text(l)], Binding{Value: val, Prop: f.Text(l), At: at})
			}
		case "object_pattern", "array_pattern":
			f.bindPattern(c, val, at, out)
		}
	}
}

// ParamNames lists the names a function's parameters bind.
func (f *File) ParamNames(fn *sitter.Node) []string {
	if fn == nil {
		return nil
	}
	ps := fn.ChildByFieldName("parameters")
	if ps == nil {
		if p := fn.ChildByFieldName("parameter"); p != nil {
			return []string{f.Text(p)}
		}
		return nil
	}
	var out []string
	for i := 0; i < int(ps.NamedChildCount()); i++ {
		p := ps.NamedChild(i)
		if pat := p.ChildByFieldName("pattern"); pat != nil {
			p = pat
		}
		out = append(out, PatternNames(f, p)...)
	}
	return out
}

// ObjectProp returns the value of key in an object literal, or nil.
func (f *File) ObjectProp(obj *sitter.Node, key string) *sitter.Node {
	obj = Unwrap(obj)
	if obj == nil || obj.Type() != "object" {
		return nil
	}
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		c := obj.NamedChild(i)
		switch c.Type() {
		case "pair":
			k := c.ChildByFieldName("key")
			name := f.Text(k)
			if s, ok := f.StringValue(k); ok {
				name = s
			}
			if name == key {
				return c.ChildByFieldName("value")
			}
		case "shorthand_property_identifier":
			if f.Text(c) == key {
				return c
			}
		}
	}
	return nil
}

// NodesOfType lists the descendants of n (n included) with one of the types.
// For a whole file, File.Find answers the same without walking the tree.
func NodesOfType(n *sitter.Node, types ...string) []*sitter.Node {
	var out []*sitter.Node
	Walk(n, func(c *sitter.Node) bool {
		for _, t := range types {
			if c.Type() == t {
				out = append(out, c)
				break
			}
		}
		return true
	})
	return out
}

// NumberValue evaluates a numeric literal or a product/sum/difference of
// literals (60 * 60 * 24); ok is false for anything else.
func (f *File) NumberValue(n *sitter.Node) (float64, bool) {
	n = Unwrap(n)
	if n == nil {
		return 0, false
	}
	switch n.Type() {
	case "number":
		v, err := strconv.ParseFloat(strings.ReplaceAll(f.Text(n), "_", ""), 64)
		return v, err == nil
	case "unary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && f.Text(op) == "-" {
			v, ok := f.NumberValue(n.ChildByFieldName("argument"))
			return -v, ok
		}
	case "binary_expression":
		l, ok1 := f.NumberValue(n.ChildByFieldName("left"))
		r, ok2 := f.NumberValue(n.ChildByFieldName("right"))
		if !ok1 || !ok2 {
			return 0, false
		}
		switch f.Text(n.ChildByFieldName("operator")) {
		case "*":
			return l * r, true
		case "+":
			return l + r, true
		case "-":
			return l - r, true
		case "/":
			if r != 0 {
				return l / r, true
			}
		}
	}
	return 0, false
}

// Display is a node's text on one line, for messages.
func (f *File) Display(n *sitter.Node) string {
	return strings.Join(strings.Fields(f.Text(n)), " ")
}
