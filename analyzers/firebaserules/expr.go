package firebaserules

import (
	"regexp"
	"strings"
)

// Scope classifies what a rule condition lets through, most permissive first.
type Scope int

// Scopes.
const (
	Always     Scope = iota // true, no condition, test-mode expiry
	AuthOnly                // request.auth != null
	NoCaller                // filters on data without looking at the caller
	CallerTied              // compares request.auth.uid (or a claim) with the path or the data
	Never                   // false
)

type token struct {
	kind string // "id", "str", "num", "op"
	text string
}

var tokRE = regexp.MustCompile(`\s*(?:(===|!==|==|!=|<=|>=|&&|\|\||[!<>()\[\]{},.?:+\-*/%])|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([0-9]+(?:\.[0-9]+)?)|([A-Za-z_$][A-Za-z0-9_$]*))`)

func tokenize(s string) []token {
	var out []token
	for len(strings.TrimSpace(s)) > 0 {
		m := tokRE.FindStringSubmatchIndex(s)
		if m == nil || m[0] != 0 {
			// unknown character: skip it
			s = strings.TrimSpace(s)[1:]
			continue
		}
		switch {
		case m[2] >= 0:
			op := s[m[2]:m[3]]
			if op == "===" {
				op = "=="
			} else if op == "!==" {
				op = "!="
			}
			out = append(out, token{"op", op})
		case m[4] >= 0:
			out = append(out, token{"str", s[m[4]:m[5]]})
		case m[6] >= 0:
			out = append(out, token{"num", s[m[6]:m[7]]})
		case m[8] >= 0:
			out = append(out, token{"id", s[m[8]:m[9]]})
		}
		s = s[m[1]:]
	}
	return out
}

// classifier evaluates a condition's scope with the file's functions inlined.
type classifier struct {
	funcs map[string]*Function
	rtdb  bool // Realtime Database expressions: `auth`, `$uid`, `data`, `root`
	depth int
}

type exprParser struct {
	toks []token
	i    int
	c    *classifier
}

func (c *classifier) classify(cond string) Scope {
	if strings.TrimSpace(cond) == "" {
		return Always
	}
	if c.depth > 8 {
		return NoCaller
	}
	p := &exprParser{toks: tokenize(cond), c: c}
	s := p.or()
	return s.scope
}

// val is a parsed sub-expression: its scope as a condition and its text.
type val struct {
	scope Scope
	text  string
}

func (p *exprParser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{}
}

func (p *exprParser) next() token {
	t := p.peek()
	p.i++
	return t
}

func (p *exprParser) or() val {
	v := p.and()
	for p.peek().text == "||" {
		p.next()
		r := p.and()
		v = val{min(v.scope, r.scope), v.text + " || " + r.text}
	}
	return v
}

func (p *exprParser) and() val {
	v := p.ternary()
	for p.peek().text == "&&" {
		p.next()
		r := p.ternary()
		v = val{max(v.scope, r.scope), v.text + " && " + r.text}
	}
	return v
}

func (p *exprParser) ternary() val {
	v := p.unary()
	if p.peek().text == "?" {
		p.next()
		a := p.or()
		if p.peek().text == ":" {
			p.next()
		}
		b := p.or()
		return val{min(a.scope, b.scope), v.text + " ? " + a.text + " : " + b.text}
	}
	return v
}

func (p *exprParser) unary() val {
	if p.peek().text == "!" {
		p.next()
		v := p.unary()
		switch v.scope {
		case Always:
			return val{Never, "!" + v.text}
		case Never:
			return val{Always, "!" + v.text}
		}
		if callerRef(v.text, p.c.rtdb) {
			return val{CallerTied, "!" + v.text}
		}
		return val{NoCaller, "!" + v.text}
	}
	return p.cmp()
}

