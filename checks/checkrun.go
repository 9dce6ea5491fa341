// Package checks turns a review result into what people read: the GitHub
// check run (conclusion, summary, annotations), the PR review comments, and
// the text, JSON and SARIF outputs of `leakguard scan`.
package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
)

// GitHub's limits on check run output, written down where they bite.
const (
	// MaxSummaryBytes is GitHub's limit on output.summary (and output.text).
	MaxSummaryBytes = 65535
	// AnnotationsPerRequest is the most annotations one create or update may carry.
	AnnotationsPerRequest = 50
	// MaxAnnotations bounds the annotations of one run (10 update requests).
	MaxAnnotations = 500
	// CheckName is the check run's name, which branch protection requires.
	CheckName = "leakguard"
)

// Conclusions and annotation levels, as GitHub spells them.
const (
	ConclusionSuccess = "success"
	ConclusionFailure = "failure"
	ConclusionNeutral = "neutral"

	LevelFailure = "failure"
	LevelWarning = "warning"
	LevelNotice  = "notice"
)

// Ignore is a finding a maintainer ignored with `/leakguard ignore`.
type Ignore struct {
	ID     string
	Reason string
	Actor  string
}

// Annotation is one check run annotation.
type Annotation struct {
	Path      string
	StartLine int
	EndLine   int
	Level     string
	Title     string
	Message   string
}

// CheckOutput is the completed check run: conclusion and output.
type CheckOutput struct {
	Conclusion  string
	Title       string
	Summary     string
	Annotations []Annotation
	// DroppedAnnotations counts findings left out of the annotations (over MaxAnnotations).
	DroppedAnnotations int
}

// CheckOptions carry what the check run shows beyond the engine's result.
type CheckOptions struct {
	// Ignores by finding id; ignored findings never block.
	Ignores map[string]Ignore
	// Notices are added to the engine's (configuration problems, for example).
	Notices []string
	// MaxSummaryBytes overrides MaxSummaryBytes (tests).
	MaxSummaryBytes int
}

// Blocking returns the new findings that block: at or above the threshold
// and not ignored.
func Blocking(res *analyzers.Result, ignores map[string]Ignore) []*analyzers.Finding {
	var out []*analyzers.Finding
	for _, f := range res.Blocking() {
		if _, ok := ignores[f.ID]; !ok {
			out = append(out, f)
		}
	}
	return out
}

// Conclusion is the check's conclusion: failure when a new finding at or
// above the threshold is not ignored, neutral instead in warn-only mode,
// success otherwise.
func Conclusion(res *analyzers.Result, ignores map[string]Ignore) string {
	if len(Blocking(res, ignores)) == 0 {
		return ConclusionSuccess
	}
	if res.WarnOnly {
		return ConclusionNeutral
	}
	return ConclusionFailure
}

// Failed is the output of a review that could not run: the check fails
// closed with the reason, and the app adds a "Re-run" button.
func Failed(reason string) CheckOutput {
	s := "leakguard could not finish reviewing this pull request, so the check fails closed: a security check must not pass because it did not run.\n\n" +
		"**Reason:** " + reason + "\n\nUse **Re-run** above, or comment `/leakguard rescan` on the pull request."
	return CheckOutput{Conclusion: ConclusionFailure, Title: "Analysis failed", Summary: cutBytes(s, MaxSummaryBytes)}
}

