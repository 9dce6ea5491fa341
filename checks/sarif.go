package checks

import (
	"encoding/json"
	"io"
	"sort"

	"github.com/leakguard/leakguard/analyzers"
)

// SARIF 2.1.0 document types (the subset leakguard writes).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
	}
	// sarifInvocation carries the review's notices as tool execution
	// notifications, where code scanning shows them as tool warnings.
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		Name                 string         `json:"name"`
		ShortDescription     sarifText      `json:"shortDescription"`
		FullDescription      sarifText      `json:"fullDescription"`
		Help                 sarifText      `json:"help"`
		DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		BaselineState       string            `json:"baselineState"`
		Properties          map[string]any    `json:"properties"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine int `json:"startLine"`
		EndLine   int `json:"endLine"`
	}
)

// SARIFLevel maps a severity to a SARIF result level.
func SARIFLevel(s analyzers.Severity) string {
	switch s {
	case analyzers.Critical, analyzers.High:
		return "error"
	case analyzers.Medium:
		return "warning"
	}
	return "note"
}

// securitySeverity is the CVSS-like score GitHub code scanning ranks by.
func securitySeverity(s analyzers.Severity) string {
	switch s {
	case analyzers.Critical:
		return "9.5"
	case analyzers.High:
		return "8.0"
	case analyzers.Medium:
		return "5.5"
	}
	return "3.0"
}

// WriteSARIF writes SARIF 2.1.0 for upload to GitHub code scanning. Rules
// lists every rule that ran; results are the new and existing findings
// (fixed ones are gone from the code, so they are not results).
func WriteSARIF(w io.Writer, r *analyzers.Result, rules []*analyzers.Rule, version string) error {
	rules = append([]*analyzers.Rule{}, rules...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	index := map[string]int{}
	driver := sarifDriver{Name: "leakguard", Version: version, InformationURI: "https://github.com/leakguard/leakguard", Rules: []sarifRule{}}
	for i, rule := range rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID: rule.ID, Name: rule.ID,
			ShortDescription:     sarifText{rule.Summary},
			FullDescription:      sarifText{rule.Doc},
			Help:                 sarifText{rule.Doc},
			DefaultConfiguration: sarifRuleConf{SARIFLevel(rule.Severity)},
			Properties: map[string]any{
				"tags":              []string{"security", string(rule.Category)},
				"security-severity": securitySeverity(rule.Severity),
				"precision":         "high",
			},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}
	if r.Uncommitted != "" {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{"note", sarifText{"uncommitted changes are included: the head is the " + r.Uncommitted}})
	}
	for _, n := range r.Notices {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{"warning", sarifText{n}})
	}
	run := sarifRun{Tool: sarifTool{driver}, Invocations: []sarifInvocation{inv}, Results: []sarifResult{}}
	for _, f := range r.Findings {
		if f.Status == analyzers.StatusFixed {
			continue
		}
		i, ok := index[f.Rule.ID]
		if !ok {
			continue
		}
		state := "new"
		if f.Status == analyzers.StatusExisting {
			state = "unchanged"
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Rule.ID, RuleIndex: i, Level: SARIFLevel(f.Severity),
			Message: sarifText{f.Message + "\n\nFix: " + f.Fix},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: f.Path, URIBaseID: "%SRCROOT%"},
				Region:           sarifRegion{StartLine: f.StartLine, EndLine: f.EndLine},
			}}},
			PartialFingerprints: map[string]string{sarifFingerprintKey: f.Fingerprint},
			BaselineState:       state,
			Properties:          map[string]any{"id": f.ID, "severity": f.Severity.String(), "status": string(f.Status), "category": string(f.Rule.Category)},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
