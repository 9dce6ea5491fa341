create table public.shared_docs (id uuid primary key, owner_id uuid, body text);
grant select on public.shared_docs to authenticated with grant option;
revoke grant option for select on public.shared_docs from authenticated;
revoke select on public.shared_docs from anon;
grant update (body) on public.shared_docs to anon;
revoke update on public.shared_docs from authenticated;
