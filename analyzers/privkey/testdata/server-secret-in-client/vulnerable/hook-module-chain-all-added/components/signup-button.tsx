'use client'
import { useTrack } from '@/hooks/use-track' // want privileged-key/server-secret-in-client

export const SignupButton = () => {
  const track = useTrack()
  return <button onClick={() => track('signup_clicked')}>Sign up</button>
}
