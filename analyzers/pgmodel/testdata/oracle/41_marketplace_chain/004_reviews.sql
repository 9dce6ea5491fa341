create table public.reviews (
  id bigint generated always as identity primary key,
  order_id uuid not null unique references public.orders(id),
  rating smallint not null check (rating between 1 and 5),
  body text
);
alter table public.reviews enable row level security;
create policy "reviews are public" on public.reviews for select using (true);
create policy "buyers review their orders" on public.reviews for insert to authenticated
  with check (exists (select 1 from public.orders o where o.id = order_id and o.buyer_id = (select auth.uid()) and o.paid_at is not null));
create view public.seller_ratings with (security_invoker = true) as
  select l.seller_id, avg(r.rating)::numeric(3,2) as rating, count(*) as reviews
  from public.reviews r join public.orders o on o.id = r.order_id join public.listings l on l.id = o.listing_id
  group by l.seller_id;
