create function public.search(q text) returns setof text language sql as $$ select q $$;
create function public.search(q text, lim integer) returns setof text language sql as $$ select q limit lim $$;
create function public.search(q varchar, lim bigint, tags text[]) returns setof text language sql as $$ select q::text limit lim $$;
revoke execute on function public.search(text, integer) from anon;
revoke execute on function public.search(character varying, bigint, text[]) from public, anon, authenticated;
drop function public.search(text);
create procedure public.reindex_all() language sql as $$ select 1 $$;
revoke execute on procedure public.reindex_all() from public, anon, authenticated;
create function public.ts(t timestamptz, d timestamp, b bool, n numeric, f float8, i2 smallint) returns int language sql as $$ select 1 $$;
