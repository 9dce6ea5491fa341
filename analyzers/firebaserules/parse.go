package firebaserules

import (
	"fmt"
	"strings"
)

// Allow is one `allow` statement with the full path of its enclosing
// matches and the functions visible to it.
type Allow struct {
	Methods   []string
	Cond      string // the condition text; "" when the rule has no `if`
	Line      int
	Path      []string // match paths, outermost first
	Functions map[string]*Function
}

// Function is a rules-language function: `function f(a, b) { let x = …; return expr; }`.
type Function struct {
	Params []string
	Lets   [][2]string
	Return string
}

// Ruleset is a parsed firestore.rules or storage.rules file.
type Ruleset struct {
	Service string
	Allows  []*Allow
}

type parser struct {
	src  string
	pos  int
	line int
}

// Parse reads the Firebase security rules language (Firestore and Cloud
// Storage). It keeps what access decisions need: services, nested matches,
// allow statements with their conditions, and functions.
func Parse(src string) (rs *Ruleset, err error) {
	p := &parser{src: src, line: 1}
	rs = &Ruleset{}
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(parseError); ok {
				err = pe
				return
			}
			err = fmt.Errorf("line %d: cannot parse rules: %v", p.line, r)
		}
	}()
	p.block(rs, nil, map[string]*Function{}, true)
	return rs, nil
}

type parseError struct {
	line int
	msg  string
}

func (e parseError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func (p *parser) fail(format string, args ...any) {
	panic(parseError{p.line, fmt.Sprintf(format, args...)})
}

func (p *parser) advance(n int) {
	for i := 0; i < n && p.pos < len(p.src); i++ {
		if p.src[p.pos] == '\n' {
			p.line++
		}
		p.pos++
	}
}

func (p *parser) skip() {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			p.advance(1)
		case strings.HasPrefix(p.src[p.pos:], "//"):
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.advance(1)
			}
		case strings.HasPrefix(p.src[p.pos:], "/*"):
			end := strings.Index(p.src[p.pos+2:], "*/")
			if end < 0 {
				p.advance(len(p.src))
			} else {
				p.advance(end + 4)
			}
		default:
			return
		}
	}
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *parser) ident() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) && (isIdent(p.src[p.pos]) || p.src[p.pos] == '.') {
		p.advance(1)
	}
	return p.src[start:p.pos]
}

func (p *parser) expect(c byte) {
	p.skip()
	if p.pos >= len(p.src) || p.src[p.pos] != c {
		got := "end of file"
		if p.pos < len(p.src) {
			got = fmt.Sprintf("%q", p.src[p.pos])
		}
		p.fail("expected %q, found %s", c, got)
	}
	p.advance(1)
}

func (p *parser) peek() byte {
	p.skip()
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

// until returns the raw text up to (not including) the first stop byte at
// nesting depth 0, skipping strings and comments.
func (p *parser) until(stops string) string {
	p.skip()
	start := p.pos
	depth := 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\'' || c == '"':
			p.advance(1)
			for p.pos < len(p.src) && p.src[p.pos] != c {
				if p.src[p.pos] == '\\' {
					p.advance(1)
				}
				p.advance(1)
			}
			p.advance(1)
			continue
		case strings.HasPrefix(p.src[p.pos:], "//"):
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.advance(1)
			}
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 && strings.IndexByte(stops, c) >= 0 {
				return strings.TrimSpace(p.src[start:p.pos])
			}
			depth--
		default:
			if depth == 0 && strings.IndexByte(stops, c) >= 0 {
				return strings.TrimSpace(p.src[start:p.pos])
			}
		}
		p.advance(1)
	}
	p.fail("unterminated statement")
	return ""
}

// path reads a match path: /users/{userId}/{document=**}.
func (p *parser) path() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '{' && (p.pos == start || p.src[p.pos-1] != '/') {
			break
		}
		if c == '{' {
			end := strings.IndexByte(p.src[p.pos:], '}')
			if end < 0 {
				p.fail("unterminated path variable")
			}
			p.advance(end + 1)
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		p.advance(1)
	}
	return p.src[start:p.pos]
}

func copyFuncs(in map[string]*Function) map[string]*Function {
	out := make(map[string]*Function, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}

// block parses statements until a closing brace (or EOF at top level).
func (p *parser) block(rs *Ruleset, path []string, funcs map[string]*Function, top bool) {
	funcs = copyFuncs(funcs)
	// Functions are visible in their whole block, also before their
	// definition; collect allows first and attach funcs at the end.
	var allows []*Allow
	for {
		c := p.peek()
		if c == 0 {
			if !top {
				p.fail("missing '}'")
			}
			break
		}
		if c == '}' {
			if top {
				p.fail("unexpected '}'")
			}
			p.advance(1)
			break
		}
		line := p.line
		kw := p.ident()
		switch kw {
		case "rules_version":
			p.until(";")
			p.expect(';')
		case "service":
			rs.Service = p.ident()
			p.expect('{')
			p.block(rs, path, funcs, false)
		case "match":
			mp := p.path()
			p.expect('{')
			p.block(rs, append(append([]string(nil), path...), mp), funcs, false)
		case "allow":
			methods := p.until(":;")
			a := &Allow{Line: line, Path: path}
			for _, m := range strings.Split(methods, ",") {
				if m = strings.TrimSpace(m); m != "" {
					a.Methods = append(a.Methods, m)
				}
			}
			if p.peek() == ':' {
				p.advance(1)
				if kw := p.ident(); kw != "if" {
					p.fail("expected 'if', found %q", kw)
				}
				a.Cond = p.until(";}")
			}
			if p.peek() == ';' {
				p.advance(1)
			}
			allows = append(allows, a)
		case "function":
			name := p.ident()
			p.expect('(')
			params := p.until(")")
			p.expect(')')
			p.expect('{')
			f := &Function{}
			for _, prm := range strings.Split(params, ",") {
				if prm = strings.TrimSpace(prm); prm != "" {
					f.Params = append(f.Params, prm)
				}
			}
			for {
				kw := p.ident()
				if kw == "let" {
					n := p.ident()
					p.expect('=')
					v := p.until(";")
					p.expect(';')
					f.Lets = append(f.Lets, [2]string{n, v})
					continue
				}
				if kw != "return" {
					p.fail("expected 'let' or 'return' in function %s, found %q", name, kw)
				}
				f.Return = p.until(";}")
				if p.peek() == ';' {
					p.advance(1)
				}
				break
			}
			p.expect('}')
			funcs[name] = f
		case "":
			p.fail("unexpected %q", p.src[p.pos])
		default:
			p.fail("unexpected %q", kw)
		}
	}
	for _, a := range allows {
		a.Functions = funcs
	}
	rs.Allows = append(rs.Allows, allows...)
}
