create table public.documents (id uuid primary key, user_id uuid not null, org_id uuid not null, title text);
alter table public.documents enable row level security;
create policy "backend updates" on public.documents for update to service_role using (true);
