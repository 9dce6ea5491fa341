// Package secrets finds credentials committed to the repository: provider
// keys and tokens, private keys, database passwords, secret-named constants,
// committed env files, secret names under a public (browser) prefix, and
// framework config that inlines server secrets into the client bundle.
package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/envname"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleStripeKey = &analyzers.Rule{ID: "secrets/stripe-key", Category: analyzers.CategorySecrets, Severity: analyzers.Critical,
		Summary: "Stripe secret or restricted key in the code (live: critical, test: medium)",
		Doc:     "A Stripe secret key (sk_live_…, rk_live_…) in a committed file gives anyone who can read the repository full API access to the Stripe account. Bad: `new Stripe(\"sk_live_51H…\")`. Good: `new Stripe(process.env.STRIPE_SECRET_KEY!)` with the key in the host's secret settings, and the committed key rolled."}
	ruleStripeWebhookSecret = &analyzers.Rule{ID: "secrets/stripe-webhook-secret", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "Stripe webhook signing secret (whsec_…) in the code",
		Doc:     "The webhook signing secret is what proves an event came from Stripe. Committed, it lets anyone forge events. Bad: `constructEvent(body, sig, \"whsec_…\")`. Good: `constructEvent(body, sig, process.env.STRIPE_WEBHOOK_SECRET!)`."}
	ruleSupabaseKey = &analyzers.Rule{ID: "secrets/supabase-service-key", Category: analyzers.CategorySecrets, Severity: analyzers.Critical,
		Summary: "Supabase secret key (sb_secret_…) or service_role JWT in the code",
		Doc:     "Supabase secret keys and the legacy service_role JWT bypass row-level security. The anon key and sb_publishable_ keys are public by design and are not reported. Bad: `createClient(url, \"eyJ…service_role…\")`. Good: `createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!)` in server-only code."}
	ruleAPIToken = &analyzers.Rule{ID: "secrets/api-token", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "OpenAI, Anthropic, AWS, GitHub, Slack, Clerk, SendGrid, Resend, npm, Hugging Face, Groq or Replicate credential in the code",
		Doc:     "Provider tokens recognised by their format. Bad: `new OpenAI({ apiKey: \"sk-proj-…\" })`. Good: `new OpenAI()` reading OPENAI_API_KEY from the environment."}
	rulePrivateKey = &analyzers.Rule{ID: "secrets/private-key", Category: analyzers.CategorySecrets, Severity: analyzers.Critical,
		Summary: "PEM private key in the code",
		Doc:     "A PEM private key block with key material. Keys in test fixture folders are not reported."}
	ruleDatabaseURL = &analyzers.Rule{ID: "secrets/database-url", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "database connection string with a password for a non-local host",
		Doc:     "postgres://user:password@db.example.com/… committed. Local development URLs (localhost, compose service names) and placeholder passwords are not reported."}
	ruleGeneric = &analyzers.Rule{ID: "secrets/generic-secret", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "random-looking value assigned to a secret-named variable or key",
		Doc:     "A value with the entropy of a generated secret assigned to a name like apiKey, clientSecret, password or *_TOKEN. Bad: `const sessionSecret = \"d8Fq2…\"`. Good: `const sessionSecret = process.env.SESSION_SECRET`."}
	ruleEnvFile = &analyzers.Rule{ID: "secrets/env-file", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "env file committed with real-looking secret values",
		Doc:     ".env, .env.local, .env.production… hold the real values of a deployment and belong in .gitignore. Templates (.env.example, .env.sample) with placeholders are fine."}
	rulePublicName = &analyzers.Rule{ID: "secrets/public-env-secret", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "secret under a public prefix (NEXT_PUBLIC_, VITE_, EXPO_PUBLIC_, REACT_APP_, PUBLIC_…)",
		Doc:     "Frameworks copy every NEXT_PUBLIC_/VITE_/EXPO_PUBLIC_/REACT_APP_/PUBLIC_ variable into the JavaScript sent to every visitor. Bad: `NEXT_PUBLIC_STRIPE_SECRET_KEY=sk_live_…`. Good: `STRIPE_SECRET_KEY` read only in server code; publishable keys (pk_…, sb_publishable_…) and the Supabase anon key may be public."}
	ruleConfigInline = &analyzers.Rule{ID: "secrets/config-inlines-secret", Category: analyzers.CategorySecrets, Severity: analyzers.High,
		Summary: "next.config/vite.config copies a server secret into the client bundle",
		Doc:     "Entries of next.config's `env` (and publicRuntimeConfig) and vite.config's `define` are inlined into browser JavaScript. Bad: `env: { STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY }`. Good: read process.env.STRIPE_SECRET_KEY in server code only and leave it out of `env`."}
)

