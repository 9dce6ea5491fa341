package analyzers

import (
	"context"
	"regexp"
	"strings"
)

// A suppression is a comment `leakguard-ignore <rule-or-category>: <reason>`
// on a finding's first line or the line above it. The reason is required.
var suppressRE = regexp.MustCompile(`leakguard-ignore\s+([a-z0-9-]+(?:/[a-z0-9-]+)?)\s*(?::\s*(.*))?`)

// suppression finds a suppression for f in the head file.
func (s *sideState) suppression(ctx context.Context, f *Finding) (Suppressed, bool) {
	ls := s.lines(ctx, f.Path)
	for _, line := range []int{f.StartLine, f.StartLine - 1} {
		if line < 1 || line > len(ls) {
			continue
		}
		for _, m := range suppressRE.FindAllStringSubmatch(string(ls[line-1]), -1) {
			target := m[1]
			if target != f.Rule.ID && target != string(f.Rule.Category) {
				continue
			}
			return Suppressed{Finding: f, Line: line, Reason: cleanReason(m[2])}, true
		}
	}
	return Suppressed{}, false
}

// cleanReason drops comment terminators that follow the reason.
func cleanReason(r string) string {
	r = strings.TrimSpace(r)
	for _, end := range []string{"*/", "-->", "*}", "}"} {
		r = strings.TrimSpace(strings.TrimSuffix(r, end))
	}
	return r
}