// CheckRun renders a review result as a completed check run.
func CheckRun(res *analyzers.Result, opts CheckOptions) CheckOutput {
	out := CheckOutput{Conclusion: Conclusion(res, opts.Ignores)}
	blocking := Blocking(res, opts.Ignores)
	blockingSet := map[*analyzers.Finding]bool{}
	for _, f := range blocking {
		blockingSet[f] = true
	}
	var nNew, nExisting, nFixed, nIgnored int
	for _, f := range res.Findings {
		switch f.Status {
		case analyzers.StatusNew:
			nNew++
			if _, ok := opts.Ignores[f.ID]; ok {
				nIgnored++
			}
		case analyzers.StatusExisting:
			nExisting++
		case analyzers.StatusFixed:
			nFixed++
		}
	}
	switch {
	case len(blocking) > 0 && res.WarnOnly:
		out.Title = fmt.Sprintf("%s at or above %s (warn-only)", plural(len(blocking), "new finding"), res.BlockOn)
	case len(blocking) > 0:
		out.Title = fmt.Sprintf("%s at or above %s", plural(len(blocking), "blocking finding"), res.BlockOn)
	case nNew > 0:
		out.Title = fmt.Sprintf("No blocking finding (%s below %s or ignored)", plural(nNew, "new finding"), res.BlockOn)
	default:
		out.Title = "No new finding"
	}

	budget := opts.MaxSummaryBytes
	if budget == 0 {
		budget = MaxSummaryBytes
	}
	sb := &summary{budget: budget - 400} // room for "…and N more" and the truncation note
	switch {
	case len(blocking) > 0 && res.WarnOnly:
		sb.add(fmt.Sprintf("⚠️ **%s** at or above `%s`. This repository is in warn-only mode, so the check does not fail.\n\n", plural(len(blocking), "new finding"), res.BlockOn))
	case len(blocking) > 0:
		sb.add(fmt.Sprintf("❌ **%s** at or above `%s`: this pull request introduces security regressions.\n\n", plural(len(blocking), "new finding"), res.BlockOn))
	default:
		sb.add(fmt.Sprintf("✅ No new finding at or above `%s`.\n\n", res.BlockOn))
	}
	sb.add(fmt.Sprintf("**%d new** · %d existing (already on the base branch) · %d fixed by this change", nNew, nExisting, nFixed))
	if nIgnored > 0 {
		sb.add(fmt.Sprintf(" · %d ignored", nIgnored))
	}
	sb.add("\n\n")
	sb.add(categoryTable(res))

	section := func(title string, fs []*analyzers.Finding, line func(*analyzers.Finding) string) {
		if len(fs) == 0 {
			return
		}
		sb.add("### " + title + "\n\n")
		for i, f := range fs {
			if !sb.add(line(f)) {
				sb.force(fmt.Sprintf("- …and %d more\n", len(fs)-i))
				break
			}
		}
		sb.add("\n")
	}
	var otherNew, ignored, existing, fixed []*analyzers.Finding
	for _, f := range res.Findings {
		switch {
		case blockingSet[f]:
		case f.Status == analyzers.StatusNew:
			if _, ok := opts.Ignores[f.ID]; ok {
				ignored = append(ignored, f)
			} else {
				otherNew = append(otherNew, f)
			}
		case f.Status == analyzers.StatusExisting:
			existing = append(existing, f)
		case f.Status == analyzers.StatusFixed:
			fixed = append(fixed, f)
		}
	}
	section("Blocking", blocking, findingLine)
	section("Other new findings", otherNew, findingLine)
	section("Ignored", ignored, func(f *analyzers.Finding) string {
		ig := opts.Ignores[f.ID]
		return fmt.Sprintf("- `%s` %s at `%s:%d`, ignored by @%s: %s\n", f.ID, f.Rule.ID, f.Path, f.StartLine, ig.Actor, oneLine(ig.Reason))
	})
	section("Fixed by this change", fixed, func(f *analyzers.Finding) string {
		return fmt.Sprintf("- `%s` **%s** · %s was at `%s:%d` on the base branch\n", f.ID, f.Rule.ID, f.Severity, f.Path, f.StartLine)
	})
	section("Existing (not introduced by this change)", existing, findingLine)
	if len(res.Suppressed) > 0 {
		sb.add("### Suppressed in code\n\n")
		for i, s := range res.Suppressed {
			if !sb.add(fmt.Sprintf("- `%s` %s at `%s:%d`: %s\n", s.Finding.ID, s.Finding.Rule.ID, s.Finding.Path, s.Line, oneLine(s.Reason))) {
				sb.add(fmt.Sprintf("- …and %d more\n", len(res.Suppressed)-i))
				break
			}
		}
		sb.add("\n")
	}
	notices := append(append([]string(nil), res.Notices...), opts.Notices...)
	if len(notices) > 0 {
		sb.add("### Notices\n\n")
		for _, n := range notices {
			sb.add("- " + oneLine(n) + "\n")
		}
		sb.add("\n")
	}
	sb.add(fmt.Sprintf("### What was analyzed\n\n%d of %d changed files analyzed in %d ms.", res.Stats.FilesAnalyzed, res.Stats.FilesChanged, res.Stats.DurationMS))
	if len(res.Skipped) > 0 {
		sb.add(" Skipped:\n\n")
		for i, s := range res.Skipped {
			if !sb.add(fmt.Sprintf("- `%s`: %s\n", s.Path, s.Reason)) {
				sb.add(fmt.Sprintf("- …and %d more\n", len(res.Skipped)-i))
				break
			}
		}
	}
	sb.add("\n\nComment `/leakguard help` on the pull request for commands (rescan, ignore a finding with a reason).\n")

	out.Annotations, out.DroppedAnnotations = annotations(res, opts.Ignores, blockingSet)
	if out.DroppedAnnotations > 0 {
		sb.truncated = true
	}
	out.Summary = sb.String()
	if out.DroppedAnnotations > 0 {
		out.Summary += fmt.Sprintf("\n_%d findings are not annotated: GitHub check runs are limited here to %d annotations._\n", out.DroppedAnnotations, MaxAnnotations)
	}
	out.Summary = cutBytes(out.Summary, budget)
	return out
}

