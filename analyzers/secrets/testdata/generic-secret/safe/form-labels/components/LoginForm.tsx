export function LoginForm() {
  const password = ''
  const labels = { password: 'Your password', token: 'One-time code from your authenticator app' }
  return <form><label>{labels.password}</label><input type="password" defaultValue={password} /></form>
}
