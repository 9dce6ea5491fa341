create view public.users as select id, email, raw_user_meta_data from auth.users; -- want rls/view-exposes-auth-users