// Analyzer is the secrets family.
var Analyzer = &analyzers.Analyzer{
	Name: "secrets",
	Doc:  "Finds credentials committed to the repository and secrets exposed to the browser through public env names or framework config.",
	Rules: []*analyzers.Rule{ruleStripeKey, ruleStripeWebhookSecret, ruleSupabaseKey, ruleAPIToken, rulePrivateKey,
		ruleDatabaseURL, ruleGeneric, ruleEnvFile, rulePublicName, ruleConfigInline},
	Run: run,
}

// maxScanBytes bounds the text scanned per file.
const maxScanBytes = 2 << 20

func run(pass *analyzers.Pass) error {
	for _, f := range pass.Files {
		p := pass.Path(f)
		if skipPath(p) {
			continue
		}
		data, err := pass.Read(p)
		if err != nil || len(data) > maxScanBytes || looksBinary(data) {
			continue
		}
		var parsed *syntax.File
		if _, ok := syntax.LangOf(p); ok {
			parsed, _ = pass.Parse(p) // nil on skip: the text checks still run
		}
		fs := &fileScan{pass: pass, path: p, data: data, text: string(data), parsed: parsed, test: TestPath(p)}
		fs.lineStarts()
		fs.tokens()
		fs.generic()
		fs.envFile()
		fs.publicNames()
		fs.configInline()
	}
	return nil
}

type fileScan struct {
	pass   *analyzers.Pass
	path   string
	data   []byte
	text   string
	parsed *syntax.File
	test   bool
	starts []int
	hits   []hit // credentials found by format, so the generic checks skip them
}

func (fs *fileScan) lineStarts() {
	fs.starts = []int{0}
	for i, c := range fs.data {
		if c == '\n' {
			fs.starts = append(fs.starts, i+1)
		}
	}
}

// line converts a byte offset to a 1-based line.
func (fs *fileScan) line(off int) int {
	return sort.Search(len(fs.starts), func(i int) bool { return fs.starts[i] > off })
}

func keyOf(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:12])
}

func (fs *fileScan) tokens() {
	for _, h := range scanText(fs.text) {
		// Fixtures and tests carry fake keys by design; a key that only works
		// against production (live Stripe, a hosted project's service_role)
		// is never a fixture, wherever it sits.
		if fs.test && !h.live {
			continue
		}
		fs.hits = append(fs.hits, h)
		fix := h.fix
		if envname.IsEnvFile(fs.path) && !envname.IsEnvTemplate(fs.path) {
			fix += fmt.Sprintf(" Stop tracking this file: `git rm --cached %s` and add it to .gitignore.", fs.path)
		}
		fs.pass.Report(analyzers.Finding{
			Rule: h.rule, Severity: h.severity, Path: fs.path,
			StartLine: fs.line(h.start), EndLine: fs.line(h.end - 1),
			Message: fmt.Sprintf("This commits %s%s. %s", h.what, quoted(h), h.harm),
			Fix:     fix,
			Key:     keyOf(h.secret),
			Secrets: []string{h.secret},
		})
	}
}

// quoted shows a redacted credential after its description; a PEM block's
// redaction (dashes) says nothing, so it is left out.
func quoted(h hit) string {
	if h.rule == rulePrivateKey {
		return ""
	}
	return ", `" + analyzers.Redact(h.secret) + "`"
}

// covered reports whether a value is part of a credential already reported.
func (fs *fileScan) covered(v string) bool {
	for _, h := range fs.hits {
		if strings.Contains(h.secret, v) || strings.Contains(v, h.secret) {
			return true
		}
	}
	return false
}

var (
	identifierLike = regexp.MustCompile(`^[A-Za-z]+([._:/-][A-Za-z]+|[._:/-]?v?\d{1,3})*$`)
	hasDigit       = regexp.MustCompile(`\d`)
	hasLetter      = regexp.MustCompile(`[A-Za-z]`)
)

