create table public.guestbook (id bigserial primary key, name text, message text);
grant select, insert on public.guestbook to public;
revoke truncate, references, trigger on public.guestbook from anon, authenticated, service_role;
create table public.counters (id int primary key, n int);
grant all privileges on table public.counters to public;
revoke delete on public.counters from public;
