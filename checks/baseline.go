package checks

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/leakguard/leakguard/analyzers"
)

// sarifFingerprintKey is the partialFingerprints key leakguard's SARIF
// results carry their fingerprint under.
const sarifFingerprintKey = "leakguard/v1"

// Baseline is the set of finding fingerprints of an earlier report, whose
// findings a scan with --baseline leaves out: what was accepted then is not
// reported again, whatever its line.
type Baseline map[string]bool

// ReadBaseline reads an earlier `leakguard scan` report, JSON or SARIF.
func ReadBaseline(data []byte) (Baseline, error) {
	var doc struct {
		Version  any `json:"version"`
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not a leakguard JSON or SARIF report: %w", err)
	}
	b := Baseline{}
	switch {
	case doc.Runs != nil: // SARIF
		for _, run := range doc.Runs {
			for i, res := range run.Results {
				fp := res.PartialFingerprints[sarifFingerprintKey]
				if fp == "" {
					return nil, fmt.Errorf("SARIF result %d has no %q fingerprint: not a leakguard report", i, sarifFingerprintKey)
				}
				b[fp] = true
			}
		}
	case doc.Findings != nil: // leakguard JSON
		for i, f := range doc.Findings {
			if f.Fingerprint == "" {
				return nil, fmt.Errorf("finding %d has no fingerprint", i)
			}
			b[f.Fingerprint] = true
		}
	case doc.Version != nil:
		// A JSON report without findings: an empty baseline.
	default:
		return nil, errors.New("neither a leakguard JSON report (findings) nor SARIF (runs)")
	}
	return b, nil
}

// Apply removes the findings whose fingerprint is in the baseline and
// returns how many it removed.
func (b Baseline) Apply(r *analyzers.Result) int {
	kept := r.Findings[:0]
	n := 0
	for _, f := range r.Findings {
		if b[f.Fingerprint] {
			n++
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	return n
}
