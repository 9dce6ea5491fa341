create function public.stats(in p_user uuid, out total int, out last_seen timestamptz) language sql as $$ select 1, now() $$;
create function public.pairs(p int) returns table (a int, b text) language sql as $$ select p, 'x' $$;
create function public.inout_fn(inout x int, y int default 2) language sql as $$ select x + y $$;
revoke all on function public.stats(uuid) from public, anon;
revoke all on function public.pairs from authenticated;
grant execute on function public.inout_fn(int, int) to public;
