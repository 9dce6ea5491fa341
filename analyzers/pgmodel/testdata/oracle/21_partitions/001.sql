create table public.measurements (id bigint, device_owner uuid not null, taken_at date not null, value numeric) partition by range (taken_at);
create table public.measurements_2024 partition of public.measurements for values from ('2024-01-01') to ('2025-01-01');
alter table public.measurements enable row level security;
create policy own_measurements on public.measurements for select using (device_owner = auth.uid());
create table public.measurements_2025 partition of public.measurements for values from ('2025-01-01') to ('2026-01-01');
alter table public.measurements_2025 enable row level security;
