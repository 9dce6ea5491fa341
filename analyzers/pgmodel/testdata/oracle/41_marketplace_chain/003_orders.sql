create table public.orders (
  id uuid primary key default gen_random_uuid(),
  listing_id uuid not null references public.listings(id),
  buyer_id uuid not null references public.profiles(id),
  amount_cents integer not null,
  stripe_payment_intent text unique,
  paid_at timestamptz
);
create index on public.orders (buyer_id);
alter table public.orders enable row level security;
alter table public.orders force row level security;
create policy "buyers and sellers read orders" on public.orders for select to authenticated using (
  buyer_id = (select auth.uid())
  or listing_id in (select l.id from public.listings l where l.seller_id = (select auth.uid()))
);
revoke insert, update, delete on public.orders from anon, authenticated;

create or replace function public.mark_order_paid(p_intent text) returns void
language plpgsql security definer set search_path = '' as $$
begin
  update public.orders set paid_at = now() where stripe_payment_intent = p_intent;
  update public.listings set status = 'sold' where id = (select listing_id from public.orders where stripe_payment_intent = p_intent);
end $$;
revoke execute on function public.mark_order_paid(text) from public, anon, authenticated;
grant execute on function public.mark_order_paid(text) to service_role;
