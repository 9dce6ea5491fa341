create table public.plans (id text primary key, name text not null, price_cents int not null);
alter table public.plans enable row level security;
alter table public.plans disable row level security; -- want rls/rls-disabled@high
