'use client'

import Link from 'next/link'
import { env } from '@/env'

export const BillingLink = () => <Link href={`${env.NEXT_PUBLIC_SUPABASE_URL}/billing`}>Billing</Link>
