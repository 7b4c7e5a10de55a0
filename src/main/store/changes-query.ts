import type Database from 'better-sqlite3'
import type {
  ChangeGroupCount,
  ChangeGroupCounts,
  ChangesFilters,
  ChangesPage,
  ChangesScope,
  EntityHistoryEvent,
  StoredChange,
  StoredChangeKind,
} from '../../shared/changes'
import { bundleLabel, type FieldChange, type RecordTypeName } from '../../shared/updates'
import { barredHolds, unbarred } from './barred-list'
import { readRoundLabels } from './round-label'
import { statement } from './statement-cache'

type Db = Database.Database

interface ImportInScope {
  id: number
  importedAt: string
  label: string
}

/** How an import is named where its changes are shown: the list file, or the bundle's publisher. */
function importLabel(row: ImportRow): string {
  if (row.key_id === 'unsigned') return row.file_name ? `${row.file_name} (${row.publisher})` : row.publisher
  return bundleLabel(row.publisher, row.sequence, row.file_name)
}

interface ImportRow {
  id: number
  imported_at: string
  publisher: string
  key_id: string
  file_name: string | null
  sequence: number
}

/** The day after an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), as the first instant not in it. */
function endOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  if (month === undefined) return `${year + 1}`
  if (day === undefined)
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

/** The applied imports a scope covers, newest first. */
export function importsInScope(db: Db, scope: ChangesScope): ImportInScope[] {
  const where = ["status = 'applied'"]
  const params: unknown[] = []
  if (scope.importId !== undefined) {
    where.push('id = ?')
    params.push(scope.importId)
  }
  if (scope.since !== undefined) {
    where.push('imported_at >= ?')
    params.push(scope.since)
  }
  if (scope.until !== undefined) {
    where.push('imported_at < ?')
    params.push(endOf(scope.until))
  }
  const rows = statement(
    db,
    `SELECT id, imported_at, publisher, key_id, file_name, sequence FROM imports
     WHERE ${where.join(' AND ')} ORDER BY id DESC`,
  ).all(...params) as ImportRow[]
  return rows.map((row) => ({ id: row.id, importedAt: row.imported_at, label: importLabel(row) }))
}

/** Each filter as a condition on record_changes, with its parameters; absent filters give none. */
function filterClauses(
  filters: ChangesFilters,
): { group: keyof ChangeGroupCounts; sql: string; params: unknown[] }[] {
  const clauses: { group: keyof ChangeGroupCounts; sql: string; params: unknown[] }[] = []
  if (filters.kinds && filters.kinds.length > 0)
    clauses.push({
      group: 'kinds',
      sql: `kind IN (${filters.kinds.map(() => '?').join(', ')})`,
      params: filters.kinds,
    })
  if (filters.types && filters.types.length > 0)
    clauses.push({
      group: 'types',
      sql: `record_type IN (${filters.types.map(() => '?').join(', ')})`,
      params: filters.types,
    })
  if (filters.list !== undefined)
    clauses.push({ group: 'lists', sql: barredHolds('lists'), params: [filters.list] })
  if (filters.round !== undefined)
    clauses.push({ group: 'rounds', sql: barredHolds('rounds'), params: [filters.round] })
  if (filters.country !== undefined)
    clauses.push({ group: 'countries', sql: 'country = ?', params: [filters.country] })
  return clauses
}

interface ChangeRow {
  import_id: number
  record_type: RecordTypeName
  record_id: string
  kind: StoredChangeKind
  label: string
  entity_id: string | null
  country: string | null
  lists: string
  rounds: string
  fields: string | null
}

/**
 * Counts per group (kind of change, record kind, list, round, country) in one pass over the scope: a
 * change counts in a group when it passes every other group's filter, as a facet counts.
 */
