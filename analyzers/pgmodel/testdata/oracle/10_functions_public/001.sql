-- The schema-level revoke from PUBLIC does nothing: the global default still grants it.
alter default privileges in schema public revoke execute on functions from public;
create function public.f1() returns int language sql as $$ select 1 $$;
alter default privileges revoke execute on functions from public;
create function public.f2() returns int language sql as $$ select 2 $$;
create function public.f3(a int, b text) returns int language sql as $$ select a $$;
revoke execute on function public.f3(int, text) from anon, authenticated;
alter default privileges grant execute on functions to public;
create function public.f4(variadic nums int[]) returns int language sql as $$ select 4 $$;
