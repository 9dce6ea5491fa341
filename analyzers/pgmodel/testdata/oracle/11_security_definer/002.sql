alter function public.delete_user_data(uuid) set search_path = pg_catalog, public;
alter function public.whoami() security invoker;
alter function public.touch(uuid) reset statement_timeout;
alter function public.touch security definer;
revoke execute on function public.delete_user_data(uuid) from public, anon, authenticated;
grant execute on function public.delete_user_data(uuid) to service_role;
create or replace function public.whoami() returns uuid language sql security definer set search_path = public as $$ select auth.uid() $$;
