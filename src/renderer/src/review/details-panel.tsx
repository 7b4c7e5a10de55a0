import { useEffect, type ReactNode } from 'react'

/** The side panel a review table opens for a row; Escape or × closes it. */
export function DetailsPanel({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <aside className="details" aria-label="Details">
      <button type="button" className="close" onClick={onClose} aria-label="Close details">
        ×
      </button>
      {children}
    </aside>
  )
}
