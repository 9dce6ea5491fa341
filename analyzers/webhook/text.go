package webhook

import "strings"

func lineText(ff *fileFacts, n int) string {
	lines := strings.Split(ff.text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

func containsOnce(s, sub string) bool { return strings.Count(s, sub) == 1 }

func replaceOnce(s, old, repl string) string { return strings.Replace(s, old, repl, 1) }
