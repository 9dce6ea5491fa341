export const formatDate = (d: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(d))
export const ADMIN_ROLE = 'admin'