func findingLine(f *analyzers.Finding) string {
	lines := fmt.Sprintf("%d", f.StartLine)
	if f.EndLine > f.StartLine {
		lines = fmt.Sprintf("%d-%d", f.StartLine, f.EndLine)
	}
	return fmt.Sprintf("- `%s` **%s** · %s · `%s:%s`: %s\n", f.ID, f.Rule.ID, f.Severity, f.Path, lines, oneLine(f.Message))
}

func categoryTable(res *analyzers.Result) string {
	counts := map[analyzers.Category]map[analyzers.Severity]int{}
	for _, f := range res.Findings {
		if f.Status != analyzers.StatusNew {
			continue
		}
		if counts[f.Category()] == nil {
			counts[f.Category()] = map[analyzers.Severity]int{}
		}
		counts[f.Category()][f.Severity]++
	}
	if len(counts) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("| new findings | critical | high | medium | low |\n|---|---:|---:|---:|---:|\n")
	for _, c := range analyzers.Categories {
		m, ok := counts[c]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %d | %d | %d | %d |\n", c, m[analyzers.Critical], m[analyzers.High], m[analyzers.Medium], m[analyzers.Low])
	}
	b.WriteString("\n")
	return b.String()
}

// annotations lists new and existing findings as annotations, blocking ones
// first, bounded by MaxAnnotations.
func annotations(res *analyzers.Result, ignores map[string]Ignore, blocking map[*analyzers.Finding]bool) ([]Annotation, int) {
	var fs []*analyzers.Finding
	for _, f := range res.Findings {
		if f.Status != analyzers.StatusFixed && f.StartLine > 0 {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return blocking[fs[i]] && !blocking[fs[j]] })
	dropped := 0
	if len(fs) > MaxAnnotations {
		dropped = len(fs) - MaxAnnotations
		fs = fs[:MaxAnnotations]
	}
	out := make([]Annotation, 0, len(fs))
	for _, f := range fs {
		level := LevelNotice
		title := fmt.Sprintf("%s · %s", f.Rule.ID, f.Severity)
		switch {
		case blocking[f]:
			level = LevelFailure
		case f.Status == analyzers.StatusNew:
			level = LevelWarning
			if ig, ok := ignores[f.ID]; ok {
				title += " · ignored by @" + ig.Actor
			}
		default:
			title += " · existing"
		}
		msg := f.Message
		if f.Fix != "" {
			msg += "\n\nFix: " + f.Fix
		}
		msg += "\n\n" + f.ID
		end := f.EndLine
		if end < f.StartLine {
			end = f.StartLine
		}
		out = append(out, Annotation{Path: f.Path, StartLine: f.StartLine, EndLine: end, Level: level, Title: cutBytes(title, 255), Message: cutBytes(msg, 64000)})
	}
	return out, dropped
}

// Batches splits annotations into groups GitHub accepts in one request.
func Batches(anns []Annotation) [][]Annotation {
	var out [][]Annotation
	for len(anns) > 0 {
		n := min(len(anns), AnnotationsPerRequest)
		out = append(out, anns[:n])
		anns = anns[n:]
	}
	return out
}

// summary builds markdown within a byte budget.
type summary struct {
	b         strings.Builder
	budget    int
	truncated bool
}

// add appends s when it fits; it reports false (and stops adding) once the
// budget is spent.
func (s *summary) add(str string) bool {
	if s.truncated {
		return false
	}
	if s.b.Len()+len(str) > s.budget {
		s.truncated = true
		return false
	}
	s.b.WriteString(str)
	return true
}

// force appends a short line past the budget (within the reserve kept for it).
func (s *summary) force(str string) { s.b.WriteString(str) }

func (s *summary) String() string {
	out := s.b.String()
	if s.truncated {
		out += "\n\n_The summary was shortened to fit GitHub's 65,535-byte limit; the annotations and `leakguard scan --format json` have the full list._\n"
	}
	return out
}

// CutBytes cuts s to at most n bytes on a rune boundary, ending with "…".
func CutBytes(s string, n int) string { return cutBytes(s, n) }

// cutBytes cuts s to at most n bytes on a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return cutBytes(s, 400)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
