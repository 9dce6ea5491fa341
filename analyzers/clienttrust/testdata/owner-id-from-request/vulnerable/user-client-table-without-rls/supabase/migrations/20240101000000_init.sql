create table public.profiles (
  id uuid primary key references auth.users on delete cascade,
  user_id uuid not null references auth.users,
  display_name text,
  bio text
);
-- RLS was never enabled on this table.
