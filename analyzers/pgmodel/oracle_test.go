package pgmodel

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// TestOracle applies every migration set under testdata/oracle to a real
// PostgreSQL and asserts that the model built from the same files equals
// the catalog: RLS flags, policies, view options, function security and
// config, and the privileges of PUBLIC, anon, authenticated, service_role.
func TestOracle(t *testing.T) {
	sets, err := filepath.Glob("testdata/oracle/*")
	if err != nil || len(sets) == 0 {
		t.Fatalf("no oracle sets: %v", err)
	}
	start := time.Now()
	srv := startPG(t)
	if _, err := srv.psql("postgres", "-c", supabaseStandIns); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.psql("postgres", "-c", "create database tmpl"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.psql("tmpl", "-c", supabaseSchema); err != nil {
		t.Fatal(err)
	}
	t.Logf("server up in %v", time.Since(start))
	for i, dir := range sets {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			db := fmt.Sprintf("o%d", i)
			if _, err := srv.psql("postgres", "-c", "create database "+db+" template tmpl"); err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.sql"))
			sort.Strings(files)
			var migs []Migration
			for _, f := range files {
				if _, err := srv.psql(db, "-f", f); err != nil {
					t.Fatalf("apply %s: %v", f, err)
				}
				data, _ := os.ReadFile(f)
				migs = append(migs, Migration{Path: f, SQL: data})
			}
			out, err := srv.psql(db, "-c", catalogQuery)
			if err != nil {
				t.Fatal(err)
			}
			var cat catalog
			if err := json.Unmarshal([]byte(out), &cat); err != nil {
				t.Fatalf("catalog json: %v\n%s", err, out)
			}
			m := Build(migs)
			for _, e := range m.Errors {
				t.Errorf("parse error %s: %s", e.Pos, e.Err)
			}
			for _, o := range m.Opaque {
				t.Errorf("opaque %s: %s", o.Pos, o.Reason)
			}
			t.Logf("catalog: %d tables, %d views, %d policies, %d functions, %d privileges, %d buckets",
				len(cat.Tables), len(cat.Views), len(cat.Policies), len(cat.Functions), len(cat.Relacl)+len(cat.Procacl), len(cat.Buckets))
			for _, d := range compareModel(m, &cat) {
				t.Error(d)
			}
		})
	}
	t.Logf("%d oracle sets in %v", len(sets), time.Since(start))
}

type catalog struct {
	Tables []struct {
		Schema, Name string
		RLS          bool `json:"rls"`
		Force        bool
		Columns      []string
	}
	Views []struct {
		Schema, Name string
		Materialized bool
		Options      []string
	}
	Policies []struct {
		Schema, Table, Name string
		Permissive          string
		Roles               []string
		Cmd                 string
		Qual, Check         *string
	}
	Functions []struct {
		Schema, Name, Args string
		Secdef             bool
		Config             []string
		Kind               string
	}
	Relacl []struct {
		Schema, Name, Grantee, Priv string
	}
	Procacl []struct {
		Schema, Name, Args, Grantee, Priv string
	}
	Buckets []struct {
		ID     string
		Public bool
	}
}

var oracleGrantees = []string{Public, "anon", "authenticated", "service_role"}

