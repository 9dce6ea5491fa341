create function public.set_owner() returns trigger language plpgsql security definer as $$ -- want rls/security-definer-search-path
begin
  new.user_id := auth.uid();
  return new;
end $$;
