package isolation

import (
	"encoding/json"
	"fmt"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

// WireVersion is the version of the worker's input and output. A parent and
// a worker of different versions refuse each other's messages instead of
// misreading them (both come from one binary, except across an upgrade).
const WireVersion = 1

// Job is what the parent writes on the worker's stdin: one review of a
// local repository.
type Job struct {
	Version    int    `json:"version"`
	Dir        string `json:"dir"`
	Base       string `json:"base"`
	Head       string `json:"head"`
	ConfigRev  string `json:"config_rev,omitempty"`
	ConfigFile string `json:"config_file,omitempty"`
	// Analyzers names the analyzers to run, from those the worker binary
	// has (analyzers are code, so they travel by name).
	Analyzers []string `json:"analyzers"`
}

// Output is what the worker writes on stdout: the result of the review, or
// the error that ended it.
type Output struct {
	Version int            `json:"version"`
	Result  *wireResult    `json:"result,omitempty"`
	Files   []*source.File `json:"files,omitempty"`
	Error   string         `json:"error,omitempty"`
}

// wireResult is analyzers.Result with each finding's rule sent as its id.
// The embedded Result carries every other field, so a field added to Result
// or Finding travels without a change here (TestWireRoundTrip checks it).
type wireResult struct {
	*analyzers.Result
	Findings   []wireFinding    `json:"Findings"`
	Suppressed []wireSuppressed `json:"Suppressed"`
}

type wireFinding struct {
	*analyzers.Finding
	Rule string `json:"Rule"`
}

type wireSuppressed struct {
	analyzers.Suppressed
	Finding *wireFinding `json:"Finding"`
}

func toWireFinding(f *analyzers.Finding) wireFinding {
	id := ""
	if f.Rule != nil {
		id = f.Rule.ID
	}
	return wireFinding{Finding: f, Rule: id}
}

func toWire(res *analyzers.Result) *wireResult {
	w := &wireResult{Result: res}
	for _, f := range res.Findings {
		w.Findings = append(w.Findings, toWireFinding(f))
	}
	for _, s := range res.Suppressed {
		ws := wireSuppressed{Suppressed: s}
		if s.Finding != nil {
			wf := toWireFinding(s.Finding)
			ws.Finding = &wf
		}
		w.Suppressed = append(w.Suppressed, ws)
	}
	return w
}

// fromWire rebuilds a Result, resolving rule ids against the parent's rules.
func fromWire(w *wireResult, rule func(id string) *analyzers.Rule) (*analyzers.Result, error) {
	if w == nil || w.Result == nil {
		return nil, fmt.Errorf("worker sent no result")
	}
	res := w.Result
	res.Findings = nil
	res.Suppressed = nil
	finding := func(wf wireFinding) (*analyzers.Finding, error) {
		if wf.Finding == nil {
			return nil, fmt.Errorf("worker sent an empty finding")
		}
		r := rule(wf.Rule)
		if r == nil {
			return nil, fmt.Errorf("worker reported rule %q, which this server does not know", wf.Rule)
		}
		wf.Finding.Rule = r
		return wf.Finding, nil
	}
	for _, wf := range w.Findings {
		f, err := finding(wf)
		if err != nil {
			return nil, err
		}
		res.Findings = append(res.Findings, f)
	}
	for _, ws := range w.Suppressed {
		s := ws.Suppressed
		if ws.Finding != nil {
			f, err := finding(*ws.Finding)
			if err != nil {
				return nil, err
			}
			s.Finding = f
		}
		res.Suppressed = append(res.Suppressed, s)
	}
	return res, nil
}

// encodeOutput and decodeOutput are the two ends of stdout.
func encodeOutput(res *analyzers.Result, files []*source.File, runErr error) ([]byte, error) {
	out := Output{Version: WireVersion, Files: files}
	if runErr != nil {
		out.Error = runErr.Error()
		out.Files = nil
	} else {
		out.Result = toWire(res)
	}
	return json.Marshal(out)
}

func decodeOutput(b []byte, rule func(string) *analyzers.Rule) (*analyzers.Result, []*source.File, string, error) {
	var probe struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return nil, nil, "", fmt.Errorf("worker output: %w", err)
	}
	if probe.Version != WireVersion {
		return nil, nil, "", fmt.Errorf("worker speaks wire version %d, this server %d", probe.Version, WireVersion)
	}
	var out Output
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, nil, "", fmt.Errorf("worker output: %w", err)
	}
	if out.Error != "" {
		return nil, nil, out.Error, nil
	}
	res, err := fromWire(out.Result, rule)
	return res, out.Files, "", err
}