// compareModel lists every difference between model and catalog.
func compareModel(m *Model, cat *catalog) []string {
	var diffs []string
	diff := func(kind string, want, got map[string]string) {
		for _, k := range sortedKeys(want) {
			if g, ok := got[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s %s: catalog has %q, model has nothing", kind, k, want[k]))
			} else if g != want[k] {
				diffs = append(diffs, fmt.Sprintf("%s %s:\n  catalog %q\n  model   %q", kind, k, want[k], g))
			}
		}
		for _, k := range sortedKeys(got) {
			if _, ok := want[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s %s: model has %q, catalog has nothing", kind, k, got[k]))
			}
		}
	}

	wantT, gotT := map[string]string{}, map[string]string{}
	for _, t := range cat.Tables {
		cols := append([]string(nil), t.Columns...)
		sort.Strings(cols)
		wantT[t.Schema+"."+t.Name] = fmt.Sprintf("rls=%v force=%v cols=%s", t.RLS, t.Force, strings.Join(cols, ","))
	}
	for _, t := range m.Tables {
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, c.Name)
		}
		sort.Strings(cols)
		gotT[t.Schema+"."+t.Name] = fmt.Sprintf("rls=%v force=%v cols=%s", t.RLS, t.ForceRLS, strings.Join(cols, ","))
	}
	diff("table", wantT, gotT)

	wantV, gotV := map[string]string{}, map[string]string{}
	for _, v := range cat.Views {
		inv := false
		for _, o := range v.Options {
			if k, val, ok := strings.Cut(o, "="); ok && k == "security_invoker" {
				inv = parseBool(val)
			}
		}
		wantV[v.Schema+"."+v.Name] = fmt.Sprintf("materialized=%v security_invoker=%v", v.Materialized, inv)
	}
	for _, v := range m.Views {
		gotV[v.Schema+"."+v.Name] = fmt.Sprintf("materialized=%v security_invoker=%v", v.Materialized, v.SecurityInvoker)
	}
	diff("view", wantV, gotV)

	wantP, gotP := map[string]string{}, map[string]string{}
	str := func(p *string) string {
		if p == nil {
			return "<none>"
		}
		return normExpr(*p)
	}
	for _, p := range cat.Policies {
		roles := append([]string(nil), p.Roles...)
		sort.Strings(roles)
		wantP[p.Schema+"."+p.Table+"/"+p.Name] = fmt.Sprintf("%s %s to %s using %s check %s",
			p.Cmd, strings.ToLower(p.Permissive), strings.Join(roles, ","), str(p.Qual), str(p.Check))
	}
	for _, t := range m.Tables {
		for _, p := range t.Policies {
			perm := "restrictive"
			if p.Permissive {
				perm = "permissive"
			}
			var u, c *string
			if p.Using != nil {
				u = &p.Using.Text
			}
			if p.Check != nil {
				c = &p.Check.Text
			}
			gotP[t.Schema+"."+t.Name+"/"+p.Name] = fmt.Sprintf("%s %s to %s using %s check %s",
				p.Command, perm, strings.Join(p.Roles, ","), str(u), str(c))
		}
	}
	diff("policy", wantP, gotP)

	wantF, gotF := map[string]string{}, map[string]string{}
	for _, f := range cat.Functions {
		wantF[f.Schema+"."+f.Name+"("+f.Args+")"] = fmt.Sprintf("secdef=%v config=%s", f.Secdef, strings.Join(f.Config, ";"))
	}
	for _, f := range m.Functions {
		gotF[f.Key()] = fmt.Sprintf("secdef=%v config=%s", f.SecurityDefiner, strings.Join(f.Config, ";"))
	}
	diff("function", wantF, gotF)

	wantA, gotA := map[string][]string{}, map[string][]string{}
	for _, a := range cat.Relacl {
		k := a.Schema + "." + a.Name + " " + a.Grantee
		wantA[k] = append(wantA[k], a.Priv)
	}
	for _, a := range cat.Procacl {
		k := a.Schema + "." + a.Name + "(" + a.Args + ") " + a.Grantee
		wantA[k] = append(wantA[k], a.Priv)
	}
	addACL := func(name string, acl ACL) {
		for _, g := range oracleGrantees {
			if ps := acl.Privileges(g); len(ps) > 0 {
				gotA[name+" "+g] = ps
			}
		}
	}
	for _, t := range m.Tables {
		addACL(t.Schema+"."+t.Name, t.ACL)
	}
	for _, v := range m.Views {
		addACL(v.Schema+"."+v.Name, v.ACL)
	}
	for _, f := range m.Functions {
		addACL(f.Key(), f.ACL)
	}
	join := func(in map[string][]string) map[string]string {
		out := map[string]string{}
		for k, v := range in {
			v = append([]string(nil), v...)
			sort.Strings(v)
			out[k] = strings.Join(v, ",")
		}
		return out
	}
	diff("privileges", join(wantA), join(gotA))

	wantB, gotB := map[string]string{}, map[string]string{}
	for _, b := range cat.Buckets {
		wantB[b.ID] = fmt.Sprintf("public=%v", b.Public)
	}
	for _, b := range m.Buckets {
		gotB[b.ID] = fmt.Sprintf("public=%v", b.Public)
	}
	diff("bucket", wantB, gotB)
	return diffs
}

