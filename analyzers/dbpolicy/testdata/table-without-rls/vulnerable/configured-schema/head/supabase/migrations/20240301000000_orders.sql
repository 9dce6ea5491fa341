create table api.orders ( -- want rls/table-without-rls@critical
  id bigserial primary key,
  customer_id uuid not null,
  total_cents int not null
);
