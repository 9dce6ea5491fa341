'use client'
export function PlanPicker({ prices }: { prices: { id: string; amount: number | null }[] }) {
  return <ul>{prices.map((p) => <li key={p.id}>{p.amount}</li>)}</ul>
}
