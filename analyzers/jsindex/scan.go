package jsindex

import (
	"strings"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// ScanFacts computes a module's facts with a lexer instead of a parse: the
// directive prologue, static imports and re-exports, import() and
// require() calls, and (TypeScript) whether an import is elided because its
// bindings are only used as types. It answers only when it is sure to agree
// with the tree-sitter result (FactsOf); ok is false for anything it cannot
// settle (unusual syntax, a binding used where only a parse tells a type
// from a value), and the caller parses the file instead.
func ScanFacts(p string, src []byte) (Facts, bool) {
	lang, ok := syntax.LangOf(p)
	if !ok {
		return Facts{}, false
	}
	lx := &lexer{src: src, jsx: lang != syntax.TS}
	if !lx.run() {
		return Facts{}, false
	}
	sc := &scanner{toks: lx.toks, src: src}
	return sc.facts(lang == syntax.TS || lang == syntax.TSX)
}

type tokKind uint8

const (
	tIdent   tokKind = iota + 1 // identifiers and keywords
	tPunct                      // operators and brackets
	tString                     // '…' or "…"
	tTmpl                       // a template without substitutions
	tTmplSub                    // a template with substitutions (its parts are lexed)
	tNumber
	tRegex
	tJSXTag // the first name of a JSX element (<Item, <Item.Sub)
)

type token struct {
	kind tokKind
	text string // identifier, punctuator, or the value of a string/template
	nl   bool   // a line break precedes it
	jsx  bool   // a '{' opening a JSX expression container
	esc  bool   // a string with escapes: its text is as written
}

// maxNesting bounds template, JSX and brace nesting; deeper input is left
// to the parser.
const maxNesting = 256

type lexer struct {
	src   []byte
	i     int
	jsx   bool
	toks  []token
	nl    bool
	depth int
}

func (lx *lexer) run() bool {
	if len(lx.src) >= 2 && lx.src[0] == '#' && lx.src[1] == '!' {
		for lx.i < len(lx.src) && lx.src[lx.i] != '\n' {
			lx.i++
		}
	}
	end, ok := lx.code(false)
	return ok && end
}

func (lx *lexer) emit(t token) {
	t.nl = lx.nl
	lx.nl = false
	lx.toks = append(lx.toks, t)
}

func (lx *lexer) prev() *token {
	if len(lx.toks) == 0 {
		return nil
	}
	return &lx.toks[len(lx.toks)-1]
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// regexAfter lists keywords after which a slash starts a regular expression.
var regexAfter = map[string]bool{"return": true, "typeof": true, "case": true, "do": true, "else": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "instanceof": true, "yield": true, "await": true}

// regexAllowed reports whether a slash here starts a regular expression
// rather than a division.
func (lx *lexer) regexAllowed() bool {
	t := lx.prev()
	if t == nil {
		return true
	}
	switch t.kind {
	case tIdent:
		return regexAfter[t.text]
	case tNumber, tString, tTmpl, tTmplSub, tRegex, tJSXTag:
		return false
	}
	return t.text != ")" && t.text != "]" && t.text != "}"
}

// jsxAllowed reports whether a '<' here opens a JSX element.
func (lx *lexer) jsxAllowed() bool {
	if !lx.jsx || lx.i+1 >= len(lx.src) {
		return false
	}
	c := lx.src[lx.i+1]
	if !isIdentStart(c) && c != '>' {
		return false
	}
	t := lx.prev()
	if t == nil {
		return true
	}
	switch t.kind {
	case tIdent:
		return t.text == "return" || t.text == "yield" || t.text == "await" || t.text == "default"
	case tPunct:
		switch t.text {
		case "(", "[", "{", ",", "=", "=>", "?", ":", "&&", "||", "??", "}", ";", ">", "!":
			return true
		}
	}
	return false
}

var puncts = []string{">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>"}

// code lexes until the end of input or, when inBrace, the '}' closing the
// brace the caller consumed. It returns whether it reached that end.
func (lx *lexer) code(inBrace bool) (bool, bool) {
	lx.depth++
	defer func() { lx.depth-- }()
	if lx.depth > maxNesting {
		return false, false
	}
	braces := 0
	for lx.i < len(lx.src) {
		c := lx.src[lx.i]
		switch {
		case c == '\n':
			lx.nl = true
			lx.i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			lx.i++
		case c == '/' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '/':
			for lx.i < len(lx.src) && lx.src[lx.i] != '\n' {
				lx.i++
			}
		case c == '/' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '*':
			end := strings.Index(string(lx.src[lx.i+2:]), "*/")
			if end < 0 {
				return false, false
			}
			if strings.Contains(string(lx.src[lx.i:lx.i+2+end]), "\n") {
				lx.nl = true
			}
			lx.i += end + 4
		case c == '\'' || c == '"':
			s, esc, ok := lx.str(c)
			if !ok {
				return false, false
			}
			lx.emit(token{kind: tString, text: s, esc: esc})
		case c == '`':
			if !lx.template() {
				return false, false
			}
		case isIdentStart(c):
			j := lx.i
			for j < len(lx.src) && isIdentPart(lx.src[j]) {
				j++
			}
			lx.emit(token{kind: tIdent, text: string(lx.src[lx.i:j])})
			lx.i = j
		case c >= '0' && c <= '9' || c == '.' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] >= '0' && lx.src[lx.i+1] <= '9':
			j := lx.i + 1
			for j < len(lx.src) && (isIdentPart(lx.src[j]) || lx.src[j] == '.') {
				j++
			}
			lx.emit(token{kind: tNumber})
			lx.i = j
		case c == '/' && lx.regexAllowed():
			if !lx.regex() {
				return false, false
			}
		case c == '<' && lx.jsxAllowed():
			if !lx.element() {
				return false, false
			}
		case c == '{':
			braces++
			lx.emit(token{kind: tPunct, text: "{"})
			lx.i++
		case c == '}':
			if braces == 0 {
				if inBrace {
					lx.i++
					return true, true
				}
				return false, false
			}
			braces--
			lx.emit(token{kind: tPunct, text: "}"})
			lx.i++
		case c == '#' || c == '@':
			lx.emit(token{kind: tPunct, text: string(c)})
			lx.i++
		case c < 0x20 && c != '\n':
			return false, false
		default:
			op := string(c)
			for _, p := range puncts {
				if strings.HasPrefix(string(lx.src[lx.i:min(lx.i+4, len(lx.src))]), p) {
					op = p
					break
				}
			}
			if op == "?." && lx.i+2 < len(lx.src) && lx.src[lx.i+2] >= '0' && lx.src[lx.i+2] <= '9' {
				op = "?" // a ? .5 : 1
			}
			lx.emit(token{kind: tPunct, text: op})
			lx.i += len(op)
		}
	}
	return !inBrace, true
}

// str lexes a quoted string; esc is set when it holds escapes (its text is
// then as written, not its value).
func (lx *lexer) str(q byte) (text string, esc, ok bool) {
	j := lx.i + 1
	for j < len(lx.src) && lx.src[j] != q {
		if lx.src[j] == '\n' {
			return "", false, false
		}
		if lx.src[j] == '\\' {
			esc = true
			j++
		}
		j++
	}
	if j >= len(lx.src) {
		return "", false, false
	}
	text = string(lx.src[lx.i+1 : j])
	lx.i = j + 1
	return text, esc, true
}

// template lexes a template literal; substitutions are lexed as code.
func (lx *lexer) template() bool {
	start := lx.i
	lx.i++
	subs := false
	for lx.i < len(lx.src) {
		switch c := lx.src[lx.i]; {
		case c == '\\':
			lx.i += 2
		case c == '`':
			lx.i++
			if subs {
				lx.emit(token{kind: tTmplSub})
			} else {
				body := string(lx.src[start+1 : lx.i-1])
				lx.emit(token{kind: tTmpl, text: body, esc: strings.Contains(body, "\\")})
			}
			return true
		case c == '$' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '{':
			if !subs {
				lx.emit(token{kind: tTmplSub})
			}
			subs = true
			lx.i += 2
			if end, ok := lx.code(true); !ok || !end {
				return false
			}
		default:
			if c == '\n' {
				lx.nl = true
			}
			lx.i++
		}
	}
	return false
}

func (lx *lexer) regex() bool {
	j := lx.i + 1
	class := false
	for j < len(lx.src) {
		c := lx.src[j]
		switch {
		case c == '\n':
			return false
		case c == '\\':
			j++
		case c == '[':
			class = true
		case c == ']':
			class = false
		case c == '/' && !class:
			j++
			for j < len(lx.src) && isIdentPart(lx.src[j]) {
				j++
			}
			lx.emit(token{kind: tRegex})
			lx.i = j
			return true
		}
		j++
	}
	return false
}

// element lexes a JSX element or fragment starting at '<'.
func (lx *lexer) element() bool {
	lx.depth++
	defer func() { lx.depth-- }()
	if lx.depth > maxNesting {
		return false
	}
	lx.i++ // '<'
	name := lx.jsxName()
	if name != "" {
		first, _, _ := strings.Cut(name, ".")
		if !strings.ContainsAny(first, "-:") {
			lx.emit(token{kind: tJSXTag, text: first})
		}
	}
	// Attributes.
	for {
		lx.space()
		if lx.i >= len(lx.src) {
			return false
		}
		c := lx.src[lx.i]
		switch {
		case c == '/' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '>':
			lx.i += 2
			lx.emit(token{kind: tPunct, text: ")"}) // an element is a complete value
			return true
		case c == '>':
			lx.i++
			if !lx.children(name) {
				return false
			}
			lx.emit(token{kind: tPunct, text: ")"})
			return true
		case c == '{':
			lx.i++
			lx.emit(token{kind: tPunct, text: "{", jsx: true})
			if end, ok := lx.code(true); !ok || !end {
				return false
			}
			lx.emit(token{kind: tPunct, text: "}"})
		case isIdentStart(c):
			if lx.jsxName() == "" {
				return false
			}
			lx.space()
			if lx.i < len(lx.src) && lx.src[lx.i] == '=' {
				lx.i++
				lx.space()
				if lx.i >= len(lx.src) {
					return false
				}
				switch v := lx.src[lx.i]; {
				case v == '"' || v == '\'':
					end := strings.IndexByte(string(lx.src[lx.i+1:]), v)
					if end < 0 {
						return false
					}
					lx.i += end + 2
				case v == '{':
					lx.i++
					lx.emit(token{kind: tPunct, text: "{", jsx: true})
					if end, ok := lx.code(true); !ok || !end {
						return false
					}
					lx.emit(token{kind: tPunct, text: "}"})
				case v == '<':
					if !lx.element() {
						return false
					}
				default:
					return false
				}
			}
		default:
			return false // TypeScript generics (<T,>) and the like: leave to the parser
		}
	}
}

// children lexes an element's children up to its closing tag.
func (lx *lexer) children(name string) bool {
	for lx.i < len(lx.src) {
		switch c := lx.src[lx.i]; c {
		case '{':
			lx.i++
			lx.emit(token{kind: tPunct, text: "{", jsx: true})
			if end, ok := lx.code(true); !ok || !end {
				return false
			}
			lx.emit(token{kind: tPunct, text: "}"})
		case '<':
			if lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '/' {
				lx.i += 2
				lx.space()
				closing := lx.jsxName()
				lx.space()
				if closing != name || lx.i >= len(lx.src) || lx.src[lx.i] != '>' {
					return false
				}
				lx.i++
				return true
			}
			if lx.i+1 < len(lx.src) && (isIdentStart(lx.src[lx.i+1]) || lx.src[lx.i+1] == '>') {
				if !lx.element() {
					return false
				}
				continue
			}
			return false
		case '\n':
			lx.nl = true
			lx.i++
		default:
			lx.i++
		}
	}
	return false
}

// jsxName reads a JSX element or attribute name (a-b, a.b, a:b).
func (lx *lexer) jsxName() string {
	j := lx.i
	for j < len(lx.src) && (isIdentPart(lx.src[j]) || lx.src[j] == '-' || lx.src[j] == '.' || lx.src[j] == ':') {
		j++
	}
	name := string(lx.src[lx.i:j])
	lx.i = j
	return name
}

func (lx *lexer) space() {
	for lx.i < len(lx.src) {
		switch lx.src[lx.i] {
		case '\n':
			lx.nl = true
			lx.i++
		case ' ', '\t', '\r':
			lx.i++
		default:
			if lx.i+1 < len(lx.src) && lx.src[lx.i] == '/' && lx.src[lx.i+1] == '*' {
				end := strings.Index(string(lx.src[lx.i+2:]), "*/")
				if end < 0 {
					return
				}
				lx.i += end + 4
				continue
			}
			return
		}
	}
}

// scanner reads facts from the token stream.
type scanner struct {
	toks []token
	src  []byte
	// inImport marks the tokens of static import statements, which do not
	// count as uses of a binding.
	inImport []bool
	// typeRegion marks tokens of interface, type alias and declare
	// statements, whose names are never value uses.
	typeRegion []bool
}

func (sc *scanner) tok(i int) *token {
	if i < 0 || i >= len(sc.toks) {
		return &token{}
	}
	return &sc.toks[i]
}

func (sc *scanner) is(i int, text string) bool {
	t := sc.tok(i)
	return (t.kind == tPunct || t.kind == tIdent) && t.text == text
}

// stmtStart reports whether token i begins a statement (as far as the
// tokens before it tell).
func (sc *scanner) stmtStart(i int) bool {
	if i == 0 {
		return true
	}
	p := sc.tok(i - 1)
	if p.kind == tPunct && (p.text == ";" || p.text == "{" || p.text == "}") {
		return true
	}
	return sc.tok(i).nl && p.kind != tPunct
}

type pendingImport struct {
	fact  ImportFact
	names []string // local bindings, for elision
}

func (sc *scanner) facts(ts bool) (Facts, bool) {
	var out Facts
	n := len(sc.toks)
	sc.inImport = make([]bool, n)
	sc.typeRegion = make([]bool, n)
	// Directive prologue.
	i := 0
	for i < n && sc.toks[i].kind == tString {
		if sc.toks[i].esc {
			return out, false
		}
		next := sc.tok(i + 1)
		switch {
		case i+1 >= n || sc.is(i+1, ";"):
		case next.nl && (next.kind == tIdent || next.kind == tString || next.kind == tPunct && (next.text == "{" || next.text == "}" || next.text == "@")):
		default:
			return out, false
		}
		switch sc.toks[i].text {
		case "use client":
			out.UseClient = true
		case "use server":
			out.UseServer = true
		}
		i++
		if sc.is(i, ";") {
			i++
		}
	}
	var imports []pendingImport
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		if t.kind != tIdent {
			continue
		}
		prevDot := sc.is(i-1, ".") || sc.is(i-1, "?.")
		switch t.text {
		case "import":
			if prevDot {
				continue
			}
			if sc.is(i+1, "(") {
				spec, ok, sure := sc.callSpec(i + 1)
				if !sure {
					return out, false
				}
				if ok {
					imports = append(imports, pendingImport{fact: ImportFact{Spec: spec, Form: FormCall, All: true}})
				}
				continue
			}
			if sc.is(i+1, ".") { // import.meta
				continue
			}
			pi, end, ok := sc.importStatement(i)
			if !ok {
				return out, false
			}
			for j := i; j < end; j++ {
				sc.inImport[j] = true
			}
			imports = append(imports, pi)
			i = end - 1
		case "require":
			if prevDot || !sc.is(i+1, "(") {
				continue
			}
			spec, ok, sure := sc.callSpec(i + 1)
			if !sure {
				return out, false
			}
			if ok {
				imports = append(imports, pendingImport{fact: ImportFact{Spec: spec, Form: FormCall, All: true}})
			}
		case "export":
			if prevDot {
				continue
			}
			if pi, ok, sure := sc.reexport(i); !sure {
				return out, false
			} else if ok {
				imports = append(imports, pi)
			}
		case "interface", "type", "declare":
			if ts && !prevDot && (sc.stmtStart(i) || sc.is(i-1, "export")) {
				sc.markTypeRegion(i)
			}
		}
	}
	if ts {
		for k := range imports {
			pi := &imports[k]
			if pi.fact.Form != FormImport || pi.fact.TypeOnly || len(pi.names) == 0 {
				continue
			}
			used, sure := sc.anyValueUse(pi.names)
			if !sure {
				return out, false
			}
			pi.fact.TypeOnly = !used
		}
	}
	for _, pi := range imports {
		out.Imports = append(out.Imports, pi.fact)
	}
	return out, true
}

