create table public.orders (id bigserial primary key, user_id uuid not null, total int);
create table public.order_items (order_id bigint references public.orders(id), sku text, qty int);
alter table public.orders enable row level security;
alter table public.order_items enable row level security;
create view public.order_totals with (security_invoker) as
  with items as (select order_id, sum(qty) as qty from public.order_items group by order_id)
  select o.id, o.user_id, o.total, items.qty from public.orders o join items on items.order_id = o.id;
create view public.top_orders as select * from public.order_totals where total > (select avg(total) from public.orders);
