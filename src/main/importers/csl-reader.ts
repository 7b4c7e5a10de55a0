import { cleanCell, cleanList, unusableName } from './cell-text'
import { toIsoCountry } from './countries'
import { readCsvTable } from './csv-table'
import { parseFrCitations, parseListDate } from './fr-citations'
import { ImportError } from './import-error'
import { forEachArrayItem } from './json-items'
import { slugOf } from './names'
import type { ParsedSource, PartyIdentifier, SourceEntry } from './source-entry'

/** The CSL's source names → our list names; a source not listed here keeps its published name. */
const LIST_NAMES: Record<string, string> = {
  EL: 'US BIS Entity List',
  MEU: 'US BIS Military End-User List',
  UVL: 'US BIS Unverified List',
  DPL: 'US BIS Denied Persons List',
  SDN: 'US Treasury SDN List',
  CMIC: 'US Treasury CMIC List',
  FSE: 'US Treasury Foreign Sanctions Evaders List',
  SSI: 'US Treasury Sectoral Sanctions Identifications List',
  ISN: 'US State Nonproliferation Sanctions',
  DTC: 'US State ITAR Debarred List',
  PLC: 'US Treasury Palestinian Legislative Council List',
  CAP: 'US Treasury CAPTA List',
  MBS: 'US Treasury Non-SDN Menu-Based Sanctions List',
}

/** "Entity List (EL) - Bureau of Industry and Security" → "EL". */
export function sourceCode(source: string): string | null {
  return /\(([A-Z-]{2,6})\)/.exec(source)?.[1] ?? null
}

export function listNameFor(source: string): string {
  const code = sourceCode(source)
  return (code && LIST_NAMES[code]) || source.replace(/\s+-\s+[^-]+$/, '').trim() || source
}

/** Whether an entry's source is the one asked for: by code ("EL"), list name or published name, any case. */
export function sourceMatches(source: string, wanted: string): boolean {
  const needle = wanted.trim().toLowerCase()
  return (
    sourceCode(source)?.toLowerCase() === needle ||
    source.toLowerCase().includes(needle) ||
    listNameFor(source).toLowerCase().includes(needle)
  )
}

/** The columns a Consolidated Screening List CSV must have. */
export const CSL_CSV_COLUMNS = [
  'source',
  'name',
  'type',
  'addresses',
  'federal_register_notice',
  'alt_names',
] as const

function kindOf(type: string | null): SourceEntry['kind'] {
  const lower = (type ?? '').toLowerCase()
  if (lower === 'individual') return 'individual'
  if (lower === 'vessel' || lower === 'aircraft') return 'vessel'
  if (lower === 'entity') return 'entity'
  return 'other'
}

interface RawCslEntry {
  source: string | null
  name: string | null
  type: string | null
  addresses: { text: string; country: string | null }[]
  altNames: string[]
  notice: string | null
  startDate: string | null
  endDate: string | null
  programs: string | null
  licenseRequirement: string | null
  licensePolicy: string | null
  remarks: string | null
  url: string | null
  nationalities: string[]
  identifiers: PartyIdentifier[]
  birthDates: string[]
}

/** Builds one entry, or reports why the row cannot be one. */
function toEntry(raw: RawCslEntry, where: string, warnings: string[]): SourceEntry | null {
  const unusable = unusableName(raw.name)
  if (unusable || !raw.name) {
    warnings.push(`${where}: ${unusable}; row skipped`)
    return null
  }
  if (!raw.source) {
    warnings.push(`${where}: the source list is empty; row skipped`)
    return null
  }
  const { citations, problems } = parseFrCitations(raw.notice ?? '')
  for (const problem of problems) warnings.push(`${where}: ${problem}`)
  const countryText = raw.addresses.find((a) => a.country)?.country ?? raw.nationalities[0] ?? null
  const country = toIsoCountry(countryText)
  if (countryText && !country)
    warnings.push(`${where}: country "${countryText}" is not recognised; left empty`)
  return {
    location: where,
    list: listNameFor(raw.source),
    name: raw.name,
    altNames: raw.altNames.filter((alt) => alt !== raw.name),
    kind: kindOf(raw.type),
    country,
    addresses: raw.addresses.map((a) => a.text).filter(Boolean),
    citations,
    rule: null,
    startDate: raw.startDate ? parseListDate(raw.startDate) : null,
    endDate: raw.endDate ? parseListDate(raw.endDate) : null,
    programs: raw.programs,
    licenseRequirement: raw.licenseRequirement,
    licensePolicy: raw.licensePolicy,
    remarks: raw.remarks,
    url: raw.url && /^https?:\/\//.test(raw.url) ? raw.url : null,
    identifiers: raw.identifiers,
    birthDates: raw.birthDates,
    reportedNames: [],
  }
}

/**
 * The identifiers a CSL row gives: its entity_number (the same party keeps it from one edition to the
 * next) and its "ids" ("Tax ID No., 91440300…, CN; Passport, X123"), as scheme and value.
 */
function cslIdentifiers(entityNumber: string | null, ids: string[]): PartyIdentifier[] {
  const identifiers: PartyIdentifier[] = []
  if (entityNumber && /^\d+$/.test(entityNumber))
    identifiers.push({ scheme: 'csl-entity-number', value: entityNumber })
  for (const id of ids) {
    const [type, value] = id.split(',').map((part) => part.trim())
    if (type && value) identifiers.push({ scheme: `csl-${slugOf(type)}`, value })
  }
  return identifiers
}

