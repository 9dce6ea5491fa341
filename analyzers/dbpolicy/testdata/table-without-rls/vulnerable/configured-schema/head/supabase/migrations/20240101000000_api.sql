create schema api;
grant usage on schema api to anon, authenticated;
alter default privileges in schema api grant all on tables to anon, authenticated;
