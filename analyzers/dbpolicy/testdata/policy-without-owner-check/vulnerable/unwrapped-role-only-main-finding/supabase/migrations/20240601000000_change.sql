create table public.notes (id bigserial primary key, user_id uuid not null references auth.users(id), body text);
alter table public.notes enable row level security;
create policy "Enable read access for authenticated users" on "public"."notes" -- want rls/policy-without-owner-check
  as permissive for select to authenticated
  using (auth.role() = 'authenticated');
