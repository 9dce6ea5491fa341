package pgmodel

import (
	"encoding/json"
	"path"
	"sort"
	"strings"
)

// Discover returns the migration files among paths (repo-relative, slash
// separated) in apply order:
//   - Supabase: <any>/supabase/migrations/*.sql, by file name;
//   - Prisma: <any>/prisma/migrations/<dir>/migration.sql, by directory name;
//   - Drizzle: *.sql beside a meta/_journal.json (journal order when read can
//     load it, else file name), or in a folder named drizzle;
//   - plain folders: migrations/, db/migrate/, db/migrations/, and extraDirs:
//     *.sql by name, or <dir>/up.sql by directory name;
//   - schema.sql dumps (schema.sql, db/schema.sql, supabase/schema.sql) and
//     Supabase declarative schemas (supabase/schemas/*.sql), only when no
//     migration folder exists, since they restate the same schema.
//
// read may be nil; it is used only for Drizzle journals.
func Discover(paths []string, extraDirs []string, read func(string) ([]byte, error)) []string {
	set := map[string]bool{}
	for _, p := range paths {
		set[p] = true
	}
	var supa, prisma, plain, schema []string
	drizzleDirs := map[string][]string{}
	extra := map[string]bool{}
	for _, d := range extraDirs {
		extra[strings.Trim(d, "/")] = true
	}
	for _, p := range paths {
		if strings.Contains("/"+p, "/node_modules/") || !strings.HasSuffix(p, ".sql") {
			continue
		}
		dir, base := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		if isDown(base) {
			continue
		}
		switch {
		case path.Base(dir) == "migrations" && path.Base(path.Dir(dir)) == "supabase":
			supa = append(supa, p)
		case base == "migration.sql" && path.Base(path.Dir(dir)) == "migrations" && path.Base(path.Dir(path.Dir(dir))) == "prisma":
			prisma = append(prisma, p)
		case set[path.Join(dir, "meta/_journal.json")] || path.Base(dir) == "drizzle":
			drizzleDirs[dir] = append(drizzleDirs[dir], p)
		case plainDir(dir) || extra[dir]:
			plain = append(plain, p)
		case base == "up.sql" && (plainDir(path.Dir(dir)) || extra[path.Dir(dir)] || plainDir(path.Dir(path.Dir(dir)))):
			plain = append(plain, p)
		case base == "schema.sql" && (dir == "" || dir == "db" || dir == "supabase" || dir == "sql" || dir == "database"),
			path.Base(dir) == "schemas" && path.Base(path.Dir(dir)) == "supabase":
			// Dumps and Supabase declarative schemas restate what the
			// migrations build; they are the source only without migrations.
			schema = append(schema, p)
		}
	}
	sort.Strings(supa)
	sort.Slice(prisma, func(i, j int) bool { return path.Dir(prisma[i]) < path.Dir(prisma[j]) })
	sort.Slice(plain, func(i, j int) bool {
		di, dj := path.Dir(plain[i]), path.Dir(plain[j])
		if path.Base(plain[i]) == "up.sql" && path.Base(plain[j]) == "up.sql" {
			return di < dj
		}
		return plain[i] < plain[j]
	})
	var out []string
	out = append(out, supa...)
	out = append(out, prisma...)
	var dirs []string
	for d := range drizzleDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		out = append(out, drizzleOrder(d, drizzleDirs[d], read)...)
	}
	out = append(out, plain...)
	if len(out) == 0 {
		sort.Strings(schema)
		out = schema
	}
	return out
}

func isDown(base string) bool {
	b := strings.ToLower(base)
	return b == "down.sql" || strings.HasSuffix(b, ".down.sql") || strings.HasSuffix(b, "_down.sql")
}

func plainDir(dir string) bool {
	for _, s := range []string{"migrations", "db/migrate", "db/migrations", "database/migrations", "sql/migrations", "supabase/migrations"} {
		if dir == s || strings.HasSuffix(dir, "/"+s) {
			return true
		}
	}
	return false
}

// drizzleOrder orders a Drizzle output folder by meta/_journal.json when it
// can be read, falling back to file names.
func drizzleOrder(dir string, files []string, read func(string) ([]byte, error)) []string {
	sort.Strings(files)
	if read == nil {
		return files
	}
	data, err := read(path.Join(dir, "meta/_journal.json"))
	if err != nil {
		return files
	}
	var j struct {
		Entries []struct {
			Idx int    `json:"idx"`
			Tag string `json:"tag"`
		} `json:"entries"`
	}
	if json.Unmarshal(data, &j) != nil || len(j.Entries) == 0 {
		return files
	}
	sort.SliceStable(j.Entries, func(a, b int) bool { return j.Entries[a].Idx < j.Entries[b].Idx })
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	var out []string
	used := map[string]bool{}
	for _, e := range j.Entries {
		f := path.Join(dir, e.Tag+".sql")
		if have[f] && !used[f] {
			out = append(out, f)
			used[f] = true
		}
	}
	for _, f := range files { // files the journal does not list go last
		if !used[f] {
			out = append(out, f)
		}
	}
	return out
}

// Load discovers the migrations among paths and reads them with read.
// Files that cannot be read are recorded as parse errors by BuildFrom.
func Load(paths []string, extraDirs []string, read func(string) ([]byte, error)) ([]Migration, []ParseError) {
	var migs []Migration
	var errs []ParseError
	for _, p := range Discover(paths, extraDirs, read) {
		data, err := read(p)
		if err != nil {
			errs = append(errs, ParseError{Pos: Pos{Path: p, Line: 1}, Err: "read: " + err.Error()})
			continue
		}
		migs = append(migs, Migration{Path: p, SQL: data})
	}
	return migs, errs
}
