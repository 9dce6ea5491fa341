package analyzers

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// Status says how a finding relates to the change.
type Status string

// Finding statuses.
const (
	StatusNew      Status = "new"      // only at head: the change introduces it
	StatusExisting Status = "existing" // at base and head
	StatusFixed    Status = "fixed"    // only at base: the change removes it
)

// Finding is one reported problem.
type Finding struct {
	Rule      *Rule
	Severity  Severity // 0 means the rule's default
	Path      string
	StartLine int
	EndLine   int
	Message   string // what can happen and to whom; never contains a secret
	Fix       string // what to do, in the project's terms
	// Suggestion, when set, replaces lines StartLine..EndLine verbatim: a
	// mechanical fix the PR review offers as a suggestion block.
	Suggestion *string
	// Key is the normalized offending construct the fingerprint hashes, so the
	// fingerprint survives line shifts. Empty means the text of the lines.
	Key string
	// Secrets are values that must never be shown: they are masked in excerpts.
	Secrets []string

	// Set by the engine.
	ID           string
	Fingerprint  string
	Status       Status
	Excerpt      []string // the offending lines, secrets masked
	ExcerptStart int
}

// Category is the finding's category.
func (f *Finding) Category() Category { return f.Rule.Category }

// fingerprint hashes the rule, the path and the normalized construct; n
// counts earlier identical constructs in the same file.
func fingerprint(rule, path, key string, n int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d", rule, path, normalizeKey(key), n)
	return hex.EncodeToString(h.Sum(nil))
}

// normalizeKey collapses whitespace so reformatting keeps the fingerprint.
func normalizeKey(s string) string { return strings.Join(strings.Fields(s), " ") }

// shortID is the user-facing id, used by `/leakguard ignore`.
func shortID(fp string) string { return "LG-" + fp[:10] }

// Redact masks a secret for display: at most a short recognisable prefix and
// the last four characters, e.g. "sk_live_…9f2a". Short values are fully masked.
func Redact(secret string) string {
	if len(secret) < 12 {
		return "****"
	}
	prefix := ""
	if i := strings.LastIndexAny(secret[:min(len(secret)-8, 12)], "_-"); i >= 0 {
		prefix = secret[:i+1]
	} else {
		prefix = secret[:3]
	}
	return prefix + "…" + secret[len(secret)-4:]
}

// RedactIn masks every occurrence of each secret in s.
func RedactIn(s string, secrets []string) string {
	for _, sec := range secrets {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, Redact(sec))
		}
	}
	return s
}

// tokenRun finds long runs of token characters in a line.
var tokenRun = regexp.MustCompile(`[A-Za-z0-9_\-+/=.]{24,}`)

// MaskTokens masks every long, random-looking run in a line of code: a net
// under excerpts, so a secret no rule recognised is still not shown in full.
func MaskTokens(line string) string {
	return tokenRun.ReplaceAllStringFunc(line, func(tok string) string {
		// Identifiers (SCREAMING_SNAKE, camelCase) and dotted paths are not secrets.
		if shannon(tok) < 4.0 || !strings.ContainsAny(tok, "0123456789") || strings.Count(tok, ".") > 3 && !strings.HasPrefix(tok, "eyJ") {
			return tok
		}
		return Redact(tok)
	})
}

func shannon(s string) float64 {
	counts := map[rune]int{}
	for _, r := range s {
		counts[r]++
	}
	var h float64
	n := float64(len([]rune(s)))
	for _, c := range counts {
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}
