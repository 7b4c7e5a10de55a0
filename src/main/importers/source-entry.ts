import type { FrCitation } from './fr-citations'

export const SOURCE_FORMATS = ['csl', 'bis', 'ftm'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

export const SOURCE_FORMAT_NAMES: Record<SourceFormat, string> = {
  csl: 'Consolidated Screening List (trade.gov)',
  bis: 'BIS Entity List CSV',
  ftm: 'OpenSanctions / FollowTheMoney entities',
}

/** An identifier a list gives for a party: a tax number, a CSL entity number, an OpenSanctions id … */
export interface PartyIdentifier {
  /** What kind of number: "ru-inn", "csl-entity-number", "opensanctions", "lei", "wikidata" … */
  scheme: string
  value: string
}

/** One listed party as a published list gives it, before it is matched against the store. */
export interface SourceEntry {
  /** "file.csv line 12": where a message about this entry should send the reader. */
  location: string
  /**
   * Where the party itself is, when one record of the file gives several entries (an FtM party listed
   * by several Sanctions): its entries are one party, not parties that match each other.
   */
  party?: string
  /** The list it is on, in our words ("US BIS Entity List"); each list is its own set of rounds. */
  list: string
  name: string
  altNames: string[]
  kind: 'entity' | 'individual' | 'vessel' | 'other'
  country: string | null
  addresses: string[]
  citations: FrCitation[]
  /** A rule's identity when the list gives no Federal Register citation (OpenSanctions programmes). */
  rule: { id: string; title: string; date: string | null } | null
  startDate: string | null
  /** When the listing ended (a CSL end_date, an FtM Sanction's endDate), or null while current. */
  endDate: string | null
  /** Programmes or legal bases as the list gives them ("EAR", "SDGT; IRAN"). */
  programs: string | null
  licenseRequirement: string | null
  licensePolicy: string | null
  remarks: string | null
  url: string | null
  /** Names the list gives that are not names to match on (FtM weak aliases), with what they are. */
  reportedNames: { name: string; note: string }[]
  /** Identifiers the list gives, used as evidence of identity (see entity-matching.ts). */
  identifiers: PartyIdentifier[]
  /** Dates of birth as given (YYYY, YYYY-MM or YYYY-MM-DD), for persons. */
  birthDates: string[]
}

/** What a reader found in a file: entries, and every row it refused or repaired, by location. */
export interface ParsedSource {
  format: SourceFormat
  fileName: string
  entries: SourceEntry[]
  warnings: string[]
  /** For the CSL: how many entries each source list had (before any --source filter). */
  lists: { list: string; entries: number }[]
}
