import { cleanCell, unusableName } from './cell-text'
import { listNameFor } from './csl-reader'
import { toIsoCountry } from './countries'
import { ImportError } from './import-error'
import type { ParsedSource, PartyIdentifier, SourceEntry } from './source-entry'

/** FollowTheMoney schemas that are listed parties; Address and Sanction entities are read for them. */
const PARTY_SCHEMAS = new Set(['Organization', 'Company', 'Person', 'LegalEntity', 'PublicBody'])

interface FtmEntity {
  id: string
  schema: string
  caption?: string
  properties: Record<string, unknown>
  datasets?: unknown
  referents?: unknown
  target?: unknown
  /** When OpenSanctions first saw the record (not when it was listed). */
  first_seen?: unknown
}

function isFtmEntity(value: unknown): value is FtmEntity {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record.id === 'string' &&
    typeof record.schema === 'string' &&
    typeof record.properties === 'object' &&
    record.properties !== null &&
    !Array.isArray(record.properties)
  )
}

const SANCTION_PROPERTIES = [
  'authority',
  'country',
  'listingDate',
  'startDate',
  'endDate',
  'program',
  'programId',
  'sourceUrl',
]

/**
 * The entity with only what the mapping reads: a 100,000-party file keeps every party and Sanction
 * until all lines are read, and their other properties (descriptions, topics, URLs) would double that.
 */
function keptPart(entity: FtmEntity, properties: readonly string[]): FtmEntity {
  const kept: Record<string, unknown> = {}
  for (const property of properties)
    if (entity.properties[property] !== undefined) kept[property] = entity.properties[property]
  return {
    id: entity.id,
    schema: entity.schema,
    caption: entity.caption,
    properties: kept,
    datasets: entity.datasets,
    referents: entity.referents,
    target: entity.target,
    first_seen: entity.first_seen,
  }
}

