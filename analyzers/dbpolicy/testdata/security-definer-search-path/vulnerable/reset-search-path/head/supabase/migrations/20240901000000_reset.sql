alter function public.is_admin() reset search_path; -- want rls/security-definer-search-path
