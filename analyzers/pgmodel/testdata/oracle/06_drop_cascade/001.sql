create table public.accounts (id uuid primary key, owner_id uuid not null, name text);
create table public.transactions (id bigserial primary key, account_id uuid references public.accounts(id), amount numeric(12,2));
alter table public.accounts enable row level security;
alter table public.transactions enable row level security;
create policy own_accounts on public.accounts for select using (owner_id = auth.uid());
create policy own_transactions on public.transactions for select
  using (account_id in (select id from public.accounts where owner_id = auth.uid()));
create view public.account_balances as select a.id, a.name, sum(t.amount) as balance from public.accounts a join public.transactions t on t.account_id = a.id group by a.id, a.name;
create view public.rich_accounts as select * from public.account_balances where balance > 1000;
