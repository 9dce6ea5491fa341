package analyzers

import (
	"sync"

	"github.com/leakguard/leakguard/analyzers/pgmodel"
)

// policyCache holds one side's database policy model, built on first use.
type policyCache struct {
	once  sync.Once
	model *pgmodel.Model
	err   error
}

// Policy is the database policy model of this side: every SQL migration of
// the repository (Supabase, Prisma, Drizzle, plain folders and the folders
// named in the repo config) applied in order. It is built once per side and
// shared by every analyzer; treat it as read-only.
func (p *Pass) Policy() (*pgmodel.Model, error) {
	c := &p.side.policy
	c.once.Do(func() {
		entries, err := p.List()
		if err != nil {
			c.err = err
			return
		}
		paths := make([]string, len(entries))
		for i, e := range entries {
			paths[i] = e.Path
		}
		opts := pgmodel.Options{Parse: p.side.facts.parseSQL}
		var dirs []string
		if p.Config != nil {
			dirs = p.Config.Migrations
			opts.ExposedSchemas = p.Config.ExposedSchemas
			if len(p.Config.TenantColumns) > 0 {
				opts.OwnerColumns = append(append([]string(nil), pgmodel.DefaultOwnerColumns...), p.Config.TenantColumns...)
			}
		}
		migs, errs := pgmodel.Load(paths, dirs, p.Read)
		c.model = pgmodel.BuildWith(migs, opts)
		c.model.Errors = append(errs, c.model.Errors...)
	})
	return c.model, c.err
}