// secretValue reports whether a value assigned to a secret name looks like a
// real generated secret rather than a placeholder, identifier or sentence.
func secretValue(name, v string) bool {
	password := strings.Contains(strings.ToUpper(name), "PASSW")
	minLen := 16
	if password {
		minLen = 10
	}
	switch {
	case len(v) < minLen, len(v) > 512:
		return false
	case strings.ContainsAny(v, " \t\n()"), strings.Contains(v, "://"), pathLike(v):
		// Sentences, URLs, paths and references such as env(NAME) are not secrets.
		return false
	case Placeholder(v), PublicValue(v), identifierLike.MatchString(strings.Trim(v, "_")), strings.HasPrefix(v, "data:"), strings.HasPrefix(v, "$"), !ascii(v):
		// Also sentinels (__DEFAULT_CREDENTIALS__), data: URIs, shell or CI
		// variable references ($RUNNER_TEMP/key.p8) and text in other scripts.
		return false
	case !hasLetter.MatchString(v):
		return false
	case !hasDigit.MatchString(v) && len(v) < 32:
		return false
	}
	if password {
		return entropy(v) >= 3.0
	}
	return entropy(v) >= 3.5
}

// ascii reports whether s is printable ASCII, as generated secrets are.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// snake turns an identifier like stripeSecretKey into STRIPE_SECRET_KEY.
func snake(id string) string {
	var b strings.Builder
	rs := []rune(id)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))) {
			b.WriteByte('_')
		}
		if r == '-' || r == '.' {
			r = '_'
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

const secretWordRE = `(?i)\b([A-Za-z0-9_.-]*(?:secret|passw(?:or)?d|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|auth[_-]?key|credentials?)[A-Za-z0-9_.-]*)["']?\s*(?::=|=>|:|=)\s*`

var (
	// assignRE finds `name: value` and `name = value` in config formats,
	// where values may be unquoted.
	assignRE = regexp.MustCompile(secretWordRE + `["']?([^"'\s,;#}]+)`)
	// assignQuotedRE finds assignments of string literals in source code,
	// where an unquoted value is an expression, not a secret.
	assignQuotedRE = regexp.MustCompile(secretWordRE + "[\"'`]([^\"'`\\s,;#}]+)[\"'`]")
)

func (fs *fileScan) generic() {
	if fs.test || envname.IsEnvFile(fs.path) {
		return // env files are judged as a whole by secrets/env-file
	}
	// public, when set, is checked last: it looks at the surrounding code.
	report := func(name, value string, line int, public func() bool) {
		if !envname.SecretName(snake(name)) || !secretValue(name, value) || fs.covered(value) || (public != nil && public()) {
			return
		}
		fs.pass.Report(analyzers.Finding{
			Rule: ruleGeneric, Path: fs.path, StartLine: line,
			Message: fmt.Sprintf("`%s` is set to a hard-coded, random-looking value (%s). Anyone who can read the repository has this secret, and it cannot be rotated without a code change.", name, analyzers.Redact(value)),
			Fix:     fmt.Sprintf("Revoke or rotate the value, then read it from the environment (`process.env.%s`) set in your host's secret settings.", snake(name)),
			Key:     keyOf(name, value),
			Secrets: []string{value},
		})
	}
	if fs.parsed != nil {
		f := fs.parsed
		for _, n := range f.Find("variable_declarator", "pair", "assignment_expression", "public_field_definition", "property_signature") {
			var nameNode, valNode *sitter.Node
			switch n.Type() {
			case "variable_declarator", "public_field_definition", "property_signature":
				nameNode, valNode = n.ChildByFieldName("name"), n.ChildByFieldName("value")
			case "pair":
				nameNode, valNode = n.ChildByFieldName("key"), n.ChildByFieldName("value")
			case "assignment_expression":
				nameNode, valNode = n.ChildByFieldName("left"), n.ChildByFieldName("right")
				if nameNode != nil && nameNode.Type() == "member_expression" {
					nameNode = nameNode.ChildByFieldName("property")
				}
			}
			if nameNode == nil || valNode == nil {
				continue
			}
			name := f.Text(nameNode)
			if v, ok := f.StringValue(nameNode); ok {
				name = v
			}
			if v, ok := f.StringValue(valNode); ok {
				report(name, v, syntax.Line(valNode), func() bool { return browserSDKConfig(f, n, v) })
			}
		}
		return
	}
	re := assignRE
	switch {
	case sourceCode(fs.path):
		re = assignQuotedRE
	case !configLike(fs.path):
		return
	}
	for i, line := range strings.Split(fs.text, "\n") {
		for _, m := range re.FindAllStringSubmatch(line, -1) {
			report(m[1], m[2], i+1, nil)
		}
	}
}

// browserSDKConfig reports the apiKey of a config object that browser SDKs
// are given by design: a Firebase web config ({ apiKey: "AIza…", authDomain,
// messagingSenderId… }, guarded by security rules) or an Algolia search
// config ({ appId, indexName, apiKey }, a search-only key).
func browserSDKConfig(f *syntax.File, pair *sitter.Node, v string) bool {
	obj := pair.Parent()
	if pair.Type() != "pair" || obj == nil || obj.Type() != "object" {
		return false
	}
	siblings := map[string]bool{}
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		if sib := obj.NamedChild(i); sib.Type() == "pair" {
			siblings[propertyKey(f, sib.ChildByFieldName("key"))] = true
		}
	}
	firebase := strings.HasPrefix(v, "AIza") && (siblings["authDomain"] || siblings["messagingSenderId"])
	algolia := siblings["indexName"] && (siblings["appId"] || siblings["applicationId"])
	return firebase || algolia
}

