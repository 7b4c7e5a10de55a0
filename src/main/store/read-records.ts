import { ROUND_LABEL } from './round-label'
import type Database from 'better-sqlite3'
import { pinyinForIndex } from './pinyin-text'
import type {
  Citation,
  Designation,
  DesignationAction,
  EntityDetail,
  EntitySummary,
  EntityType,
  OfficeNote,
  OrganisationKind,
  Provenance,
  Reaction,
  Reliability,
  ReportedName,
  RoundDetail,
  RoundRef,
  RoundSummary,
  SourceRef,
  Stance,
  Stats,
  TextKind,
  OriginKind,
} from '../../shared/domain'

type Db = Database.Database

/** When a designation took effect: its own date, else the round's effective or publication date. */
const DESIGNATION_DATE = `coalesce(d.action_date, r.effective_date, r.published_date)`

export function readStats(db: Db): Stats {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  return {
    entities: count('entities'),
    rounds: count('rounds'),
    designations: count('designations'),
    reactions: count('reactions'),
    sources: count('sources'),
  }
}

const ENTITY_SUMMARY_SQL = `
  SELECT e.id, e.primary_name, e.original_name, e.type, e.country,
    (SELECT json_group_array(sector) FROM (SELECT sector FROM entity_sectors WHERE entity_id = e.id ORDER BY sector)) AS sectors,
    (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY position)) AS aliases,
    (SELECT json_group_array(json_object('id', id, 'label', label)) FROM (
       SELECT DISTINCT r.id AS id, ${ROUND_LABEL} AS label, r.published_date AS published
       FROM designations d JOIN rounds r ON r.id = d.round_id WHERE d.entity_id = e.id ORDER BY published)) AS rounds,
    (SELECT min(${DESIGNATION_DATE}) FROM designations d JOIN rounds r ON r.id = d.round_id
       WHERE d.entity_id = e.id AND d.action = 'added') AS first_added,
    (SELECT d.action FROM designations d JOIN rounds r ON r.id = d.round_id WHERE d.entity_id = e.id
       ORDER BY ${DESIGNATION_DATE} DESC LIMIT 1) AS latest_action,
    (SELECT count(*) FROM reaction_entities re WHERE re.entity_id = e.id) AS reaction_count
  FROM entities e`

interface EntitySummaryRow {
  id: string
  primary_name: string
  original_name: string | null
  type: EntityType
  country: string | null
  sectors: string
  aliases: string
  rounds: string
  first_added: string | null
  latest_action: DesignationAction | null
  reaction_count: number
}

function toEntitySummary(row: EntitySummaryRow): EntitySummary {
  return {
    id: row.id,
    primaryName: row.primary_name,
    originalName: row.original_name,
    type: row.type,
    country: row.country,
    sectors: JSON.parse(row.sectors) as string[],
    aliases: JSON.parse(row.aliases) as string[],
    rounds: JSON.parse(row.rounds) as RoundRef[],
    firstAdded: row.first_added,
    latestAction: row.latest_action,
    reactionCount: row.reaction_count,
  }
}

