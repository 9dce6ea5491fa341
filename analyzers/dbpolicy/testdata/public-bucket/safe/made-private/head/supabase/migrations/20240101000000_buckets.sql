insert into storage.buckets (id, name, public) values ('documents', 'documents', true);