var cmpOps = map[string]bool{"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "in": true, "is": true}

func (p *exprParser) cmp() val {
	l := p.operand()
	op := p.peek().text
	if !cmpOps[op] {
		return l
	}
	p.next()
	r := p.operand()
	return val{p.c.compare(l, op, r), l.text + " " + op + " " + r.text}
}

func (p *exprParser) operand() val {
	t := p.next()
	var v val
	switch {
	case t.text == "(":
		v = p.or()
		if p.peek().text == ")" {
			p.next()
		}
		v.text = "(" + v.text + ")"
	case t.text == "[" || t.text == "{":
		closer := map[string]string{"[": "]", "{": "}"}[t.text]
		depth, parts := 1, []string{t.text}
		for p.i < len(p.toks) && depth > 0 {
			x := p.next()
			if x.text == t.text {
				depth++
			} else if x.text == closer {
				depth--
			}
			parts = append(parts, x.text)
		}
		v = val{NoCaller, strings.Join(parts, "")}
	case t.kind == "id" && t.text == "true":
		v = val{Always, "true"}
	case t.kind == "id" && t.text == "false":
		v = val{Never, "false"}
	default:
		v = val{NoCaller, t.text}
	}
	// member access, calls, indexes
	for {
		switch p.peek().text {
		case ".":
			p.next()
			v.text += "." + p.next().text
			v.scope = NoCaller
		case "(":
			p.next()
			var args []string
			start := p.i
			depth := 1
			for p.i < len(p.toks) && depth > 0 {
				x := p.next()
				if x.text == "(" {
					depth++
				} else if x.text == ")" {
					depth--
				}
			}
			inner := p.toks[start : p.i-1]
			args = splitArgs(inner)
			v.scope = p.c.call(v.text, args)
			v.text += "(" + strings.Join(args, ", ") + ")"
		case "[":
			p.next()
			idx := p.or()
			if p.peek().text == "]" {
				p.next()
			}
			v.text += "[" + idx.text + "]"
			v.scope = NoCaller
		default:
			if v.scope == NoCaller && callerRef(v.text, p.c.rtdb) {
				v.scope = CallerTied
			} else if v.scope == NoCaller && incomingOnly(v.text, p.c.rtdb) {
				v.scope = Always
			}
			return v
		}
	}
}

func splitArgs(toks []token) []string {
	var out []string
	var cur []string
	depth := 0
	for _, t := range toks {
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
		if t.text == "," && depth == 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, t.text)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// call inlines user functions; get()/exists() lookups keyed by the caller
// are caller checks.
func (c *classifier) call(name string, args []string) Scope {
	if f, ok := c.funcs[name]; ok && !c.rtdb {
		body := f.Return
		for i := len(f.Lets) - 1; i >= 0; i-- {
			body = replaceWord(body, f.Lets[i][0], "("+f.Lets[i][1]+")")
		}
		for i, prm := range f.Params {
			if i < len(args) {
				body = replaceWord(body, prm, "("+args[i]+")")
			}
		}
		inner := &classifier{funcs: c.funcs, rtdb: c.rtdb, depth: c.depth + 1}
		return inner.classify(body)
	}
	for _, a := range args {
		if callerRef(a, c.rtdb) {
			return CallerTied
		}
	}
	return NoCaller
}

func replaceWord(s, word, with string) string {
	re := regexp.MustCompile(`(^|[^A-Za-z0-9_$.])` + regexp.QuoteMeta(word) + `\b`)
	return re.ReplaceAllString(s, "${1}"+with)
}

// callerRef: the expression reads the caller's uid or token claims.
func callerRef(s string, rtdb bool) bool {
	s = strings.ReplaceAll(s, " ", "")
	if rtdb {
		return strings.Contains(s, "auth.uid") || strings.Contains(s, "auth.token")
	}
	return strings.Contains(s, "request.auth.uid") || strings.Contains(s, "request.auth.token")
}

func authRoot(s string, rtdb bool) bool {
	s = strings.Trim(strings.ReplaceAll(s, " ", ""), "()")
	if rtdb {
		return s == "auth" || s == "auth.uid"
	}
	return s == "request.auth" || s == "request.auth.uid"
}

func (c *classifier) compare(l val, op string, r val) Scope {
	lt, rt := strings.ReplaceAll(l.text, " ", ""), strings.ReplaceAll(r.text, " ", "")
	// Firebase console "test mode": allow until a date.
	if strings.HasPrefix(lt, "request.time") && (op == "<" || op == "<=") && strings.Contains(rt, "timestamp.date") {
		return Always
	}
	if lt == rt && (op == "==" || op == "<=" || op == ">=") {
		return Always
	}
	null := func(s string) bool { return s == "null" }
	if (authRoot(lt, c.rtdb) && null(rt) || authRoot(rt, c.rtdb) && null(lt)) && (op == "!=" || op == "is") {
		return AuthOnly
	}
	if (authRoot(lt, c.rtdb) && null(rt) || authRoot(rt, c.rtdb) && null(lt)) && op == "==" {
		return NoCaller // only signed-out callers
	}
	if !strings.Contains(lt+rt, "auth") && (incomingOnly(lt, c.rtdb) || incomingOnly(rt, c.rtdb)) &&
		!existingRef(lt, c.rtdb) && !existingRef(rt, c.rtdb) {
		// Validating the incoming data (size, fields) does not narrow who
		// may write or which document: it admits every caller.
		return Always
	}
	if callerRef(lt, c.rtdb) || callerRef(rt, c.rtdb) {
		if null(lt) || null(rt) {
			return AuthOnly
		}
		if roleClaim(lt) && isAuthenticatedLit(rt) || roleClaim(rt) && isAuthenticatedLit(lt) {
			return AuthOnly
		}
		return CallerTied
	}
	return NoCaller
}

func roleClaim(s string) bool {
	return strings.HasSuffix(s, "auth.token.firebase.sign_in_provider") || strings.HasSuffix(s, "auth.token.email_verified")
}

func isAuthenticatedLit(s string) bool {
	s = strings.Trim(s, `'"`)
	return s == "true" || s == "password" || s == "anonymous"
}

var (
	existingFS   = regexp.MustCompile(`(^|[^.\w])resource\.`)
	existingRTDB = regexp.MustCompile(`(^|[^.\w])(data|root)\.`)
)

// incomingOnly: the expression reads only the data being written
// (request.resource / newData), not the existing document or the caller.
func incomingOnly(s string, rtdb bool) bool {
	s = strings.ReplaceAll(s, " ", "")
	if rtdb {
		return strings.HasPrefix(s, "newData") && !existingRTDB.MatchString(s)
	}
	return strings.HasPrefix(s, "request.resource") && !existingFS.MatchString(s)
}

func existingRef(s string, rtdb bool) bool {
	s = strings.ReplaceAll(s, " ", "")
	if rtdb {
		return existingRTDB.MatchString(s)
	}
	return existingFS.MatchString(s)
}
