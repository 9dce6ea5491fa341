create table public.legacy_settings (key text primary key, value text);