// callSpec reads the string argument of import(…) or require(…) whose '('
// is token i. ok is false when the first argument is not a plain string;
// sure is false when the tokens do not settle it.
func (sc *scanner) callSpec(i int) (spec string, ok, sure bool) {
	a := sc.tok(i + 1)
	if a.kind != tString && a.kind != tTmpl {
		return "", false, true
	}
	if a.esc {
		return "", false, false
	}
	if !sc.is(i+2, ")") && !sc.is(i+2, ",") {
		return "", false, true // 'a' + b: not a string argument
	}
	return a.text, true, true
}

// importStatement reads `import … from 's'` starting at token i; end is the
// index just past the statement.
func (sc *scanner) importStatement(i int) (pi pendingImport, end int, ok bool) {
	j := i + 1
	f := &pi.fact
	f.Form = FormImport
	if t := sc.tok(j); t.kind == tString && !t.esc {
		f.Spec, f.All = t.text, true
		return pi, sc.endOfStatement(j + 1), true
	}
	if sc.is(j, "type") {
		nt := sc.tok(j + 1)
		if nt.kind == tIdent && nt.text == "from" {
			return pi, 0, false // `import type from …`: ambiguous without a parse
		}
		if nt.kind == tIdent || sc.is(j+1, "{") || sc.is(j+1, "*") {
			f.TypeOnly = true
			j++
		}
	}
	if sc.is(j, "typeof") {
		return pi, 0, false
	}
	sawClause := false
	if t := sc.tok(j); t.kind == tIdent && t.text != "from" || t.kind == tIdent && t.text == "from" && sc.is(j+1, "from") {
		if sc.is(j+1, "=") {
			return pi, 0, false // import x = require('y')
		}
		f.Names = append(f.Names, "default")
		pi.names = append(pi.names, t.text)
		j++
		sawClause = true
		if sc.is(j, ",") {
			j++
		}
	}
	switch {
	case sc.is(j, "*"):
		if !sc.is(j+1, "as") || sc.tok(j+2).kind != tIdent {
			return pi, 0, false
		}
		pi.names = append(pi.names, sc.tok(j+2).text)
		f.All, f.Names = true, nil
		j += 3
		sawClause = true
	case sc.is(j, "{"):
		j++
		allTyped := true
		count := 0
		for !sc.is(j, "}") {
			t := sc.tok(j)
			if t.kind != tIdent {
				return pi, 0, false
			}
			typed := false
			if t.text == "type" && sc.tok(j+1).kind == tIdent {
				if sc.is(j+1, "as") {
					return pi, 0, false // { type as x }, { type as as x }: leave to the parser
				}
				typed = true
				j++
				t = sc.tok(j)
			}
			name, local := t.text, t.text
			j++
			if sc.is(j, "as") {
				if sc.tok(j+1).kind != tIdent {
					return pi, 0, false
				}
				local = sc.tok(j + 1).text
				j += 2
			}
			f.Names = append(f.Names, name)
			pi.names = append(pi.names, local)
			allTyped = allTyped && typed
			count++
			if sc.is(j, ",") {
				j++
			} else if !sc.is(j, "}") {
				return pi, 0, false
			}
		}
		j++
		if count > 0 && allTyped && !f.TypeOnly && len(pi.names) == count {
			f.TypeOnly = true
		}
		if f.Names == nil {
			f.Names = []string{}
		}
		sawClause = true
	}
	if !sawClause || !sc.is(j, "from") || sc.tok(j+1).kind != tString || sc.tok(j+1).esc {
		return pi, 0, false
	}
	f.Spec = sc.tok(j + 1).text
	return pi, sc.endOfStatement(j + 2), true
}

