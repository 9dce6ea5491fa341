// Package suite lists the analyzers a review runs by default.
package suite

import (
	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/authguard"
	"github.com/leakguard/leakguard/analyzers/cache"
	"github.com/leakguard/leakguard/analyzers/clienttrust"
	"github.com/leakguard/leakguard/analyzers/dbpolicy"
	"github.com/leakguard/leakguard/analyzers/firebaserules"
	"github.com/leakguard/leakguard/analyzers/logging"
	"github.com/leakguard/leakguard/analyzers/privkey"
	"github.com/leakguard/leakguard/analyzers/privkeyhandler"
	"github.com/leakguard/leakguard/analyzers/retrieval"
	"github.com/leakguard/leakguard/analyzers/secrets"
	"github.com/leakguard/leakguard/analyzers/webhook"
)

// RulesetVersion changes whenever a rule is added, removed or changes what it
// reports; the GitHub App keys cached reviews by it.
const RulesetVersion = "2026.11.1"

// Default returns the analyzers of a standard review, one per family.
func Default() []*analyzers.Analyzer {
	return []*analyzers.Analyzer{
		secrets.Analyzer,
		privkey.Analyzer,
		webhook.Analyzer,
		clienttrust.Analyzer,
		authguard.Analyzer,
		privkeyhandler.Analyzer,
		logging.Analyzer,
		cache.Analyzer,
		retrieval.Analyzer,
		dbpolicy.Analyzer,
		firebaserules.Analyzer,
	}
}

// Rules lists every rule of the default suite.
func Rules() []*analyzers.Rule {
	var out []*analyzers.Rule
	for _, a := range Default() {
		out = append(out, a.Rules...)
	}
	return out
}
