create table public.payouts (id uuid primary key, amount_cents int not null);
alter table public.payouts enable row level security;
create policy "finance team reads payouts" on public.payouts for select to authenticated -- want rls/user-metadata-policy
  using (exists (
    select 1 from auth.users u
    where u.id = (select auth.uid()) and u.raw_user_meta_data ->> 'team' = 'finance'
  ));
