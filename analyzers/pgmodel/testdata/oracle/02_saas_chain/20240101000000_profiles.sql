-- Profiles mirror auth.users; created by a trigger on sign-up.
create table public.profiles (
  id uuid not null references auth.users on delete cascade,
  full_name text,
  avatar_url text,
  billing_address jsonb,
  primary key (id)
);
alter table public.profiles enable row level security;
create policy "Can view own user data." on profiles for select using (auth.uid() = id);
create policy "Can update own user data." on profiles for update using (auth.uid() = id);

create function public.handle_new_user()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, avatar_url)
  values (new.id, new.raw_user_meta_data->>'full_name', new.raw_user_meta_data->>'avatar_url');
  return new;
end;
$$;
create trigger on_auth_user_created
  after insert on auth.users
  for each row execute procedure public.handle_new_user();
