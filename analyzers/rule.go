package analyzers

import (
	"fmt"
	"strings"
)

// Severity orders findings; the blocking threshold is a Severity.
type Severity int

// Severities, lowest first.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads one of low, medium, high, critical.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(s, name) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
}

// Category is one of the stable category words of DESIGN.md.
type Category string

// The categories.
const (
	CategoryRLS           Category = "rls"
	CategoryClientTrust   Category = "client-trust"
	CategoryPrivilegedKey Category = "privileged-key"
	CategoryWebhook       Category = "webhook"
	CategoryCache         Category = "cache"
	CategorySecrets       Category = "secrets"
	CategoryAuthGuard     Category = "auth-guard"
	CategoryRetrieval     Category = "retrieval"
	CategoryLogging       Category = "logging"
)

// Categories lists every category in a stable order.
var Categories = []Category{
	CategoryRLS, CategoryClientTrust, CategoryPrivilegedKey, CategoryWebhook, CategoryCache,
	CategorySecrets, CategoryAuthGuard, CategoryRetrieval, CategoryLogging,
}

// Rule is one check an analyzer performs. Its ID is "<category>/<name>" and
// never changes once released: configs, suppressions and fingerprints use it.
type Rule struct {
	ID       string
	Category Category
	Severity Severity // default severity; a finding may raise or lower it
	Summary  string   // one line, shown in rule lists
	Doc      string   // a short paragraph: what goes wrong, a bad and a good example
}

// Analyzer is one family of rules with a Run function over a Pass.
type Analyzer struct {
	Name  string
	Doc   string
	Rules []*Rule
	Run   func(*Pass) error
	// Requires lists the analyzers whose results Run reads through
	// Pass.ResultOf; the engine computes them once per side, first.
	Requires []*Analyzer
	// Result computes what an analyzer shares with others (handler
	// discovery, the flow program), once per side. Such an analyzer
	// usually has no rules and no Run.
	Result func(*Pass) (any, error)
}

// Rule returns the analyzer's rule with the given id, or nil.
func (a *Analyzer) Rule(id string) *Rule {
	for _, r := range a.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}
