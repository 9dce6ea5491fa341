create table public.a (id int primary key);
create table public.b (id int primary key, owner_id uuid);
create view public.c as select * from public.a;
create function public.fa() returns int language sql as $$ select 1 $$;
revoke all on all tables in schema public from anon;
revoke execute on all functions in schema public from public, anon;
create table public.d (id int primary key);
grant select on all tables in schema public to anon;
