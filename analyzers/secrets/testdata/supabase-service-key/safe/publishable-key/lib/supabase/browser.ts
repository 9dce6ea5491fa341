'use client'
import { createBrowserClient } from '@supabase/ssr'

export const createClient = () =>
  createBrowserClient('https://kqzwuislizhkptyrpjok.supabase.co', 'sb_publishable_2w4XG43jLZgakEuHIFaPLf_ORWkwnXb')
