create table public.plans (id text primary key, name text not null, price_cents int not null);
alter table public.plans enable row level security;
create policy "plans are public" on public.plans for select using (true);
