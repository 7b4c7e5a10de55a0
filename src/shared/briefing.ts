import type { BriefingScope } from './contract'

/** The parts a briefing can hold, in the order they appear. Names are part of the CLI (`--sections`). */
export const BRIEFING_SECTIONS = ['overview', 'charts', 'entities', 'reactions', 'sources'] as const
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number]

export const BRIEFING_SECTION_TITLES: Record<BriefingSection, string> = {
  overview: 'Overview of the rounds',
  charts: 'Charts',
  entities: 'Entities',
  reactions: 'Reactions',
  sources: 'Sources',
}

/** Columns the writer can pick for the entity table. */
export const BRIEFING_ENTITY_COLUMNS = [
  'name',
  'originalName',
  'country',
  'sector',
  'round',
  'licensePolicy',
] as const
export type BriefingEntityColumn = (typeof BRIEFING_ENTITY_COLUMNS)[number]

export const BRIEFING_ENTITY_COLUMN_LABELS: Record<BriefingEntityColumn, string> = {
  name: 'Name',
  originalName: 'Original-script name',
  country: 'Country',
  sector: 'Sector',
  round: 'Round',
  licensePolicy: 'License policy',
}

export const ENTITY_GROUPINGS = ['round', 'sector'] as const
export type EntityGrouping = (typeof ENTITY_GROUPINGS)[number]

export const REACTION_GROUPINGS = ['organisationKind', 'stance'] as const
export type ReactionGrouping = (typeof REACTION_GROUPINGS)[number]

export const PAPER_SIZES = ['letter', 'a4'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

/**
 * Hard bounds on what one briefing may hold. A scope over the entity limit is refused with a message
 * naming the limit, never turned into a 600-page surprise.
 */
export const BRIEFING_LIMITS = {
  maxEntities: 2000,
  maxReactions: 1000,
  titleLength: 2000,
  subtitleLength: 2000,
  authorLength: 500,
  bannerLength: 200,
  summaryLength: 50_000,
  maxPickedIds: 20_000,
} as const

export type { BriefingScope } from './contract'

export interface BriefingSettings {
  scope: BriefingScope
  title: string
  subtitle: string
  author: string
  /** The date printed on the briefing (ISO yyyy-mm-dd); empty means today's date when rendered. */
  date: string
  /** The writer's own summary: paragraphs, "- " bullet lists, **bold** and *italic*. */
  summary: string
  /** Handling banner printed at the top and bottom of every page, e.g. "UNCLASSIFIED"; may be empty. */
  banner: string
  paper: PaperSize
  sections: BriefingSection[]
  entityColumns: BriefingEntityColumn[]
  entityGrouping: EntityGrouping
  reactionGrouping: ReactionGrouping
}

export const DEFAULT_BRIEFING_SETTINGS: BriefingSettings = {
  scope: { kind: 'rounds', roundIds: [] },
  title: 'Entity List additions',
  subtitle: '',
  author: '',
  date: '',
  summary: '',
  banner: 'UNCLASSIFIED',
  paper: 'letter',
  sections: [...BRIEFING_SECTIONS],
  entityColumns: ['name', 'originalName', 'country', 'sector', 'licensePolicy'],
  entityGrouping: 'round',
  reactionGrouping: 'organisationKind',
}

/** A briefing saved in the store, to reopen and export again. */
export interface SavedBriefing {
  id: string
  settings: BriefingSettings
  createdAt: string
  updatedAt: string
}

/** A finished PDF: where it went (or its bytes, for the preview), and what it holds. */
export interface BriefingPdf {
  fileName: string
  pageCount: number
  bytes: number
  entityCount: number
  reactionCount: number
  /** For a briefing of changes: how many changes it lists; null for other scopes. */
  changeCount: number | null
  /** Present when the caller asked for the content rather than a file on disk. */
  base64?: string
  path?: string
}
