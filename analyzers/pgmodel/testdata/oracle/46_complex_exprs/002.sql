alter table public.items rename column owner_ids to editors;
alter table public.items rename column status to state;
alter policy g on public.items using (state is not null);
