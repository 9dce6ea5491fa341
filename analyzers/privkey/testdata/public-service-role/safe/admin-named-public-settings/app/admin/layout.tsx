export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div data-support={process.env.NEXT_PUBLIC_ADMIN_EMAIL} data-docs={process.env.NEXT_PUBLIC_SERVICE_STATUS_URL}>
      {children}
    </div>
  )
}