// sourceCode lists languages other than JavaScript whose secrets are string
// literals assigned to a name.
func sourceCode(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".py", ".rb", ".go", ".php", ".java", ".kt", ".cs", ".rs", ".swift", ".dart", ".vue", ".svelte", ".astro":
		return true
	}
	return false
}

// configLike lists text formats where secrets appear as key: value pairs.
func configLike(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".json", ".yml", ".yaml", ".toml", ".ini", ".cfg", ".conf", ".properties", ".xml", ".tf", ".tfvars", ".sh", ".bash", ".sql":
		return true
	}
	b := strings.ToLower(path.Base(p))
	return strings.HasPrefix(b, "dockerfile") || b == ".npmrc" || b == ".netrc"
}

func (fs *fileScan) envFile() {
	if !envname.IsEnvFile(fs.path) || envname.IsEnvTemplate(fs.path) || fs.test {
		return
	}
	var names, values []string
	first := 0
	for _, e := range envname.ParseDotenv(fs.data) {
		real := fs.covered(e.Value) && e.Value != ""
		if !real && privateSecretName(e.Name) && !Placeholder(e.Value) && !PublicValue(e.Value) && len(e.Value) >= 8 && entropy(e.Value) >= 3.0 && !strings.HasPrefix(e.Value, "$") {
			real = !strings.Contains(e.Value, "://") || remoteCredentialURL(e.Value)
		}
		if real {
			names = append(names, e.Name)
			values = append(values, e.Value)
			if first == 0 {
				first = e.Line
			}
		}
	}
	if len(names) == 0 {
		return
	}
	fs.pass.Report(analyzers.Finding{
		Rule: ruleEnvFile, Path: fs.path, StartLine: first,
		Message: fmt.Sprintf("`%s` is committed with real-looking values for %s. Everyone who can read the repository — and every clone, fork and CI cache — now has them.", fs.path, strings.Join(names, ", ")),
		Fix:     fmt.Sprintf("Remove the file from git (`git rm --cached %s`), add it to .gitignore, rotate every value it held, and commit a `.env.example` with placeholders instead.", fs.path),
		Key:     fs.path,
		Secrets: values,
	})
}

// remoteCredentialURL reports a URL with a password for a host outside the
// developer's machine; redis://localhost:6379 or a URL without a password
// holds no secret.
func remoteCredentialURL(v string) bool {
	u := dbURLRE.FindStringSubmatch(v)
	return u != nil && !localHost(u[4]) && !Placeholder(u[3])
}

// privateSecretName reports secret names that are not shipped to browsers
// anyway: a NEXT_PUBLIC_ (VITE_, …) value is public by definition unless its
// name says secret, which secrets/public-env-secret reports.
func privateSecretName(name string) bool {
	if envname.PublicPrefix(name) != "" {
		return envname.PublicSecretName(name)
	}
	return envname.SecretName(name)
}

