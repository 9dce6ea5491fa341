create schema legacy;
create table legacy.users_old (id uuid primary key, email text);
create function legacy.migrate() returns void language sql as $$ select 1 $$;
create view legacy.v as select * from legacy.users_old;
create table public.keepers (id int primary key);
drop schema legacy cascade;
