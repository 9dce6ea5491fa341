alter table public.conversation_messages rename column conversation_id to thread_id;
alter table public.conversations rename to threads;
alter view public.conversation_list rename to thread_list;
drop function public.admin_reindex();
alter table public.document_chunks add column token_count int;
alter table public.documents drop column body;