// normExpr canonicalises an expression so the catalog's pg_get_expr output
// and the migration's text compare equal: no locations, casts, column
// qualifiers, target aliases or schema names; IN lists as = ANY(ARRAY[]).
func normExpr(s string) string {
	js, err := pg_query.ParseToJSON("SELECT " + s)
	if err != nil {
		return "unparsable: " + s
	}
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		return "unparsable: " + s
	}
	v = normJSON(v)
	out, _ := json.Marshal(v)
	return string(out)
}

func normJSON(v any) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = normJSON(x[i])
		}
		return x
	case map[string]any:
		for _, k := range []string{"location", "stmt_location", "stmt_len", "version"} {
			delete(x, k)
		}
		if tc, ok := x["TypeCast"].(map[string]any); ok {
			return normJSON(tc["arg"])
		}
		if cr, ok := x["ColumnRef"].(map[string]any); ok {
			if f, ok := cr["fields"].([]any); ok && len(f) > 1 {
				cr["fields"] = f[len(f)-1:]
			}
		}
		if fc, ok := x["FuncCall"].(map[string]any); ok {
			if f, ok := fc["funcname"].([]any); ok && len(f) > 1 {
				fc["funcname"] = f[len(f)-1:]
			}
			delete(fc, "funcformat")
		}
		if rt, ok := x["ResTarget"].(map[string]any); ok {
			delete(rt, "name")
		}
		if rv, ok := x["RangeVar"].(map[string]any); ok {
			delete(rv, "schemaname")
		}
		if ae, ok := x["A_Expr"].(map[string]any); ok && ae["kind"] == "AEXPR_IN" {
			if l, ok := ae["rexpr"].(map[string]any)["List"].(map[string]any); ok {
				ae["kind"] = "AEXPR_OP_ANY"
				ae["rexpr"] = map[string]any{"A_ArrayExpr": map[string]any{"elements": l["items"]}}
			}
		}
		if ae, ok := x["A_Expr"].(map[string]any); ok && ae["kind"] == "AEXPR_BETWEEN" {
			if l, ok := ae["rexpr"].(map[string]any)["List"].(map[string]any); ok {
				items := l["items"].([]any)
				mk := func(op string, r any) any {
					return map[string]any{"A_Expr": map[string]any{"kind": "AEXPR_OP", "name": []any{map[string]any{"String": map[string]any{"sval": op}}}, "lexpr": ae["lexpr"], "rexpr": r}}
				}
				return normJSON(map[string]any{"BoolExpr": map[string]any{"boolop": "AND_EXPR", "args": []any{mk(">=", items[0]), mk("<=", items[1])}}})
			}
		}
		if be, ok := x["BoolExpr"].(map[string]any); ok {
			op := be["boolop"]
			if args, ok := be["args"].([]any); ok {
				args = normJSON(args).([]any)
				var flat []any
				for _, a := range args {
					if am, ok := a.(map[string]any); ok {
						if inner, ok := am["BoolExpr"].(map[string]any); ok && inner["boolop"] == op && op != "NOT_EXPR" {
							flat = append(flat, inner["args"].([]any)...)
							continue
						}
					}
					flat = append(flat, a)
				}
				be["args"] = flat
			}
		}
		for k := range x {
			x[k] = normJSON(x[k])
		}
		return x
	}
	return v
}
