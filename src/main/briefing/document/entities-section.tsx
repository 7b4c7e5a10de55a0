import {
  BRIEFING_ENTITY_COLUMN_LABELS,
  type BriefingEntityColumn,
  type EntityGrouping,
} from '../../../shared/briefing'
import type { BriefingData, BriefingEntity } from '../collect-briefing'
import { countryName, longDate, Refs, scriptLang, Unknown, ValueOrUnknown } from './parts'

interface EntityGroup {
  key: string
  heading: string
  entities: BriefingEntity[]
}

const NO_SECTOR = 'Sector not recorded'

/** Relative column widths: a fixed layout keeps long license texts from squeezing names into slivers. */
const COLUMN_WEIGHTS: Record<BriefingEntityColumn, number> = {
  name: 30,
  originalName: 17,
  country: 11,
  sector: 12,
  round: 11,
  licensePolicy: 26,
}

function columnWidths(columns: BriefingEntityColumn[]): string[] {
  const total = columns.reduce((sum, column) => sum + COLUMN_WEIGHTS[column], 0)
  return columns.map((column) => `${((COLUMN_WEIGHTS[column] / total) * 100).toFixed(1)}%`)
}

/** A round as a heading names it: its citation and title, or its list and title; never its record id. */
function roundHeading(round: { citations: string[]; title: string | null; list: string }): string {
  const lead = round.citations[0] ?? round.list
  return round.title ? `${lead} — ${round.title}` : `${lead} (title not recorded)`
}

/** Groups in document order; an entity in two rounds (or sectors) is listed under each. */
export function groupEntities(data: BriefingData, grouping: EntityGrouping): EntityGroup[] {
  if (grouping === 'round') {
    const groups: EntityGroup[] = data.rounds.map((round) => ({
      key: round.id,
      heading: roundHeading(round),
      entities: data.entities.filter((entity) => entity.rounds.some((r) => r.id === round.id)),
    }))
    const unassigned = data.entities.filter((entity) => entity.rounds.length === 0)
    if (unassigned.length > 0)
      groups.push({ key: '', heading: 'Not in any recorded round', entities: unassigned })
    return groups.filter((group) => group.entities.length > 0)
  }
  const bySector = new Map<string, BriefingEntity[]>()
  for (const entity of data.entities) {
    for (const sector of entity.sectors.length > 0 ? entity.sectors : [NO_SECTOR]) {
      bySector.set(sector, [...(bySector.get(sector) ?? []), entity])
    }
  }
  return [...bySector.entries()]
    .sort(([a], [b]) => (a === NO_SECTOR ? 1 : b === NO_SECTOR ? -1 : a.localeCompare(b)))
    .map(([sector, entities]) => ({ key: sector, heading: sector, entities }))
}

/** The license policies recorded for an entity's designations in the rounds of its group. */
function licensePolicies(entity: BriefingEntity, roundId: string | null): string[] {
  const relevant = entity.designations.filter((d) => roundId === null || d.roundId === roundId)
  return [...new Set(relevant.map((d) => d.licensePolicy).filter((p): p is string => Boolean(p)))]
}

/**
 * What an entity's listing in the group's round is, where it is not simply "added and current": an
 * entry the rule modified or removed, or a listing that has ended (never shown as current).
 */
function listingStatus(entity: BriefingEntity, roundId: string | null, today = new Date()): string[] {
  const now = today.toISOString().slice(0, 10)
  const relevant = entity.designations.filter((d) => roundId === null || d.roundId === roundId)
  return relevant.flatMap((d) => {
    const notes: string[] = []
    if (d.action === 'modified') notes.push(`Entry modified by ${d.citation ?? d.roundLabel}`)
    if (d.action === 'removed') notes.push(`Removed by ${d.citation ?? d.roundLabel}`)
    if (d.ended) notes.push(d.ended <= now ? `Listing ended ${d.ended}` : `Listed until ${d.ended}`)
    return notes
  })
}

/** The one license policy all these entities share in the group's round, if they share exactly one. */
function sharedPolicy(entities: BriefingEntity[], roundId: string | null): string | null {
  const first = licensePolicies(entities[0], roundId)
  if (first.length !== 1) return null
  const policy = first[0]
  return entities.every((entity) => {
    const policies = licensePolicies(entity, roundId)
    return policies.length === 1 && policies[0] === policy
  })
    ? policy
    : null
}

