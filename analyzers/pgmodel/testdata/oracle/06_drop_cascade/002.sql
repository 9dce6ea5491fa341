drop table public.accounts cascade;
drop view if exists public.account_balances;
drop policy if exists own_transactions on public.transactions;
create policy "no reads" on public.transactions for select using (false);
