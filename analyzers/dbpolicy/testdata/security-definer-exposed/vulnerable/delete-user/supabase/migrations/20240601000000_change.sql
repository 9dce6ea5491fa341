create function public.delete_user_data(target uuid) returns void -- want rls/security-definer-exposed@critical
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.documents where owner_id = target;
  delete from public.profiles where id = target;
end $$;
