import type { EntitySummary } from '../../shared/domain'
import { queryAllEntities, type EntityViewQuery } from '../store/entity-query'
import type { Store } from '../store/open-store'
import { toCsv } from '../../shared/csv'

/** The Entities table's columns, in its order, as they appear in an export. */
const COLUMNS: [string, (e: EntitySummary) => string | number | null][] = [
  ['Name', (e) => e.primaryName],
  ['Original-script name', (e) => e.originalName],
  ['Aliases', (e) => e.aliases.join('; ')],
  ['Country', (e) => e.country],
  ['Type', (e) => e.type],
  ['Sectors', (e) => e.sectors.join('; ')],
  ['Rounds', (e) => e.rounds.map((r) => r.label).join('; ')],
  ['First added', (e) => e.firstAdded],
  ['Latest action', (e) => e.latestAction],
  ['Reactions', (e) => e.reactionCount],
  ['Id', (e) => e.id],
]

export function exportEntitiesCsv(store: Store, query: EntityViewQuery, now: Date = new Date()) {
  const rows = queryAllEntities(store.db, query)
  const csv = toCsv(
    COLUMNS.map(([header]) => header),
    rows.map((row) => COLUMNS.map(([, value]) => value(row))),
  )
  return { fileName: `entities-${now.toISOString().slice(0, 10)}.csv`, csv, rows: rows.length }
}
