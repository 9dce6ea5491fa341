create table public.stripe_events (
  id text primary key,
  type text not null,
  payload jsonb not null
);
revoke all on public.stripe_events from anon, authenticated;
