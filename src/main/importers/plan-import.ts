import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { operationSchema } from '../bundles/bundle-format'
import { createHash } from 'node:crypto'
import type { EntityType } from '../../shared/domain'
import {
  MATCH_LIST_LIMIT,
  type AmbiguousMatch,
  type ImportMatching,
  type MatchEvidence,
} from '../../shared/updates'
import type { FrCitation } from './fr-citations'
import { indexStoreEntities, NameIndex, nameKey, type Candidate, type KnownEntity } from './entity-matching'
import { readJudgements, type NewJudgement } from '../store/judgements'
import { readEntityNames } from '../store/fuzzy-names'
import { allIds, readRecord } from '../store/read-record'
import { designationPairs, roundCitations } from '../store/import-plan-queries'
import { originalScriptName, slugOf } from './names'
import {
  SOURCE_FORMAT_NAMES,
  type ParsedSource,
  type PartyIdentifier,
  type SourceEntry,
} from './source-entry'
import { UserError } from '../user-error'

type Db = Database.Database

/** Every operation is a bundle operation: an import goes through the same checks, apply and undo. */
/** An operation as the planner writes it: the bundle schema's input, so a wrong field fails to compile. */
export type PlannedOperation = z.input<typeof operationSchema>

export interface ImportPlan {
  operations: PlannedOperation[]
  matching: ImportMatching
  warnings: string[]
  /** The user's decisions in this import, to be kept as judgements when it is applied. */
  judgements: NewJudgement[]
}

/** How many entries each list has, in the order the lists first appear. */
function countByList(entries: SourceEntry[]): { list: string; entries: number }[] {
  const counts = new Map<string, number>()
  for (const entry of entries) counts.set(entry.list, (counts.get(entry.list) ?? 0) + 1)
  return [...counts].map(([list, count]) => ({ list, entries: count }))
}

/**
 * A listed party as judgements know it, whatever file it comes in: its list, its name (as matching
 * compares it) and its country.
 */
function partyKey(entry: SourceEntry): string {
  const name = nameKey(entry.name, isPerson(entry)) ?? entry.name.toLowerCase()
  return `${entry.list}\u0000${name}\u0000${entry.country ?? ''}`
}

/** The user's answer for an ambiguous entry: merge into this entity id, or "new". */
export type MatchDecisions = Record<string, string>

/** Words and legal forms that make a listed party a company, in the languages lists write them in. */
const COMPANY_WORDS = new RegExp(
  [
    String.raw`\b(co|company|corp|corporation|inc|ltd|limited|llc|plc|gmbh|ag|bv|nv|group|holdings?|jsc|pjsc|ojsc|cjsc)\b`,
    String.raw`\b(ooo|oao|zao|pao|ao|ltda|sarl|srl|spa|sas)\b`,
    String.raw`(^|\s)s\.\s?a\.?(\s|$)|\bs\.a\.s\b`,
    String.raw`aktsionernoe obshchestvo|obshchestvo s ogranichennoy otvetstvennostyu`,
    String.raw`(^|[\s"«])(ооо|оао|зао|пао|ао)([\s"»]|$)|общество|товариство`,
    '公司',
  ].join('|'),
  'u',
)

/** The type a listed party most likely is, from its kind and the words of its name. */
export function entityTypeOf(entry: SourceEntry): EntityType {
  if (entry.kind === 'individual') return 'person'
  const name = entry.name.toLowerCase()
  if (/\buniversity\b|大学|大學/.test(name)) return 'university'
  if (/\b(institute|academy|laborator(y|ies)|research cent(er|re))\b|研究所|研究院/.test(name))
    return 'research institute'
  if (
    /\b(ministry|bureau|department|government|police|army|navy|corps|agency|commission)\b|公安|政府/.test(
      name,
    )
  )
    return 'government body'
  // A legal form in any of its names ("Общество с ограниченной ответственностью …") makes a company.
  if ([name, ...entry.altNames.map((alt) => alt.toLowerCase())].some((n) => COMPANY_WORDS.test(n)))
    return 'company'
  return 'other'
}

