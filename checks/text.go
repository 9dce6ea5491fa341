package checks

import (
	"fmt"
	"io"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
)

// WriteText writes a review for a terminal: new findings grouped by severity
// with the offending lines, the why and the fix; then existing and fixed
// findings in one line each; suppressions, skipped files, notices; the verdict.
func WriteText(w io.Writer, r *analyzers.Result) error {
	tw := &textWriter{w: w}
	var news, existing, fixed []*analyzers.Finding
	for _, f := range r.Findings {
		switch f.Status {
		case analyzers.StatusNew:
			news = append(news, f)
		case analyzers.StatusExisting:
			existing = append(existing, f)
		case analyzers.StatusFixed:
			fixed = append(fixed, f)
		}
	}
	head := short(r.Head)
	if r.Uncommitted != "" {
		head = r.Uncommitted + " (uncommitted changes included)"
	}
	tw.printf("leakguard: %s..%s · %d files changed, %d analyzed · %s new, %d existing, %d fixed\n",
		short(r.Base), head, r.Stats.FilesChanged, r.Stats.FilesAnalyzed, countBySeverity(news), len(existing), len(fixed))
	for _, sev := range []analyzers.Severity{analyzers.Critical, analyzers.High, analyzers.Medium, analyzers.Low} {
		var group []*analyzers.Finding
		for _, f := range news {
			if f.Severity == sev {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		tw.printf("\n%s (%d)\n", strings.ToUpper(sev.String()), len(group))
		for _, f := range group {
			tw.finding(f)
		}
	}
	if len(existing) > 0 {
		tw.printf("\nAlready on the base branch (not introduced by this change):\n")
		for _, f := range existing {
			tw.printf("  %-8s %s  %s:%d  %s\n", f.Severity, f.Rule.ID, f.Path, f.StartLine, f.ID)
		}
	}
	if len(fixed) > 0 {
		tw.printf("\nFixed by this change:\n")
		for _, f := range fixed {
			tw.printf("  %-8s %s  %s:%d\n", f.Severity, f.Rule.ID, f.Path, f.StartLine)
		}
	}
	if len(r.Suppressed) > 0 {
		tw.printf("\nSuppressed in the code:\n")
		for _, s := range r.Suppressed {
			tw.printf("  %s  %s:%d — %q (comment on line %d)\n", s.Finding.Rule.ID, s.Finding.Path, s.Finding.StartLine, s.Reason, s.Line)
		}
	}
	if len(r.Skipped) > 0 {
		tw.printf("\nNot analyzed:\n")
		for _, s := range r.Skipped {
			tw.printf("  %s — %s\n", s.Path, s.Reason)
		}
	}
	if len(r.Notices) > 0 {
		tw.printf("\nNotices:\n")
		for _, n := range r.Notices {
			tw.printf("  %s\n", n)
		}
	}
	blocking := r.Blocking()
	switch {
	case len(blocking) == 0:
		tw.printf("\nPASS: no new finding at or above %s.\n", r.BlockOn)
	case r.WarnOnly:
		tw.printf("\nWARN: %d new finding(s) at or above %s (warn-only mode: not blocking).\n", len(blocking), r.BlockOn)
	default:
		tw.printf("\nFAIL: %d new finding(s) at or above %s.\n", len(blocking), r.BlockOn)
	}
	return tw.err
}

type textWriter struct {
	w   io.Writer
	err error
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func (t *textWriter) finding(f *analyzers.Finding) {
	loc := fmt.Sprintf("%s:%d", f.Path, f.StartLine)
	if f.EndLine > f.StartLine {
		loc = fmt.Sprintf("%s:%d-%d", f.Path, f.StartLine, f.EndLine)
	}
	t.printf("\n  %s · %s · %s  %s\n", f.Rule.ID, f.Severity, loc, f.ID)
	width := len(fmt.Sprint(f.ExcerptStart + len(f.Excerpt)))
	for i, l := range f.Excerpt {
		t.printf("    %*d │ %s\n", width, f.ExcerptStart+i, truncate(l, 160))
	}
	t.printf("%s", wrap(f.Message, "    ", 100))
	t.printf("%s", wrap("Fix: "+f.Fix, "    ", 100))
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

func truncate(s string, n int) string {
	s = strings.ReplaceAll(s, "\t", "  ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func countBySeverity(fs []*analyzers.Finding) string {
	if len(fs) == 0 {
		return "0"
	}
	counts := map[analyzers.Severity]int{}
	for _, f := range fs {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []analyzers.Severity{analyzers.Critical, analyzers.High, analyzers.Medium, analyzers.Low} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return fmt.Sprintf("%d (%s)", len(fs), strings.Join(parts, ", "))
}

// wrap folds text at word boundaries with an indent.
func wrap(s, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	if len(line) > len(indent) {
		b.WriteString(line + "\n")
	}
	return b.String()
}
