import type { EntitySummary } from '../../../shared/domain'
import type { CellText } from '../review/copy-rows'

/** The cells of one entity as the table shows them, keyed by column id (for copying rows). */
export const ENTITY_CELL_TEXT: CellText<EntitySummary> = {
  name: (row) => row.primaryName,
  originalName: (row) => row.originalName ?? '',
  aliases: (row) => row.aliases.join('; '),
  country: (row) => row.country ?? '',
  type: (row) => row.type,
  sectors: (row) => row.sectors.join(', '),
  rounds: (row) => row.rounds.map((round) => round.label).join('; '),
  firstAdded: (row) => row.firstAdded ?? '',
  latestAction: (row) => row.latestAction ?? '',
  reactionCount: (row) => String(row.reactionCount),
}
