create schema if not exists private;
create view private.users as select id, email from auth.users;