// endOfStatement skips import attributes (with { type: 'json' }) and the
// semicolon after a statement's last token at i.
func (sc *scanner) endOfStatement(i int) int {
	if (sc.is(i, "with") || sc.is(i, "assert")) && !sc.tok(i).nl && sc.is(i+1, "{") {
		for i < len(sc.toks) && !sc.is(i, "}") {
			i++
		}
		i++
	}
	if sc.is(i, ";") {
		i++
	}
	return i
}

// reexport reads `export … from 's'` at token i. ok is false for other
// export statements.
func (sc *scanner) reexport(i int) (pi pendingImport, ok, sure bool) {
	j := i + 1
	f := &pi.fact
	f.Form = FormReexport
	if sc.is(j, "type") && (sc.is(j+1, "{") || sc.is(j+1, "*")) {
		f.TypeOnly = true
		j++
	}
	switch {
	case sc.is(j, "*"):
		if sc.is(j+1, "as") {
			t := sc.tok(j + 2)
			if t.kind != tIdent {
				return pi, false, false
			}
			f.Namespace = t.text
			j += 3
		} else {
			f.All = true
			j++
		}
	case sc.is(j, "{"):
		j++
		for !sc.is(j, "}") {
			t := sc.tok(j)
			if t.kind != tIdent {
				return pi, false, false
			}
			if t.text == "type" && sc.tok(j+1).kind == tIdent && !sc.is(j+1, "as") {
				return pi, false, false // export { type A }: leave to the parser
			}
			name, as := t.text, t.text
			j++
			if sc.is(j, "as") {
				if sc.tok(j+1).kind != tIdent {
					return pi, false, false
				}
				as = sc.tok(j + 1).text
				j += 2
			}
			f.Names = append(f.Names, name)
			f.As = append(f.As, as)
			if sc.is(j, ",") {
				j++
			} else if !sc.is(j, "}") {
				return pi, false, false
			}
		}
		j++
		if !sc.is(j, "from") {
			return pi, false, true // export { a, b }: a local export
		}
		if f.Names == nil {
			f.Names, f.As = []string{}, []string{}
		}
	default:
		return pi, false, true
	}
	if !sc.is(j, "from") || sc.tok(j+1).kind != tString || sc.tok(j+1).esc {
		return pi, false, false
	}
	f.Spec = sc.tok(j + 1).text
	return pi, true, true
}

