// Package envname classifies environment variable names: which prefixes a
// framework inlines into the browser bundle, and which names hold secrets.
package envname

import (
	"path"
	"regexp"
	"strings"
)

// PublicPrefixes are the prefixes frameworks inline into client bundles:
// Next.js, Vite, Expo, Create React App, Nuxt, Gatsby, SvelteKit/Astro.
var PublicPrefixes = []string{"NEXT_PUBLIC_", "VITE_", "EXPO_PUBLIC_", "REACT_APP_", "NUXT_PUBLIC_", "GATSBY_", "PUBLIC_"}

// PublicPrefix returns the public prefix of a name, or "".
func PublicPrefix(name string) string {
	for _, p := range PublicPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return p
		}
	}
	return ""
}

func tokens(name string) map[string]bool {
	t := map[string]bool{}
	for _, s := range strings.FieldsFunc(strings.ToUpper(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		t[s] = true
	}
	return t
}

// safeTokens mark keys designed to be public.
var safeTokens = []string{"PUBLISHABLE", "ANON", "PUBLIC", "SITE", "MEASUREMENT", "CLIENT_ID"}

func hasSafeToken(t map[string]bool) bool {
	for _, s := range safeTokens {
		if t[s] {
			return true
		}
	}
	return false
}

// ServiceRole reports names that hold a key bypassing row-level security or
// granting admin rights: Supabase service-role/secret keys, Firebase admin
// credentials, generic admin keys.
func ServiceRole(name string) bool {
	t := tokens(name)
	switch {
	case t["SERVICE"] && (t["ROLE"] || t["KEY"]):
		return true
	case t["SUPABASE"] && t["SECRET"]:
		return true
	case t["FIREBASE"] && (t["ADMIN"] || t["PRIVATE"]):
		return true
	case t["ADMIN"] && (t["KEY"] || t["TOKEN"] || t["SECRET"]):
		return true
	}
	return false
}

// SecretName reports names whose value is a secret: keys, tokens, passwords,
// connection strings. Names of keys built to be public (publishable, anon,
// site keys) are not secrets.
func SecretName(name string) bool {
	rest := strings.TrimPrefix(name, PublicPrefix(name))
	t := tokens(rest)
	if hasSafeToken(t) && !t["SECRET"] && !t["PRIVATE"] && !ServiceRole(rest) {
		return false
	}
	if namesAboutSecret(rest) {
		return false
	}
	switch {
	case t["SECRET"], t["SECRETS"], t["PRIVATE"], t["PASSWORD"], t["PASSWD"], t["PASSPHRASE"]:
		return true
	case ServiceRole(rest):
		return true
	case t["TOKEN"] && !t["CSRF"]:
		return true
	case connectionString(t):
		return true
	case t["CREDENTIALS"]:
		return true
	case strings.HasSuffix(strings.ToUpper(rest), "API_KEY"), strings.HasSuffix(strings.ToUpper(rest), "ACCESS_KEY"), strings.HasSuffix(strings.ToUpper(rest), "AUTH_KEY"):
		return true
	}
	return false
}

// aboutSuffixes end names that hold something about a secret rather than
// the secret: its id (private_key_id, TOKEN_ID), its name in a secret
// store, where it is sent or kept (TOKEN_URL, TOKEN_HEADER, TOKEN_COOKIE),
// or its lifetime.
var aboutSuffixes = []string{"ID", "IDS", "NAME", "NAMES", "TYPE", "URL", "URI", "ENDPOINT", "PATH", "FILE", "HEADER", "COOKIE",
	"PARAM", "FIELD", "LABEL", "LENGTH", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "PREFIX", "VERSION", "ARN", "REF", "AT", "ADDRESS"}

// settingWords mark names of settings about a secret rather than the secret:
// feature flags (NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP), limits and
// policies (PASSWORD_MIN_LENGTH, TOKEN_LIMIT).
var settingWords = []string{"ENABLE", "ENABLED", "DISABLE", "DISABLED", "ALLOW", "ALLOWED", "SHOW", "HIDE", "FEATURE", "FLAG",
	"MIN", "MAX", "LENGTH", "LIMIT", "POLICY", "EXPIRY", "TTL"}

// namesAboutSecret reports names like SECRET_NAME, TOKEN_URL or
// DISABLE_PASSWORD_SIGNUP whose words say the value is metadata or a setting. Connection strings named *_URL keep
// their password: DATABASE_URL and friends stay secret.
func namesAboutSecret(name string) bool {
	words := strings.FieldsFunc(strings.ToUpper(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(words) < 2 {
		return false
	}
	last := words[len(words)-1]
	t := tokens(name)
	for _, w := range settingWords {
		if t[w] {
			return true
		}
	}
	if (last == "URL" || last == "URI") && (connectionString(t) || t["WEBHOOK"]) {
		return false
	}
	for _, s := range aboutSuffixes {
		if last == s {
			return true
		}
	}
	return false
}

// dataStores name databases and caches whose URLs carry a password:
// DATABASE_URL, POSTGRES_URL (Vercel), KV_URL, REDIS_URL, MONGODB_URI,
// Prisma's DIRECT_URL.
var dataStores = []string{"DATABASE", "DB", "POSTGRES", "POSTGRESQL", "PG", "MYSQL", "REDIS", "KV", "MONGO", "MONGODB", "CONNECTION", "DIRECT"}

// connectionString reports names of connection strings.
func connectionString(t map[string]bool) bool {
	if t["CONNECTION"] && t["STRING"] {
		return true
	}
	if !t["URL"] && !t["URI"] || t["REST"] {
		return false // KV_REST_API_URL, UPSTASH_REDIS_REST_URL: the token is a separate variable
	}
	for _, d := range dataStores {
		if t[d] {
			return true
		}
	}
	return false
}

// secretOnlyProviders issue only secret API keys: any key or token of theirs
// in the browser is a leak. (Firebase, Maps, analytics and publishable
// payment keys are public by design and are not listed.)
var secretOnlyProviders = []string{
	"OPENAI", "ANTHROPIC", "CLAUDE", "GROQ", "REPLICATE", "COHERE", "MISTRAL", "HUGGINGFACE", "HF",
	"ELEVENLABS", "DEEPGRAM", "PINECONE", "RESEND", "SENDGRID", "MAILGUN", "POSTMARK", "TWILIO", "PLAID",
	"OPENROUTER", "PERPLEXITY", "GEMINI", "XAI", "DEEPSEEK", "FIREWORKS", "VOYAGE", "LANGCHAIN", "LANGSMITH",
	"TOGETHER", "UPSTASH", "SLACK", "DISCORD", "GITHUB", "AWS", "QDRANT", "WEAVIATE", "UNSTRUCTURED", "TAVILY", "SERPAPI",
}

// providerKey reports a key or token name of a provider that has no public keys.
func providerKey(t map[string]bool) bool {
	if !(t["KEY"] || t["TOKEN"] || t["APIKEY"]) {
		return false
	}
	for _, p := range secretOnlyProviders {
		if t[p] {
			return true
		}
	}
	return false
}

// PublicSecretName reports a public-prefixed name that holds a secret: the
// framework inlines it into every visitor's JavaScript. Generic API keys are
// left out (many public SDK keys — Firebase, Maps, analytics — are named
// *_API_KEY); keys of providers that only issue secret keys are included.
func PublicSecretName(name string) bool {
	p := PublicPrefix(name)
	if p == "" {
		return false
	}
	rest := name[len(p):]
	t := tokens(rest)
	if hasSafeToken(t) && !t["SECRET"] && !ServiceRole(rest) || namesAboutSecret(rest) {
		return false
	}
	switch {
	case t["SECRET"], t["PRIVATE"], t["PASSWORD"], t["PASSWD"]:
		return true
	case ServiceRole(rest):
		return true
	case connectionString(t):
		return true
	case providerKey(t):
		return true
	}
	return false
}

var envFileRE = regexp.MustCompile(`^(\.env(\.[A-Za-z0-9_.-]+)?|[A-Za-z0-9_.-]+\.env|\.dev\.vars)$`)

// IsEnvFile reports dotenv files: .env, .env.local, .env.production, app.env…
func IsEnvFile(p string) bool { return envFileRE.MatchString(path.Base(p)) }

// IsEnvTemplate reports env files meant to be committed with placeholders.
func IsEnvTemplate(p string) bool {
	b := strings.ToLower(path.Base(p))
	for _, s := range []string{"example", "sample", "template", "dist", "defaults", "schema", "tmpl", "tpl"} {
		if strings.Contains(b, s) {
			return true
		}
	}
	return false
}

// Entry is one KEY=value line of a dotenv file.
type Entry struct {
	Name  string
	Value string
	Line  int
}

var envLineRE = regexp.MustCompile(`^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$`)

// ParseDotenv reads the entries of a dotenv file: quotes removed, inline
// ` #` comments dropped from unquoted values.
func ParseDotenv(data []byte) []Entry {
	var out []Entry
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		m := envLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[2])
		switch {
		case len(v) >= 2 && (v[0] == '"' || v[0] == '\'' || v[0] == '`'):
			if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
				v = v[1 : end+1]
			}
		default:
			if j := strings.Index(v, " #"); j >= 0 {
				v = strings.TrimSpace(v[:j])
			}
		}
		out = append(out, Entry{Name: m[1], Value: v, Line: i + 1})
	}
	return out
}
