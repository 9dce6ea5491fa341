create table public.feature_flags ( -- want rls/table-without-rls@critical
  key text primary key,
  enabled boolean not null default false,
  rollout int not null default 0
);
