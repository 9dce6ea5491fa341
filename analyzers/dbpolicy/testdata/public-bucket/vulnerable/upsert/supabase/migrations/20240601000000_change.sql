insert into storage.buckets (id, name, public) -- want rls/public-bucket@critical
values ('attachments', 'attachments', true)
on conflict (id) do update set public = excluded.public;
