create table public.profiles (id uuid primary key references auth.users(id), credits int default 0);
create function public.increment_credits(uid uuid, amount int) returns void language sql security definer as $$ update public.profiles set credits = credits + amount where id = uid $$;
