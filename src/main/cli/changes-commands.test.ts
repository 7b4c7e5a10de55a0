import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fieldValueText, type StoredChange } from '../../shared/changes'
import { toCsv } from '../../shared/csv'
import { parseCsv } from '../importers/csv-rows'
import { entityHistory, queryChanges } from '../store/changes-query'
import { openStore, type Store } from '../store/open-store'
import { queryEntities } from '../store/entity-query'
import { runCliCapturing } from '../test-support/run-cli'
import { printChanges } from './changes-commands'
import { useTempDir } from '../test-support/temp-dir'

const tempDir = useTempDir()
const FIXTURES = path.join(import.meta.dirname, '..', 'importers', 'fixtures')

type Row = Record<string, string>

/**
 * Two editions of a real CSL excerpt: the parties with an entity number (which identifies them from one
 * edition to the next), then the same with two parties added, two given a new alternative name and two
 * given an end date, as a later edition of the list would.
 */
function editions(): { header: string[]; first: Row[]; second: Row[] } {
  const [head, ...body] = parseCsv(fs.readFileSync(path.join(FIXTURES, 'csl-2019-excerpt.csv'), 'utf8'))
  const header = head.cells.map((cell) => cell.replace(/^\uFEFF/, ''))
  const rows = body.map((row) => Object.fromEntries(header.map((column, i) => [column, row.cells[i] ?? ''])))
  const first = rows.filter((row) => row.entity_number !== '').slice(0, 40)
  const second = first.map((row) => ({ ...row }))
  const open = second.filter((row) => row.end_date === '')
  open[0].alt_names = [open[0].alt_names, 'LATER EDITION ALIAS ONE'].filter(Boolean).join('; ')
  open[1].alt_names = [open[1].alt_names, 'LATER EDITION ALIAS TWO'].filter(Boolean).join('; ')
  open[2].end_date = '2026-03-01'
  open[3].end_date = '2026-03-02'
  second.push(
    { ...first[0], entity_number: '990001', name: 'LATER EDITION PARTY ONE', alt_names: '', end_date: '' },
    { ...first[1], entity_number: '990002', name: 'LATER EDITION PARTY TWO', alt_names: '', end_date: '' },
  )
  return { header, first, second }
}

/** What changed between the editions, worked out from the files alone, by entity number. */
function diffEditions(first: Row[], second: Row[]) {
  const before = new Map(first.map((row) => [row.entity_number, row]))
  const names = (row: Row) =>
    new Set(
      row.alt_names
        .split(';')
        .map((n) => n.trim())
        .filter(Boolean),
    )
  const added: string[] = []
  const renamed: string[] = []
  const ended: string[] = []
  for (const row of second) {
    const old = before.get(row.entity_number)
    if (!old) added.push(row.entity_number)
    else {
      if ([...names(row)].some((name) => !names(old).has(name))) renamed.push(row.entity_number)
      if (old.end_date === '' && row.end_date !== '') ended.push(row.entity_number)
    }
  }
  return { added, renamed, ended }
}

/** The entity a CSL entity number identifies. */
function entityWithNumber(store: Store, number: string): string {
  return store.db
    .prepare("SELECT entity_id FROM entity_identifiers WHERE scheme = 'csl-entity-number' AND value = ?")
    .pluck()
    .get(number) as string
}

function writeEdition(dir: string, name: string, header: string[], rows: Row[]): string {
  const file = path.join(dir, name)
  fs.writeFileSync(
    file,
    toCsv(
      header,
      rows.map((row) => header.map((column) => row[column])),
    ),
  )
  return file
}

