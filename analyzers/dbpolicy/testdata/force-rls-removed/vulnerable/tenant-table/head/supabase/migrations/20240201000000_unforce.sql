alter table if exists public.tenant_secrets no force row level security; -- want rls/force-rls-removed
