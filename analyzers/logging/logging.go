// Package logging finds sensitive data written to logs: credentials
// (authorization headers, cookies, session objects, tokens, passwords, API
// keys) and personal or customer data (request bodies, full email addresses,
// payment objects, prompts and chat transcripts) passed to console.* or to a
// logger (pino, winston, bunyan, consola, the project's own `logger`).
package logging

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleCredentials = &analyzers.Rule{ID: "logging/credentials", Category: analyzers.CategoryLogging, Severity: analyzers.High,
		Summary: "authorization header, cookies, session or token written to the logs",
		Doc: "Server logs are read by more people and systems than the database: the hosting dashboard, log drains, error trackers, " +
			"support staff. A bearer token, session cookie, Supabase session (access and refresh token), API key or password written " +
			"there lets any of them act as the user until it expires. Bad: `console.log('headers', req.headers)`, " +
			"`logger.info({ session })`. Good: log the route, the method and `user.id`; configure pino's " +
			"`redact: ['req.headers.authorization', 'req.headers.cookie']` for request logging."}
	rulePersonal = &analyzers.Rule{ID: "logging/personal-data", Category: analyzers.CategoryLogging, Severity: analyzers.Medium,
		Summary: "request body, full email, payment object or chat transcript written to the logs",
		Doc: "Request bodies, email addresses, Stripe objects (names, addresses, emails, card details) and the prompts and answers " +
			"of a chatbot end up in every log sink and are kept far longer than the data in the database, outside its access " +
			"rules and deletion requests. Bad: `console.log('chat', messages)`, `logger.info(await req.json())`. Good: log ids, " +
			"counts and types: `logger.info({ chatId, messages: messages.length })`, `console.log(event.type, event.id)`."}
)

// Analyzer is the logging family.
var Analyzer = &analyzers.Analyzer{
	Name:  "logging",
	Doc:   "Finds credentials and personal data (request bodies, emails, payment objects, prompts) written to server logs.",
	Rules: []*analyzers.Rule{ruleCredentials, rulePersonal},
	Run:   run,

	Requires: []*analyzers.Analyzer{flow.ProgramAnalyzer},
}

func run(pass *analyzers.Pass) error {
	prog, err := flow.SharedProgram(pass)
	if err != nil {
		return err
	}
	for _, file := range pass.Files {
		p := pass.Path(file)
		if _, ok := syntax.LangOf(p); !ok || skipPath(p) {
			continue
		}
		if data, err := pass.Read(p); err != nil || !mayLog(data) || isCLI(data) {
			continue // cheap text filter before parsing
		}
		f, err := pass.Parse(p)
		if err != nil {
			if analyzers.IsSkip(err) {
				continue
			}
			return err
		}
		if f.HasDirective("use client") {
			continue
		}
		c := newChecker(pass, prog, prog.Index, f, p)
		c.check()
	}
	return nil
}

// isCLI reports a command-line tool: its output goes to the operator who ran
// it, not to a log sink.
func isCLI(src []byte) bool {
	s := string(src)
	return strings.Contains(s, "process.argv") || strings.HasPrefix(s, "#!")
}

// logMarkers are substrings every log call this analyzer understands contains.
var logMarkers = [][]byte{[]byte("console."), []byte("ogger"), []byte("log."), []byte("Log."), []byte("pino"), []byte("winston"), []byte("consola"), []byte("bunyan"), []byte("signale")}

