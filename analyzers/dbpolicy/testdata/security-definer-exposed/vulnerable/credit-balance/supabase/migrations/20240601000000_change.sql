create or replace function public.add_credits(p_account uuid, p_amount int) returns void -- want rls/security-definer-exposed@critical
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.accounts set credits = credits + p_amount where id = p_account;
end;
$$;
