create function public.touch_profile() returns void language sql security definer set search_path to public, pg_temp as $$
  update public.profiles set updated_at = now() where id = auth.uid()
$$;
