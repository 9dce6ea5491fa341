alter policy p1 on public.projects rename to "team members read projects";
alter policy "team members read projects" on public.projects to authenticated
  using (team_id in (select tm.team_id from public.team_members tm where tm.user_id = (select auth.uid())));
alter policy p2 on public.projects to authenticated;
alter policy p2 on public.projects using (not archived) with check (not archived and team_id is not null);
