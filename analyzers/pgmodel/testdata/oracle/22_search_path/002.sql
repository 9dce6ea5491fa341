-- a new session: unqualified names are in public again
create table notes (id uuid primary key, body text);
alter table app.notes force row level security;
