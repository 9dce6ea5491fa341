create table public.documents (id uuid primary key, owner_id uuid not null, content text);
create index on public.documents (owner_id);
alter table public.documents enable row level security;
alter table only public.documents -- want rls/rls-disabled@critical
  disable row level security;
