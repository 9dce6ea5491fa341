alter default privileges for role postgres in schema public grant select on tables to anon;
create table public.catalog_items (id int primary key, name text, price_cents int);
alter default privileges in schema public revoke execute on functions from anon;
create function public.get_item(p_id int) returns text language sql stable as $$ select name from public.catalog_items where id = p_id $$;