function Cell({
  column,
  entity,
  groupRound,
  showRefs,
}: {
  column: BriefingEntityColumn
  entity: BriefingEntity
  groupRound: string | null
  showRefs: boolean
}) {
  switch (column) {
    case 'name':
      return (
        <td>
          {entity.primaryName}
          {showRefs ? <Refs numbers={entity.sourceNumbers} /> : null}
          {entity.aliases.length > 0 ? (
            <span className="aliases">Also: {entity.aliases.join('; ')}</span>
          ) : null}
          {entity.reportedNames.length > 0 ? (
            <span className="aliases">
              Also reported as:{' '}
              {entity.reportedNames
                .map((r) => `${r.name} (${r.publication}${r.note ? `, ${r.note}` : ''})`)
                .join('; ')}
            </span>
          ) : null}
          {listingStatus(entity, groupRound).map((status) => (
            <span key={status} className="listing-status">
              {status}
            </span>
          ))}
          {entity.correctedHere ? (
            <span className="listing-status">Corrected locally (see its history in the app)</span>
          ) : null}
        </td>
      )
    case 'originalName':
      return (
        <td>
          <ValueOrUnknown value={entity.originalName} lang={scriptLang(entity.originalName)} />
        </td>
      )
    case 'country':
      return (
        <td>
          <ValueOrUnknown value={countryName(entity.country)} />
        </td>
      )
    case 'sector':
      return <td>{entity.sectors.length > 0 ? entity.sectors.join(', ') : <Unknown />}</td>
    case 'round':
      return <td>{entity.rounds.length > 0 ? entity.rounds.map((r) => r.label).join('; ') : <Unknown />}</td>
    case 'licensePolicy': {
      const policies = licensePolicies(entity, groupRound)
      return <td>{policies.length > 0 ? policies.join('; ') : <Unknown />}</td>
    }
  }
}

/** The entity table, grouped by round or sector; the header row repeats on every page it spans. */
export function EntitiesSection({ data, showRefs }: { data: BriefingData; showRefs: boolean }) {
  const { entityColumns, entityGrouping } = data.settings
  const columns: BriefingEntityColumn[] = entityColumns.length > 0 ? entityColumns : ['name']
  const groups = groupEntities(data, entityGrouping)
  return (
    <section aria-labelledby="section-entities">
      <h2 id="section-entities">Entities</h2>
      <p>
        {data.entities.length} {data.entities.length === 1 ? 'entity' : 'entities'}, grouped by{' '}
        {entityGrouping === 'round' ? 'round' : 'sector'}.
      </p>
      {groups.map((group) => {
        const groupRound = entityGrouping === 'round' ? group.key || null : null
        const shared = columns.includes('licensePolicy') ? sharedPolicy(group.entities, groupRound) : null
        // A policy every row shares is said once above the table instead of repeated in each row.
        const shown = shared ? columns.filter((column) => column !== 'licensePolicy') : columns
        return (
          <div key={group.key}>
            {/* Heading and note stay together and with the table's first rows. */}
            <div className="group-head">
              <h3>{group.heading}</h3>
              {shared ? (
                <p className="group-note">
                  <strong>License policy for every entity below:</strong> {shared}
                </p>
              ) : null}
            </div>
            <table>
              <caption>
                {group.entities.length} {group.entities.length === 1 ? 'entity' : 'entities'}
              </caption>
              <colgroup>
                {columnWidths(shown).map((width, index) => (
                  <col key={shown[index]} style={{ width }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {shown.map((column) => (
                    <th key={column} scope="col">
                      {BRIEFING_ENTITY_COLUMN_LABELS[column]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {group.entities.map((entity) => (
                  <tr key={entity.id}>
                    {shown.map((column) => (
                      <Cell
                        key={column}
                        column={column}
                        entity={entity}
                        groupRound={groupRound}
                        showRefs={showRefs}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
      <OfficeNotes data={data} showRefs={showRefs} />
    </section>
  )
}

/** The office's notes on the entities and rounds in scope: sourced, or said to be its own assessment. */
function OfficeNotes({ data, showRefs }: { data: BriefingData; showRefs: boolean }) {
  if (data.notes.length === 0) return null
  return (
    <div>
      <h3>Notes</h3>
      <ul className="office-notes">
        {data.notes.map(({ on, note, sourceNumber }) => (
          <li key={note.id}>
            <strong>{on}:</strong> {note.text}{' '}
            <span className="origin">
              — {note.assessment ? 'the writer’s own assessment' : note.source?.publication}
              {showRefs && sourceNumber !== null ? <Refs numbers={[sourceNumber]} /> : null}
              {note.written
                ? ` · local, recorded by ${note.written.author} on ${longDate(note.written.at.slice(0, 10))}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
