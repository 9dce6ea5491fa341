create table countries ( -- want rls/table-without-rls@high
  code char(2) primary key,
  name text not null
);
insert into countries (code, name) values ('DE', 'Germany'), ('FR', 'France');