// publicNames reports secret-looking names and secret values under a public
// prefix. Service-role names are privileged-key findings, reported by privkey.
func (fs *fileScan) publicNames() {
	seen := map[string]bool{}
	for _, o := range envname.Occurrences(fs.path, fs.data, fs.parsed) {
		prefix := envname.PublicPrefix(o.Name)
		if prefix == "" || envname.ServiceRole(strings.TrimPrefix(o.Name, prefix)) {
			continue
		}
		byName := envname.PublicSecretName(o.Name)
		var byValue *hit
		for i := range fs.hits {
			if o.Value != "" && strings.Contains(o.Value, fs.hits[i].secret) {
				byValue = &fs.hits[i]
			}
		}
		if !byName && byValue == nil {
			continue
		}
		k := fmt.Sprintf("%s:%d", o.Name, o.Line)
		if seen[k] {
			continue
		}
		seen[k] = true
		why := "its name says it is a secret"
		sev := analyzers.High
		if byValue != nil {
			why = "its value is " + byValue.what
			sev = max(byValue.severity, analyzers.High)
		}
		rest := strings.TrimPrefix(o.Name, prefix)
		fix := fmt.Sprintf("Rename it to `%s` (no public prefix), read it only in server code (route handlers, server actions, server components), and rotate the value: it has already shipped if this was deployed.", rest)
		if !byName {
			// A public name (…_ANON_KEY, …_PUBLISHABLE_KEY) holding a secret value:
			// the wrong key was pasted, the name is right.
			fix = fmt.Sprintf("Put the public key `%s` is meant for (the anon or publishable key) in its place, and rotate the leaked one (%s) now: it has already shipped if this was deployed.", o.Name, byValue.what)
		}
		fs.pass.Report(analyzers.Finding{
			Rule: rulePublicName, Severity: sev, Path: fs.path, StartLine: o.Line,
			Message: fmt.Sprintf("`%s` is public: the %s prefix makes the build copy its value into the JavaScript every visitor downloads, and %s. Anyone can read it from the browser's dev tools.", o.Name, prefix, why),
			Fix:     fix,
			Key:     o.Name + "\x00" + o.Where,
			Secrets: shownValue(o.Value),
		})
	}
}

// shownValue is the value assigned to a name, to mask in excerpts, unless it
// is a reference or a placeholder that says nothing.
func shownValue(v string) []string {
	if v == "" || strings.HasPrefix(v, "$") || Placeholder(v) {
		return nil
	}
	return []string{v}
}

// configInline reports next.config `env`/publicRuntimeConfig entries and
// vite.config `define` entries that carry a server secret or the whole
// environment.
func (fs *fileScan) configInline() {
	b := path.Base(fs.path)
	next := strings.HasPrefix(b, "next.config.")
	vite := strings.HasPrefix(b, "vite.config.")
	if fs.parsed == nil || (!next && !vite) {
		return
	}
	f := fs.parsed
	f.Walk(f.Root, func(n *sitter.Node) bool {
		if n.Type() != "pair" {
			return true
		}
		key := propertyKey(f, n.ChildByFieldName("key"))
		if !(next && (key == "env" || key == "publicRuntimeConfig")) && !(vite && key == "define") {
			return true
		}
		where := "next.config `" + key + "`"
		if vite {
			where = "vite.config `define`"
		}
		obj := n.ChildByFieldName("value")
		switch {
		case obj == nil:
		case obj.Type() == "object":
			for i := 0; i < int(obj.NamedChildCount()); i++ {
				fs.inlinedEntry(obj.NamedChild(i), where, key)
			}
		case next && wholeEnv(f, obj):
			fs.reportWholeEnv(n, where, key)
		}
		return false
	})
}

// propertyKey is the name of an object key: identifier or string.
func propertyKey(f *syntax.File, k *sitter.Node) string {
	if k == nil {
		return ""
	}
	if v, ok := f.StringValue(k); ok {
		return v
	}
	return f.Text(k)
}

// inlinedEntry reports one entry of an inlined config object.
func (fs *fileScan) inlinedEntry(entry *sitter.Node, where, key string) {
	f := fs.parsed
	var entryKey string
	var val *sitter.Node
	switch entry.Type() {
	case "pair":
		entryKey, val = propertyKey(f, entry.ChildByFieldName("key")), entry.ChildByFieldName("value")
		if (entryKey == "process.env" || entryKey == "import.meta.env") && wholeEnv(f, val) {
			fs.reportWholeEnv(entry, where, key)
			return
		}
	case "spread_element":
		if wholeEnv(f, entry.NamedChild(0)) {
			fs.reportWholeEnv(entry, where, key)
		}
		return
	case "shorthand_property_identifier":
		entryKey, val = f.Text(entry), entry
	default:
		return
	}
	secret := ""
	for _, name := range envReadsIn(f, val) {
		if envname.SecretName(name) && envname.PublicPrefix(name) == "" {
			secret = name
		}
	}
	shown := strings.TrimPrefix(strings.TrimPrefix(entryKey, "process.env."), "import.meta.env.")
	if secret == "" && envname.SecretName(shown) && envname.PublicPrefix(shown) == "" && val != nil && val.Type() != "string" {
		secret = shown
	}
	if v, ok := f.StringValue(val); ok && secret == "" && v != "" && fs.covered(v) {
		secret = shown // a hard-coded key, reported by its own rule too
	}
	if secret == "" {
		return
	}
	fs.pass.Report(analyzers.Finding{
		Rule: ruleConfigInline, Path: fs.path, StartLine: syntax.Line(entry), EndLine: syntax.EndLine(entry),
		Message: fmt.Sprintf("%s inlines `%s` into the client bundle: the build replaces every reference to `%s` with the value of the server secret `%s`, and that JavaScript is downloaded by every visitor.", where, shown, shown, secret),
		Fix:     fmt.Sprintf("Remove `%s` from %s. Read `process.env.%s` only in server code (route handlers, server actions, server components) and rotate the secret if this config was deployed.", shown, where, secret),
		Key:     key + "\x00" + shown + "\x00" + secret,
	})
}

