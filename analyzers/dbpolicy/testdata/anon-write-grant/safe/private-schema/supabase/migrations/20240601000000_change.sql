create schema if not exists private;
create table private.outbox (id bigserial primary key, payload jsonb);
grant insert on private.outbox to anon;
