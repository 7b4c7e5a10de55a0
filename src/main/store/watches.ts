import type Database from 'better-sqlite3'
import type { StoredChangeKind } from '../../shared/changes'
import type { Watch, WatchNotice, WatchQuery } from '../../shared/watches'
import { UserError } from '../user-error'
import { queryEntityIds } from './entity-query'
import { statement } from './statement-cache'

type Db = Database.Database

interface WatchRow {
  id: number
  kind: 'entity' | 'search'
  entity_id: string | null
  entity_name: string | null
  name: string | null
  query: string | null
  created_at: string
}

const WATCH_SQL = `SELECT w.id, w.kind, w.entity_id, e.primary_name AS entity_name, w.name, w.query, w.created_at
  FROM watches w LEFT JOIN entities e ON e.id = w.entity_id`

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    kind: row.kind,
    entityId: row.entity_id,
    entityName: row.entity_name,
    name: row.name,
    query: row.query === null ? null : (JSON.parse(row.query) as WatchQuery),
    createdAt: row.created_at,
  }
}

export function listWatches(db: Db): Watch[] {
  return (statement(db, `${WATCH_SQL} ORDER BY w.id`).all() as WatchRow[]).map(toWatch)
}

function readWatch(db: Db, id: number): Watch {
  return toWatch(statement(db, `${WATCH_SQL} WHERE w.id = ?`).get(id) as WatchRow)
}

/** Stars an entity; starring it again returns the watch it has. */
export function watchEntity(db: Db, entityId: string, now = new Date()): Watch {
  if (statement(db, 'SELECT 1 FROM entities WHERE id = ?').get(entityId) === undefined)
    throw new UserError(`No entity with the id "${entityId}". Nothing was changed.`, 'not-found')
  statement(
    db,
    `INSERT INTO watches (kind, entity_id, created_at) VALUES ('entity', ?, ?) ON CONFLICT (entity_id) DO NOTHING`,
  ).run(entityId, now.toISOString())
  const id = statement(db, 'SELECT id FROM watches WHERE entity_id = ?').pluck().get(entityId) as number
  return readWatch(db, id)
}

/** Saves a search and its filters under a name of its own. */
export function watchSearch(db: Db, name: string, query: WatchQuery, now = new Date()): Watch {
  const trimmed = name.trim()
  if (trimmed === '') throw new UserError('A watched search needs a name. Nothing was changed.')
  if (statement(db, 'SELECT 1 FROM watches WHERE name = ?').get(trimmed) !== undefined)
    throw new UserError(`A watch named "${trimmed}" exists already. Nothing was changed.`, 'conflict')
  const id = statement(
    db,
    `INSERT INTO watches (kind, name, query, created_at) VALUES ('search', ?, ?, ?)`,
  ).run(trimmed, JSON.stringify(query), now.toISOString()).lastInsertRowid
  return readWatch(db, Number(id))
}

export function removeWatch(db: Db, id: number): void {
  if (statement(db, 'DELETE FROM watches WHERE id = ?').run(id).changes === 0)
    throw new UserError(`There is no watch ${id}: "watch list" lists them. Nothing was changed.`, 'not-found')
}

/**
 * Which watches an import touched: starred entities it changed (or changed a listing of), and saved
 * searches that now find an entity it changed; each with those entities and what happened to them.
 */
export function watchNotices(db: Db, importId: number, watches: Watch[] = listWatches(db)): WatchNotice[] {
  if (watches.length === 0) return []
  const changed = new Map<string, { name: string; kinds: Set<StoredChangeKind> }>()
  const rows = statement(
    db,
    `SELECT rc.entity_id, coalesce(e.primary_name, rc.label), rc.kind FROM record_changes rc
     LEFT JOIN entities e ON e.id = rc.entity_id WHERE rc.import_id = ? AND rc.entity_id IS NOT NULL`,
  )
    .raw()
    .all(importId) as [string, string, StoredChangeKind][]
  for (const [id, name, kind] of rows) {
    const entry = changed.get(id) ?? { name, kinds: new Set<StoredChangeKind>() }
    entry.kinds.add(kind)
    changed.set(id, entry)
  }
  const entitiesAmong = (ids: Iterable<string>) =>
    [...ids]
      .filter((id) => changed.has(id))
      .map((id) => ({ id, name: changed.get(id)!.name, kinds: [...changed.get(id)!.kinds] }))
  const notices: WatchNotice[] = []
  for (const watch of watches) {
    const entities =
      watch.kind === 'entity'
        ? entitiesAmong([watch.entityId!])
        : changed.size === 0
          ? []
          : entitiesAmong(queryEntityIds(db, { ...watch.query!, sort: [] }))
    if (entities.length > 0) notices.push({ watch, entities })
  }
  return notices
}
