create function public.current_profile_id() returns uuid language sql stable as $$
  select id from public.profiles where id = auth.uid()
$$;
