package pgmodel

import (
	"reflect"
	"strings"
	"testing"
)

func build(t *testing.T, files ...string) *Model {
	t.Helper()
	var migs []Migration
	for i, f := range files {
		migs = append(migs, Migration{Path: "supabase/migrations/" + string(rune('a'+i)) + ".sql", SQL: []byte(f)})
	}
	return Build(migs)
}

func TestDiscover(t *testing.T) {
	paths := []string{
		"supabase/migrations/20240102_b.sql", "supabase/migrations/20240101_a.sql", "supabase/seed.sql",
		"prisma/migrations/20240301_x/migration.sql", "prisma/migrations/20240201_w/migration.sql",
		"drizzle/0001_b.sql", "drizzle/0000_a.sql", "drizzle/meta/_journal.json",
		"db/migrate/002.sql", "db/migrate/001.sql", "migrations/2024/up.sql", "migrations/2024/down.sql",
		"sql/custom/001.sql", "node_modules/x/migrations/1.sql", "schema.sql", "app/page.tsx",
	}
	journal := `{"entries":[{"idx":0,"tag":"0001_b"},{"idx":1,"tag":"0000_a"}]}`
	read := func(p string) ([]byte, error) { return []byte(journal), nil }
	got := Discover(paths, []string{"sql/custom"}, read)
	want := []string{
		"supabase/migrations/20240101_a.sql", "supabase/migrations/20240102_b.sql",
		"prisma/migrations/20240201_w/migration.sql", "prisma/migrations/20240301_x/migration.sql",
		"drizzle/0001_b.sql", "drizzle/0000_a.sql",
		"db/migrate/001.sql", "db/migrate/002.sql", "migrations/2024/up.sql", "sql/custom/001.sql",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover:\n got %q\nwant %q", got, want)
	}
	if got := Discover([]string{"supabase/schemas/b.sql", "supabase/schemas/a.sql", "README.md"}, nil, nil); !reflect.DeepEqual(got, []string{"supabase/schemas/a.sql", "supabase/schemas/b.sql"}) {
		t.Errorf("declarative schemas: %q", got)
	}
	if got := Discover([]string{"schema.sql", "README.md"}, nil, nil); !reflect.DeepEqual(got, []string{"schema.sql"}) {
		t.Errorf("schema.sql only: %q", got)
	}
}

func TestOpaqueAndErrors(t *testing.T) {
	m := build(t, `
create table public.a (id int primary key);
do $$ begin execute format('alter table %I disable row level security', 'a'); end $$;
\connect postgres
create table public.b (id int primary key, user_id uuid);
create rule r as on insert to public.a do instead nothing;
`)
	if m.Table("public", "b") == nil {
		t.Errorf("statements after a parse error are lost")
	}
	var reasons []string
	for _, o := range m.Opaque {
		reasons = append(reasons, o.Pos.String()+" "+o.Kind)
	}
	want := []string{"supabase/migrations/a.sql:3 DoStmt", "supabase/migrations/a.sql:4 PsqlMetaCommand", "supabase/migrations/a.sql:6 RuleStmt"}
	if !reflect.DeepEqual(reasons, want) {
		t.Errorf("opaque: %q, want %q", reasons, want)
	}
	if len(m.Errors) != 0 {
		t.Errorf("errors: %v", m.Errors)
	}
}

func TestPositionsAndQueries(t *testing.T) {
	m := build(t, `-- header
create table public.chats (
  id uuid primary key,
  user_id uuid references auth.users(id),
  title text
);
alter table public.chats enable row level security;
create policy own on public.chats for select to authenticated using ((select auth.uid()) = user_id);
create policy ins on public.chats for insert to authenticated with check (true);
`)
	tb := m.Table("public", "chats")
	if tb.Pos.Line != 2 || tb.RLSPos.Line != 7 || tb.Policy("own").Pos.Line != 8 {
		t.Errorf("positions: table %v rls %v policy %v", tb.Pos, tb.RLSPos, tb.Policy("own").Pos)
	}
	if got := m.OwnerColumns(tb); !reflect.DeepEqual(got, []string{"user_id"}) {
		t.Errorf("owner columns %q", got)
	}
	if !m.ProtectedForUser(tb, CmdSelect) || m.ProtectedForUser(tb, CmdInsert) || !m.ProtectedForUser(tb, CmdDelete) {
		t.Errorf("ProtectedForUser select=%v insert=%v delete=%v", m.ProtectedForUser(tb, CmdSelect), m.ProtectedForUser(tb, CmdInsert), m.ProtectedForUser(tb, CmdDelete))
	}
	if m.Classify(tb, tb.Policy("own").Using) != ScopeOwner || m.Classify(tb, tb.Policy("ins").Check) != ScopeAlways {
		t.Errorf("classify")
	}
	if tt, _ := m.Relation("chats"); tt != tb {
		t.Errorf("Relation(chats)")
	}
}

