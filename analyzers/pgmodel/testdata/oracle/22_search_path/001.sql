create schema app;
set search_path = app, public;
create table notes (id uuid primary key, author uuid, body text);
alter table notes enable row level security;
create policy own on notes using (author = auth.uid());
create function note_count() returns bigint language sql as $$ select count(*) from app.notes $$;
create view recent_notes as select * from notes;
