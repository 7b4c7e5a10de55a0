import { cleanCell } from './cell-text'
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

/** The entity's OpenSanctions id and those it was merged from (referents), and its identifiers. */
function ftmIdentifiers(entity: FtmEntity): PartyIdentifier[] {
  const referents = Array.isArray(entity.referents)
    ? entity.referents.filter((r): r is string => typeof r === 'string')
    : []
  const identifiers = [entity.id, ...referents].map((value) => ({ scheme: 'opensanctions', value }))
  for (const [property, scheme] of Object.entries(IDENTIFIER_PROPERTIES))
    for (const value of values(entity, property)) identifiers.push({ scheme, value: value.trim() })
  return identifiers.filter((identifier) => identifier.value)
}

/**
 * OpenSanctions / FollowTheMoney entities, one JSON object per line. Parties (Organization, Company,
 * Person, LegalEntity) become entries; their addressEntity references are resolved from Address lines;
 * Sanction lines give the programme each party is listed under (one round per dataset and programme).
 */
export function readFtm(text: string, fileName: string): ParsedSource {
  const warnings: string[] = []
  const parties: { entity: FtmEntity; line: number }[] = []
  const addresses = new Map<string, string>()
  const sanctions = new Map<string, FtmEntity[]>()
  let lineNumber = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end).trim()
    start = end + 1
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
      for (const party of values(parsed, 'entity'))
        sanctions.set(party, [...(sanctions.get(party) ?? []), parsed])
    } else if (PARTY_SCHEMAS.has(parsed.schema)) {
      parties.push({ entity: parsed, line: lineNumber })
    }
  }
  const entries: SourceEntry[] = []
  for (const { entity, line } of parties) {
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
    if (!name) {
      warnings.push(`${where}: the entity has no name; skipped`)
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
    const dataset = datasets[0] ?? 'opensanctions'
    const sanction = sanctions.get(entity.id)?.[0]
    const programme = sanction
      ? (values(sanction, 'program')[0] ?? values(sanction, 'authority')[0] ?? null)
      : null
    const listedOn = sanction
      ? (values(sanction, 'listingDate')[0] ?? values(sanction, 'startDate')[0] ?? null)
      : null
    entries.push({
      location: where,
      list: `OpenSanctions: ${dataset}`,
      name,
      altNames: [...new Set(names.filter((n) => n !== name))],
      kind: entity.schema === 'Person' ? 'individual' : 'entity',
      country,
      addresses: values(entity, 'addressEntity')
        .map((id) => addresses.get(id))
        .filter((a): a is string => Boolean(a)),
      citations: [],
      rule: {
        id: programme ?? dataset,
        title: programme ?? `${dataset} (programme not given)`,
        date: listedOn?.slice(0, 10) ?? null,
      },
      startDate: (values(entity, 'createdAt')[0] ?? listedOn ?? '').slice(0, 10) || null,
      licenseRequirement: null,
      licensePolicy: null,
      remarks: values(entity, 'notes')[0] ?? null,
      url: sanction ? (values(sanction, 'sourceUrl')[0] ?? null) : null,
      identifiers: ftmIdentifiers(entity),
      birthDates: values(entity, 'birthDate').map((date) => date.slice(0, 10)),
    })
  }
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
