// Package analyzers is leakguard's review engine.
//
// An Analyzer is a plain value with a name, its rules and a Run function. The
// engine hands each analyzer a Pass for one side of a change (base or head):
// the changed files of that side, lazy access to every other file of the repo
// at that revision, cached parse trees and the repo configuration. Analyzers
// report Findings; the engine fingerprints them, compares base with head and
// marks each finding new, existing or fixed. Only new findings can block.
package analyzers
