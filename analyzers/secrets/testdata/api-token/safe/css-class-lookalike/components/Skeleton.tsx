export function Skeleton() {
  return <div className="sk-skeleton-loading-shimmer-block-animated-row" aria-busy />
}
