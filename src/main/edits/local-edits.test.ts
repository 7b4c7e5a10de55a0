import { describe, expect, it } from 'vitest'
import {
  fieldCorrectionSchema,
  writtenReactionSchema,
  type WrittenReaction,
  type WrittenReactionInput,
} from '../../shared/local-edits'
import { undoLatestImport } from '../bundles/import-bundle'
import { queryChanges } from '../store/changes-query'
import { listReactions } from '../store/read-records'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { correctField } from './field-corrections'
import { listLocalEdits, redoableEdit, redoLocalEdit } from './local-edits'
import { addWrittenReaction, deleteReaction, editWrittenReaction } from './written-reactions'

const tempDir = useTempDir()

const VERBATIM: WrittenReactionInput = {
  text: 'We firmly oppose the US practice',
  textKind: 'verbatim',
  language: 'en',
  speaker: 'Test Speaker',
  speakerRole: 'spokesperson',
  organisation: 'Example Ministry',
  organisationKind: 'government',
  stance: 'opposes',
  dateSaid: '2019-10-08',
  rounds: ['el-2019-10-84fr54002'],
  entities: ['hikvision'],
  source: {
    publication: 'Example Daily',
    title: 'Beijing answers the listing',
    date: '2019-10-09',
    url: 'https://example.org/answer',
    excerpt: 'The speaker said: "We firmly oppose the US practice of abusing export controls."',
  },
}

const written = (input: WrittenReactionInput): WrittenReaction => writtenReactionSchema.parse(input)

/** The first problem the form's schema finds, as "field: message". */
function refusal(input: unknown): string {
  const result = writtenReactionSchema.safeParse(input)
  if (result.success) return 'accepted'
  const issue = result.error.issues[0]
  return `${issue.path.join('.')}: ${issue.message}`
}

