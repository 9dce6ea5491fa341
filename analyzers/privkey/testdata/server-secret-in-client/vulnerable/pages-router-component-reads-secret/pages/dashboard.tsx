import { useEffect, useState } from 'react'

export default function Dashboard() {
  const [usage, setUsage] = useState<number>()
  useEffect(() => {
    fetch('https://api.openai.com/v1/usage', {
      headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` }, // want privileged-key/server-secret-in-client
    }).then((r) => r.json()).then((d) => setUsage(d.total_usage))
  }, [])
  return <p>{usage}</p>
}