function countGroups(
  db: Db,
  scopeSql: string,
  scopeParams: unknown[],
  filters: ChangesFilters,
): ChangeGroupCounts {
  const groups: (keyof ChangeGroupCounts)[] = ['kinds', 'types', 'lists', 'rounds', 'countries']
  const tallies = new Map(groups.map((group) => [group, new Map<string, number>()]))
  const kinds = filters.kinds && filters.kinds.length > 0 ? new Set<string>(filters.kinds) : null
  const types = filters.types && filters.types.length > 0 ? new Set<string>(filters.types) : null
  const add = (group: keyof ChangeGroupCounts, value: string, count: number) => {
    const tally = tallies.get(group)!
    tally.set(value, (tally.get(value) ?? 0) + count)
  }
  // Grouped by every column a count reads: far fewer rows than changes.
  const grouped = statement(
    db,
    `SELECT kind, record_type, lists, rounds, coalesce(country, ''), count(*) FROM record_changes
     WHERE ${scopeSql} GROUP BY 1, 2, 3, 4, 5`,
  )
    .raw()
    .all(...scopeParams) as [string, string, string, string, string, number][]
  for (const [kind, type, lists, rounds, country, count] of grouped) {
    const listValues = unbarred(lists)
    const roundValues = unbarred(rounds)
    const fails: (keyof ChangeGroupCounts)[] = []
    if (kinds && !kinds.has(kind)) fails.push('kinds')
    if (types && !types.has(type)) fails.push('types')
    if (filters.list !== undefined && !listValues.includes(filters.list)) fails.push('lists')
    if (filters.round !== undefined && !roundValues.includes(filters.round)) fails.push('rounds')
    if (filters.country !== undefined && country !== filters.country) fails.push('countries')
    if (fails.length > 1) continue
    const counts = (group: keyof ChangeGroupCounts) => fails.length === 0 || fails[0] === group
    if (counts('kinds')) add('kinds', kind, count)
    if (counts('types')) add('types', type, count)
    if (counts('lists')) for (const list of listValues) add('lists', list, count)
    if (counts('rounds')) for (const round of roundValues) add('rounds', round, count)
    if (counts('countries') && country !== '') add('countries', country, count)
  }
  const sorted = (group: keyof ChangeGroupCounts): ChangeGroupCount[] =>
    [...tallies.get(group)!]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return {
    kinds: sorted('kinds'),
    types: sorted('types'),
    lists: sorted('lists'),
    rounds: sorted('rounds'),
    countries: sorted('countries'),
  }
}

function toChange(row: ChangeRow, imports: Map<number, ImportInScope>): StoredChange {
  const source = imports.get(row.import_id)
  return {
    importId: row.import_id,
    importedAt: source?.importedAt ?? '',
    importLabel: source?.label ?? '',
    type: row.record_type,
    recordId: row.record_id,
    kind: row.kind,
    label: row.label,
    entityId: row.entity_id,
    country: row.country,
    lists: unbarred(row.lists),
    rounds: unbarred(row.rounds),
    fields: row.fields === null ? [] : (JSON.parse(row.fields) as FieldChange[]),
  }
}

export interface ChangesQuery {
  scope: ChangesScope
  filters: ChangesFilters
  offset: number
  /** At most this many rows; counts and the total always cover every change that passes. */
  limit: number
}

