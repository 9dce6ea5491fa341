create table public.listings (id uuid primary key, seller_id uuid not null, title text, status text not null default 'draft');
alter table public.listings enable row level security;
create policy "anyone reads active" on public.listings for select to anon, authenticated using (status in ('active', 'sold'));
create policy "sellers insert" on public.listings for insert to authenticated with check (seller_id = auth.uid() and status = 'draft');
create policy "sellers update" on public.listings for update to authenticated using (seller_id = auth.uid()) with check (seller_id = auth.uid());
create policy "service" on public.listings to service_role using (true) with check (true);
create policy "dup roles" on public.listings for delete to authenticated, authenticated using (seller_id = auth.uid());