describe('changes', () => {
  it('lists exactly what a later edition of a list added, changed and ended; undo takes it away', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'store.sqlite')
    const run = (...args: string[]) =>
      runCliCapturing(['--db', db, ...args], { env: {}, rendererDir: dir, ask: async () => false })
    const { header, first, second } = editions()
    const expected = diffEditions(first, second)
    expect(expected).toMatchObject({ added: ['990001', '990002'] })
    expect(expected.renamed).toHaveLength(2)
    expect(expected.ended).toHaveLength(2)

    const one = await run('import', writeEdition(dir, 'csl-edition-1.csv', header, first), '--yes')
    expect(one.code, one.err).toBe(0)
    // Watch one party the later edition renames (starred) and one it ends (a saved search of its name).
    const before = openStore(db)
    const idOf = (number: string) => entityWithNumber(before, number)
    const starred = idOf(expected.renamed[0])
    const endedName = before.db
      .prepare('SELECT primary_name FROM entities WHERE id = ?')
      .pluck()
      .get(idOf(expected.ended[0])) as string
    before.close()
    expect((await run('watch', 'add', '--entity', starred)).code).toBe(0)
    const saved = await run('watch', 'add', '--name', 'Ending soon', '--search', endedName)
    expect(saved.code, saved.err).toBe(0)
    expect((await run('watch', 'add', '--name', 'Ending soon', '--search', 'x')).err).toMatch(
      /exists already/,
    )
    expect((await run('watch', 'add', '--entity', 'no-such-entity')).err).toMatch(/No entity with the id/)
    expect(JSON.parse((await run('--json', 'watch', 'list')).out)).toHaveLength(2)

    const two = await run('import', writeEdition(dir, 'csl-edition-2.csv', header, second), '--yes')
    expect(two.code, two.err).toBe(0)
    expect(two.out).toContain('Watched entities that changed:')
    expect(two.out).toMatch(new RegExp(`starred:\\n    .* \\[${starred}\\]: changed`))
    expect(two.out).toMatch(/watch "Ending soon":\n {4}.*: ended/)

    const listed = await run('--json', 'changes', '--import', '2')
    expect(listed.code, listed.err).toBe(0)
    const { changes, total, imports } = JSON.parse(listed.out) as {
      changes: StoredChange[]
      total: number
      imports: { id: number; label: string }[]
    }
    expect(imports).toEqual([
      expect.objectContaining({ id: 2, label: expect.stringMatching(/csl-edition-2\.csv/) }),
    ])

    const store = openStore(db)
    const entityOf = (number: string) => entityWithNumber(store, number)
    const designationsOf = (numbers: string[]) =>
      numbers.flatMap(
        (number) =>
          store.db
            .prepare('SELECT id FROM designations WHERE entity_id = ?')
            .pluck()
            .all(entityOf(number)) as string[],
      )
    const keyed = (list: StoredChange[]) => list.map((c) => `${c.kind} ${c.type} ${c.recordId}`).sort()
    expect(keyed(changes)).toEqual(
      [
        ...expected.added.map((n) => `new entity ${entityOf(n)}`),
        ...designationsOf(expected.added).map((id) => `new designation ${id}`),
        ...expected.renamed.map((n) => `changed entity ${entityOf(n)}`),
        ...designationsOf(expected.ended).map((id) => `ended designation ${id}`),
        ...changes.filter((c) => c.type === 'source').map((c) => `new source ${c.recordId}`),
      ].sort(),
    )
    expect(changes.filter((c) => c.type === 'source')).toHaveLength(1)
    expect(total).toBe(changes.length)
    for (const number of expected.renamed) {
      const change = changes.find((c) => c.recordId === entityOf(number))!
      const aliases = change.fields.find((f) => f.field === 'aliases')!
      expect(aliases.after).toEqual(expect.arrayContaining([expect.stringMatching(/^LATER EDITION ALIAS/)]))
      expect(aliases.before).not.toEqual(expect.arrayContaining([expect.stringMatching(/^LATER EDITION/)]))
    }
    for (const change of changes.filter((c) => c.kind === 'ended')) {
      expect(change.fields).toEqual([
        { field: 'ended', before: null, after: expect.stringMatching(/^2026-03-0[12]$/) },
      ])
      expect(change.lists.length).toBe(1)
    }

    // The counts and filters agree with the rows.
    const page = queryChanges(store.db, { scope: { importId: 2 }, filters: {}, offset: 0, limit: 1000 })
    const count = (kind: string) => changes.filter((c) => c.kind === kind).length
    expect(page.counts.kinds).toEqual(
      expect.arrayContaining([
        { value: 'new', count: count('new') },
        { value: 'changed', count: count('changed') },
        { value: 'ended', count: count('ended') },
      ]),
    )
    const endedOnly = queryChanges(store.db, {
      scope: { importId: 2 },
      filters: { kinds: ['ended'] },
      offset: 0,
      limit: 1000,
    })
    expect(endedOnly.total).toBe(2)
    // Each group counts with the other groups' filters: the kinds still show every kind.
    expect(endedOnly.counts.kinds).toEqual(page.counts.kinds)
    expect(endedOnly.counts.types).toEqual([{ value: 'designation', count: 2 }])

    // Printed a few at a time, the JSON and the text are the same as read in one page.
    for (const json of [true, false]) {
      const printed: string[] = []
      const cli = { json: () => json, io: { out: (text: string) => printed.push(text), err: () => {} } }
      printChanges(cli, store.db, {}, 7)
      const whole = queryChanges(store.db, { scope: {}, filters: {}, offset: 0, limit: 1000 })
      if (json) expect(JSON.parse(printed.join('\n')).changes).toEqual(whole.rows)
      else expect(printed.join('\n').match(/^ {2}(new|changed|ended|retired) /gm)).toHaveLength(whole.total)
    }

    // The entity's history holds what the later edition changed about it, and its listing.
    const history = entityHistory(store.db, entityOf(expected.renamed[0]))
    expect(history[0]).toMatchObject({ kind: 'changed', importId: 2, type: 'entity' })
    expect(history.some((event) => event.kind === 'new' && event.importId === 1)).toBe(true)
    expect(history.some((event) => event.kind === 'listed')).toBe(true)

    // The Entities table's "Watched" filter keeps the starred entity only.
    const watched = queryEntities(store.db, {
      search: '',
      filters: { watched: true },
      sort: [],
      offset: 0,
      limit: 50,
    })
    expect(watched.rows.map((row) => row.id)).toEqual([starred])

    const text = await run('changes', '--since', '2000-01-01')
    expect(text.out).toMatch(/ended {3}designation/)
    expect(text.out).toMatch(/ended: \(none\) → 2026-03-0[12]/)
    expect(text.out).toMatch(/aliases: .* → .*LATER EDITION ALIAS ONE/)

    // The weekly note: a briefing of the import's changes holds each changed field before and after.
    const pdf = path.join(dir, 'changes.pdf')
    const briefed = await run('export-pdf', '--changes-import', '2', '--out', pdf)
    expect(briefed.code, briefed.err).toBe(0)
    expect(briefed.out).toMatch(/\(\d+ changes\)\.$/)
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(pdfText).toContain('Changes in import 2')
    for (const heading of ['New listings', 'Ended and removed listings', 'Changed entries', 'New reactions'])
      expect(pdfText).toContain(heading)
    expect(pdfText).toContain('LATER EDITION PARTY ONE')
    expect(pdfText).toMatch(/ended: \(none\) → 2026-03-01/)
    expect(pdfText).toMatch(/ended: \(none\) → 2026-03-02/)
    for (const number of expected.renamed) {
      const change = changes.find((c) => c.recordId === entityOf(number))!
      const aliases = change.fields.find((f) => f.field === 'aliases')!
      expect(pdfText).toContain(
        `aliases: ${fieldValueText(aliases.before)} → ${fieldValueText(aliases.after)}`,
      )
    }
    expect(pdfText).toContain('csl-edition-2.csv')
    store.close()

    expect((await run('undo', '--yes')).code).toBe(0)
    const after = JSON.parse((await run('--json', 'changes')).out) as {
      imports: { id: number }[]
      changes: StoredChange[]
    }
    expect(after.imports.map((entry) => entry.id)).toEqual([1])
    expect(after.changes.every((c) => c.importId === 1)).toBe(true)
    // Watches are the user's, not the data's: an undo leaves them; removing one names it.
    const kept = JSON.parse((await run('--json', 'watch', 'list')).out) as {
      id: number
      name: string | null
    }[]
    expect(kept).toHaveLength(2)
    const search = kept.find((watch) => watch.name === 'Ending soon')!
    expect((await run('watch', 'remove', String(search.id))).out).toBe(`Removed watch ${search.id}.`)
    expect((await run('watch', 'remove', String(search.id))).err).toMatch(/There is no watch \d+/)
    expect((await run('watch', 'list')).out).toMatch(/^\d+ +entity {2}.+ \[/)
    const gone = await run('changes', '--import', '2')
    expect(gone.code).toBe(1)
    expect(gone.err).toMatch(/no applied import 2/)
  })

  it('refuses an import and a period together, and bad dates', async () => {
    const dir = tempDir()
    const run = (...args: string[]) =>
      runCliCapturing(['--db', path.join(dir, 's.sqlite'), ...args], { env: {}, rendererDir: dir })
    expect((await run('changes', '--import', '1', '--since', '2026-01-01')).err).toMatch(/not both/)
    expect((await run('changes', '--since', '1 March')).err).toMatch(/YYYY-MM-DD/)
    expect((await run('changes')).out).toMatch(/No imports in this period/)
  })
})
