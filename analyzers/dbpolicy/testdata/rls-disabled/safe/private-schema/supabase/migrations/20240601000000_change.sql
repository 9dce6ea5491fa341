create schema if not exists internal;
create table internal.jobs (id bigserial primary key, payload jsonb);
alter table internal.jobs enable row level security;
alter table internal.jobs disable row level security;