const values = (entity: FtmEntity, property: string): string[] => {
  const value = entity.properties[property]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** FtM properties that carry an identifier, and the scheme each is matched under. */
const IDENTIFIER_PROPERTIES: Record<string, string> = {
  innCode: 'ru-inn',
  ogrnCode: 'ru-ogrn',
  leiCode: 'lei',
  imoNumber: 'imo',
  wikidataId: 'wikidata',
  taxNumber: 'tax-number',
  registrationNumber: 'registration-number',
  swiftBic: 'bic',
  passportNumber: 'passport',
}

/** The properties the mapping below reads; a line's others are dropped as it is read. */
const PARTY_PROPERTIES = [
  'name',
  'alias',
  'previousName',
  'weakAlias',
  'country',
  'nationality',
  'jurisdiction',
  'notes',
  'addressEntity',
  'address',
  'birthDate',
  'createdAt',
  'sourceUrl',
  ...Object.keys(IDENTIFIER_PROPERTIES),
]

function referentsOf(entity: FtmEntity): string[] {
  return Array.isArray(entity.referents)
    ? entity.referents.filter((r): r is string => typeof r === 'string')
    : []
}

/**
 * The list a Sanction puts a party on, in our words: its authority and country ("Office of Foreign
 * Assets Control (US)"), or the CSL's name for a list the CSL also publishes ("US BIS Entity List").
 */
/** Authorities some sources name by acronym and others in full: one list either way. */
const AUTHORITY_FULL_NAMES: Record<string, string> = { OFAC: 'Office of Foreign Assets Control' }

function sanctionList(sanction: FtmEntity): string {
  const named = values(sanction, 'authority')[0]?.trim()
  const authority = named ? (AUTHORITY_FULL_NAMES[named] ?? named) : named
  const country = values(sanction, 'country')[0]?.toUpperCase()
  if (!authority) return `Sanctions of ${country ?? 'an authority not named'}`
  const known = listNameFor(authority)
  if (known !== authority.replace(/\s+-\s+[^-]+$/, '').trim()) return known
  return country && !authority.includes(`(${country})`) ? `${authority} (${country})` : authority
}

/** The entity's OpenSanctions id and those it was merged from (referents), and its identifiers. */
function ftmIdentifiers(entity: FtmEntity): PartyIdentifier[] {
  const identifiers = [entity.id, ...referentsOf(entity)].map((value) => ({ scheme: 'opensanctions', value }))
  for (const [property, scheme] of Object.entries(IDENTIFIER_PROPERTIES))
    for (const value of values(entity, property)) identifiers.push({ scheme, value: value.trim() })
  return identifiers.filter((identifier) => identifier.value)
}

/**
 * OpenSanctions / FollowTheMoney entities, one JSON object per line. Parties (Organization, Company,
 * Person, LegalEntity) that are sanction targets become entries, one per Sanction line naming them:
 * its authority is the list, its programme the round, its listing date the date. Address lines give
 * their addresses; parties with `target: false` and other schemas are counted and skipped.
 */
export function readFtm(lines: Iterable<string>, fileName: string): ParsedSource {
  const warnings: string[] = []
  const parties: { entity: FtmEntity; line: number }[] = []
  const addresses = new Map<string, string>()
  const sanctions = new Map<string, FtmEntity[]>()
  const skipped = new Map<string, number>()
  let lineNumber = 0
  for (const raw of lines) {
    const line = raw.trim()
    lineNumber += 1
    if (!line) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      if (parties.length === 0 && addresses.size === 0) {
        throw new ImportError(
          `${fileName} line ${lineNumber}: not JSON; a FollowTheMoney file has one JSON entity per line.`,
        )
      }
      warnings.push(`${fileName} line ${lineNumber}: not valid JSON; skipped`)
      continue
    }
    if (!isFtmEntity(parsed)) {
      throw new ImportError(
        `${fileName} line ${lineNumber}: not a FollowTheMoney entity (it needs "id", "schema" and "properties").`,
      )
    }
    if (parsed.schema === 'Address') {
      const full = values(parsed, 'full')[0] ?? parsed.caption
      if (full) addresses.set(parsed.id, full)
    } else if (parsed.schema === 'Sanction') {
      const sanction = keptPart(parsed, SANCTION_PROPERTIES)
      for (const party of values(parsed, 'entity')) {
        const known = sanctions.get(party)
        if (known) known.push(sanction)
        else sanctions.set(party, [sanction])
      }
    } else if (PARTY_SCHEMAS.has(parsed.schema)) {
      parties.push({ entity: keptPart(parsed, PARTY_PROPERTIES), line: lineNumber })
    } else {
      skipped.set(parsed.schema, (skipped.get(parsed.schema) ?? 0) + 1)
    }
  }
  const entries: SourceEntry[] = []
  let notTargets = 0
  for (const { entity, line } of parties) {
    // Related parties (owners, relatives, registry companies) are in the file for context only.
    if (entity.target === false) {
      notTargets += 1
      continue
    }
    const where = `${fileName} line ${line}`
    const names = values(entity, 'name')
      .map((name) => cleanCell(name, where, warnings))
      .filter((name): name is string => name !== null)
    const caption = cleanCell(entity.caption ?? '', where, warnings)
    // The caption is OpenSanctions' display name; prefer a Latin-script one as our primary name.
    const latin = [caption, ...names].find(
      (name) => name && /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(name),
    )
    const name = latin ?? caption ?? names[0]
    const unusable = unusableName(name ?? null)
    if (unusable || !name) {
      warnings.push(`${where}: ${unusable}; skipped`)
      continue
    }
    const countryText = [
      ...values(entity, 'country'),
      ...values(entity, 'nationality'),
      ...values(entity, 'jurisdiction'),
    ][0]
    const country = toIsoCountry(countryText)
    if (countryText && !country)
      warnings.push(`${where}: country "${countryText}" is not an ISO country; left empty`)
    const datasets = Array.isArray(entity.datasets)
      ? entity.datasets.filter((d): d is string => typeof d === 'string')
      : []
    const cleaned = (property: string) =>
      values(entity, property)
        .map((value) => cleanCell(value, where, warnings))
        .filter((value): value is string => value !== null)
    // Aliases and former names are names of the party; weak aliases (fragments, nicknames) are not
    // names to match on, so they are kept as reported names saying what they are.
    const weak = cleaned('weakAlias')
    // first_seen is when the aggregator first saw the record, not a listing date: kept as a remark.
    const firstSeen =
      typeof entity.first_seen === 'string' && /^\d{4}-\d{2}-\d{2}/.test(entity.first_seen)
        ? `OpenSanctions first saw this record on ${entity.first_seen.slice(0, 10)} (first_seen).`
        : null
    const notes = [...values(entity, 'notes'), ...(firstSeen ? [firstSeen] : [])]
    const common = {
      name,
      altNames: [
        ...new Set([...names, ...cleaned('alias'), ...cleaned('previousName')].filter((n) => n !== name)),
      ],
      kind: entity.schema === 'Person' ? ('individual' as const) : ('entity' as const),
      country,
      addresses: [
        ...values(entity, 'addressEntity')
          .map((id) => addresses.get(id))
          .filter((a): a is string => Boolean(a)),
        ...cleaned('address'),
      ],
      citations: [],
      licenseRequirement: null,
      licensePolicy: null,
      remarks: notes.join('\n') || null,
      identifiers: ftmIdentifiers(entity),
      reportedNames: weak.map((name) => ({
        name,
        note: 'a weak alias in OpenSanctions: not a name to match on',
      })),
      birthDates: values(entity, 'birthDate').map((date) => date.slice(0, 10)),
    }
    const partySanctions = [entity.id, ...referentsOf(entity)].flatMap((id) => sanctions.get(id) ?? [])
    if (partySanctions.length === 0) {
      // Listed without a Sanction entity: the dataset is all that says where.
      const dataset = datasets[0] ?? 'opensanctions'
      entries.push({
        ...common,
        location: where,
        list: `OpenSanctions: ${dataset}`,
        rule: { id: dataset, title: `Listed in the OpenSanctions dataset ${dataset}`, date: null },
        startDate: (values(entity, 'createdAt')[0] ?? '').slice(0, 10) || null,
        endDate: null,
        programs: null,
        url: values(entity, 'sourceUrl')[0] ?? null,
      })
      continue
    }
    // One entry per Sanction: the same party (same identifiers) on each list and programme it names.
    for (const sanction of partySanctions) {
      const listedOn = [...values(sanction, 'listingDate'), ...values(sanction, 'startDate')]
        .map((date) => date.slice(0, 10))
        .sort()[0]
      const programme = values(sanction, 'program')[0] ?? values(sanction, 'programId')[0] ?? null
      const list = sanctionList(sanction)
      entries.push({
        ...common,
        location: `${where} (sanction ${sanction.id})`,
        party: where,
        list,
        rule: {
          // The programme's own words first: one programme id (EU-UKR) covers several legal acts.
          id:
            values(sanction, 'program')[0]?.slice(0, 80) ??
            values(sanction, 'programId')[0] ??
            `${list} listing`,
          title: programme ?? `${list}: listing (programme not given)`,
          date: listedOn ?? null,
        },
        startDate: listedOn ?? null,
        endDate: values(sanction, 'endDate')[0]?.slice(0, 10) ?? null,
        programs: programme,
        url: values(sanction, 'sourceUrl')[0] ?? null,
      })
    }
  }
  if (notTargets > 0) {
    warnings.push(
      `${fileName}: ${notTargets} ${notTargets === 1 ? 'party is' : 'parties are'} not sanction targets (target: false: related parties, registry companies); skipped`,
    )
  }
  const skippedSchemas = [...skipped.entries()].map(([schema, count]) => `${schema} ${count}`)
  if (skippedSchemas.length > 0)
    warnings.push(`${fileName}: lines of other schemas skipped: ${skippedSchemas.join(', ')}`)
  if (
    entries.length === 0 &&
    lineNumber > 0 &&
    parties.length === 0 &&
    addresses.size === 0 &&
    sanctions.size === 0
  ) {
    throw new ImportError(`${fileName} holds no FollowTheMoney entities.`)
  }
  return {
    format: 'ftm',
    fileName,
    entries,
    warnings,
    lists: [...new Set(entries.map((e) => e.list))].map((list) => ({
      list,
      entries: entries.filter((e) => e.list === list).length,
    })),
  }
}