/** Summaries of the given entities, in the order of `ids`. */
export function readEntitySummaries(db: Db, ids: string[]): EntitySummary[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(`${ENTITY_SUMMARY_SQL} WHERE e.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as EntitySummaryRow[]
  const byId = new Map(rows.map((row) => [row.id, toEntitySummary(row)]))
  return ids.map((id) => byId.get(id)!).filter(Boolean)
}

export function listEntities(db: Db): EntitySummary[] {
  const rows = db
    .prepare(`${ENTITY_SUMMARY_SQL} ORDER BY e.primary_name COLLATE NOCASE`)
    .all() as EntitySummaryRow[]
  return rows.map(toEntitySummary)
}

function readProvenance(db: Db, table: 'entities' | 'rounds', id: string): Provenance {
  const row = db
    .prepare(
      `SELECT o.kind, o.label, o.at FROM ${table} t JOIN origins o ON o.id = t.origin_id WHERE t.id = ?`,
    )
    .get(id) as { kind: OriginKind; label: string; at: string }
  return { kind: row.kind, label: row.label, at: row.at }
}

interface SourceRow {
  id: string
  publication: string
  title: string | null
  date: string | null
  url: string | null
  reliability: Reliability
  note: string | null
}

const SOURCE_COLUMNS = 's.id, s.publication, s.title, s.date, s.url, s.reliability, s.note'

function readCitations(
  db: Db,
  table: 'entity_sources' | 'round_sources',
  owner: string,
  id: string,
): Citation[] {
  const rows = db
    .prepare(
      `SELECT ${SOURCE_COLUMNS}, c.supports FROM ${table} c JOIN sources s ON s.id = c.source_id
       WHERE c.${owner} = ? ORDER BY c.position`,
    )
    .all(id) as (SourceRow & { supports: string | null })[]
  return rows.map(({ supports, ...source }) => ({ source, supports }))
}

/** The citations of many records at once, keyed by record id, each list in its recorded order. */
export function readCitationsOf(db: Db, kind: 'entity' | 'round', ids: string[]): Map<string, Citation[]> {
  const [table, owner] = kind === 'entity' ? ['entity_sources', 'entity_id'] : ['round_sources', 'round_id']
  const rows = db
    .prepare(
      `SELECT c.${owner} AS owner, ${SOURCE_COLUMNS}, c.supports FROM ${table} c JOIN sources s ON s.id = c.source_id
       WHERE c.${owner} IN (SELECT value FROM json_each(?)) ORDER BY c.${owner}, c.position`,
    )
    .all(JSON.stringify(ids)) as (SourceRow & { owner: string; supports: string | null })[]
  const result = new Map<string, Citation[]>()
  for (const { owner: ownerId, supports, ...source } of rows) {
    const list = result.get(ownerId) ?? []
    list.push({ source, supports })
    result.set(ownerId, list)
  }
  return result
}

const DESIGNATION_SQL = `
  SELECT d.id, d.entity_id, e.primary_name AS entity_name, d.round_id, ${ROUND_LABEL} AS round_label,
    r.list_name AS list, d.action,
    ${DESIGNATION_DATE} AS date, d.license_requirement, d.license_policy, d.citation, d.ended_date, d.programs
  FROM designations d JOIN rounds r ON r.id = d.round_id JOIN entities e ON e.id = d.entity_id`

interface DesignationRow {
  id: string
  entity_id: string
  entity_name: string
  round_id: string
  round_label: string
  list: string
  action: DesignationAction
  date: string | null
  license_requirement: string | null
  license_policy: string | null
  citation: string | null
  ended_date: string | null
  programs: string | null
}

function toDesignation(row: DesignationRow): Designation {
  return {
    id: row.id,
    entityId: row.entity_id,
    entityName: row.entity_name,
    roundId: row.round_id,
    roundLabel: row.round_label,
    list: row.list,
    action: row.action,
    date: row.date,
    licenseRequirement: row.license_requirement,
    licensePolicy: row.license_policy,
    citation: row.citation,
    ended: row.ended_date,
    programs: row.programs,
  }
}

/** The names sources give these entities beside their listed ones, with the source, by entity. */
export function readReportedNames(db: Db, entityIds: string[]): Map<string, ReportedName[]> {
  const rows = db
    .prepare(
      `SELECT r.entity_id, r.name, r.source_id, s.publication, r.note FROM entity_reported_names r
       JOIN sources s ON s.id = r.source_id
       WHERE r.entity_id IN (SELECT value FROM json_each(?)) ORDER BY r.entity_id, r.position`,
    )
    .all(JSON.stringify(entityIds)) as {
    entity_id: string
    name: string
    source_id: string
    publication: string
    note: string | null
  }[]
  const byEntity = new Map<string, ReportedName[]>()
  for (const row of rows) {
    const list = byEntity.get(row.entity_id) ?? []
    list.push({ name: row.name, sourceId: row.source_id, publication: row.publication, note: row.note })
    byEntity.set(row.entity_id, list)
  }
  return byEntity
}

/** Every designation of the given entities, oldest first. */
export function readDesignationsOf(db: Db, entityIds: string[]): Designation[] {
  const rows = db
    .prepare(`${DESIGNATION_SQL} WHERE d.entity_id IN (SELECT value FROM json_each(?)) ORDER BY date, d.id`)
    .all(JSON.stringify(entityIds)) as DesignationRow[]
  return rows.map(toDesignation)
}

export function getEntity(db: Db, id: string): EntityDetail | null {
  const row = db.prepare(`${ENTITY_SUMMARY_SQL} WHERE e.id = ?`).get(id) as EntitySummaryRow | undefined
  if (!row) return null
  const extra = db.prepare('SELECT original_name_note, notes FROM entities WHERE id = ?').get(id) as {
    original_name_note: string | null
    notes: string | null
  }
  const addresses = db
    .prepare('SELECT address FROM entity_addresses WHERE entity_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
  const reportedNames = readReportedNames(db, [id]).get(id) ?? []
  const identifiers = db
    .prepare('SELECT scheme, value FROM entity_identifiers WHERE entity_id = ? ORDER BY position')
    .all(id) as { scheme: string; value: string }[]
  const designations = (
    db.prepare(`${DESIGNATION_SQL} WHERE d.entity_id = ? ORDER BY date`).all(id) as DesignationRow[]
  ).map(toDesignation)
  return {
    ...toEntitySummary(row),
    originalNameNote: extra.original_name_note,
    notes: extra.notes,
    addresses,
    identifiers,
    reportedNames,
    designations,
    reactions: listReactions(db, { entityId: id }),
    officeNotes: listOfficeNotes(db, { entityId: id }),
    citations: readCitations(db, 'entity_sources', 'entity_id', id),
    provenance: readProvenance(db, 'entities', id),
  }
}

const ROUND_SUMMARY_SQL = `
  SELECT r.id, r.list_name, r.title, r.fr_doc_number, r.announced_date, r.published_date, r.effective_date,
    r.basis, r.declared_count,
    (SELECT json_group_array(citation) FROM (SELECT citation FROM round_citations WHERE round_id = r.id ORDER BY position)) AS citations,
    (SELECT count(DISTINCT entity_id) FROM designations d WHERE d.round_id = r.id) AS recorded_count,
    (SELECT count(*) FROM reaction_rounds rr WHERE rr.round_id = r.id) AS reaction_count
  FROM rounds r`

interface RoundSummaryRow {
  id: string
  list_name: string
  title: string | null
  fr_doc_number: string | null
  announced_date: string | null
  published_date: string | null
  effective_date: string | null
  basis: string | null
  declared_count: number | null
  citations: string
  recorded_count: number
  reaction_count: number
}

function toRoundSummary(row: RoundSummaryRow): RoundSummary {
  return {
    id: row.id,
    list: row.list_name,
    title: row.title,
    citations: JSON.parse(row.citations) as string[],
    frDocNumber: row.fr_doc_number,
    announced: row.announced_date,
    published: row.published_date,
    effective: row.effective_date,
    basis: row.basis,
    declaredCount: row.declared_count,
    recordedCount: row.recorded_count,
    reactionCount: row.reaction_count,
  }
}

export function listRounds(db: Db): RoundSummary[] {
  const rows = db
    .prepare(`${ROUND_SUMMARY_SQL} ORDER BY coalesce(r.published_date, r.announced_date), r.id`)
    .all() as RoundSummaryRow[]
  return rows.map(toRoundSummary)
}

export function getRound(db: Db, id: string): RoundDetail | null {
  const row = db.prepare(`${ROUND_SUMMARY_SQL} WHERE r.id = ?`).get(id) as RoundSummaryRow | undefined
  if (!row) return null
  const extra = db.prepare('SELECT docket, rin, notes FROM rounds WHERE id = ?').get(id) as {
    docket: string | null
    rin: string | null
    notes: string | null
  }
  const designations = (
    db
      .prepare(`${DESIGNATION_SQL} WHERE d.round_id = ? ORDER BY e.primary_name COLLATE NOCASE`)
      .all(id) as DesignationRow[]
  ).map(toDesignation)
  return {
    ...toRoundSummary(row),
    ...extra,
    designations,
    reactions: listReactions(db, { roundId: id }),
    officeNotes: listOfficeNotes(db, { roundId: id }),
    citationsBySource: readCitations(db, 'round_sources', 'round_id', id),
    provenance: readProvenance(db, 'rounds', id),
  }
}

interface ReactionRow {
  id: string
  speaker: string | null
  speaker_role: string | null
  organisation: string | null
  organisation_kind: OrganisationKind
  stance: Stance | null
  text: string
  text_kind: TextKind
  context: string | null
  language: string
  date_said: string | null
  notes: string | null
  source_excerpt: string | null
  excerpt_checked_on: string | null
  rounds: string
  entities: string
  source: string
  written_by: string | null
  written_at: string | null
}

/**
 * Who wrote a record in the app (through its origin): an undone edit's origin is gone and its id may be
 * used again, so only an applied edit owns one. Joined as `le` (local_edits) and `lo` (origins).
 */
const WRITTEN_LOCALLY = (table: string) => `LEFT JOIN local_edits le ON le.origin_id = ${table}.origin_id
    AND le.import_id IN (SELECT id FROM imports WHERE status = 'applied')
  LEFT JOIN origins lo ON lo.id = le.origin_id`

/** The notes offices wrote on an entity or a round, oldest first. */
export function listOfficeNotes(db: Db, on: { entityId: string } | { roundId: string }): OfficeNote[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.text, n.assessment, le.author AS written_by, lo.at AS written_at,
         (SELECT json_object('id', s.id, 'publication', s.publication, 'title', s.title, 'date', s.date,
            'url', s.url, 'reliability', s.reliability, 'note', s.note) FROM sources s WHERE s.id = n.source_id) AS source
       FROM notes n ${WRITTEN_LOCALLY('n')}
       WHERE ${'entityId' in on ? 'n.entity_id' : 'n.round_id'} = ? ORDER BY n.rowid`,
    )
    .all('entityId' in on ? on.entityId : on.roundId) as {
    id: string
    text: string
    assessment: number
    written_by: string | null
    written_at: string | null
    source: string | null
  }[]
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    assessment: row.assessment === 1,
    source: row.source === null ? null : (JSON.parse(row.source) as SourceRef),
    written: row.written_by === null ? null : { author: row.written_by, at: row.written_at! },
  }))
}

