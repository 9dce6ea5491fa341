export function TaskList() {
  return (
    <div className="sk-skeleton-row-placeholder-container-large">
      <a href="/blog/desk-organization-tips-for-remote-engineering-teams">Desk tips</a>
    </div>
  )
}
