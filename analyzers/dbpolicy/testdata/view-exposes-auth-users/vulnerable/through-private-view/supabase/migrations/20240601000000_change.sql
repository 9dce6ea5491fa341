create schema if not exists private;
create view private.user_emails as select id, email from auth.users;
create view public.team_emails as select * from private.user_emails; -- want rls/view-exposes-auth-users
