package secrets

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"regexp"
	"strings"
)

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

var placeholderWords = []string{
	"xxx", "your", "example", "placeholder", "changeme", "change_me", "change-me", "replace", "dummy",
	"fake", "sample", "redacted", "insert", "todo", "here", "mock", "notreal", "not_real", "not-a-",
	"invalid", "secret_key", "secretkey", "demo", "foobar", "lorem", "abcdef", "123456", "987654", "default",
}

var weakPasswords = map[string]bool{
	"password": true, "postgres": true, "admin": true, "root": true, "secret": true, "test": true,
	"pass": true, "mysql": true, "user": true, "guest": true, "supabase": true, "prisma": true,
	"localdev": true, "development": true, "dev": true, "local": true, "docker": true, "example": true,
}

// Placeholder reports values that stand in for a secret: "your-key-here",
// "sk_test_xxx", "<token>", "${STRIPE_KEY}", "changeme", masked or repeated
// characters, template syntax.
func Placeholder(v string) bool {
	lv := strings.ToLower(v)
	if weakPasswords[lv] {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(lv, w) {
			return true
		}
	}
	for _, marker := range []string{"<", ">", "${", "{{", "}}", "$(", "...", "…", "***", "%s", "[", "]"} {
		if strings.Contains(v, marker) {
			return true
		}
	}
	// The random part of a real key is not a run of one character, nor
	// counting (abc123def456), nor base64 of a placeholder.
	return maxRun(v) >= 6 || sequential(v) || placeholderBase64(v)
}

// sequential reports values made of counting runs such as "abc123def456ghi789".
func sequential(s string) bool {
	if len(s) < 8 {
		return false
	}
	steps := 0
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1]+1 {
			steps++
		}
	}
	return steps*2 >= len(s)-1
}

// placeholderBase64 reports base64 that decodes to placeholder text, such as
// the QStash dev server token {"UserID":"defaultUser","Password":"defaultPassword"}.
func placeholderBase64(v string) bool {
	if len(v) < 16 || !strings.HasPrefix(v, "ey") {
		return false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		b, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(v, "="))
	}
	return err == nil && Placeholder(string(b))
}

func maxRun(s string) int {
	best, run := 0, 0
	var prev rune = -1
	for _, r := range s {
		if r == prev {
			run++
		} else {
			run = 1
			prev = r
		}
		if run > best {
			best = run
		}
	}
	return best
}

// randomLooking reports whether the random part of a token looks generated:
// enough entropy for its length.
func randomLooking(s string) bool {
	if len(s) < 8 {
		return false
	}
	need := 3.0
	if len(s) >= 20 {
		need = 3.5
	}
	return entropy(s) >= need
}

// jwtClaims decodes the payload of a JWT-shaped string.
func jwtClaims(tok string) (map[string]any, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return nil, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return nil, false
	}
	var claims map[string]any
	if json.Unmarshal(payload, &claims) != nil {
		return nil, false
	}
	return claims, true
}

// dbURLRE matches connection strings with a password, SQLAlchemy driver
// suffixes (postgresql+psycopg://, mysql+pymysql://) included.
var dbURLRE = regexp.MustCompile(`\b((?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver)(?:\+\w+)?|mongodb(?:\+srv)?|rediss?|amqps?)://([^:@/\s"'` + "`" + `]+):([^@/\s"'` + "`" + `]+)@([^/:\s"'` + "`" + `?]+)`)

// localHost reports hosts that only exist on a developer's machine or in a
// compose network.
func localHost(h string) bool {
	h = strings.ToLower(h)
	if h == "localhost" || strings.HasPrefix(h, "127.") || h == "0.0.0.0" || h == "host.docker.internal" || h == "::1" {
		return true
	}
	return !strings.Contains(h, ".") // a compose service name such as "db" or "postgres"
}

// documentationKeys are keys published in providers' API references, shared
// by everyone who copies the examples: Stripe's sample test-mode keys.
var documentationKeys = map[string]bool{
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc": true,
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2": true,
}

var publicJWTRoles = map[string]bool{"anon": true}

// PublicValue reports values that are public by design and never a leak,
// whatever name holds them: publishable keys (pk_…, sb_publishable_…), the
// Supabase anon JWT, the keys of the local Supabase stack, PostHog project
// keys (phc_), Mapbox public tokens (pk.) and keys published in API references.
func PublicValue(v string) bool {
	if documentationKeys[v] {
		return true
	}
	for _, p := range []string{"pk_live_", "pk_test_", "sb_publishable_", "phc_", "pk.eyJ"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	if !strings.HasPrefix(v, "eyJ") {
		return false
	}
	claims, ok := jwtClaims(v)
	if !ok {
		return false
	}
	role, _ := claims["role"].(string)
	iss, _ := claims["iss"].(string)
	return publicJWTRoles[role] || iss == "supabase-demo"
}

var pathSegment = regexp.MustCompile(`^[A-Za-z]*[A-Za-z._-]*[A-Za-z0-9._-]{0,3}$`)

// pathLike reports file paths and URL paths ("/settings/api-keys",
// "./keys/dev.pem", "prod/acme/stripe") as opposed to base64 values, whose
// slash-separated pieces are random.
func pathLike(v string) bool {
	for _, p := range []string{"/", "./", "../", "~/"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	if !strings.Contains(v, "/") || strings.Contains(v, "+") || strings.HasSuffix(v, "=") {
		return false
	}
	for _, seg := range strings.Split(v, "/") {
		if !pathSegment.MatchString(seg) {
			return false
		}
	}
	return true
}
