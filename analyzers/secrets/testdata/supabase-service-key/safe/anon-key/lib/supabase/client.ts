import { createBrowserClient } from '@supabase/ssr'

export const supabase = createBrowserClient('https://abcd.supabase.co', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2QiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.hcy_1kGD2VD_eR1UYzaLiA_zNyD7CHLn_xC-1hsYgBd')