// markTypeRegion marks an interface body, a type alias or a declare
// statement starting at token i. Where the end is not plain, it marks less:
// tokens left unmarked are judged one by one.
func (sc *scanner) markTypeRegion(i int) {
	j := i + 1
	switch sc.toks[i].text {
	case "interface":
		if sc.tok(j).kind != tIdent {
			return
		}
		for j < len(sc.toks) && !sc.is(j, "{") && !sc.is(j, ";") {
			j++
		}
		if !sc.is(j, "{") {
			return
		}
		end := sc.matching(j)
		if end < 0 {
			return
		}
		for k := i; k <= end; k++ {
			sc.typeRegion[k] = true
		}
	case "type":
		if sc.tok(j).kind != tIdent || !(sc.is(j+1, "=") || sc.is(j+1, "<")) {
			return
		}
		depth := 0
		k := j
		for ; k < len(sc.toks); k++ {
			t := &sc.toks[k]
			if t.kind == tPunct {
				switch t.text {
				case "(", "[", "{":
					depth++
				case ")", "]", "}":
					depth--
				}
			}
			if depth < 0 || depth == 0 && t.kind == tPunct && t.text == ";" {
				break
			}
			if depth == 0 && k > j+1 && t.nl && !typeContinues[t.text] {
				break // the next statement, or a line we cannot tell: stop here
			}
		}
		for m := i; m < k; m++ {
			sc.typeRegion[m] = true
		}
	case "declare":
		t := sc.tok(j)
		if t.kind != tIdent {
			return
		}
		k := j
		for ; k < len(sc.toks) && !sc.is(k, ";") && !sc.is(k, "{") && !(k > j && sc.toks[k].nl); k++ {
		}
		if sc.is(k, "{") {
			if end := sc.matching(k); end >= 0 {
				k = end + 1
			} else {
				return
			}
		}
		for m := i; m < k; m++ {
			sc.typeRegion[m] = true
		}
	}
}

