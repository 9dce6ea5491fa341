create table public.ledger_entries (
  id bigserial primary key,
  account_id uuid not null,
  amount_cents bigint not null
);
create index on public.ledger_entries (account_id);
alter table public.ledger_entries enable row level security;
alter table public.ledger_entries force row level security;
create policy "own entries" on public.ledger_entries for select to authenticated
  using (account_id = (select auth.uid()));
