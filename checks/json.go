// Package checks turns a review's findings into what people and tools read:
// text for a terminal, the JSON contract of DESIGN.md, SARIF 2.1.0 for code
// scanning, and (in checkrun.go / review.go) GitHub check runs and reviews.
package checks

import (
	"encoding/json"
	"io"

	"github.com/leakguard/leakguard/analyzers"
)

// JSONReport is the `leakguard scan --format json` document.
type JSONReport struct {
	Version int    `json:"version"`
	Base    string `json:"base"`
	Head    string `json:"head"`
	// Uncommitted is set when head is uncommitted work rather than the
	// commit Head names: "working tree" or "staged changes" (an extension).
	Uncommitted string        `json:"uncommitted,omitempty"`
	Findings    []JSONFinding `json:"findings"`
	Stats       JSONStats     `json:"stats"`
	// Notices are what the reader should know besides the findings: an
	// invalid configuration, an incomplete file list, how the base was
	// chosen (an extension of the version 1 contract; always present).
	Notices []string `json:"notices"`
}

// JSONFinding is one finding in the JSON contract.
type JSONFinding struct {
	ID          string `json:"id"`
	Rule        string `json:"rule"`
	Category    string `json:"category"`
	Severity    string `json:"severity"`
	Path        string `json:"path"`
	StartLine   int    `json:"start_line"`
	EndLine     int    `json:"end_line"`
	Message     string `json:"message"`
	Fix         string `json:"fix"`
	Fingerprint string `json:"fingerprint"`
	Status      string `json:"status"`
}

// JSONStats are the review's counters.
type JSONStats struct {
	FilesChanged  int   `json:"files_changed"`
	FilesAnalyzed int   `json:"files_analyzed"`
	DurationMS    int64 `json:"duration_ms"`
}

// NewJSONReport converts a result to the JSON contract.
func NewJSONReport(r *analyzers.Result) JSONReport {
	rep := JSONReport{Version: 1, Base: r.Base, Head: r.Head, Uncommitted: r.Uncommitted, Findings: []JSONFinding{}, Notices: append([]string{}, r.Notices...),
		Stats: JSONStats{FilesChanged: r.Stats.FilesChanged, FilesAnalyzed: r.Stats.FilesAnalyzed, DurationMS: r.Stats.DurationMS}}
	for _, f := range r.Findings {
		rep.Findings = append(rep.Findings, JSONFinding{
			ID: f.ID, Rule: f.Rule.ID, Category: string(f.Rule.Category), Severity: f.Severity.String(),
			Path: f.Path, StartLine: f.StartLine, EndLine: f.EndLine, Message: f.Message, Fix: f.Fix,
			Fingerprint: f.Fingerprint, Status: string(f.Status),
		})
	}
	return rep
}

// WriteJSON writes the JSON contract, indented.
func WriteJSON(w io.Writer, r *analyzers.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewJSONReport(r))
}