// typeContinues lists tokens that, starting a line, continue a type alias.
var typeContinues = map[string]bool{"|": true, "&": true, "?": true, ":": true, "=>": true, "extends": true, "keyof": true, "[": true, ".": true, ",": true}

// matching returns the index of the bracket closing the one at i, or -1.
func (sc *scanner) matching(i int) int {
	open := sc.toks[i].text
	closeText := map[string]string{"(": ")", "[": "]", "{": "}"}[open]
	depth := 0
	for k := i; k < len(sc.toks); k++ {
		if sc.toks[k].kind != tPunct {
			continue
		}
		switch sc.toks[k].text {
		case open:
			depth++
		case closeText:
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// use says what one occurrence of a name tells about its import.
type use int

const (
	useNone    use = iota // not an identifier reference (property, type, import)
	useValue              // an identifier outside types: the import is kept
	useUnknown            // only a parse can tell
)

// anyValueUse reports whether any of the names occurs as an identifier
// outside imports and types, as tree-sitter's TypeScript grammar sees it
// (the compiler keeps such an import). sure is false when an occurrence
// cannot be judged from the tokens.
func (sc *scanner) anyValueUse(names []string) (used, sure bool) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	unknown := false
	for i := range sc.toks {
		t := &sc.toks[i]
		if (t.kind != tIdent && t.kind != tJSXTag) || !want[t.text] || sc.inImport[i] {
			continue
		}
		switch sc.classify(i) {
		case useValue:
			return true, true
		case useUnknown:
			unknown = true
		}
	}
	return false, !unknown
}

// valueBefore lists tokens after which an identifier can only be an
// expression (or a binding pattern, which the grammar also counts).
var valueBefore = map[string]bool{"return": true, "await": true, "throw": true, "yield": true, "new": true,
	"!": true, "&&": true, "||": true, "??": true, "case": true, "void": true, "delete": true,
	"*": true, "/": true, "%": true, "===": true, "!==": true, "==": true, "!=": true, "+=": true, "-=": true, "&&=": true,
	"||=": true, "??=": true, "instanceof": true}

func (sc *scanner) classify(i int) use {
	t := &sc.toks[i]
	if t.kind == tJSXTag {
		return useValue
	}
	if sc.is(i-1, ".") || sc.is(i-1, "?.") {
		return useNone // a property name
	}
	if sc.typeRegion[i] {
		return useNone
	}
	prev := sc.tok(i - 1)
	next := sc.tok(i + 1)
	if prev.kind == tPunct && prev.jsx && prev.text == "{" {
		return useValue // {Item} in JSX
	}
	if (prev.kind == tPunct || prev.kind == tIdent) && valueBefore[prev.text] {
		return useValue
	}
	if sc.inExportClause(i) {
		return useValue
	}
	if sc.is(i-1, "default") && sc.is(i-2, "export") {
		return useValue
	}
	if sc.is(i-1, "as") || sc.is(i-1, "satisfies") || sc.is(i-1, "implements") || sc.is(i-1, "is") && !sc.tok(i-1).nl {
		if sc.is(i-1, "as") && sc.is(i-2, "*") {
			return useUnknown
		}
		return useNone // a type
	}
	if sc.is(i+1, "(") && !sc.is(i-1, "function") && !sc.is(i-1, "get") && !sc.is(i-1, "set") && !sc.is(i-1, "async") && !sc.is(i-1, "static") {
		end := sc.matching(i + 1)
		if end > 0 && !sc.is(end+1, "{") && !sc.is(end+1, ":") && !sc.is(end+1, "=>") {
			return useValue // a call
		}
		return useUnknown
	}
	if next.kind == tPunct && (next.text == "." || next.text == "?.") && sc.argumentPosition(i) {
		return useValue // Item.x in a call's arguments
	}
	if sc.is(i+1, ".") && sc.tok(i+2).kind == tIdent && sc.is(i+3, "(") {
		return useValue // Item.x(…): types hold no calls
	}
	if (sc.is(i-1, "(") || sc.is(i-1, ",")) && (sc.is(i+1, ")") || sc.is(i+1, ",")) && sc.valueParens(i) {
		return useValue // an argument, or a parameter name: both identifiers to the grammar
	}
	if sc.is(i-1, ":") && sc.annotation(i-1) {
		return useNone
	}
	if sc.is(i-1, "<") && sc.tok(i-2).kind == tIdent && (sc.is(i+1, ">") || sc.is(i+1, ",") || sc.is(i+1, "[") && sc.is(i+2, "]")) {
		return useNone // type arguments: useState<Item>
	}
	return useUnknown
}

// argumentPosition reports whether token i directly follows the '(' of a
// call or a control statement (foo(Item…, if (Item…).
func (sc *scanner) argumentPosition(i int) bool {
	if !sc.is(i-1, "(") {
		return false
	}
	p := sc.tok(i - 2)
	switch p.kind {
	case tIdent:
		switch p.text {
		case "function", "catch":
			return false
		}
		return !sc.is(i-3, "function") && !sc.is(i-3, "get") && !sc.is(i-3, "set") && !sc.is(i-3, "async") && !sc.stmtStart(i-2) && !sc.is(i-3, ",") && !sc.is(i-3, "{")
	case tPunct:
		return p.text == ")" || p.text == "]"
	}
	return false
}

// valueParens reports whether the innermost bracket around token i is a
// parenthesis of a call, a condition or a parameter list, not of a type.
func (sc *scanner) valueParens(i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := &sc.toks[k]
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case ")", "]", "}":
			depth++
		case "[", "{":
			if depth == 0 {
				return false
			}
			depth--
		case "(":
			if depth > 0 {
				depth--
				continue
			}
			p := sc.tok(k - 1)
			switch p.kind {
			case tIdent:
				return !typeBefore[p.text]
			case tPunct:
				return p.text == ")" || p.text == "]" || p.text == "(" || p.text == "," || p.text == "="
			}
			return false
		}
	}
	return false
}

