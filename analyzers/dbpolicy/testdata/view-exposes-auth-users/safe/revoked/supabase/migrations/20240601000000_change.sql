create view public.user_emails as select id, email from auth.users;
revoke all on public.user_emails from anon, authenticated;
