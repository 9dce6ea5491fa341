'use client'
import { formatDate, ADMIN_ROLE } from '@/lib/format'
export const CreatedAt = ({ at, role }: { at: string; role: string }) => <span title={role === ADMIN_ROLE ? 'admin' : ''}>{formatDate(at)}</span>
