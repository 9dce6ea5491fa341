create type public.listing_status as enum ('draft', 'active', 'sold', 'removed');
create table public.listings (
  id uuid primary key default gen_random_uuid(),
  seller_id uuid not null references public.profiles(id),
  title text not null,
  price_cents integer not null check (price_cents > 0),
  status public.listing_status not null default 'draft',
  created_at timestamptz not null default now()
);
create index listings_seller_idx on public.listings (seller_id);
alter table public.listings enable row level security;
create policy "active listings are public" on public.listings for select using (status = 'active');
create policy "sellers see own" on public.listings for select to authenticated using (seller_id = (select auth.uid()));
create policy "sellers create" on public.listings for insert to authenticated
  with check (seller_id = (select auth.uid()) and exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.is_seller));
create policy "sellers edit" on public.listings for update to authenticated using (seller_id = (select auth.uid()));
