create table public.items (id uuid primary key, owner_ids uuid[] not null default '{}', tags text[], data jsonb, status text, visible_from timestamptz, price numeric(10,2));
alter table public.items enable row level security;
create policy a on public.items for select using ((select auth.uid()) = any(owner_ids));
create policy b on public.items for select using (tags @> array['public']::text[] and coalesce(status, 'draft') <> 'draft');
create policy c on public.items for select using (case when status = 'archived' then false else visible_from <= now() end);
create policy d on public.items for update using (data ->> 'owner' = (select auth.uid())::text) with check ((data #>> '{meta,locked}')::boolean is distinct from true);
create policy e on public.items for delete using (status in ('draft', 'trash') and price between 0 and 100);
create policy f on public.items for insert with check (current_setting('request.jwt.claims', true)::jsonb ->> 'role' = 'editor');
create policy g on public.items for select using (not (status is null) and id::text like 'a%' and status ~* '^pub');
