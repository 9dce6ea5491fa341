alter table public.ledger_entries no force row level security; -- want rls/force-rls-removed
