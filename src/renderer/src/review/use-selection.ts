import { useState } from 'react'

const NONE: ReadonlySet<string> = new Set()

/** Rows picked for copying; a selection belongs to the rows it was made on, so a new query clears it. */
export function useSelection(queryKey: string) {
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({
    key: queryKey,
    ids: NONE,
  })
  const selected = selection.key === queryKey ? selection.ids : NONE
  return [selected, (ids: ReadonlySet<string>) => setSelection({ key: queryKey, ids })] as const
}