func TestScopes(t *testing.T) {
	m := build(t, `
create table public.docs (id uuid primary key, org_id uuid, owner_id uuid, published boolean);
create function public.is_member(o uuid) returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.members where org_id = o and user_id = auth.uid()) $$;
`)
	tb := m.Table("public", "docs")
	cases := map[string]Scope{
		"true":                                   ScopeAlways,
		"1 = 1 or owner_id = auth.uid()":         ScopeAlways,
		"auth.uid() is not null":                 ScopeAuthOnly,
		"(select auth.role()) = 'authenticated'": ScopeAuthOnly,
		"published":                              ScopeNoCaller,
		"owner_id = (select auth.uid())":         ScopeOwner,
		"public.is_member(org_id)":               ScopeOwner,
		"org_id in (select org_id from members where user_id = auth.uid())":                        ScopeOwner,
		"exists (select 1 from members m where m.org_id = docs.org_id and m.user_id = auth.uid())": ScopeOwner,
		"(auth.jwt() -> 'app_metadata' ->> 'role') = 'admin'":                                      ScopeCallerCheck,
		"published or owner_id = auth.uid()":                                                       ScopeNoCaller,
		"published and owner_id = auth.uid()":                                                      ScopeOwner,
		"current_setting('request.jwt.claims', true)::json ->> 'sub' = owner_id::text":             ScopeOwner,
		"auth.uid() is not null and (auth.jwt() -> 'user_metadata' ->> 'admin')::boolean":          ScopeCallerCheck,
	}
	for src, want := range cases {
		r := build(t, "select "+src)
		_ = r
		e := exprOf(t, src)
		if got := m.Classify(tb, e); got != want {
			t.Errorf("%s: %v, want %v", src, got, want)
		}
	}
	if !exprOf(t, "(auth.jwt() -> 'user_metadata' ->> 'role') = 'x'").ReadsUserMetadata() {
		t.Errorf("user_metadata not seen")
	}
	if n := exprOf(t, "auth.uid() = owner_id or (select auth.uid()) = org_id").UnwrappedCallerCalls(); n != 1 {
		t.Errorf("unwrapped calls %d", n)
	}
}

func exprOf(t *testing.T, src string) *Expr {
	t.Helper()
	m := build(t, "create table public.x (id int); create policy p on public.x using ("+src+");")
	p := m.Table("public", "x").Policy("p")
	if p == nil || p.Using == nil || strings.HasPrefix(p.Using.Text, "<") {
		t.Fatalf("no expression for %q", src)
	}
	return p.Using
}

func TestGuardedDoPositions(t *testing.T) {
	m := build(t, `create table public.notes (id bigserial primary key, user_id uuid);
do $$ begin
  if not exists (select 1 from pg_policies where policyname = 'p1' and tablename = 'notes') then
    create policy p1 on public.notes
      for select using (true);
  end if;
end $$;
do $$ declare r record; begin
  for r in select tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table %I enable row level security', r.tablename);
  end loop;
end $$;
`)
	p := m.Table("public", "notes").Policy("p1")
	if p == nil || p.Pos.Line != 4 {
		t.Fatalf("guarded policy: %+v", p)
	}
	if len(m.Opaque) != 1 || m.Opaque[0].Pos.Line != 8 || !strings.Contains(m.Opaque[0].Text, "row level security") {
		t.Errorf("opaque: %+v", m.Opaque)
	}
}

func TestFunctionBody(t *testing.T) {
	m := build(t, `create function public.match_documents(q float4[], n int) returns table (id bigint) language sql stable as $$
  select d.id from public.documents d where d.owner_id = auth.uid() limit n
$$;`)
	f := m.FunctionsNamed("public", "match_documents")[0]
	if !f.ChecksCaller() || f.WritesData() || !reflect.DeepEqual(f.BodyRelations(), []QName{{"public", "documents"}}) {
		t.Errorf("body analysis: caller=%v writes=%v rels=%v", f.ChecksCaller(), f.WritesData(), f.BodyRelations())
	}
	if f.Key() != "public.match_documents(real[], integer)" {
		t.Errorf("key %s", f.Key())
	}
}