interface PlannedEntity extends KnownEntity {
  entry: SourceEntry
  aliases: string[]
  addresses: string[]
  originalName: string | null
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

/** The round a citation belongs to: one per list and rule. An existing round with that citation is reused. */
class Rounds {
  private readonly planned = new Map<string, PlannedOperation>()
  private readonly existing: Map<string, string>
  private readonly storeIds: Set<string>
  /** Rounds the store already has that this import lists parties under: they gain its source. */
  private readonly reused = new Set<string>()

  constructor(
    private readonly db: Db,
    private readonly sourceId: string,
  ) {
    this.existing = new Map(
      roundCitations(db).map((row) => [`${row.list}\u0000${row.citation}`, row.roundId]),
    )
    this.storeIds = new Set(allIds(db, 'round'))
  }

  forCitation(list: string, citation: FrCitation): string {
    const known = this.existing.get(`${list}\u0000${citation.text}`)
    if (known) return this.reuse(known)
    const id = citation.placeholder
      ? `${slugOf(list)}-${citation.volume}fr-pending-${citation.published ?? 'undated'}`
      : citation.page
        ? `${slugOf(list)}-${citation.volume}fr${citation.page}`
        : `${slugOf(list)}-${slugOf(citation.text)}`
    return this.plan(id, list, null, [citation.text], citation.published)
  }

  forRule(list: string, rule: NonNullable<SourceEntry['rule']>): string {
    return this.plan(`${slugOf(list)}-${slugOf(rule.id)}`, list, rule.title, [], rule.date)
  }

  /** Entries a list gives no rule for still belong to the list: one round holds them. */
  unattributed(list: string): string {
    return this.plan(
      `${slugOf(list)}-no-citation`,
      list,
      'Entries listed without a Federal Register citation',
      [],
      null,
    )
  }

  operations(): PlannedOperation[] {
    return [...this.planned.values()]
  }

  /**
   * For each round the store had, its sources with this import's added: an import never replaces or
   * removes the sources another import or the dataset recorded.
   */
  provenance(): PlannedOperation[] {
    return [...this.reused].flatMap((id) => addSource(this.db, 'round', id, this.sourceId, ROUND_SUPPORTS))
  }

  private reuse(id: string): string {
    this.reused.add(id)
    return id
  }

