import type Database from 'better-sqlite3'
import { VIEW_NAMES, type ViewName } from '../../shared/app-commands'
import { getMeta, setMeta } from './meta'

type Db = Database.Database

/** The view the app showed last, or null (never opened, or a name this version does not know). */
export function lastView(db: Db): ViewName | null {
  const kept = getMeta(db, 'last_view')
  return (VIEW_NAMES as readonly string[]).includes(kept ?? '') ? (kept as ViewName) : null
}

export function keepLastView(db: Db, view: ViewName): void {
  setMeta(db, 'last_view', view)
}

/** The name the user writes local edits under, or null when not set yet. */
export function authorName(db: Db): string | null {
  return getMeta(db, 'author_name')
}

export function setAuthorName(db: Db, name: string): void {
  setMeta(db, 'author_name', name)
}
