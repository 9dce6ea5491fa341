create function public.grant_credits(p_account uuid, p_amount int) returns void
language plpgsql security definer set search_path = '' as $$
begin
  if auth.role() <> 'service_role' then
    raise exception 'forbidden';
  end if;
  update public.accounts set credits = credits + p_amount where id = p_account;
end $$;
