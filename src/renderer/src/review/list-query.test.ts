import { describe, expect, it } from 'vitest'
import { foldText, runListQuery, type ListSpec } from './list-query'

interface Quote {
  id: string
  speaker: string | null
  text: string
  stance: string | null
  rounds: string[]
  date: string | null
}

const spec: ListSpec<Quote> = {
  id: (row) => row.id,
  searchText: (row) => [row.speaker ?? '', row.text],
  facets: [
    {
      id: 'stance',
      title: 'Stance',
      values: (row) => (row.stance ? [{ value: row.stance, label: row.stance }] : []),
    },
    {
      id: 'round',
      title: 'Round',
      values: (row) => row.rounds.map((r) => ({ value: r, label: `Round ${r}` })),
    },
  ],
  dates: [{ id: 'date', title: 'Date', date: (row) => row.date }],
  texts: [{ id: 'speaker', title: 'Speaker', text: (row) => row.speaker ?? '' }],
  sortValues: { date: (row) => row.date, speaker: (row) => row.speaker },
}

const rows: Quote[] = [
  {
    id: 'a',
    speaker: 'Gěng Shuǎng',
    text: 'We firmly oppose it',
    stance: 'opposes',
    rounds: ['r1'],
    date: '2019-10-09',
  },
  {
    id: 'b',
    speaker: 'Hikvision',
    text: '海康威视 strongly opposes',
    stance: 'opposes',
    rounds: ['r1'],
    date: '2019-10-08',
  },
  { id: 'c', speaker: null, text: 'A measured step', stance: 'supports', rounds: ['r2'], date: '2020-06-05' },
  { id: 'd', speaker: 'Analyst', text: 'Both rounds matter', stance: null, rounds: ['r1', 'r2'], date: null },
]

const noQuery = { search: '', filters: {}, dates: {}, texts: {}, sort: [] }
const ids = (result: { rows: Quote[] }) => result.rows.map((row) => row.id)
const counts = (values: { value: string; count: number }[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]))

describe('the in-memory query of the Rounds and Reactions tables', () => {
  it('folds case and accents', () => {
    expect(foldText('Gěng SHUǍNG')).toBe('geng shuang')
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: 'geng' }))).toEqual(['a'])
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: 'OPPOSE' }))).toEqual(['a', 'b'])
  })

  it('finds Chinese substrings of any length and needs every word', () => {
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: '康' }))).toEqual(['b'])
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: '康威视' }))).toEqual(['b'])
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: 'firmly oppose' }))).toEqual(['a'])
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: 'firmly supports' }))).toEqual([])
  })

  it('treats search syntax as plain text', () => {
    for (const search of ['"', '*', 'NEAR(', '-oppose', "') OR 1=1 --", '(a)'])
      expect(() => runListQuery(rows, spec, { ...noQuery, search })).not.toThrow()
    expect(ids(runListQuery(rows, spec, { ...noQuery, search: 'NEAR(' }))).toEqual([])
  })

  it('counts each facet with the other filters applied, not its own', () => {
    const result = runListQuery(rows, spec, { ...noQuery, filters: { stance: ['opposes'], round: ['r1'] } })
    expect(ids(result)).toEqual(['a', 'b'])
    // Stance counted within round r1: two oppose, one unclassified ('').
    expect(counts(result.facets.stance)).toEqual({ opposes: 2, '': 1 })
    // Round counted within "opposes": both in r1.
    expect(counts(result.facets.round)).toEqual({ r1: 2 })
  })

  it('counts a row under each of its values and keeps labels', () => {
    const result = runListQuery(rows, spec, noQuery)
    expect(counts(result.facets.round)).toEqual({ r1: 3, r2: 2 })
    expect(result.facets.round[0]).toEqual({ value: 'r1', label: 'Round r1', count: 3 })
  })

  it('keeps a ticked value listed with 0 and its label when the other filters leave none', () => {
    const result = runListQuery(rows, spec, { ...noQuery, filters: { stance: ['supports'], round: ['r1'] } })
    expect(result.rows).toEqual([])
    expect(result.facets.round).toContainEqual({ value: 'r1', label: 'Round r1', count: 0 })
  })

  it('filters "not recorded" with the empty value', () => {
    expect(ids(runListQuery(rows, spec, { ...noQuery, filters: { stance: [''] } }))).toEqual(['d'])
  })

  it('keeps a date range, either end open, and drops rows without a date', () => {
    expect(ids(runListQuery(rows, spec, { ...noQuery, dates: { date: { from: '2019-10-09' } } }))).toEqual([
      'a',
      'c',
    ])
    expect(ids(runListQuery(rows, spec, { ...noQuery, dates: { date: { to: '2019-12-31' } } }))).toEqual([
      'a',
      'b',
    ])
    // A range only on the date filter leaves the facets' counts to the rows in range.
    const result = runListQuery(rows, spec, { ...noQuery, dates: { date: { from: '2020-01-01' } } })
    expect(counts(result.facets.stance)).toEqual({ supports: 1 })
  })

  it('filters a text column by what it contains, case and accents aside, and counts facets within it', () => {
    const result = runListQuery(rows, spec, { ...noQuery, texts: { speaker: 'SHUANG' } })
    expect(ids(result)).toEqual(['a'])
    expect(counts(result.facets.stance)).toEqual({ opposes: 1 })
    expect(ids(runListQuery(rows, spec, { ...noQuery, texts: { speaker: '  ' } }))).toHaveLength(4)
  })

  it('sorts by several columns with nulls last in either direction', () => {
    expect(ids(runListQuery(rows, spec, { ...noQuery, sort: [{ column: 'date', desc: false }] }))).toEqual([
      'b',
      'a',
      'c',
      'd',
    ])
    expect(ids(runListQuery(rows, spec, { ...noQuery, sort: [{ column: 'date', desc: true }] }))).toEqual([
      'c',
      'a',
      'b',
      'd',
    ])
    const bySpeaker = runListQuery(rows, spec, {
      ...noQuery,
      sort: [
        { column: 'speaker', desc: false },
        { column: 'date', desc: false },
      ],
    })
    expect(ids(bySpeaker)).toEqual(['d', 'a', 'b', 'c'])
  })
})
