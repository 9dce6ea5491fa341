create table public.audit_log (id bigserial primary key, actor_id uuid, action text, at timestamptz default now());
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
create table public.settings (key text primary key, value jsonb);
alter table public.settings enable row level security;
alter table public.settings force row level security;
