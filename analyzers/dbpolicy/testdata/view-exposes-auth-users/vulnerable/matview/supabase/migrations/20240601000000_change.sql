create materialized view public.user_directory as -- want rls/view-exposes-auth-users
  select id, email from auth.users;
