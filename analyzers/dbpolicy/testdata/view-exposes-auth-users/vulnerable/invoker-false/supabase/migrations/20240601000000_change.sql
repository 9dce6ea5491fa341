create view public.admins with (security_invoker = false) as -- want rls/view-exposes-auth-users
  select id, email from auth.users where raw_user_meta_data ->> 'admin' = 'true';
