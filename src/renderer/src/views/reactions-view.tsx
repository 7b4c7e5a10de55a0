import { createColumnHelper } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import type { Reaction } from '../../../shared/domain'
import { useLoad } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { QuoteText } from '../components/quote-text'
import { SourceLink } from '../components/source-link'
import { ReactionDetails } from '../reactions/reaction-details'
import { ReactionForm } from '../reactions/reaction-form'
import type { CellText } from '../review/copy-rows'
import type { ListSpec } from '../review/list-query'
import { ListReview } from '../review/list-review'
import type { ReviewFeatures } from '../review/review-features'
import type { ReactionLink } from '../navigation'

const helper = createColumnHelper<ReviewFeatures, Reaction>()
const columns = helper.columns([
  helper.accessor('dateSaid', {
    id: 'date',
    header: 'Date',
    size: 100,
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.accessor('speaker', {
    id: 'speaker',
    header: 'Speaker',
    size: 130,
    cell: (info) => orUnknown(info.getValue(), 'not named'),
  }),
  helper.accessor('organisation', {
    id: 'organisation',
    header: 'Organisation',
    size: 150,
    cell: (info) => orUnknown(info.getValue()),
  }),
  helper.display({
    id: 'quote',
    header: 'Quote',
    size: 400,
    // Clamped to three lines here; the details panel shows the whole quote.
    cell: ({ row }) => (
      <span className="quote quote-clamp" lang={row.original.language}>
        <QuoteText reaction={row.original} />
      </span>
    ),
  }),
  helper.accessor('stance', {
    id: 'stance',
    header: 'Stance',
    size: 110,
    cell: (info) => orUnknown(info.getValue(), 'not classified'),
  }),
  helper.accessor('organisationKind', { id: 'kind', header: 'Kind', size: 110 }),
  helper.accessor('speakerRole', {
    id: 'role',
    header: 'Role',
    size: 160,
    cell: (info) => orUnknown(info.getValue()),
  }),
  helper.accessor('rounds', {
    id: 'rounds',
    header: 'Round(s)',
    size: 140,
    cell: (info) =>
      info
        .getValue()
        .map((r) => r.label)
        .join('; '),
  }),
  helper.accessor('entities', {
    id: 'entities',
    header: 'Entities',
    size: 200,
    cell: (info) =>
      info
        .getValue()
        .map((e) => e.name)
        .join('; '),
  }),
  helper.accessor('source', {
    id: 'source',
    header: 'Source',
    size: 180,
    cell: (info) => <SourceLink source={info.getValue()} />,
  }),
  helper.accessor('written', {
    id: 'origin',
    header: 'Local',
    size: 150,
    cell: (info) => {
      const written = info.getValue()
      return written ? (
        <span className="badge local" title={`Written in this app by ${written.author}, ${written.at}`}>
          local · {written.author}
        </span>
      ) : null
    },
  }),
])

/** Written in this app, or brought by an import or the built-in data: a facet and a column. */
const WRITTEN_HERE = 'local'
const originOf = (r: Reaction) =>
  r.written
    ? { value: WRITTEN_HERE, label: 'local (written in this app)' }
    : { value: 'imported', label: 'imported or built-in' }

const CELL_TEXT: CellText<Reaction> = {
  date: (r) => r.dateSaid ?? '',
  speaker: (r) => r.speaker ?? '',
  role: (r) => r.speakerRole ?? '',
  organisation: (r) => r.organisation ?? '',
  kind: (r) => r.organisationKind,
  stance: (r) => r.stance ?? '',
  // Verbatim text and paraphrase are told apart in the export too.
  quote: (r) => (r.textKind === 'verbatim' ? `“${r.text}”` : `[paraphrase] ${r.text}`),
  rounds: (r) => r.rounds.map((round) => round.label).join('; '),
  entities: (r) => r.entities.map((e) => e.name).join('; '),
  source: (r) => [r.source.publication, r.source.date, r.source.url].filter(Boolean).join(', '),
  origin: (r) => (r.written ? `local, ${r.written.author}, ${r.written.at.slice(0, 10)}` : ''),
}

const one = (value: string | null) => (value ? [{ value, label: value }] : [])

const SPEC: ListSpec<Reaction> = {
  id: (r) => r.id,
  searchText: (r) => [
    r.text,
    r.context ?? '',
    r.speaker ?? '',
    r.speakerRole ?? '',
    r.organisation ?? '',
    ...r.entities.map((e) => e.name),
    r.source.publication,
    // "waijiaobu" finds 外交部: the pinyin of Chinese speakers and organisations.
    r.pinyin ?? '',
  ],
  facets: [
    { id: 'kind', title: 'Organisation kind', values: (r) => one(r.organisationKind) },
    { id: 'stance', title: 'Stance', values: (r) => one(r.stance), emptyLabel: 'not classified' },
    {
      id: 'round',
      title: 'Round',
      values: (r) => r.rounds.map((round) => ({ value: round.id, label: round.label })),
    },
    { id: 'organisation', title: 'Organisation', values: (r) => one(r.organisation) },
    { id: 'source', title: 'Source', values: (r) => [{ value: r.source.id, label: r.source.publication }] },
    { id: 'origin', title: 'Origin', values: (r) => [originOf(r)] },
  ],
  dates: [{ id: 'date', title: 'Date', date: (r) => r.dateSaid }],
  texts: [
    { id: 'speaker', title: 'Speaker', text: (r) => r.speaker ?? '' },
    { id: 'role', title: 'Role', text: (r) => r.speakerRole ?? '' },
    { id: 'quote', title: 'Quote', text: (r) => `${r.context ?? ''} ${r.text}` },
    { id: 'entities', title: 'Entities mentioned', text: (r) => r.entities.map((e) => e.name).join('\n') },
  ],
  sortValues: {
    date: (r) => r.dateSaid,
    speaker: (r) => r.speaker,
    role: (r) => r.speakerRole,
    organisation: (r) => r.organisation,
    kind: (r) => r.organisationKind,
    stance: (r) => r.stance,
    source: (r) => r.source.publication,
  },
}

export function ReactionsView({ link }: { link: ReactionLink | null }) {
  // Bumped by each edit written here: the table reads the reactions again, with the edit in them.
  const [version, setVersion] = useState(0)
  const [writing, setWriting] = useState<{ editing?: Reaction } | null>(null)
  const [written, setWritten] = useState<ReactionLink | null>(null)
  // A link from another view comes after the last edit: it is followed instead.
  const [followed, setFollowed] = useState(link)
  if (link !== followed) {
    setFollowed(link)
    setWritten(null)
  }
  const reactions = useLoad((api) => api.listReactions({}), `reactions-${version}`)
  const byId = useMemo(
    () => new Map((reactions.state === 'ready' ? reactions.value : []).map((r) => [r.id, r])),
    [reactions],
  )
  const afterEdit = (openId: string | null) => {
    setWriting(null)
    setVersion((v) => v + 1)
    setWritten({ filters: {}, openId })
  }
  if (writing)
    return (
      <ReactionForm
        editing={writing.editing}
        onCancel={() => setWriting(null)}
        onDone={(result) => afterEdit(writing.editing?.id ?? result.recordIds[1] ?? null)}
      />
    )
  return (
    <LoadState loadable={reactions} what="reactions">
      {(rows) => (
        <ListReview
          table="reactions"
          label="Reactions"
          noun="reactions"
          rows={rows}
          spec={SPEC}
          columns={columns}
          cellText={CELL_TEXT}
          nameColumn="quote"
          rowName={(r) => `${r.speaker ?? r.organisation ?? 'unnamed speaker'}, ${r.dateSaid ?? 'undated'}`}
          link={written ?? link}
          searchPlaceholder="Search quotes, speakers, organisations… (press /)"
          actions={
            <button type="button" onClick={() => setWriting({})}>
              Add a reaction
            </button>
          }
          details={(id, close) => (
            <ReactionDetails
              reaction={byId.get(id)}
              onClose={close}
              onCorrect={(reaction) => setWriting({ editing: reaction })}
              onDeleted={() => afterEdit(null)}
            />
          )}
        />
      )}
    </LoadState>
  )
}