/** A page of the changes in scope that pass the filters, newest import first, with counts per group. */
export function queryChanges(db: Db, query: ChangesQuery): ChangesPage {
  const imports = importsInScope(db, query.scope)
  const empty: ChangeGroupCounts = { kinds: [], types: [], lists: [], rounds: [], countries: [] }
  if (imports.length === 0)
    return { rows: [], total: 0, offset: query.offset, counts: empty, imports: [], roundLabels: {} }
  const scopeSql = `import_id IN (${imports.map(() => '?').join(', ')})`
  const scopeParams = imports.map((entry) => entry.id)
  const clauses = filterClauses(query.filters)
  const where = [scopeSql, ...clauses.map((clause) => clause.sql)].join(' AND ')
  const params = [...scopeParams, ...clauses.flatMap((clause) => clause.params)]
  const counts = countGroups(db, scopeSql, scopeParams, query.filters)
  const total = statement(db, `SELECT count(*) FROM record_changes WHERE ${where}`)
    .pluck()
    .get(...params) as number
  const rows = statement(
    db,
    `SELECT import_id, record_type, record_id, kind, label, entity_id, country, lists, rounds, fields
     FROM record_changes WHERE ${where} ORDER BY import_id DESC, seq LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, query.offset) as ChangeRow[]
  const byId = new Map(imports.map((entry) => [entry.id, entry]))
  const labels = readRoundLabels(db)
  const roundLabels = Object.fromEntries(
    counts.rounds.flatMap(({ value }) => (labels.has(value) ? [[value, labels.get(value)!]] : [])),
  )
  return {
    rows: rows.map((row) => toChange(row, byId)),
    total,
    offset: query.offset,
    counts,
    imports,
    roundLabels,
  }
}

/**
 * An entity's history, newest first: what each import changed about it and its designations (with the
 * import it came from), then the listings it holds as the store has them (with their sources), so that
 * an entity from the built-in data, which no import brought, still shows when and where it was listed.
 */
export function entityHistory(db: Db, entityId: string): EntityHistoryEvent[] {
  const imports = new Map(importsInScope(db, {}).map((entry) => [entry.id, entry]))
  const labels = readRoundLabels(db)
  const changes = statement(
    db,
    `SELECT import_id, record_type, record_id, kind, label, entity_id, country, lists, rounds, fields
     FROM record_changes WHERE entity_id = ? ORDER BY import_id DESC, seq`,
  ).all(entityId) as ChangeRow[]
  const events: EntityHistoryEvent[] = changes
    .filter((row) => imports.has(row.import_id))
    .map((row) => {
      const change = toChange(row, imports)
      return {
        at: change.importedAt,
        kind: change.kind,
        type: change.type,
        recordId: change.recordId,
        round: change.type === 'designation' ? (change.rounds[0] ?? null) : null,
        roundLabel: change.type === 'designation' ? (labels.get(change.rounds[0]) ?? null) : null,
        list: change.type === 'designation' ? (change.lists[0] ?? null) : null,
        fields: change.fields,
        action: null,
        source: change.importLabel,
        importId: change.importId,
      }
    })
  const listings = statement(
    db,
    `SELECT d.id, d.action, d.action_date, d.round_id, r.list_name AS list, s.publication, s.title
     FROM designations d JOIN rounds r ON r.id = d.round_id LEFT JOIN sources s ON s.id = d.source_id
     WHERE d.entity_id = ? ORDER BY d.action_date DESC, d.id`,
  ).all(entityId) as {
    id: string
    action: string
    action_date: string | null
    round_id: string
    list: string
    publication: string | null
    title: string | null
  }[]
  for (const listing of listings) {
    events.push({
      at: listing.action_date,
      kind: 'listed',
      type: 'designation',
      recordId: listing.id,
      round: listing.round_id,
      roundLabel: labels.get(listing.round_id) ?? null,
      list: listing.list,
      fields: [],
      action: listing.action,
      source: [listing.publication, listing.title].filter(Boolean).join(', ') || null,
      importId: null,
    })
  }
  return events
}

/** What some imports did, record by record, in the order they did it (for publishing local edits). */
export function recordedChangesOf(
  db: Db,
  importIds: number[],
): { type: RecordTypeName; id: string; kind: StoredChangeKind }[] {
  return statement(
    db,
    `SELECT record_type AS type, record_id AS id, kind FROM record_changes
     WHERE import_id IN (SELECT value FROM json_each(?)) ORDER BY import_id, seq`,
  ).all(JSON.stringify(importIds)) as { type: RecordTypeName; id: string; kind: StoredChangeKind }[]
}
