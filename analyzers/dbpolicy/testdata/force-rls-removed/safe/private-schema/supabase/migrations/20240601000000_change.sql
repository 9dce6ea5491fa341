create schema if not exists private;
create table private.audit (id bigserial primary key, actor uuid);
alter table private.audit enable row level security;
alter table private.audit force row level security;
alter table private.audit no force row level security;
