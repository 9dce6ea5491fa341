create view public.me with (security_invoker = true) as select id, email from auth.users where id = (select auth.uid());
