package pgmodel

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// installHint is what a developer needs to run the oracle test locally.
const installHint = "PostgreSQL server binaries not found (looked for /usr/lib/postgresql/*/bin/initdb and pg_ctl). " +
	"Install Debian's server package with: apt-get install -y postgresql"

// pgServer is a throwaway PostgreSQL cluster listening only on a Unix
// socket in a temporary directory.
type pgServer struct {
	bin    string // directory holding initdb, pg_ctl, psql
	dir    string // socket directory and cluster root
	data   string
	asUser string // run server commands as this user (when we are root)
}

// findPGBin returns the newest /usr/lib/postgresql/<ver>/bin that has the
// server binaries (not /usr/local/bin wrappers).
func findPGBin() string {
	glob := "/usr/lib/postgresql/*/bin/pg_ctl"
	if g := os.Getenv("LEAKGUARD_PG_GLOB"); g != "" { // lets the missing-server path be tested
		glob = g
	}
	matches, _ := filepath.Glob(glob)
	best, bestVer := "", -1
	for _, m := range matches {
		dir := filepath.Dir(m)
		ver, err := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
		if err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err != nil {
			continue
		}
		if ver > bestVer {
			best, bestVer = dir, ver
		}
	}
	return best
}

// requirePG fails under CI and skips elsewhere when PostgreSQL is missing.
func requirePG(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", why)
	}
	t.Skip(why)
}

func startPG(t *testing.T) *pgServer {
	t.Helper()
	bin := findPGBin()
	if bin == "" {
		requirePG(t, installHint)
	}
	dir, err := os.MkdirTemp("", "leakguard-pg-")
	if err != nil {
		t.Fatal(err)
	}
	s := &pgServer{bin: bin, dir: dir, data: filepath.Join(dir, "data")}
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the server as postgres.
		u, err := user.Lookup("postgres")
		if err != nil {
			requirePG(t, "running as root and there is no postgres user to run the server as; "+
				"install Debian's package (apt-get install -y postgresql), which creates it")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		s.asUser = "postgres"
	}
	t.Cleanup(func() {
		s.run(filepath.Join(bin, "pg_ctl"), "-D", s.data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(dir)
	})
	if out, err := s.run(filepath.Join(bin, "initdb"), "-D", s.data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-c listen_addresses='' -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", dir)
	if out, err := s.run(filepath.Join(bin, "pg_ctl"), "-D", s.data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return s
}

func (s *pgServer) run(name string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if s.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.asUser, "--", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Dir = s.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd.CombinedOutput()
}

// psql runs SQL (from a file or -c) against db; stdin is never read.
func (s *pgServer) psql(db string, args ...string) (string, error) {
	base := []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.dir, "-U", "postgres", "-d", db, "-At"}
	cmd := exec.Command(filepath.Join(s.bin, "psql"), append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%v: %s", err, errb.String())
	}
	return out.String(), nil
}

// supabaseStandIns is the minimal Supabase environment migrations expect.
const supabaseStandIns = `
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
`

const supabaseSchema = `
create schema auth;
create schema storage;
create schema extensions;
create schema graphql_public;
create table auth.users (id uuid primary key, email text, raw_user_meta_data jsonb);
create function auth.uid() returns uuid language sql stable as
  $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
create function auth.jwt() returns jsonb language sql stable as
  $$ select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
create function auth.role() returns text language sql stable as
  $$ select nullif(current_setting('request.jwt.claim.role', true), '')::text $$;
create function storage.foldername(name text) returns text[] language sql immutable as
  $$ select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1] $$;
create function storage.filename(name text) returns text language sql immutable as
  $$ select (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)] $$;
create function storage.extension(name text) returns text language sql immutable as
  $$ select reverse(split_part(reverse(name), '.', 1)) $$;
create table storage.buckets (id text primary key, name text, public boolean default false);
create table storage.objects (id uuid, bucket_id text, name text, owner uuid references auth.users(id));
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
grant usage on schema storage to anon, authenticated, service_role;
grant usage on schema graphql_public to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
`

// catalogQuery returns the security-relevant catalog state as one JSON doc.
const catalogQuery = `
with nsp as (select oid, nspname from pg_namespace
  where nspname not in ('pg_catalog','information_schema','pg_toast') and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'),
roles as (select 0::oid as oid, 'PUBLIC' as name union all select oid, rolname from pg_roles where rolname in ('anon','authenticated','service_role'))
select json_build_object(
 'tables', (select coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname,
     'rls', c.relrowsecurity, 'force', c.relforcerowsecurity,
     'columns', (select coalesce(json_agg(a.attname order by a.attname), '[]') from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped))), '[]')
   from pg_class c join nsp n on n.oid = c.relnamespace where c.relkind in ('r','p') and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')),
 'views', (select coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname, 'materialized', c.relkind = 'm',
     'options', coalesce(c.reloptions, '{}'))), '[]')
   from pg_class c join nsp n on n.oid = c.relnamespace where c.relkind in ('v','m')),
 'policies', (select coalesce(json_agg(json_build_object('schema', schemaname, 'table', tablename, 'name', policyname,
     'permissive', permissive, 'roles', roles, 'cmd', cmd, 'qual', qual, 'check', with_check)), '[]') from pg_policies),
 'functions', (select coalesce(json_agg(json_build_object('schema', n.nspname, 'name', p.proname,
     'args', oidvectortypes(p.proargtypes), 'secdef', p.prosecdef, 'config', coalesce(p.proconfig, '{}'), 'kind', p.prokind)), '[]')
   from pg_proc p join nsp n on n.oid = p.pronamespace where not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')),
 'relacl', (select coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname, 'grantee', r.name, 'priv', a.privilege_type)), '[]')
   from pg_class c join nsp n on n.oid = c.relnamespace,
   lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a join roles r on r.oid = a.grantee
   where c.relkind in ('r','p','v','m')),
 'procacl', (select coalesce(json_agg(json_build_object('schema', n.nspname, 'name', p.proname, 'args', oidvectortypes(p.proargtypes),
     'grantee', r.name, 'priv', a.privilege_type)), '[]')
   from pg_proc p join nsp n on n.oid = p.pronamespace,
   lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a join roles r on r.oid = a.grantee
   where not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')),
 'buckets', (select coalesce(json_agg(json_build_object('id', id, 'public', coalesce(public, false))), '[]') from storage.buckets)
)`

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func quoteLit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
