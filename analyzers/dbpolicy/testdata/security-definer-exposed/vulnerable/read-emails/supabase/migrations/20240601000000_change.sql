create function public.get_user_emails() returns table (id uuid, email text) -- want rls/security-definer-exposed@high
language sql stable security definer set search_path = '' as $$
  select id, email::text from auth.users
$$;
