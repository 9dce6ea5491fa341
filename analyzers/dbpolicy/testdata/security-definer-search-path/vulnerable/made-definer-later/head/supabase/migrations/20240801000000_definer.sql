alter function public.current_profile_id() security definer; -- want rls/security-definer-search-path
