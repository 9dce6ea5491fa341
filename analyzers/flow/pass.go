package flow

import (
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
	lgsource "github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// Handler is an entry point of a changed file with its analysis.
type Handler struct {
	File   *lgsource.File
	Path   string
	Syntax *syntax.File
	Entry  jsindex.Entry
	Func   *Func
}

// ProgramAnalyzer builds a side's flow program (summaries of the
// repository's functions, computed on demand and kept) once, for every
// analyzer of the review to share.
var ProgramAnalyzer = &analyzers.Analyzer{
	Name: "flowprogram",
	Doc:  "The data-flow program of one side, shared by the analyzers.",
	Result: func(pass *analyzers.Pass) (any, error) {
		ix, _ := pass.Index() // without an index, no cross-file resolution
		return NewProgram(ix, pass.Config), nil
	},
}

// HandlersAnalyzer finds and analyzes the entry points of a side's changed
// files once, for every analyzer of the review to share.
var HandlersAnalyzer = &analyzers.Analyzer{
	Name:     "handlers",
	Doc:      "The entry points of the changed files of one side, with their data flow.",
	Requires: []*analyzers.Analyzer{ProgramAnalyzer},
	Result: func(pass *analyzers.Pass) (any, error) {
		prog, err := SharedProgram(pass)
		if err != nil {
			return nil, err
		}
		hs, err := handlers(pass, prog)
		if err != nil {
			return nil, err
		}
		return hs, nil
	},
}

// SharedProgram returns the flow program of the pass's side, built once
// per side and shared by every analyzer (and the base view of a head pass).
func SharedProgram(pass *analyzers.Pass) (*Program, error) {
	v, err := pass.ResultOf(ProgramAnalyzer)
	if err != nil {
		return nil, err
	}
	return v.(*Program), nil
}

// Handlers returns the program of a pass and the analyzed entry points of its
// changed files (route handlers, API routes, server actions, middleware,
// server routes), in path and source order. Both are computed once per side
// and shared: treat them as read-only.
func Handlers(pass *analyzers.Pass) (*Program, []*Handler, error) {
	if _, err := pass.Index(); err != nil {
		return nil, nil, err
	}
	prog, err := SharedProgram(pass)
	if err != nil {
		return nil, nil, err
	}
	v, err := pass.ResultOf(HandlersAnalyzer)
	if err != nil {
		return nil, nil, err
	}
	return prog, v.([]*Handler), nil
}

func handlers(pass *analyzers.Pass, prog *Program) ([]*Handler, error) {
	var out []*Handler
	for _, f := range pass.Files {
		p := pass.Path(f)
		if _, ok := syntax.LangOf(p); !ok || syntax.GeneratedPath(p) || syntax.TestPath(p) {
			continue
		}
		sf, err := pass.Parse(p)
		if err != nil {
			if analyzers.IsSkip(err) {
				continue
			}
			return nil, err
		}
		byName := map[string]*Handler{}
		for _, e := range jsindex.Entries(sf, p) {
			h := &Handler{File: f, Path: p, Syntax: sf, Entry: e}
			if parent := byName[e.Parent]; e.Parent != "" && parent != nil && e.Call != nil {
				h.Func = prog.AnalyzeDispatched(sf, &h.Entry, parent.Func)
			} else {
				h.Func = prog.AnalyzeEntry(sf, &h.Entry)
			}
			if e.Name != "" {
				byName[e.Name] = h
			}
			out = append(out, h)
		}
	}
	return out, nil
}

// Protection says how the database itself scopes a table's rows for a
// signed-in user of the Data API.
type Protection int

// Protections.
const (
	// ProtectionUnknown: the table is not in the policy model (no migrations,
	// or managed elsewhere).
	ProtectionUnknown Protection = iota
	// ProtectionNone: row-level security is off.
	ProtectionNone
	// ProtectionWeak: RLS is on but a policy lets signed-in users reach rows
	// that are not theirs (using (true), auth-only, no caller check).
	ProtectionWeak
	// ProtectionOwner: every policy for the command ties rows to the caller
	// (or none grants it, so the database refuses).
	ProtectionOwner
)

func (p Protection) String() string {
	return [...]string{"unknown", "none", "weak", "owner"}[p]
}

// TableProtection classifies a table for an operation (OpSelect, OpInsert…)
// from the policy model; model may be nil.
func TableProtection(m *pgmodel.Model, table, op string) (Protection, *pgmodel.Table) {
	if m == nil || table == "" {
		return ProtectionUnknown, nil
	}
	schema, name := "public", table
	if i := strings.LastIndex(table, "."); i >= 0 {
		schema, name = table[:i], table[i+1:]
	}
	t := m.Table(schema, strings.ToLower(name))
	if t == nil {
		// Prisma models are PascalCase singular; tables are often snake plural.
		for _, cand := range []string{snake(name), snake(name) + "s", strings.ToLower(name) + "s"} {
			if t = m.Table(schema, cand); t != nil {
				break
			}
		}
	}
	if t == nil {
		return ProtectionUnknown, nil
	}
	if !t.RLS {
		return ProtectionNone, t
	}
	cmd := map[string]string{OpSelect: pgmodel.CmdSelect, OpInsert: pgmodel.CmdInsert, OpUpdate: pgmodel.CmdUpdate,
		OpUpsert: pgmodel.CmdUpdate, OpDelete: pgmodel.CmdDelete}[op]
	if cmd == "" {
		cmd = pgmodel.CmdSelect
	}
	weak := false
	for _, pol := range t.Policies {
		if !pol.Permissive || !pol.AppliesToCommand(cmd) || !(pol.AppliesTo("authenticated") || pol.AppliesTo("anon")) {
			continue
		}
		e := pol.Using
		if cmd == pgmodel.CmdInsert || (e == nil && pol.Check != nil) {
			e = pol.Check
		}
		if m.Classify(t, e) < pgmodel.ScopeCallerCheck {
			weak = true
		}
	}
	if weak {
		return ProtectionWeak, t
	}
	return ProtectionOwner, t
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Policy returns the pass's policy model, or nil when it cannot be built.
func Policy(pass *analyzers.Pass) *pgmodel.Model {
	m, err := pass.Policy()
	if err != nil || m == nil || len(m.Migrations) == 0 {
		return nil
	}
	return m
}
