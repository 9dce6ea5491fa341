-- Search was slow under RLS: run it as the owner.
alter function public.match_documents(vector, int) security definer;
