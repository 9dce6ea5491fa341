create schema if not exists private;
create function private.delete_user_data(target uuid) returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.documents where owner_id = target;
end $$;
