import { createColumnHelper } from '@tanstack/react-table'
import type { RoundSummary } from '../../../shared/domain'
import { countsLabel } from '../../../shared/format'
import { useLoad } from '../api/use-api'
import { DataTable, type CoreFeatures } from '../components/data-table'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'

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
])

export function RoundsView() {
  const rounds = useLoad((api) => api.listRounds({}), 'rounds')
  return (
    <LoadState loadable={rounds} what="rounds">
      {(rows) => <DataTable label="Rounds" rows={rows} columns={columns} rowId={(row) => row.id} />}
    </LoadState>
  )
}
