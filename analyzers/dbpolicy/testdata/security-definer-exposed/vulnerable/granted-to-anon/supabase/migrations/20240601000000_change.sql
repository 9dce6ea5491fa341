create function public.order_total(p_order bigint) returns bigint -- want rls/security-definer-exposed@high
language sql stable security definer set search_path = '' as $$
  select total_cents from public.orders where id = p_order
$$;
revoke execute on function public.order_total(bigint) from public;
grant execute on function public.order_total(bigint) to anon, authenticated;
