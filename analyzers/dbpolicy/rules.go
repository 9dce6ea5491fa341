// Package dbpolicy reviews the database access rules a change's SQL
// migrations leave behind: row-level security, policies, privileges, views,
// SECURITY DEFINER functions and storage buckets. It reads the final state
// from the policy model (pgmodel) of each side and reports each problem on
// the head migration statement that introduces it.
package dbpolicy

import "github.com/leakguard/leakguard/analyzers"

func rule(id string, sev analyzers.Severity, summary, doc string) *analyzers.Rule {
	return &analyzers.Rule{ID: id, Category: analyzers.CategoryRLS, Severity: sev, Summary: summary, Doc: doc}
}

var (
	ruleTableWithoutRLS = rule("rls/table-without-rls", analyzers.High,
		"table in an exposed schema without row-level security",
		"A table in a schema the Data API serves (public by default) without RLS can be read and changed by anyone holding the anon key, which every visitor has. Critical when the table has an owner/tenant column or app code queries it. Bad: `create table public.notes (user_id uuid, body text);`. Good: add `alter table public.notes enable row level security;` and owner-scoped policies, or revoke anon/authenticated privileges.")
	ruleRLSDisabled = rule("rls/rls-disabled", analyzers.Critical,
		"row-level security disabled on an exposed table",
		"`alter table … disable row level security` removes every policy's effect: all rows become readable and writable with the anon key. Bad: `alter table public.orders disable row level security;`. Good: keep RLS enabled and change the policies instead.")
	ruleAlwaysTrue = rule("rls/always-true-policy", analyzers.High,
		"policy that admits every row",
		"A permissive policy whose USING/WITH CHECK is `true`, `1=1` or absent lets every caller of its roles act on every row: for insert/update/delete/all always a problem, for select when the table holds per-user or per-tenant rows. Public catalogs without owner columns (prices, products) may use `using (true)` for select. Bad: `create policy p on chats for select using (true);`. Good: `using ((select auth.uid()) = user_id)`.")
	ruleNoOwnerCheck = rule("rls/policy-without-owner-check", analyzers.High,
		"policy only checks that the caller is signed in",
		"On a table with an owner/tenant column, a policy such as `using (auth.uid() is not null)` or `auth.role() = 'authenticated'` lets every signed-up user reach every other user's rows — sign-up is open. Bad: `for select to authenticated using (auth.uid() is not null)`. Good: compare the owner column: `using ((select auth.uid()) = user_id)`.")
	ruleUpdateWithoutCheck = rule("rls/update-without-check", analyzers.Medium,
		"update policy without WITH CHECK leaves an owner column unconstrained",
		"Without WITH CHECK, PostgreSQL checks updated rows against USING only; when USING does not pin every owner/tenant column, a user can move their rows into another user's or tenant's space (set org_id to a victim org). Bad: `for update using ((select auth.uid()) = user_id)` on a table with org_id. Good: add `with check ((select auth.uid()) = user_id and org_id in (select org_id from memberships where user_id = (select auth.uid())))`.")
	ruleUserMetadata = rule("rls/user-metadata-policy", analyzers.High,
		"policy trusts user-editable metadata",
		"`auth.jwt() -> 'user_metadata'` and `auth.users.raw_user_meta_data` are set by the user (`supabase.auth.updateUser({ data })`), so a policy that grants on them grants to anyone who edits their own metadata. Bad: `using ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin')`. Good: use `app_metadata` (only the service role can write it) or a roles table.")
	ruleWidening = rule("rls/permissive-widening", analyzers.High,
		"permissive policy widens an owner-scoped one",
		"Permissive policies are OR-ed: a second policy for the same role and command that does not check the caller opens every row the owner-scoped policy was protecting. Bad: `own rows` using (user_id = auth.uid()) beside `for update using (status <> 'locked')`. Good: merge the conditions into one policy, or make the extra condition `as restrictive`.")
	ruleAnonWriteGrant = rule("rls/anon-write-grant", analyzers.High,
		"write privileges granted to anon",
		"An explicit GRANT of INSERT/UPDATE/DELETE/TRUNCATE to anon (or PUBLIC) lets visitors who never signed in change data whenever RLS or its policies fall short; TRUNCATE ignores RLS entirely. Bad: `grant insert, update on public.orders to anon;`. Good: grant writes to authenticated only, behind owner-scoped policies.")
	ruleViewBypass = rule("rls/view-bypasses-rls", analyzers.High,
		"view reads RLS tables with its owner's rights",
		"A view without `security_invoker = true` (PostgreSQL 15+) runs with its owner's privileges, so it ignores the row-level security of the tables it reads: anyone allowed to select from the view sees every row. Materialized views always do. Bad: `create view public.order_totals as select * from orders;`. Good: `create view public.order_totals with (security_invoker = true) as …`, or revoke select from anon, authenticated.")
	ruleViewAuthUsers = rule("rls/view-exposes-auth-users", analyzers.Critical,
		"view in an exposed schema reads auth.users",
		"A view over auth.users in an exposed schema publishes every user's email and metadata through the Data API, since the view runs with its owner's rights. Bad: `create view public.users as select id, email from auth.users;`. Good: keep a profiles table with the public fields and owner-scoped policies, or make the view `security_invoker` and revoke it from anon.")
	ruleDefinerSearchPath = rule("rls/security-definer-search-path", analyzers.High,
		"SECURITY DEFINER function without a fixed search_path",
		"A SECURITY DEFINER function runs with its owner's rights; without `set search_path` a caller can put objects earlier on the search path and have the function run them with those rights. Bad: `create function public.f() … security definer as $$ … $$;`. Good: `… security definer set search_path = '' as $$ … $$` with schema-qualified names.")
	ruleDefinerExposed = rule("rls/security-definer-exposed", analyzers.High,
		"SECURITY DEFINER function callable by anon without a caller check",
		"Functions in an exposed schema are callable over /rest/v1/rpc; EXECUTE goes to PUBLIC by default. A SECURITY DEFINER function bypasses RLS, so without a check of auth.uid() anyone with the anon key runs it on anyone's data. Bad: `create function public.delete_account(uid uuid) … security definer …` left executable. Good: check `auth.uid()` in the body, move it to a private schema, or `revoke execute on function … from public, anon`.")
	ruleForceRemoved = rule("rls/force-rls-removed", analyzers.Medium,
		"FORCE ROW LEVEL SECURITY removed",
		"`no force row level security` lets the table owner — and every SECURITY DEFINER function and view it owns — bypass the policies again. Bad: `alter table public.ledger no force row level security;`. Good: keep FORCE on tables reached through definer functions or owner-run views.")
	rulePublicBucket = rule("rls/public-bucket", analyzers.High,
		"storage bucket made public",
		"A public bucket serves every object to anyone who has or guesses the URL, without any storage.objects policy. Bad: `insert into storage.buckets (id, name, public) values ('invoices', 'invoices', true);`. Good: keep it private and hand out signed URLs (`createSignedUrl`).")
	ruleStorageNoOwner = rule("rls/storage-policy-without-owner", analyzers.High,
		"storage.objects policy without an owner predicate",
		"A storage.objects policy that only checks the bucket lets every user (or visitor) of its roles read, overwrite or delete everyone's files in that bucket. Bad: `for delete to authenticated using (bucket_id = 'docs')`. Good: `using (bucket_id = 'docs' and (select auth.uid()) = owner)` or compare `(storage.foldername(name))[1]` with `(select auth.uid())::text`.")
	ruleUIDNotWrapped = rule("rls/uid-not-wrapped", analyzers.Low,
		"auth.uid() evaluated per row",
		"`auth.uid()` called directly in a policy is evaluated for every row; wrapped as `(select auth.uid())` PostgreSQL computes it once per statement (initPlan), which is much faster on large tables. Bad: `using (auth.uid() = user_id)`. Good: `using ((select auth.uid()) = user_id)`.")
	ruleOwnerUnindexed = rule("rls/owner-column-unindexed", analyzers.Low,
		"policy filters on an owner column without an index",
		"A policy comparing a column with the caller adds that filter to every query on the table; without an index on the column each query scans the whole table. Bad: `using ((select auth.uid()) = user_id)` with no index on user_id. Good: `create index on public.t (user_id);`.")
)

// Analyzer is the database policy analyzer.
var Analyzer = &analyzers.Analyzer{
	Name: "dbpolicy",
	Doc:  "Reviews row-level security, policies, privileges, views, SECURITY DEFINER functions and storage buckets built by the SQL migrations.",
	Rules: []*analyzers.Rule{ruleTableWithoutRLS, ruleRLSDisabled, ruleAlwaysTrue, ruleNoOwnerCheck, ruleUpdateWithoutCheck,
		ruleUserMetadata, ruleWidening, ruleAnonWriteGrant, ruleViewBypass, ruleViewAuthUsers, ruleDefinerSearchPath,
		ruleDefinerExposed, ruleForceRemoved, rulePublicBucket, ruleStorageNoOwner, ruleUIDNotWrapped, ruleOwnerUnindexed},
	Run: run,
}
