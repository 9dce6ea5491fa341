drop index public.files_owner_id_idx;
drop policy "own files" on public.files;
create policy "own files" on public.files for select to authenticated using ((select auth.uid()) = owner_id); -- want rls/owner-column-unindexed
