import { supabase } from './supabase.js';

export async function retrieve(userId, queryVector) {
  const { data, error } = await supabase.rpc('search_file_chunks', { q: queryVector, k: 12 }); // want retrieval/unscoped-rpc
  if (error) throw error;
  return data;
}