func (fs *fileScan) reportWholeEnv(n *sitter.Node, where, key string) {
	fs.pass.Report(analyzers.Finding{
		Rule: ruleConfigInline, Path: fs.path, StartLine: syntax.Line(n), EndLine: syntax.EndLine(n),
		Message: fmt.Sprintf("%s inlines the whole build environment into the client bundle: every variable set at build time — database URL, Stripe and Supabase secret keys, API tokens — becomes a string in JavaScript that every visitor downloads.", where),
		Fix:     fmt.Sprintf("List only the public values %s needs (or use the framework's public prefix, NEXT_PUBLIC_/VITE_), and rotate every secret the deployed build held.", where),
		Key:     key + "\x00*",
	})
}

// wholeEnv reports expressions that stand for the entire environment:
// process.env, import.meta.env, JSON.stringify of one, or the result of
// Vite's loadEnv(mode, dir, ”) (an empty prefix loads every variable).
func wholeEnv(f *syntax.File, n *sitter.Node) bool {
	if n == nil {
		return false
	}
	if n.Type() == "call_expression" && f.Text(n.ChildByFieldName("function")) == "JSON.stringify" {
		if args := n.ChildByFieldName("arguments"); args != nil && args.NamedChildCount() > 0 {
			return wholeEnv(f, args.NamedChild(0))
		}
	}
	switch t := strings.Join(strings.Fields(f.Text(n)), ""); {
	case t == "process.env" || t == "import.meta.env":
		return true
	case n.Type() == "identifier":
		return loadsAllEnv(f, t)
	}
	return false
}

// loadsAllEnv reports a variable declared as loadEnv(mode, dir, ”).
func loadsAllEnv(f *syntax.File, name string) bool {
	for _, d := range f.Find("variable_declarator") {
		v := d.ChildByFieldName("value")
		if f.Text(d.ChildByFieldName("name")) != name || v == nil || v.Type() != "call_expression" || f.Text(v.ChildByFieldName("function")) != "loadEnv" {
			continue
		}
		args := v.ChildByFieldName("arguments")
		if args == nil || args.NamedChildCount() < 3 {
			return false // the default prefix, VITE_, loads public variables only
		}
		prefix, ok := f.StringValue(args.NamedChild(2))
		return ok && prefix == ""
	}
	return false
}

// envReadsIn lists env variable names read inside a node.
func envReadsIn(f *syntax.File, n *sitter.Node) []string {
	if n == nil {
		return nil
	}
	var names []string
	for _, r := range f.EnvReads() {
		if r.Node.StartByte() >= n.StartByte() && r.Node.EndByte() <= n.EndByte() {
			names = append(names, r.Name)
		}
	}
	return names
}

// TestPath reports paths of tests, fixtures, mocks, seeds and test env files,
// whose credentials are fakes by design.
func TestPath(p string) bool {
	lp := "/" + strings.ToLower(p)
	for _, d := range []string{"/seed/", "/seeds/", "/seeders/"} {
		if strings.Contains(lp, d) {
			return true
		}
	}
	switch b := path.Base(lp); b {
	case ".env.test", ".env.test.local", ".env.testing", ".env.e2e", ".env.ci":
		return true
	default:
		return syntax.TestPath(p) || strings.HasPrefix(b, "seed.")
	}
}

func skipPath(p string) bool {
	b := strings.ToLower(path.Base(p))
	switch b {
	case "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "go.sum", "cargo.lock", "poetry.lock", "composer.lock", "gemfile.lock":
		return true
	}
	return syntax.GeneratedPath(p)
}

func looksBinary(data []byte) bool {
	n := min(len(data), 8000)
	for _, c := range data[:n] {
		if c == 0 {
			return true
		}
	}
	return false
}
