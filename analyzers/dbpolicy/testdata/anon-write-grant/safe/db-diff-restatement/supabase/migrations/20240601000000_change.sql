create table public.orders (id bigserial primary key, user_id uuid not null, total_cents int not null);
create index on public.orders (user_id);
alter table public.orders enable row level security;
create policy "own orders" on public.orders for select to authenticated using ((select auth.uid()) = user_id);

grant delete on table "public"."orders" to "anon";
grant insert on table "public"."orders" to "anon";
grant select on table "public"."orders" to "anon";
grant update on table "public"."orders" to "anon";
grant delete on table "public"."orders" to "authenticated";
grant insert on table "public"."orders" to "authenticated";
grant select on table "public"."orders" to "authenticated";
grant update on table "public"."orders" to "authenticated";
grant delete on table "public"."orders" to "service_role";
grant insert on table "public"."orders" to "service_role";
grant select on table "public"."orders" to "service_role";
grant update on table "public"."orders" to "service_role";
