import { createColumnHelper } from '@tanstack/react-table'
import type { RoundSummary } from '../../../shared/domain'
import { countsLabel } from '../../../shared/format'
import { useLoad } from '../api/use-api'
import { DataTable, type CoreFeatures } from '../components/data-table'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { useNavigation } from '../navigation'

const helper = createColumnHelper<CoreFeatures, RoundSummary>()
const columns = helper.columns([
  helper.accessor('list', { header: 'List' }),
  helper.accessor('title', { header: 'Title', cell: (info) => orUnknown(info.getValue()) }),
  helper.accessor('citations', { header: 'Citation', cell: (info) => info.getValue().join('; ') }),
  helper.accessor('frDocNumber', {
    header: 'FR Doc',
    cell: (info) => orUnknown(info.getValue(), 'not found'),
  }),
  helper.accessor('announced', { header: 'Announced', cell: (info) => dateOrUnknown(info.getValue()) }),
  helper.accessor('published', { header: 'Published', cell: (info) => dateOrUnknown(info.getValue()) }),
  helper.accessor('effective', { header: 'Effective', cell: (info) => dateOrUnknown(info.getValue()) }),
  helper.accessor('basis', { header: 'Basis', cell: (info) => orUnknown(info.getValue()) }),
  helper.display({
    id: 'counts',
    header: 'Declared vs recorded',
    cell: ({ row }) => countsLabel(row.original.declaredCount, row.original.recordedCount),
  }),
  helper.accessor('reactionCount', { header: 'Reactions' }),
  helper.display({
    id: 'entities',
    header: 'Entities',
    cell: ({ row }) => (
      <ShowEntities roundId={row.original.id} label={row.original.citations[0] ?? row.original.id} />
    ),
  }),
])

function ShowEntities({ roundId, label }: { roundId: string; label: string }) {
  const navigation = useNavigation()
  return (
    <button
      type="button"
      className="link"
      aria-label={`Show entities of ${label}`}
      onClick={() => navigation.showEntities({ round: [roundId] })}
    >
      Show entities
    </button>
  )
}

export function RoundsView() {
  const rounds = useLoad((api) => api.listRounds({}), 'rounds')
  return (
    <LoadState loadable={rounds} what="rounds">
      {(rows) => <DataTable label="Rounds" rows={rows} columns={columns} rowId={(row) => row.id} />}
    </LoadState>
  )
}
