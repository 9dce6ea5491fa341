alter table todos rename column owner to user_id;
alter table todos rename column task to title;
alter table todos add column if not exists due_at timestamptz;
alter table todos add column if not exists task text;
alter table todos drop column if exists inserted_at;
