import { createColumnHelper } from '@tanstack/react-table'
import type { EntitySummary } from '../../../shared/domain'
import { useLoad } from '../api/use-api'
import { DataTable, type CoreFeatures } from '../components/data-table'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'

const helper = createColumnHelper<CoreFeatures, EntitySummary>()
const columns = helper.columns([
  helper.accessor('primaryName', { header: 'Name', cell: (info) => <strong>{info.getValue()}</strong> }),
  helper.accessor('originalName', {
    header: 'Original-script name',
    cell: (info) => <span lang="zh">{orUnknown(info.getValue())}</span>,
  }),
  helper.accessor('aliases', { header: 'Aliases', cell: (info) => info.getValue().join('; ') }),
  helper.accessor('country', { header: 'Country', cell: (info) => orUnknown(info.getValue(), 'unknown') }),
  helper.accessor('type', { header: 'Type' }),
  helper.accessor('sectors', { header: 'Sectors', cell: (info) => info.getValue().join(', ') }),
  helper.accessor('rounds', {
    header: 'Rounds',
    cell: (info) => (
      <span className="chips">
        {info.getValue().map((round) => (
          <span className="chip" key={round.id}>
            {round.label}
          </span>
        ))}
      </span>
    ),
  }),
  helper.accessor('firstAdded', { header: 'First added', cell: (info) => dateOrUnknown(info.getValue()) }),
  helper.accessor('latestAction', {
    header: 'Latest action',
    cell: (info) => orUnknown(info.getValue(), '—'),
  }),
  helper.accessor('reactionCount', { header: 'Reactions' }),
])

export function EntitiesView() {
  const entities = useLoad((api) => api.listEntities({}), 'entities')
  return (
    <LoadState loadable={entities} what="entities">
      {(rows) => <DataTable label="Entities" rows={rows} columns={columns} rowId={(row) => row.id} />}
    </LoadState>
  )
}