  private plan(
    id: string,
    list: string,
    title: string | null,
    citations: string[],
    published: string | null,
  ): string {
    if (this.storeIds.has(id)) return this.reuse(id)
    if (!this.planned.has(id)) {
      this.planned.set(id, {
        op: 'upsert',
        type: 'round',
        record: {
          id,
          list,
          title,
          citations,
          published,
          sources: [{ source: this.sourceId, supports: ROUND_SUPPORTS }],
        },
      })
    }
    return id
  }
}

const ROUND_SUPPORTS = 'list, citation and date as published'
const ENTITY_SUPPORTS = 'name, aliases, addresses and country as listed'

/** A correction adding `sourceId` to a stored record's sources, or nothing when it is there already. */
function addSource(
  db: Db,
  type: 'round' | 'entity',
  id: string,
  sourceId: string,
  supports: string,
): PlannedOperation[] {
  const sources = readRecord(db, type, id)?.sources ?? []
  if (sources.some((cited) => cited.source === sourceId)) return []
  return [
    {
      op: 'correct',
      type,
      id,
      field: 'sources',
      value: [...sources, { source: sourceId, supports }],
      reason: 'listed again by an imported file',
    },
  ]
}

/** A --merge decision (or the app's) that cannot apply to this file: an argument error, not a refused file. */
function decisionError(message: string): UserError {
  return new UserError(message, 'invalid', 'DecisionError')
}

/** Refuses a decision about an entry that is not a possible match, or naming an entity that is not its candidate. */
function checkDecision(entry: SourceEntry, decision: string, candidates: { entity: { id: string } }[]): void {
  const named = `The decision "${entry.location}=${decision}"`
  if (candidates.length === 0) {
    throw decisionError(
      `${named} is about an entry that is not a possible match: "${entry.name}" looks like no known entity, so it is imported as new. Nothing was changed.`,
    )
  }
  if (decision !== 'new' && !candidates.some((candidate) => candidate.entity.id === decision)) {
    throw decisionError(
      `${named} names "${decision}", which is not a candidate for "${entry.name}"; its candidates are ` +
        `${candidates.map((candidate) => `"${candidate.entity.id}"`).join(', ')} (or "new"). Nothing was changed.`,
    )
  }
}

/**
 * SHA-256 of JSON.stringify(entries), fed one entry at a time: the same bytes, so the same source ids as
 * before, without one string of a whole large list (for 100,000 FtM parties, hundreds of megabytes).
 */
function entriesHash(entries: string[]): string {
  const hash = createHash('sha256').update('[')
  entries.forEach((entry, index) => hash.update(`${index === 0 ? '' : ','}${JSON.stringify(entry)}`))
  return hash.update(']').digest('hex')
}

/**
 * Maps a parsed list onto the store's model as bundle operations. Each party is matched against the
 * store and against the parties before it in the file (normalised names and aliases, country):
 * - one candidate, same or unknown country: merged (new names added as aliases), with the evidence;
 * - several candidates, or a country that differs: listed as ambiguous and imported as its own entity,
 *   unless `decisions` says which entity it is. Nothing is merged silently.
 */
export function planImport(
  db: Db,
  parsed: ParsedSource,
  fileHash: string,
  decisions: MatchDecisions = {},
): ImportPlan {
  const warnings = [...parsed.warnings]
  // The source is the list's content, not the file's bytes: the same entries saved again (another line
  // ending, another order, another name) are the same source, so importing them again changes nothing.
  const contentHash = entriesHash(
    parsed.entries.map(({ location: _location, party: _party, ...entry }) => JSON.stringify(entry)).sort(),
  )
  const sourceId = `import-${parsed.format}-${contentHash.slice(0, 12)}`
  const sourceKnown = readRecord(db, 'source', sourceId) !== null
  const operations: PlannedOperation[] = sourceKnown
    ? []
    : [
        {
          op: 'upsert',
          type: 'source',
          record: {
            id: sourceId,
            publication: SOURCE_FORMAT_NAMES[parsed.format],
            title: parsed.fileName,
            reliability: 'primary',
            note:
              'Imported from an unsigned file as published; not verified against the publisher. SHA-256 of the file ' +
              `${fileHash}; of its entries ${contentHash}.`,
          },
        },
      ]
  const storeIndex = indexStoreEntities(db)
  const fileIndex = new NameIndex()
  const usedIds = new Set(allIds(db, 'entity'))
  const storeEntities = new Map<string, { aliases: string[]; names: Set<string>; stored: number }>()
  /** Identifiers this file gives entities the store has, beyond those they have. */
  const storeIdentifiers = new Map<string, PartyIdentifier[]>()
  const planned = new Map<string, PlannedEntity>()
  const merged: MatchEvidence[] = []
  const ambiguous: AmbiguousMatch[] = []
  const rounds = new Rounds(db, sourceId)
  const designations = new Map<string, PlannedOperation>()
  const existingDesignations = new Map(
    designationPairs(db).map((stored) => [`${stored.entityId}\u0000${stored.roundId}`, stored]),
  )
  const endedDesignations = new Map<string, PlannedOperation>()

  const storeAliases = (id: string) => {
    let known = storeEntities.get(id)
    if (!known) {
      const names = readEntityNames(db, id)!
      known = {
        aliases: [...names.aliases],
        names: new Set([names.primary, names.original ?? '', ...names.aliases]),
        stored: names.aliases.length,
      }
      storeEntities.set(id, known)
    }
    return known
  }

  const newEntity = (entry: SourceEntry): PlannedEntity => {
    const names = [entry.name, ...entry.altNames]
    const originalName = originalScriptName(entry.altNames, entry.country)
    const slug = slugOf(entry.name)
    let id = slug
    // Namesakes on one list (the same name and country twice) must not share an id: that would merge them.
    for (let n = 1; usedIds.has(id); n++)
      id = `${slug}-${shortHash(`${entry.list}\u0000${entry.name}\u0000${entry.country}${n > 1 ? `\u0000${n}` : ''}`)}`
    usedIds.add(id)
    const entity: PlannedEntity = {
      id,
      name: entry.name,
      country: entry.country,
      names,
      inStore: false,
      entry,
      aliases: entry.altNames.filter((alt) => alt !== originalName),
      addresses: [...entry.addresses],
      originalName,
      person: isPerson(entry),
      identifiers: [...entry.identifiers],
      birthDates: [...entry.birthDates],
    }
    planned.set(id, entity)
    fileIndex.add(entity)
    return entity
  }

  const locations = new Set(parsed.entries.map((entry) => entry.location))
  const unknown = Object.keys(decisions).filter((location) => !locations.has(location))
  if (unknown.length > 0) {
    throw decisionError(
      `The decision "${unknown[0]}=${decisions[unknown[0]]}" names no entry of ${parsed.fileName}: entries are ` +
        `named as the preview names them (for example "${parsed.entries[0]?.location ?? `${parsed.fileName} line 2`}"). Nothing was changed.`,
    )
  }

  const judged = readJudgements(db)
  const judgements: NewJudgement[] = []
  /** The user's decision kept: the party is `entityId` (a new one, for "new") and none of the others. */
  const judge = (entry: SourceEntry, candidates: Candidate[], entityId: string) => {
    const partyLabel = `${entry.name} (${entry.country ?? 'country not given'}) on ${entry.list}`
    const base = { partyKey: partyKey(entry), partyLabel }
    judgements.push({ ...base, entityId, verdict: 'same' })
    for (const candidate of candidates)
      if (candidate.entity.id !== entityId)
        judgements.push({ ...base, entityId: candidate.entity.id, verdict: 'different' })
  }

  for (const entry of parsed.entries) {
    const names = [entry.name, ...entry.altNames]
    const party = {
      names,
      country: entry.country,
      person: isPerson(entry),
      identifiers: entry.identifiers,
      birthDates: entry.birthDates,
    }
    const key = partyKey(entry)
    // An entity the user judged this party is not, it is not: never proposed again.
    const ruledOut = judged.different.get(key)
    const candidates = [...storeIndex.candidates(party), ...fileIndex.candidates(party)].filter(
      (c) => !ruledOut?.has(c.entity.id),
    )
    const decision = Object.hasOwn(decisions, entry.location) ? decisions[entry.location] : undefined
    if (decision !== undefined) checkDecision(entry, decision, candidates)
    const sure = clearMatch(candidates)
    const judgedSame = judged.same.get(key)
    const judgedEntity = judgedSame && candidates.find((c) => c.entity.id === judgedSame.entityId)
    let entityId: string
    if (decision && decision !== 'new' && candidates.some((c) => c.entity.id === decision)) {
      entityId = decision
      const chosen = candidates.find((c) => c.entity.id === decision)!
      merged.push(evidence(entry, chosen.entity, [...chosen.reasons, 'chosen by the user']))
      judge(entry, candidates, decision)
    } else if (!decision && judgedEntity) {
      entityId = judgedEntity.entity.id
      merged.push(
        evidence(entry, judgedEntity.entity, [
          ...judgedEntity.reasons,
          `judged the same by the user on ${judgedSame.decidedAt.slice(0, 10)}`,
        ]),
      )
    } else if (!decision && sure) {
      entityId = sure.entity.id
      // Another entry of the same record of the file is the same party, not a match worth showing.
      const sameRecord = entry.party !== undefined && planned.get(entityId)?.entry.party === entry.party
      if (!sameRecord) merged.push(evidence(entry, sure.entity, sure.reasons))
    } else {
      if (candidates.length > 0 && decision !== 'new') {
        ambiguous.push({
          entry: entry.location,
          incoming: entry.name,
          country: entry.country,
          candidates: candidates.map((c) => ({
            entityId: c.entity.id,
            entityName: c.entity.name,
            country: c.entity.country,
            reasons: c.reasons,
          })),
          decision: 'new',
        })
      }
      entityId = newEntity(entry).id
      if (decision === 'new') judge(entry, candidates, entityId)
    }
    // New names for an entity already known become its aliases.
    const plannedEntity = planned.get(entityId)
    if (plannedEntity && plannedEntity.entry !== entry) {
      // What this entry adds is evidence for the entries after it.
      const newIdentifiers = entry.identifiers.filter(
        (i) =>
          !plannedEntity.identifiers.some((known) => known.scheme === i.scheme && known.value === i.value),
      )
      plannedEntity.identifiers.push(...newIdentifiers)
      plannedEntity.birthDates.push(...entry.birthDates.filter((d) => !plannedEntity.birthDates.includes(d)))
      fileIndex.addNamesAndIdentifiers(plannedEntity, names, newIdentifiers)
    }
    if (plannedEntity) {
      for (const name of names) {
        if (!plannedEntity.names.includes(name)) {
          plannedEntity.names.push(name)
          if (name !== plannedEntity.originalName) plannedEntity.aliases.push(name)
        }
      }
      for (const address of entry.addresses)
        if (!plannedEntity.addresses.includes(address)) plannedEntity.addresses.push(address)
    } else {
      const known = storeAliases(entityId)
      for (const name of names) {
        if (!known.names.has(name)) {
          known.names.add(name)
          known.aliases.push(name)
        }
      }
      const candidate = candidates.find((c) => c.entity.id === entityId)
      const stored = candidate?.entity.identifiers ?? []
      const added = storeIdentifiers.get(entityId) ?? []
      for (const identifier of entry.identifiers) {
        const same = (i: PartyIdentifier) => i.scheme === identifier.scheme && i.value === identifier.value
        if (!stored.some(same) && !added.some(same)) added.push(identifier)
      }
      storeIdentifiers.set(entityId, added)
    }
    planDesignations(entry, entityId)
  }

  function planDesignations(entry: SourceEntry, entityId: string): void {
    const roundIds =
      entry.citations.length > 0
        ? entry.citations.map((citation) => rounds.forCitation(entry.list, citation))
        : [entry.rule ? rounds.forRule(entry.list, entry.rule) : rounds.unattributed(entry.list)]
    roundIds.forEach((roundId, index) => {
      const existing = existingDesignations.get(`${entityId}\u0000${roundId}`)
      if (existing) {
        // A later edition of the list that gives the listing an end date ends it in the store too.
        if (entry.endDate !== null && entry.endDate !== existing.ended && !endedDesignations.has(existing.id))
          endedDesignations.set(existing.id, {
            op: 'correct',
            type: 'designation',
            id: existing.id,
            field: 'ended',
            value: entry.endDate,
            reason: `end date listed at ${entry.location}`,
          })
        return
      }
      const id = `${roundId}.${entityId}`.slice(0, 200)
      if (designations.has(id)) return
      const citation = entry.citations[index]
      designations.set(id, {
        op: 'upsert',
        type: 'designation',
        record: {
          id,
          entity: entityId,
          round: roundId,
          // The first rule that lists a party added it; later ones on the same entry changed its listing.
          action: index === 0 ? 'added' : 'modified',
          date: citation?.published ?? (index === 0 ? entry.startDate : null),
          licenseRequirement: entry.licenseRequirement,
          licensePolicy: entry.licensePolicy,
          citation: citation?.text ?? null,
          source: sourceId,
          ended: entry.endDate,
          programs: entry.programs,
        },
      })
    })
  }

  // Loops, not push(...list): a list can hold more records than the call stack has room for arguments.
  for (const round of rounds.operations()) operations.push(round)
  for (const entity of planned.values()) {
    operations.push({
      op: 'upsert',
      type: 'entity',
      record: {
        id: entity.id,
        name: entity.name,
        originalName: entity.originalName,
        type: entityTypeOf(entity.entry),
        country: entity.country,
        aliases: entity.aliases.slice(0, 1000),
        addresses: entity.addresses.slice(0, 1000),
        notes: entity.entry.remarks,
        sources: [{ source: sourceId, supports: ENTITY_SUPPORTS }],
        identifiers: entity.identifiers.slice(0, 1000),
        reportedNames: entity.entry.reportedNames
          .slice(0, 1000)
          .map((reported) => ({ name: reported.name, source: sourceId, note: reported.note })),
      },
    })
  }
  for (const [id, added] of storeIdentifiers) {
    if (added.length === 0) continue
    const stored = readRecord(db, 'entity', id)?.identifiers ?? []
    operations.push({
      op: 'correct',
      type: 'entity',
      id,
      field: 'identifiers',
      value: [...stored, ...added].slice(0, 1000),
      reason: `identifiers listed in ${parsed.fileName}`,
    })
  }
  for (const [id, known] of storeEntities) {
    // Only entities that gained a name get a correction; the rest are left as they are.
    if (known.aliases.length > known.stored) {
      operations.push({
        op: 'correct',
        type: 'entity',
        id,
        field: 'aliases',
        value: known.aliases.slice(0, 1000),
        reason: `names listed in ${parsed.fileName}`,
      })
    }
  }
  // Records the store had gain this import's source beside theirs.
  for (const operation of rounds.provenance()) operations.push(operation)
  for (const id of storeEntities.keys())
    for (const operation of addSource(db, 'entity', id, sourceId, ENTITY_SUPPORTS)) operations.push(operation)
  for (const designation of designations.values()) operations.push(designation)
  for (const ended of endedDesignations.values()) operations.push(ended)
  return {
    operations,
    warnings,
    judgements,
    matching: {
      entries: new Set(parsed.entries.map((entry) => entry.party ?? entry.location)).size,
      lists: parsed.lists,
      imported: countByList(parsed.entries),
      merged: merged.slice(0, MATCH_LIST_LIMIT),
      mergedCount: merged.length,
      ambiguous: ambiguous.slice(0, MATCH_LIST_LIMIT),
      ambiguousCount: ambiguous.length,
    },
  }
}

/**
 * The one candidate a party certainly is: the only one, with no country against it; or, among several,
 * the only one whose name is written the same (so "Qihoo 360 Technology Co. Ltd." is not taken for
 * "Qihoo 360 Technology Company", which the rule lists separately).
 */
/**
 * The one entity a party is proven to be, or null. Only a shared identifier proves it (and no other
 * candidate has one): a name and a country in common make a possible match for the user to decide,
 * never a merge (see docs/importers.md).
 */
function clearMatch(candidates: Candidate[]): Candidate | null {
  const proven = candidates.filter((c) => c.sharedIdentifier !== null && !c.countryConflict)
  return proven.length === 1 ? proven[0] : null
}

/** Whether a listed party is a person (true), an organisation or vessel (false), or not known (null). */
function isPerson(entry: SourceEntry): boolean | null {
  if (entry.kind === 'individual') return true
  if (entry.kind === 'entity' || entry.kind === 'vessel') return false
  return null
}

function evidence(entry: SourceEntry, entity: KnownEntity, reasons: string[]): MatchEvidence {
  return {
    entry: entry.location,
    incoming: entry.name,
    entityId: entity.id,
    entityName: entity.name,
    inStore: entity.inStore,
    reasons,
  }
}
