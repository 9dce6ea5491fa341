alter table public.audit_log no force row level security;
alter table public.settings disable row level security;
alter table only public.settings enable row level security, disable row level security;
