import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import type { BriefingSettings, SavedBriefing } from '../../shared/briefing'
import { briefingSettingsSchema } from '../../shared/contract'
import { BriefingError } from '../briefing/briefing-error'

type Db = Database.Database

interface BriefingRow {
  id: string
  settings: string
  created_at: string
  updated_at: string
}

/**
 * Settings are re-validated when read: a briefing saved by an older version (or edited by hand) comes
 * back with today's defaults filled in, or is reported as damaged rather than half-used.
 */
function toSavedBriefing(row: BriefingRow): SavedBriefing {
  const parsed = briefingSettingsSchema.safeParse(JSON.parse(row.settings))
  if (!parsed.success) {
    throw new BriefingError(
      `The saved briefing "${row.id}" is damaged: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  return { id: row.id, settings: parsed.data, createdAt: row.created_at, updatedAt: row.updated_at }
}

export function listSavedBriefings(db: Db): SavedBriefing[] {
  const rows = db
    .prepare('SELECT id, settings, created_at, updated_at FROM briefings ORDER BY updated_at DESC, id')
    .all() as BriefingRow[]
  return rows.map(toSavedBriefing)
}

export function getSavedBriefing(db: Db, id: string): SavedBriefing {
  const row = db
    .prepare('SELECT id, settings, created_at, updated_at FROM briefings WHERE id = ?')
    .get(id) as BriefingRow | undefined
  if (!row) throw new BriefingError(`No saved briefing with the id "${id}".`)
  return toSavedBriefing(row)
}

/** Saves new settings, or replaces a saved briefing's settings; one statement, so one transaction. */
export function saveBriefing(
  db: Db,
  settings: BriefingSettings,
  id?: string,
  now = new Date(),
): SavedBriefing {
  const at = now.toISOString()
  const json = JSON.stringify(settings)
  if (id) {
    const changed = db
      .prepare('UPDATE briefings SET title = ?, settings = ?, updated_at = ? WHERE id = ?')
      .run(settings.title, json, at, id).changes
    if (changed === 0) throw new BriefingError(`No saved briefing with the id "${id}".`)
    return getSavedBriefing(db, id)
  }
  const newId = `b-${randomBytes(6).toString('hex')}`
  db.prepare(
    'INSERT INTO briefings (id, title, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(newId, settings.title, json, at, at)
  return getSavedBriefing(db, newId)
}

export function deleteSavedBriefing(db: Db, id: string): void {
  const changed = db.prepare('DELETE FROM briefings WHERE id = ?').run(id).changes
  if (changed === 0) throw new BriefingError(`No saved briefing with the id "${id}".`)
}
