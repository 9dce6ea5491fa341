create function public.delete_user_data(target uuid) returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.documents where owner_id = target;
end $$;
revoke execute on function public.delete_user_data(uuid) from public, anon, authenticated;
grant execute on function public.delete_user_data(uuid) to service_role;
