create table public.announcements (id bigserial primary key, title text not null, body text, published_at timestamptz);
alter table public.announcements enable row level security;
create policy "signed in users read announcements" on public.announcements for select to authenticated
  using ((select auth.uid()) is not null);
