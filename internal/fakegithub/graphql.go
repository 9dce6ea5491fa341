package fakegithub

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// GraphQLSchema is GitHub's GraphQL schema (npm @octokit/graphql-schema,
// schema.json), used to check the GraphQL documents leakguard sends: every
// field exists on its type and is not deprecated, arguments exist and the
// required ones are given, variables are declared with the argument's type,
// input object fields exist, and leaves have no selections while objects do.
type GraphQLSchema struct {
	query, mutation string
	types           map[string]*gqlType
}

type gqlTypeRef struct {
	Kind   string      `json:"kind"`
	Name   string      `json:"name"`
	OfType *gqlTypeRef `json:"ofType"`
}

func (t *gqlTypeRef) String() string {
	switch {
	case t == nil:
		return ""
	case t.Kind == "NON_NULL":
		return t.OfType.String() + "!"
	case t.Kind == "LIST":
		return "[" + t.OfType.String() + "]"
	}
	return t.Name
}

func (t *gqlTypeRef) named() *gqlTypeRef {
	for t != nil && t.OfType != nil {
		t = t.OfType
	}
	return t
}

type gqlInput struct {
	Name         string      `json:"name"`
	Type         *gqlTypeRef `json:"type"`
	DefaultValue *string     `json:"defaultValue"`
}

type gqlField struct {
	Name              string      `json:"name"`
	Args              []gqlInput  `json:"args"`
	Type              *gqlTypeRef `json:"type"`
	IsDeprecated      bool        `json:"isDeprecated"`
	DeprecationReason string      `json:"deprecationReason"`
}

type gqlType struct {
	Kind        string     `json:"kind"`
	Name        string     `json:"name"`
	Fields      []gqlField `json:"fields"`
	InputFields []gqlInput `json:"inputFields"`
}