/** Dates of birth as the CSL writes them ("1965-03-12", "12 Mar 1965", "1965") → YYYY[-MM[-DD]]. */
function birthDatesOf(values: string[]): string[] {
  return values
    .map((value) => parseListDate(value) ?? /^\d{4}$/.exec(value.trim())?.[0] ?? null)
    .filter((date): date is string => date !== null)
}

/** "12 Main St, Beijing, , 100000, CN; …" → one text per address, its last part read as the country. */
function addressesFromText(value: string | null): { text: string; country: string | null }[] {
  return (value ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((text) => {
      const parts = text.split(',').map((p) => p.trim())
      const country = parts.at(-1) || null
      // ", , , , CN" says only the country: no address to keep.
      const street = parts.slice(0, -1).filter(Boolean)
      return { text: street.length > 0 ? parts.filter(Boolean).join(', ') : '', country }
    })
}

/** The fields the CSV and JSON forms share, read through the form's own cell reader. */
function scalarFields(cell: (key: string) => string | null) {
  return {
    source: cell('source'),
    name: cell('name'),
    type: cell('type'),
    notice: cell('federal_register_notice'),
    startDate: cell('start_date'),
    endDate: cell('end_date'),
    programs: cell('programs'),
    licenseRequirement: cell('license_requirement'),
    licensePolicy: cell('license_policy'),
    remarks: cell('remarks'),
    url: cell('source_list_url') ?? cell('source_information_url'),
  }
}

function collect(
  entries: SourceEntry[],
  counts: Map<string, number>,
  wanted: string | undefined,
  raw: RawCslEntry,
  where: string,
  warnings: string[],
): void {
  if (raw.source) counts.set(listNameFor(raw.source), (counts.get(listNameFor(raw.source)) ?? 0) + 1)
  if (wanted && raw.source && !sourceMatches(raw.source, wanted)) return
  const entry = toEntry(raw, where, warnings)
  if (entry) entries.push(entry)
}

function finish(
  fileName: string,
  entries: SourceEntry[],
  counts: Map<string, number>,
  warnings: string[],
  wanted: string | undefined,
): ParsedSource {
  const lists = [...counts.entries()].map(([list, n]) => ({ list, entries: n }))
  if (wanted && entries.length === 0 && lists.length > 0) {
    throw new ImportError(
      `${fileName} has no entries from a source matching "${wanted}"; it lists ${lists.map((l) => `${l.list} (${l.entries})`).join(', ')}.`,
    )
  }
  return { format: 'csl', fileName, entries, warnings, lists }
}

/** The CSL as CSV: every field quoted, list fields joined with "; ". */
export function readCslCsv(text: string, fileName: string, wanted?: string): ParsedSource {
  const entries: SourceEntry[] = []
  const warnings: string[] = []
  const counts = new Map<string, number>()
  readCsvTable(
    text,
    fileName,
    CSL_CSV_COLUMNS,
    ({ line, values }) => {
      const where = `${fileName} line ${line}`
      const cell = (column: string) => cleanCell(values[column], where, warnings)
      collect(
        entries,
        counts,
        wanted,
        {
          ...scalarFields(cell),
          addresses: addressesFromText(cell('addresses')),
          altNames: cleanList(values.alt_names, where, warnings),
          nationalities: [
            ...cleanList(values.nationalities, where, warnings),
            ...cleanList(values.citizenships, where, warnings),
          ],
          identifiers: cslIdentifiers(cell('entity_number'), cleanList(values.ids, where, warnings)),
          birthDates: birthDatesOf(cleanList(values.dates_of_birth, where, warnings)),
        },
        where,
        warnings,
      )
    },
    warnings,
  )
  return finish(fileName, entries, counts, warnings, wanted)
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '')
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(';')
      : []

/** The CSL as JSON: {"results": [...]}, addresses as objects, alt_names as a list. */
export function readCslJson(text: string, fileName: string, wanted?: string): ParsedSource {
  const entries: SourceEntry[] = []
  const warnings: string[] = []
  const counts = new Map<string, number>()
  forEachArrayItem(text, 'results', fileName, (item, index) => {
    const where = `${fileName} result ${index + 1}`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      warnings.push(`${where}: not an object; skipped`)
      return
    }
    const record = item as Record<string, unknown>
    const cell = (key: string) => cleanCell(asText(record[key]), where, warnings)
    const addresses = Array.isArray(record.addresses)
      ? record.addresses
          .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
          .map((a) => {
            const street = ['address', 'city', 'state', 'postal_code']
              .map((key) => cleanCell(asText(a[key]), where, warnings))
              .filter((part): part is string => part !== null)
            const country = cleanCell(asText(a.country), where, warnings)
            // An address that gives only the country says where, not an address to keep.
            return {
              text: street.length > 0 ? [...street, ...(country ? [country] : [])].join(', ') : '',
              country,
            }
          })
      : []
    collect(
      entries,
      counts,
      wanted,
      {
        ...scalarFields(cell),
        addresses,
        altNames: asList(record.alt_names)
          .map((alt) => cleanCell(alt, where, warnings))
          .filter((alt): alt is string => alt !== null),
        nationalities: [...asList(record.nationalities), ...asList(record.citizenships)],
        identifiers: cslIdentifiers(
          cell('entity_number'),
          (Array.isArray(record.ids) ? record.ids : [])
            .filter((id): id is Record<string, unknown> => typeof id === 'object' && id !== null)
            .map((id) => `${asText(id.type)}, ${asText(id.number)}`),
        ),
        birthDates: birthDatesOf(asList(record.dates_of_birth)),
      },
      where,
      warnings,
    )
  })
  return finish(fileName, entries, counts, warnings, wanted)
}
