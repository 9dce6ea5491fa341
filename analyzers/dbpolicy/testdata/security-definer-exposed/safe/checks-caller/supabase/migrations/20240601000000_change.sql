create function public.delete_my_data() returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.documents where owner_id = auth.uid();
end $$;