// LoadGraphQLSchema reads the introspection JSON.
func LoadGraphQLSchema(path string) (*GraphQLSchema, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Schema struct {
			QueryType    struct{ Name string } `json:"queryType"`
			MutationType struct{ Name string } `json:"mutationType"`
			Types        []*gqlType            `json:"types"`
		} `json:"__schema"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &GraphQLSchema{query: doc.Schema.QueryType.Name, mutation: doc.Schema.MutationType.Name, types: map[string]*gqlType{}}
	for _, t := range doc.Schema.Types {
		s.types[t.Name] = t
	}
	return s, nil
}

// Check validates one GraphQL request.
func (s *GraphQLSchema) Check(query string, variables map[string]any) []string {
	p := &gqlParser{toks: gqlTokens(query)}
	op, err := p.operation()
	if err != nil {
		return []string{"graphql: " + err.Error()}
	}
	root := s.query
	if op.kind == "mutation" {
		root = s.mutation
	}
	var probs []string
	for name := range variables {
		if _, ok := op.vars[name]; !ok {
			probs = append(probs, fmt.Sprintf("graphql: variable $%s sent but not declared", name))
		}
	}
	return append(probs, s.checkSelection(root, op.sel, op.vars, op.kind)...)
}

func (s *GraphQLSchema) checkSelection(typeName string, sel []*gqlSel, vars map[string]string, where string) []string {
	t := s.types[typeName]
	if t == nil {
		return []string{fmt.Sprintf("graphql %s: unknown type %s", where, typeName)}
	}
	var probs []string
	for _, f := range sel {
		path := where + "." + f.name
		var fd *gqlField
		for i := range t.Fields {
			if t.Fields[i].Name == f.name {
				fd = &t.Fields[i]
			}
		}
		if fd == nil {
			if f.name != "__typename" {
				probs = append(probs, fmt.Sprintf("graphql %s: %s has no field %q", path, typeName, f.name))
			}
			continue
		}
		if fd.IsDeprecated {
			probs = append(probs, fmt.Sprintf("graphql %s: deprecated: %s", path, fd.DeprecationReason))
		}
		given := map[string]bool{}
		for name, val := range f.args {
			given[name] = true
			var ad *gqlInput
			for i := range fd.Args {
				if fd.Args[i].Name == name {
					ad = &fd.Args[i]
				}
			}
			if ad == nil {
				probs = append(probs, fmt.Sprintf("graphql %s: no argument %q", path, name))
				continue
			}
			probs = append(probs, s.checkValue(path+"("+name+")", ad.Type, val, vars)...)
		}
		for _, a := range fd.Args {
			if a.Type.Kind == "NON_NULL" && a.DefaultValue == nil && !given[a.Name] {
				probs = append(probs, fmt.Sprintf("graphql %s: required argument %q missing", path, a.Name))
			}
		}
		named := fd.Type.named()
		leaf := named.Kind == "SCALAR" || named.Kind == "ENUM"
		switch {
		case leaf && f.sel != nil:
			probs = append(probs, fmt.Sprintf("graphql %s: %s is a leaf and takes no selection", path, named.Name))
		case !leaf && f.sel == nil:
			probs = append(probs, fmt.Sprintf("graphql %s: %s needs a selection", path, named.Name))
		case !leaf:
			probs = append(probs, s.checkSelection(named.Name, f.sel, vars, path)...)
		}
	}
	return probs
}

// checkValue checks an argument value: a variable of a compatible type, or
// an input object literal whose fields exist.
func (s *GraphQLSchema) checkValue(where string, want *gqlTypeRef, v gqlValue, vars map[string]string) []string {
	switch {
	case v.variable != "":
		declared, ok := vars[v.variable]
		if !ok {
			return []string{fmt.Sprintf("graphql %s: variable $%s not declared", where, v.variable)}
		}
		w := want.String()
		if declared != w && declared != w+"!" {
			return []string{fmt.Sprintf("graphql %s: variable $%s is %s, the argument is %s", where, v.variable, declared, w)}
		}
	case v.object != nil:
		t := s.types[want.named().Name]
		if t == nil || t.Kind != "INPUT_OBJECT" {
			return []string{fmt.Sprintf("graphql %s: an object where %s is expected", where, want)}
		}
		var probs []string
		for name, fv := range v.object {
			var fd *gqlInput
			for i := range t.InputFields {
				if t.InputFields[i].Name == name {
					fd = &t.InputFields[i]
				}
			}
			if fd == nil {
				probs = append(probs, fmt.Sprintf("graphql %s: %s has no field %q", where, t.Name, name))
				continue
			}
			probs = append(probs, s.checkValue(where+"."+name, fd.Type, fv, vars)...)
		}
		for _, fd := range t.InputFields {
			if _, ok := v.object[fd.Name]; !ok && fd.Type.Kind == "NON_NULL" && fd.DefaultValue == nil {
				probs = append(probs, fmt.Sprintf("graphql %s: required input field %q missing", where, fd.Name))
			}
		}
		return probs
	}
	return nil
}

// A small GraphQL parser: enough for operations with variables, arguments
// (variables, literals, input objects) and nested selections. Fragments are
// not supported; leakguard sends none.
type gqlSel struct {
	name string
	args map[string]gqlValue
	sel  []*gqlSel
}

type gqlValue struct {
	variable string
	object   map[string]gqlValue
	literal  string
}

type gqlOp struct {
	kind string
	vars map[string]string
	sel  []*gqlSel
}

func gqlTokens(q string) []string {
	var toks []string
	rs := []rune(q)
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case unicode.IsSpace(c) || c == ',':
			i++
		case c == '#':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case c == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			toks = append(toks, string(rs[i:min(j+1, len(rs))]))
			i = j + 1
		case unicode.IsLetter(c) || c == '_' || unicode.IsDigit(c) || c == '-':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_' || rs[j] == '.' || rs[j] == '-') {
				j++
			}
			toks = append(toks, string(rs[i:j]))
			i = j
		default:
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

type gqlParser struct {
	toks []string
	pos  int
}

func (p *gqlParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *gqlParser) next() string { t := p.peek(); p.pos++; return t }

func (p *gqlParser) expect(t string) error {
	if got := p.next(); got != t {
		return fmt.Errorf("expected %q, got %q", t, got)
	}
	return nil
}

func (p *gqlParser) operation() (*gqlOp, error) {
	op := &gqlOp{kind: "query", vars: map[string]string{}}
	if t := p.peek(); t == "query" || t == "mutation" {
		op.kind = p.next()
		if t := p.peek(); t != "(" && t != "{" {
			p.next() // operation name
		}
		if p.peek() == "(" {
			p.next()
			for p.peek() != ")" {
				if err := p.expect("$"); err != nil {
					return nil, err
				}
				name := p.next()
				if err := p.expect(":"); err != nil {
					return nil, err
				}
				typ, err := p.typeRef()
				if err != nil {
					return nil, err
				}
				op.vars[name] = typ
				if p.peek() == "=" {
					p.next()
					if _, err := p.value(); err != nil {
						return nil, err
					}
				}
				if p.peek() == "" {
					return nil, fmt.Errorf("unterminated variable list")
				}
			}
			p.next()
		}
	}
	sel, err := p.selection()
	if err != nil {
		return nil, err
	}
	op.sel = sel
	if p.peek() != "" {
		return nil, fmt.Errorf("unexpected %q after the operation", p.peek())
	}
	return op, nil
}

func (p *gqlParser) typeRef() (string, error) {
	var t string
	if p.peek() == "[" {
		p.next()
		inner, err := p.typeRef()
		if err != nil {
			return "", err
		}
		if err := p.expect("]"); err != nil {
			return "", err
		}
		t = "[" + inner + "]"
	} else {
		t = p.next()
	}
	if p.peek() == "!" {
		p.next()
		t += "!"
	}
	return t, nil
}

func (p *gqlParser) selection() ([]*gqlSel, error) {
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	var out []*gqlSel
	for p.peek() != "}" {
		if p.peek() == "" {
			return nil, fmt.Errorf("unterminated selection")
		}
		f := &gqlSel{name: p.next(), args: map[string]gqlValue{}}
		if p.peek() == ":" { // alias
			p.next()
			f.name = p.next()
		}
		if p.peek() == "(" {
			p.next()
			for p.peek() != ")" {
				name := p.next()
				if err := p.expect(":"); err != nil {
					return nil, err
				}
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				f.args[name] = v
				if p.peek() == "" {
					return nil, fmt.Errorf("unterminated arguments")
				}
			}
			p.next()
		}
		if p.peek() == "{" {
			sel, err := p.selection()
			if err != nil {
				return nil, err
			}
			f.sel = sel
		}
		out = append(out, f)
	}
	p.next()
	return out, nil
}

func (p *gqlParser) value() (gqlValue, error) {
	switch t := p.next(); t {
	case "$":
		return gqlValue{variable: p.next()}, nil
	case "{":
		obj := map[string]gqlValue{}
		for p.peek() != "}" {
			name := p.next()
			if err := p.expect(":"); err != nil {
				return gqlValue{}, err
			}
			v, err := p.value()
			if err != nil {
				return gqlValue{}, err
			}
			obj[name] = v
			if p.peek() == "" {
				return gqlValue{}, fmt.Errorf("unterminated object")
			}
		}
		p.next()
		return gqlValue{object: obj}, nil
	case "[":
		for p.peek() != "]" {
			if _, err := p.value(); err != nil {
				return gqlValue{}, err
			}
			if p.peek() == "" {
				return gqlValue{}, fmt.Errorf("unterminated list")
			}
		}
		p.next()
		return gqlValue{literal: "[]"}, nil
	case "":
		return gqlValue{}, fmt.Errorf("missing value")
	default:
		return gqlValue{literal: strings.Trim(t, `"`)}, nil
	}
}