describe('reactions written in the app', () => {
  it('records a verbatim reaction with its source, marked local with its author and time', () => {
    const store = openDefaultStore(tempDir())
    const now = new Date('2026-12-06T10:00:00Z')
    const result = addWrittenReaction(store.db, written(VERBATIM), 'A. Writer', now)
    const [sourceId, reactionId] = result.recordIds
    expect(sourceId).toMatch(/^local-source-20261206-[0-9a-f]{10}$/)
    expect(reactionId).toMatch(/^local-reaction-20261206-[0-9a-f]{10}$/)
    const reaction = listReactions(store.db, { ids: [reactionId] })[0]
    expect(reaction).toMatchObject({
      text: VERBATIM.text,
      textKind: 'verbatim',
      speaker: 'Test Speaker',
      sourceExcerpt: VERBATIM.source.excerpt,
      excerptCheckedOn: '2026-12-06',
      rounds: [{ id: 'el-2019-10-84fr54002' }],
      entities: [{ id: 'hikvision' }],
      source: { id: sourceId, publication: 'Example Daily', url: 'https://example.org/answer' },
      written: { author: 'A. Writer', at: now.toISOString() },
    })
    // Imported and built-in reactions are not marked.
    expect(
      listReactions(store.db)
        .filter((r) => r.written !== null)
        .map((r) => r.id),
    ).toEqual([reactionId])
    expect(result.edit).toMatchObject({
      author: 'A. Writer',
      description: 'Added a reaction by Test Speaker, Example Ministry',
      status: 'applied',
    })
    // The change record lists the edit like an import's changes.
    const changes = queryChanges(store.db, {
      scope: { importId: result.edit.id },
      filters: {},
      offset: 0,
      limit: 10,
    })
    expect(changes.rows.map((row) => [row.kind, row.type, row.recordId])).toEqual([
      ['new', 'source', sourceId],
      ['new', 'reaction', reactionId],
    ])
    store.close()
  })

  it('undo and redo of each edit restore the store exactly', () => {
    const store = openDefaultStore(tempDir())
    const states = [dumpStore(store.db, { changeRecord: false })]
    const added = addWrittenReaction(store.db, written(VERBATIM), 'A. Writer')
    const reactionId = added.recordIds[1]
    states.push(dumpStore(store.db, { changeRecord: false }))
    editWrittenReaction(
      store.db,
      reactionId,
      written({ ...VERBATIM, stance: 'mixed', speakerRole: 'foreign ministry spokesperson' }),
      'A. Writer',
    )
    states.push(dumpStore(store.db, { changeRecord: false }))
    // A correction rewrites the reaction's own local source; a deletion removes both.
    expect(listReactions(store.db, { ids: [reactionId] })[0].source.id).toBe(added.recordIds[0])
    const deleted = deleteReaction(store.db, reactionId, 'B. Editor')
    expect(deleted.recordIds).toEqual([reactionId, added.recordIds[0]])
    states.push(dumpStore(store.db, { changeRecord: false }))
    expect(listReactions(store.db, { ids: [reactionId] })).toEqual([])

    // Undo all three, newest first: each step gives back the state before that edit.
    for (let step = 3; step >= 1; step--) {
      const latest = listLocalEdits(store.db).find((edit) => edit.status === 'applied')!
      undoLatestImport(store.db, latest.id)
      expect(dumpStore(store.db, { changeRecord: false })).toBe(states[step - 1])
    }
    // Redo all three, in the order they were written: each step gives back the state after it.
    for (let step = 1; step <= 3; step++) {
      const redoable = redoableEdit(store.db)!
      const redone = redoLocalEdit(store.db, redoable)
      expect(redone.redoneFrom).toBe(redoable)
      expect(dumpStore(store.db, { changeRecord: false })).toBe(states[step])
    }
    expect(redoableEdit(store.db)).toBeNull()
    store.close()
  })

  it('redo keeps the time the edit was written and ends when something else is imported', () => {
    const store = openDefaultStore(tempDir())
    const writtenAt = new Date('2026-12-01T09:00:00Z')
    const added = addWrittenReaction(store.db, written(VERBATIM), 'A. Writer', writtenAt)
    undoLatestImport(store.db, added.edit.id)
    const redone = redoLocalEdit(store.db, added.edit.id)
    expect(redone.writtenAt).toBe(writtenAt.toISOString())
    // Listed once: the undone edit's origin id, taken again by the redo, is not the undone edit's.
    const listed = listReactions(store.db, { ids: [added.recordIds[1]] })
    expect(listed).toHaveLength(1)
    expect(listed[0].written).toEqual({ author: 'A. Writer', at: writtenAt.toISOString() })
    // A second edit, undone; then a new edit: the undone one can no longer be redone.
    const second = addWrittenReaction(store.db, written({ ...VERBATIM, stance: 'mixed' }), 'A. Writer')
    undoLatestImport(store.db, second.edit.id)
    expect(redoableEdit(store.db)).toBe(second.edit.id)
    addWrittenReaction(store.db, written({ ...VERBATIM, stance: 'neutral' }), 'A. Writer')
    expect(redoableEdit(store.db)).toBeNull()
    expect(() => redoLocalEdit(store.db, second.edit.id)).toThrow(/no undone edit to redo/)
    store.close()
  })

  it('refuses bad input with the field named, and writes nothing', () => {
    const store = openDefaultStore(tempDir())
    const before = dumpStore(store.db)
    expect(refusal({ ...VERBATIM, text: '  ' })).toBe('text: the text is required')
    expect(refusal({ ...VERBATIM, source: { ...VERBATIM.source, publication: '' } })).toBe(
      'source.publication: the publication is required',
    )
    expect(refusal({ ...VERBATIM, source: { ...VERBATIM.source, url: 'ftp://example.org/x' } })).toBe(
      'source.url: a link starting with http:// or https://',
    )
    expect(refusal({ ...VERBATIM, source: { ...VERBATIM.source, url: 'javascript:alert(1)' } })).toBe(
      'source.url: a link starting with http:// or https://',
    )
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    expect(refusal({ ...VERBATIM, dateSaid: tomorrow })).toBe('dateSaid: a date in the future')
    expect(refusal({ ...VERBATIM, dateSaid: String(new Date().getUTCFullYear() + 1) })).toBe(
      'dateSaid: a date in the future',
    )
    expect(refusal({ ...VERBATIM, textKind: 'paraphrase', text: 'He said "no" to it' })).toBe(
      'text: a paraphrase holds quotation marks: only verbatim text may be quoted',
    )
    expect(refusal({ ...VERBATIM, textKind: 'paraphrase', text: 'x'.repeat(1024 * 1024) })).toBe(
      'text: at most 20,000 characters',
    )
    expect(refusal({ ...VERBATIM, source: { ...VERBATIM.source, excerpt: '' } })).toBe(
      "source.excerpt: verbatim text needs the source's passage it was checked against",
    )
    expect(refusal({ ...VERBATIM, text: 'We welcome the US practice' })).toBe(
      `text: not the source's words: "We welcome the US practice" does not occur in the source excerpt`,
    )
    expect(refusal({ ...VERBATIM, organisationKind: 'club' })).toMatch(/^organisationKind: one of government/)
    // A round the store does not have is named with its place in the list.
    expect(() =>
      addWrittenReaction(store.db, written({ ...VERBATIM, rounds: ['no-such-round'] }), 'A. Writer'),
    ).toThrow('rounds.0: there is no round "no-such-round" in the store. Nothing was written.')
    expect(dumpStore(store.db)).toBe(before)
    expect(listLocalEdits(store.db)).toEqual([])
    store.close()
  })

  it('undo and redo of a field correction restore the store exactly', () => {
    const store = openDefaultStore(tempDir())
    const before = dumpStore(store.db, { changeRecord: false })
    const corrected = correctField(
      store.db,
      fieldCorrectionSchema.parse({
        type: 'round',
        id: 'el-2019-10-84fr54002',
        field: 'basis',
        value: 'A test basis.',
        source: { publication: 'Example Register', url: 'https://example.org/register' },
      }),
      'A. Writer',
    )
    const after = dumpStore(store.db, { changeRecord: false })
    expect(after).not.toBe(before)
    undoLatestImport(store.db, corrected.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(before)
    redoLocalEdit(store.db, corrected.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(after)
    store.close()
  })
})
