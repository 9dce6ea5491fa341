alter table public.chats disable row level security; -- want rls/rls-disabled@critical
