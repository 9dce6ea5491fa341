create view public.my_account with (security_invoker = on) as select id, email, created_at from (select id, email, now() as created_at from auth.users) u;