// mayLog is a cheap filter (a regexp over every changed file costs more than
// the analysis it saves).
func mayLog(src []byte) bool {
	for _, m := range logMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

// skipPath leaves out tests, fixtures and operator scripts (a CLI that prints
// the token it just created to the person running it is not a leak).
func skipPath(p string) bool {
	lp := "/" + strings.ToLower(p)
	for _, d := range []string{"/scripts/", "/bin/", "/cli/", "/examples/"} {
		if strings.Contains(lp, d) {
			return true
		}
	}
	base := path.Base(lp)
	return syntax.TestPath(p) || strings.HasPrefix(base, "seed.") || strings.Contains(base, ".config.")
}

// checker holds what one file's checks share.
type checker struct {
	pass    *analyzers.Pass
	prog    *flow.Program
	idx     *jsindex.Index
	f       *syntax.File
	path    string
	ai      bool // the module talks to a model: messages/input/history are chat content
	stripe  bool
	authjs  bool // an Auth.js/NextAuth module: `account` holds OAuth tokens
	entries []jsindex.Entry
	funcs   *flow.FileFuncs
	touches map[*sitter.Node]bool
	redact  map[string]string // logger root name → its redact configuration text
	imports map[string]string
}

var aiImport = regexp.MustCompile(`^(ai|openai|@ai-sdk/.*|@anthropic-ai/.*|@langchain/.*|langchain(/.*)?|llamaindex|cohere-ai|@google/generative-ai|@google/genai|groq-sdk|@mistralai/.*|replicate|together-ai|ollama|@vercel/ai)$`)

func newChecker(pass *analyzers.Pass, prog *flow.Program, idx *jsindex.Index, f *syntax.File, p string) *checker {
	c := &checker{pass: pass, prog: prog, idx: idx, f: f, path: p, touches: map[*sitter.Node]bool{},
		redact: map[string]string{}, imports: map[string]string{}}
	for _, imp := range f.Imports() {
		if aiImport.MatchString(imp.Spec) {
			c.ai = true
		}
		if imp.Spec == "stripe" {
			c.stripe = true
		}
		if strings.HasPrefix(imp.Spec, "next-auth") || strings.HasPrefix(imp.Spec, "@auth/") {
			c.authjs = true
		}
		for _, n := range imp.Names {
			c.imports[n] = imp.Spec
		}
	}
	if strings.Contains(string(f.Src), "constructEvent") {
		c.stripe = true
	}
	c.entries = jsindex.Entries(f, p)
	c.funcs = prog.Funcs(f, c.entries)
	return c
}

// flowOf returns the data-flow analysis of the outermost function around n.
func (c *checker) flowOf(n *sitter.Node) *flow.Func { return c.funcs.Of(syntax.OuterFunc(n)) }

func (c *checker) check() {
	for _, call := range c.f.Find("call_expression") {
		logger, ok := c.logCall(call)
		if !ok {
			continue
		}
		var best *leak
		for _, a := range syntax.Args(call) {
			best = worse(best, c.classify(a, call, 0))
		}
		if best == nil || c.redacted(logger, best) || devOnly(c.f, call) {
			continue
		}
		c.report(call, best)
	}
}

// logCall reports whether call writes a log line, and names the logger.
func (c *checker) logCall(call *sitter.Node) (string, bool) {
	fn := call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "member_expression" {
		return "", false
	}
	method := c.f.Text(fn.ChildByFieldName("property"))
	obj := c.f.Compact(fn.ChildByFieldName("object"))
	if obj == "console" {
		switch method {
		case "log", "info", "warn", "error", "debug", "trace", "dir", "table":
			return "console", true
		}
		return "", false
	}
	switch method {
	case "info", "warn", "error", "debug", "trace", "fatal", "log", "verbose", "silly", "http", "notice", "success", "warning", "critical":
	default:
		return "", false
	}
	last := obj
	if i := strings.LastIndexByte(obj, '.'); i >= 0 {
		last = obj[i+1:]
	}
	if loggerName.MatchString(last) {
		return obj, true
	}
	return "", false
}

var loggerName = regexp.MustCompile(`(?i)^(_?logger|log|_log|logs|pino|winston|bunyan|consola|signale|\w*Logger|\w*Log)$`)

// redacted reports whether the logger is configured (pino/winston redact
// paths) to remove the leaked field.
func (c *checker) redacted(logger string, l *leak) bool {
	if logger == "console" {
		return false
	}
	root, _, _ := strings.Cut(logger, ".")
	cfg := c.redactConfig(root)
	if cfg == "" {
		return false
	}
	lc := strings.ToLower(cfg)
	for _, w := range l.keys {
		if strings.Contains(lc, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

var redactRE = regexp.MustCompile(`(?s)redact\s*:\s*(\[[^\]]*\]|\{[^}]*\})`)

// redactConfig finds the redact option of the logger's construction, in this
// module or in the module it is imported from.
func (c *checker) redactConfig(root string) string {
	if s, ok := c.redact[root]; ok {
		return s
	}
	text := string(c.f.Src)
	if spec, ok := c.imports[root]; ok && c.idx != nil {
		text = ""
		if target, ok := c.idx.Resolve(c.path, spec); ok {
			if b, err := c.pass.Read(target); err == nil {
				text = string(b)
			}
		}
	}
	out := ""
	for _, m := range redactRE.FindAllStringSubmatch(text, -1) {
		out += m[1]
	}
	c.redact[root] = out
	return out
}

var devCondition = regexp.MustCompile("NODE_ENV\\s*===?\\s*['\"`]development|NODE_ENV\\s*!==?\\s*['\"`]production|\\bisDev(elopment)?\\b|\\bIS_DEV\\b|\\bisLocal\\b")

// devOnly reports a log call that only runs in development (inside
// `if (process.env.NODE_ENV === "development")`).
func devOnly(f *syntax.File, call *sitter.Node) bool {
	for p := call.Parent(); p != nil; p = p.Parent() {
		if p.Type() == "if_statement" {
			cons := p.ChildByFieldName("consequence")
			if cons != nil && syntax.Within(call, cons) && devCondition.MatchString(f.Text(p.ChildByFieldName("condition"))) {
				return true
			}
		}
		if syntax.IsFunc(p) {
			return false
		}
	}
	return false
}