/** The pinyin of a reaction's Chinese names (speaker, role, organisation), for the table's search. */
function pinyinOfNames(names: (string | null)[]): string | null {
  const readings = names.flatMap((name) => {
    const reading = name ? pinyinForIndex(name) : null
    return reading ? [reading] : []
  })
  return readings.length > 0 ? readings.join(' ') : null
}

export function listReactions(
  db: Db,
  filter: { entityId?: string; roundId?: string; ids?: string[] } = {},
): Reaction[] {
  const where: string[] = []
  if (filter.ids) where.push('x.id IN (SELECT value FROM json_each(@ids))')
  if (filter.entityId)
    where.push('x.id IN (SELECT reaction_id FROM reaction_entities WHERE entity_id = @entityId)')
  if (filter.roundId)
    where.push('x.id IN (SELECT reaction_id FROM reaction_rounds WHERE round_id = @roundId)')
  const rows = db
    .prepare(
      `SELECT x.id, x.speaker, x.speaker_role, x.organisation, x.organisation_kind, x.stance, x.text, x.text_kind,
         x.context, x.language, x.date_said, x.notes, x.source_excerpt, x.excerpt_checked_on,
         (SELECT json_group_array(json_object('id', id, 'label', label)) FROM (
            SELECT r.id AS id, ${ROUND_LABEL} AS label FROM reaction_rounds rr JOIN rounds r ON r.id = rr.round_id
            WHERE rr.reaction_id = x.id ORDER BY r.published_date)) AS rounds,
         (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
            SELECT e.id AS id, e.primary_name AS name FROM reaction_entities re JOIN entities e ON e.id = re.entity_id
            WHERE re.reaction_id = x.id ORDER BY e.primary_name)) AS entities,
         (SELECT json_object('id', s.id, 'publication', s.publication, 'title', s.title, 'date', s.date,
            'url', s.url, 'reliability', s.reliability, 'note', s.note) FROM sources s WHERE s.id = x.source_id) AS source,
         le.author AS written_by, lo.at AS written_at
       FROM reactions x ${WRITTEN_LOCALLY('x')} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY x.date_said IS NULL, x.date_said, x.id`,
    )
    .all({
      entityId: filter.entityId ?? null,
      roundId: filter.roundId ?? null,
      ids: JSON.stringify(filter.ids ?? []),
    }) as ReactionRow[]
  return rows.map((row) => ({
    id: row.id,
    speaker: row.speaker,
    speakerRole: row.speaker_role,
    organisation: row.organisation,
    organisationKind: row.organisation_kind,
    stance: row.stance,
    text: row.text,
    textKind: row.text_kind,
    context: row.context,
    language: row.language,
    dateSaid: row.date_said,
    notes: row.notes,
    sourceExcerpt: row.source_excerpt,
    excerptCheckedOn: row.excerpt_checked_on,
    rounds: JSON.parse(row.rounds) as RoundRef[],
    entities: JSON.parse(row.entities) as { id: string; name: string }[],
    source: JSON.parse(row.source) as Reaction['source'],
    written: row.written_by === null ? null : { author: row.written_by, at: row.written_at! },
    pinyin: pinyinOfNames([row.speaker, row.speaker_role, row.organisation]),
  }))
}
