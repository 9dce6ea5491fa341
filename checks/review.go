package checks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

// MaxReviewComments bounds the inline comments of one review; the rest are
// in the annotations and the summary.
const MaxReviewComments = 50

// Side values of review comments, as GitHub spells them.
const (
	SideRight = "RIGHT"
	SideLeft  = "LEFT"
)

// ReviewComment is one inline comment of the PR review.
type ReviewComment struct {
	Path      string
	Line      int
	StartLine int // 0 for a single-line comment
	Side      string
	Body      string
	// Fingerprint is the finding's, also carried by the hidden marker.
	Fingerprint string
}

// Marker signs and reads the hidden marker in our comments. The marker holds
// an HMAC of the fingerprint under a server key, so a marker someone pastes
// into their own comment (or edits into ours) cannot hide a finding; the app
// also trusts markers only on comments written by its own bot account.
type Marker struct{ Key []byte }

var markerRE = regexp.MustCompile(`<!-- leakguard:v1 fp=([0-9a-f]{64}) mac=([0-9a-f]{64}) -->`)

func (m Marker) mac(fp string) []byte {
	h := hmac.New(sha256.New, m.Key)
	h.Write([]byte("leakguard review marker v1\x00" + fp))
	return h.Sum(nil)
}

// Format returns the hidden marker for a fingerprint.
func (m Marker) Format(fp string) string {
	return fmt.Sprintf("<!-- leakguard:v1 fp=%s mac=%s -->", fp, hex.EncodeToString(m.mac(fp)))
}

// Parse returns the fingerprint of the valid marker in a comment body.
func (m Marker) Parse(body string) (string, bool) {
	sm := markerRE.FindStringSubmatch(body)
	if sm == nil || len(m.Key) == 0 {
		return "", false
	}
	got, err := hex.DecodeString(sm[2])
	if err != nil || !hmac.Equal(got, m.mac(sm[1])) {
		return "", false
	}
	return sm[1], true
}

// ReviewComments picks the inline comments of a review: new findings that
// are not ignored, not already commented (posted holds the fingerprints of
// our earlier comments), on lines the change added. Findings elsewhere stay
// in the annotations and the summary. It returns the comments and how many
// eligible findings did not fit in MaxReviewComments.
func ReviewComments(res *analyzers.Result, files []*source.File, posted map[string]bool, ignores map[string]Ignore, m Marker) ([]ReviewComment, int) {
	byPath := map[string]*source.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	var out []ReviewComment
	over := 0
	for _, f := range res.Findings {
		if f.Status != analyzers.StatusNew || posted[f.Fingerprint] {
			continue
		}
		if _, ok := ignores[f.ID]; ok {
			continue
		}
		file := byPath[f.Path]
		if file == nil || file.NoPatch || file.Binary || f.StartLine < 1 {
			continue // GitHub can only comment on lines of a shown diff
		}
		start, end, whole := commentRange(file, f.StartLine, max(f.EndLine, f.StartLine))
		if end == 0 {
			continue
		}
		if len(out) >= MaxReviewComments {
			over++
			continue
		}
		c := ReviewComment{Path: f.Path, Line: end, Side: SideRight, Fingerprint: f.Fingerprint}
		if start < end {
			c.StartLine = start
		}
		c.Body = commentBody(f, whole, m)
		out = append(out, c)
	}
	return out, over
}

// commentRange finds the lines to attach a comment to: the whole finding when
// every line of it was added, else its last (or first, or any) added line.
func commentRange(f *source.File, start, end int) (int, int, bool) {
	all := true
	for l := start; l <= end; l++ {
		if !f.Changed(source.Head, l) {
			all = false
			break
		}
	}
	if all {
		return start, end, true
	}
	for _, l := range []int{end, start} {
		if f.Changed(source.Head, l) {
			return l, l, false
		}
	}
	for l := start; l <= end; l++ {
		if f.Changed(source.Head, l) {
			return l, l, false
		}
	}
	return 0, 0, false
}

func commentBody(f *analyzers.Finding, whole bool, m Marker) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**leakguard · [%s](%s) · %s**\n\n%s\n", f.Rule.ID, RuleDocURL(f.Rule.ID), f.Severity, f.Message)
	if f.Fix != "" {
		fmt.Fprintf(&b, "\n**Fix:** %s\n", f.Fix)
	}
	if f.Suggestion != nil && whole {
		fence := "```"
		for strings.Contains(*f.Suggestion, fence) {
			fence += "`"
		}
		sug := strings.TrimSuffix(*f.Suggestion, "\n")
		fmt.Fprintf(&b, "\n%ssuggestion\n%s\n%s\n", fence, sug, fence)
	}
	fmt.Fprintf(&b, "\n<sub>`%s` · if this is intended, a maintainer can comment `/leakguard ignore %s <reason>`.</sub>\n", f.ID, f.ID)
	b.WriteString(m.Format(f.Fingerprint))
	return b.String()
}

// RulesDoc is the page documenting every rule (docs/rules.md).
const RulesDoc = "https://github.com/leakguard/leakguard/blob/main/docs/rules.md"

// RuleDocURL links a rule's section of the rules page (GitHub's heading
// anchors drop the slash: secrets/stripe-key is #secretsstripe-key).
func RuleDocURL(ruleID string) string {
	return RulesDoc + "#" + strings.ToLower(strings.ReplaceAll(ruleID, "/", ""))
}

// ReviewBody is the body of the review that carries the inline comments.
func ReviewBody(n, over int, conclusion string) string {
	s := fmt.Sprintf("leakguard found %s on lines this pull request changes.", plural(n, "new security finding"))
	if over > 0 {
		s += fmt.Sprintf(" %d more are listed in the `leakguard` check run.", over)
	}
	if conclusion == ConclusionFailure {
		s += " The `leakguard` check fails until they are fixed or ignored."
	}
	return s
}
