import { UserTable } from './user-table'

export default function UsersPage() {
  return <UserTable />
}
