alter default privileges in schema public revoke execute on functions from anon;
create function public.deal_pipeline(p_tenant uuid) returns table (stage text, total bigint) language sql stable security definer set search_path = '' as $$
  select stage, sum(value_cents)::bigint from public.deals where tenant_id = p_tenant group by stage
$$;
revoke execute on function public.deal_pipeline(uuid) from public;
create materialized view public.tenant_stats as select tenant_id, count(*) as contacts from public.contacts group by tenant_id;
revoke all on public.tenant_stats from anon, authenticated;
alter table public.contacts rename column notes to private_notes;
alter table public.deals alter column stage set not null;
insert into storage.buckets (id, name, public) values ('crm-attachments', 'crm-attachments', false);
create policy crm_files on storage.objects for select to authenticated
  using (bucket_id = 'crm-attachments' and (storage.foldername(name))[1] = (select public.current_tenant())::text);
