import type { ReactNode } from 'react'
import type { Loadable } from '../api/use-api'

/** Shows loading and errors in words; renders the children once the data is there. */
export function LoadState<T>({
  loadable,
  what,
  children,
}: {
  loadable: Loadable<T>
  what: string
  children: (value: T) => ReactNode
}) {
  if (loadable.state === 'loading') return <p className="status">Loading {what}…</p>
  if (loadable.state === 'error') {
    return (
      <p className="error" role="alert">
        Could not load {what}: {loadable.message}
      </p>
    )
  }
  return <>{children(loadable.value)}</>
}
