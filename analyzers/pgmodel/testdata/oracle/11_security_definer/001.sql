create function public.delete_user_data(target uuid) returns void language plpgsql security definer as $$
begin
  delete from public.profiles where id = target;
end $$;
create table public.profiles (id uuid primary key, handle text);
create function public.whoami() returns uuid language sql security definer set search_path = '' as $$ select auth.uid() $$;
create function public.touch(p uuid) returns void language sql set search_path to public, extensions set statement_timeout = '5s' as $$ update public.profiles set handle = handle where id = p $$;