// typeBefore lists tokens after which a parenthesis can hold a type.
var typeBefore = map[string]bool{"as": true, "satisfies": true, "extends": true, "keyof": true, "typeof": true, "is": true, "infer": true, "type": true}

// annotation reports whether the ':' at token i starts a type annotation:
// `name: T` inside parentheses (a parameter), `const name: T`, or `): T`
// (a return type), with no '?' of a conditional expression before it.
func (sc *scanner) annotation(i int) bool {
	p := sc.tok(i - 1)
	if p.kind == tPunct && p.text == ")" {
		return sc.noConditional(i) && sc.enclosing(i) != "{"
	}
	if p.kind != tIdent && !(p.kind == tPunct && p.text == "?") {
		return false
	}
	k := i - 1
	if p.text == "?" {
		k--
		if sc.tok(k).kind != tIdent {
			return false
		}
	}
	if b := sc.tok(k - 1); b.kind == tIdent && (b.text == "const" || b.text == "let" || b.text == "var") {
		return true
	}
	return sc.enclosing(i) == "(" && sc.noConditional(i)
}

// enclosing returns the innermost bracket open around token i ("" at top level).
func (sc *scanner) enclosing(i int) string {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := &sc.toks[k]
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			if depth == 0 {
				return t.text
			}
			depth--
		}
	}
	return ""
}

// noConditional reports that no '?' of a conditional expression precedes
// token i at its bracket depth.
func (sc *scanner) noConditional(i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := &sc.toks[k]
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			if depth == 0 {
				return true
			}
			depth--
		case "?":
			if depth == 0 && !sc.is(k+1, ":") {
				return false
			}
		case ",", ";":
			if depth == 0 {
				return true
			}
		}
	}
	return true
}

// inExportClause reports whether token i is inside `export { … }`.
func (sc *scanner) inExportClause(i int) bool {
	k := i - 1
	for k >= 0 && (sc.toks[k].kind == tIdent || sc.is(k, ",")) {
		k--
	}
	if !sc.is(k, "{") {
		return false
	}
	return sc.is(k-1, "export") || sc.is(k-1, "type") && sc.is(k-2, "export")
}
