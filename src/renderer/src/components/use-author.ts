import { useState } from 'react'
import { authorNameSchema } from '../../../shared/local-edits'
import type { BriefingApi } from '../../../shared/contract'
import { useLoad } from '../api/use-api'

/**
 * The name local edits are marked with: the one kept in the store, or, the first time, the name the
 * writer types into the form (saved with the first edit).
 */
export function useAuthor() {
  const edits = useLoad((api) => api.listLocalEdits({}), 'local-edits')
  const [typed, setTyped] = useState('')
  const known = edits.state === 'ready' ? edits.value.author : null
  return {
    known,
    /** The form must ask for a name: the store has none yet. */
    asking: edits.state === 'ready' && !known,
    typed,
    setTyped,
    problem: (): string | null =>
      known || authorNameSchema.safeParse(typed).success
        ? null
        : 'your name is required: local edits are marked with it',
    /** Keeps the typed name before the first edit is saved. */
    save: async (api: BriefingApi): Promise<void> => {
      if (!known) await api.setAuthorName({ name: typed })
    },
  }
}
