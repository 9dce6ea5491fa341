create function public.get_balance(acct uuid) returns numeric language sql security definer as $$ select 0::numeric $$;
revoke execute on function public.get_balance(uuid) from anon;
create or replace function public.get_balance(acct uuid) returns numeric language sql security invoker set search_path = public as $$ select 1::numeric $$;
create or replace function public.get_balance(acct uuid) returns numeric language sql security definer as $$ select 2::numeric $$;
