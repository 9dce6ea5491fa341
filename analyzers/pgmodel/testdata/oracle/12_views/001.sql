create table public.employees (id int primary key, manager_id int, user_id uuid, salary int, name text);
alter table public.employees enable row level security;
create view public.v_plain as select id, name from public.employees;
create view public.v_invoker with (security_invoker = true) as select id, name from public.employees;
create view public.v_invoker_on with (security_invoker = on, security_barrier) as select id from public.employees where salary > 0;
create view public.v_users as select id, email from auth.users;
create materialized view public.mv_salaries as select manager_id, sum(salary) as total from public.employees group by manager_id;
