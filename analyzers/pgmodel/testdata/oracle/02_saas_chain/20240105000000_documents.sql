create table public.documents (
  id bigserial primary key,
  owner_id uuid not null default auth.uid() references auth.users(id),
  organization_id uuid references public.organizations(id),
  content text,
  metadata jsonb,
  embedding float4[]
);
alter table public.documents enable row level security;
create policy "read own or org documents" on public.documents for select to authenticated
  using (owner_id = (select auth.uid()) or (organization_id is not null and public.is_org_member(organization_id)));
create policy "write own documents" on public.documents for insert to authenticated
  with check (owner_id = (select auth.uid()));

create or replace function public.match_documents(query_embedding float4[], match_count int default 5)
returns table (id bigint, content text, similarity float8)
language sql stable
set search_path = ''
as $$
  select d.id, d.content, 0.0::float8 as similarity
  from public.documents d
  where d.owner_id = auth.uid()
  limit match_count;
$$;
revoke execute on function public.match_documents from anon;
