import { cleanCell, unusableName } from './cell-text'
import { toIsoCountry } from './countries'
import { readCsvTable } from './csv-table'
import { parseFrCitations, parseListDate } from './fr-citations'
import type { ParsedSource, SourceEntry } from './source-entry'

/** The columns a BIS Entity List CSV must have. */
export const BIS_CSV_COLUMNS = [
  'Source List',
  'Name',
  'Address',
  'Country',
  'Federal Register Notice',
  'Alternate Name',
] as const

/**
 * The BIS Entity List CSV: one row per name × address × alternate name. Rows are grouped back into one
 * entry per (Name, Federal Register Notice), collecting the addresses and alternate names.
 */
export function readBisCsv(text: string, fileName: string): ParsedSource {
  const warnings: string[] = []
  const groups = new Map<string, SourceEntry>()
  readCsvTable(
    text,
    fileName,
    BIS_CSV_COLUMNS,
    ({ line, values }) => {
      const where = `${fileName} line ${line}`
      const cell = (column: string) => cleanCell(values[column], where, warnings)
      const name = cell('Name')
      const unusable = unusableName(name)
      if (unusable || !name) {
        warnings.push(`${where}: ${unusable}; row skipped`)
        return
      }
      const notice = cell('Federal Register Notice') ?? ''
      const key = `${name}\u0000${notice}`
      let entry = groups.get(key)
      if (!entry) {
        const { citations, problems } = parseFrCitations(notice)
        for (const problem of problems) warnings.push(`${where}: ${problem}`)
        const countryText = cell('Country')
        const country = toIsoCountry(countryText)
        if (countryText && !country)
          warnings.push(`${where}: country "${countryText}" is not recognised; left empty`)
        const effective = cell('Effective Date')
        const link = cell('Web Link')
        entry = {
          location: where,
          list: 'US BIS Entity List',
          name,
          altNames: [],
          kind: 'entity',
          country,
          addresses: [],
          citations: citations.map((c) => ({
            ...c,
            published: c.published ?? (effective ? parseListDate(effective) : null),
          })),
          rule: null,
          startDate: effective ? parseListDate(effective) : null,
          endDate: null,
          programs: null,
          licenseRequirement: cell('License Requirement'),
          licensePolicy: cell('License Policy'),
          remarks: cell('Remarks/Notes'),
          url: link && /^https?:\/\//.test(link) ? link : null,
          identifiers: [],
          birthDates: [],
          reportedNames: [],
        }
        groups.set(key, entry)
      }
      const address = ['Address', 'City', 'State/Province', 'Postal Code', 'Country']
        .map((column) => cell(column))
        .filter((part): part is string => part !== null)
        .join(', ')
      if (address && !entry.addresses.includes(address)) entry.addresses.push(address)
      const alternate = cell('Alternate Name')
      if (alternate && alternate !== entry.name && !entry.altNames.includes(alternate))
        entry.altNames.push(alternate)
    },
    warnings,
  )
  const entries = [...groups.values()]
  return {
    format: 'bis',
    fileName,
    entries,
    warnings,
    lists: [{ list: 'US BIS Entity List', entries: entries.length }],
  }
}
