alter view public.v_plain set (security_invoker = true);
alter view public.v_invoker reset (security_invoker);
create or replace view public.v_invoker_on as select id from public.employees where salary > 10;
revoke all on public.v_users from anon, authenticated;
alter table public.v_plain set (security_barrier = false);
create or replace view public.v_plain with (security_invoker=false) as select id, name from public.employees;
