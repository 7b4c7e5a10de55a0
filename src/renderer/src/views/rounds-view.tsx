import { createColumnHelper } from '@tanstack/react-table'
import type { RoundSummary } from '../../../shared/domain'
import { countsLabel } from '../../../shared/format'
import { useLoad } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { useNavigation } from '../navigation'
import type { CellText } from '../review/copy-rows'
import type { ListSpec } from '../review/list-query'
import { ListReview } from '../review/list-review'
import type { ReviewFeatures } from '../review/review-features'
import { RoundDetails } from '../rounds/round-details'

const helper = createColumnHelper<ReviewFeatures, RoundSummary>()
const columns = helper.columns([
  helper.accessor('citations', {
    id: 'citation',
    header: 'Citation',
    size: 120,
    cell: (info) => info.getValue().join('; '),
  }),
  helper.accessor('title', {
    id: 'title',
    header: 'Title',
    size: 280,
    cell: (info) => <strong>{orUnknown(info.getValue())}</strong>,
  }),
  helper.accessor('published', {
    id: 'published',
    header: 'Published',
    size: 120,
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.accessor('effective', {
    id: 'effective',
    header: 'Effective',
    size: 120,
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.accessor('announced', {
    id: 'announced',
    header: 'Announced',
    size: 120,
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.display({
    id: 'counts',
    header: 'Declared vs recorded',
    size: 190,
    cell: ({ row }) => countsLabel(row.original.declaredCount, row.original.recordedCount),
  }),
  helper.accessor('reactionCount', { id: 'reactionCount', header: 'Reactions', size: 110 }),
  helper.display({
    id: 'entities',
    header: 'Entities',
    size: 140,
    cell: ({ row }) => (
      <ShowEntities roundId={row.original.id} label={row.original.citations[0] ?? row.original.id} />
    ),
  }),
  helper.accessor('basis', {
    id: 'basis',
    header: 'Basis',
    size: 260,
    cell: (info) => orUnknown(info.getValue()),
  }),
  helper.accessor('frDocNumber', {
    id: 'frDoc',
    header: 'FR Doc',
    size: 110,
    cell: (info) => orUnknown(info.getValue(), 'not found'),
  }),
  helper.accessor('list', { id: 'list', header: 'List', size: 130 }),
])

const CELL_TEXT: CellText<RoundSummary> = {
  list: (r) => r.list,
  title: (r) => r.title ?? '',
  citation: (r) => r.citations.join('; '),
  frDoc: (r) => r.frDocNumber ?? '',
  announced: (r) => r.announced ?? '',
  published: (r) => r.published ?? '',
  effective: (r) => r.effective ?? '',
  basis: (r) => r.basis ?? '',
  counts: (r) => countsLabel(r.declaredCount, r.recordedCount),
  reactionCount: (r) => String(r.reactionCount),
}

/** The year a round became public: published in the Federal Register, or else announced. */
function roundYear(round: RoundSummary): string | null {
  return (round.published ?? round.announced)?.slice(0, 4) ?? null
}

const SPEC: ListSpec<RoundSummary> = {
  id: (r) => r.id,
  searchText: (r) => [r.list, r.title ?? '', ...r.citations, r.frDocNumber ?? '', r.basis ?? ''],
  facets: [
    { id: 'list', title: 'List', values: (r) => [{ value: r.list, label: r.list }] },
    {
      id: 'year',
      title: 'Year',
      values: (r) => {
        const year = roundYear(r)
        return year ? [{ value: year, label: year }] : []
      },
    },
  ],
  dates: [
    { id: 'announced', title: 'Announced', date: (r) => r.announced },
    { id: 'published', title: 'Published', date: (r) => r.published },
    { id: 'effective', title: 'Effective', date: (r) => r.effective },
  ],
  texts: [
    { id: 'title', title: 'Title', text: (r) => r.title ?? '' },
    { id: 'basis', title: 'Basis', text: (r) => r.basis ?? '' },
  ],
  sortValues: {
    list: (r) => r.list,
    title: (r) => r.title,
    citation: (r) => r.citations[0] ?? null,
    frDoc: (r) => r.frDocNumber,
    announced: (r) => r.announced,
    published: (r) => r.published,
    effective: (r) => r.effective,
    basis: (r) => r.basis,
    counts: (r) => r.recordedCount,
    reactionCount: (r) => r.reactionCount,
  },
}

function ShowEntities({ roundId, label }: { roundId: string; label: string }) {
  const navigation = useNavigation()
  return (
    <button
      type="button"
      className="link"
      aria-label={`Show entities of ${label}`}
      onClick={(event) => {
        // The link moves to the Entities view; it does not also open the round's details.
        event.stopPropagation()
        navigation.showEntities({ round: [roundId] })
      }}
    >
      Show entities
    </button>
  )
}

export function RoundsView() {
  const rounds = useLoad((api) => api.listRounds({}), 'rounds')
  return (
    <LoadState loadable={rounds} what="rounds">
      {(rows) => (
        <ListReview
          table="rounds"
          label="Rounds"
          noun="rounds"
          rows={rows}
          spec={SPEC}
          columns={columns}
          cellText={CELL_TEXT}
          nameColumn="title"
          rowName={(r) => r.citations[0] ?? r.title ?? r.id}
          searchPlaceholder="Search titles, citations, basis… (press /)"
          details={(id, close) => <RoundDetails id={id} onClose={close} />}
        />
      )}
    </LoadState>
  )
}
