import { createColumnHelper } from '@tanstack/react-table'
import type { Reaction } from '../../../shared/domain'
import { useLoad } from '../api/use-api'
import { DataTable, type CoreFeatures } from '../components/data-table'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { QuoteText } from '../components/quote-text'
import { SourceLink } from '../components/source-link'

const helper = createColumnHelper<CoreFeatures, Reaction>()
const columns = helper.columns([
  helper.accessor('dateSaid', { header: 'Date', cell: (info) => dateOrUnknown(info.getValue()) }),
  helper.accessor('speaker', { header: 'Speaker', cell: (info) => orUnknown(info.getValue(), 'not named') }),
  helper.accessor('speakerRole', { header: 'Role', cell: (info) => orUnknown(info.getValue()) }),
  helper.accessor('organisation', { header: 'Organisation', cell: (info) => orUnknown(info.getValue()) }),
  helper.accessor('organisationKind', { header: 'Kind' }),
  helper.accessor('stance', {
    header: 'Stance',
    cell: (info) => orUnknown(info.getValue(), 'not classified'),
  }),
  helper.display({
    id: 'quote',
    header: 'Quote',
    cell: ({ row }) => (
      <span className="quote" lang={row.original.language}>
        <QuoteText reaction={row.original} />
      </span>
    ),
  }),
  helper.accessor('rounds', {
    header: 'Round(s)',
    cell: (info) =>
      info
        .getValue()
        .map((r) => r.label)
        .join('; '),
  }),
  helper.accessor('entities', {
    header: 'Entities',
    cell: (info) =>
      info
        .getValue()
        .map((e) => e.name)
        .join('; '),
  }),
  helper.accessor('source', { header: 'Source', cell: (info) => <SourceLink source={info.getValue()} /> }),
])

export function ReactionsView() {
  const reactions = useLoad((api) => api.listReactions({}), 'reactions')
  return (
    <LoadState loadable={reactions} what="reactions">
      {(rows) => <DataTable label="Reactions" rows={rows} columns={columns} rowId={(row) => row.id} />}
    </LoadState>
  )
}
