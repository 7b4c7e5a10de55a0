import { describe, expect, it } from 'vitest'
import { briefingSettingsSchema } from '../../shared/contract'
import { fieldCorrectionSchema, writtenNoteSchema, type WrittenNoteInput } from '../../shared/local-edits'
import { collectBriefing } from '../briefing/collect-briefing'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { undoLatestImport } from '../bundles/import-bundle'
import { publicPartOf } from '../bundles/keys'
import type { Store } from '../store/open-store'
import { queryEntities } from '../store/entity-query'
import { readRecord } from '../store/read-record'
import { watchEntity } from '../store/watches'
import { getEntity, getRound } from '../store/read-records'
import { addTrustedKey, trustStoreLookup } from '../store/trust-store'
import { makePublisher, packOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { applyImport, previewImport } from '../test-support/import-bundles'
import { useTempDir } from '../test-support/temp-dir'
import { redoableEdit, redoLocalEdit } from './local-edits'
import { publishLocalEdits } from './publish-edits'
import { correctField } from './field-corrections'
import { addWrittenNote, deleteNote, editWrittenNote } from './written-notes'

const tempDir = useTempDir()
const { privateFile } = makePublisher('Test Publisher', 3650, new Date())
const note = (input: WrittenNoteInput) => writtenNoteSchema.parse(input)

function refusal(input: unknown): string {
  const result = writtenNoteSchema.safeParse(input)
  if (result.success) return 'accepted'
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
}

async function bundle(store: Store, operations: unknown[], sequence: number) {
  return readVerifiedBundle(
    await packOperations(privateFile, operations, { sequence, now: new Date() }),
    trustStoreLookup(store.db),
  )
}

describe('notes on entities and rounds', () => {
  it('writes notes with a source or as an assessment, shown local in details; undo and redo restore the store', () => {
    const store = openDefaultStore(tempDir())
    const before = dumpStore(store.db, { changeRecord: false })
    const sourced = addWrittenNote(
      store.db,
      note({
        entity: 'hikvision',
        text: 'Named again in a later filing (test note).',
        source: { publication: 'Example Filings', url: 'https://example.org/filing' },
      }),
      'A. Writer',
    )
    const afterFirst = dumpStore(store.db, { changeRecord: false })
    const assessed = addWrittenNote(
      store.db,
      note({ round: 'el-2019-10-84fr54002', text: 'Our reading: a test assessment.', assessment: true }),
      'B. Editor',
    )
    expect(getEntity(store.db, 'hikvision')!.officeNotes).toMatchObject([
      {
        text: 'Named again in a later filing (test note).',
        assessment: false,
        source: { publication: 'Example Filings', url: 'https://example.org/filing' },
        written: { author: 'A. Writer' },
      },
    ])
    expect(getRound(store.db, 'el-2019-10-84fr54002')!.officeNotes).toMatchObject([
      {
        text: 'Our reading: a test assessment.',
        assessment: true,
        source: null,
        written: { author: 'B. Editor' },
      },
    ])
    // Undo the second: the store as after the first; redo it: the note is back.
    const afterSecond = dumpStore(store.db, { changeRecord: false })
    undoLatestImport(store.db, assessed.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(afterFirst)
    expect(redoableEdit(store.db)).toBe(assessed.edit.id)
    redoLocalEdit(store.db, assessed.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(afterSecond)
    const deleted = deleteNote(store.db, sourced.recordIds[1], 'A. Writer')
    // The note's own source goes with it.
    expect(deleted.recordIds).toEqual([sourced.recordIds[1], sourced.recordIds[0]])
    expect(getEntity(store.db, 'hikvision')!.officeNotes).toEqual([])
    undoLatestImport(store.db, deleted.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(afterSecond)
    store.close()
    expect(before).not.toBe(afterFirst)
  })

  it('refuses a note without a source that is not an assessment, or on two things, naming the field', () => {
    expect(refusal({ entity: 'hikvision', text: 'Unsourced.' })).toBe(
      'source.publication: the publication is required (or mark the note as your own assessment)',
    )
    expect(refusal({ entity: 'hikvision', round: 'r', text: 'Both.', assessment: true })).toBe(
      'entity: a note is on one entity or one round',
    )
    expect(
      refusal({ entity: 'hikvision', text: 'Both.', assessment: true, source: { publication: 'X' } }),
    ).toBe("source: the writer's own assessment has no source: remove it, or untick the assessment")
    expect(refusal({ entity: 'hikvision', text: 'x'.repeat(2001), assessment: true })).toBe(
      'text: at most 2,000 characters',
    )
  })

  it('asks before an update removes an entity the user annotated; taking theirs removes the notes too', async () => {
    const store = openDefaultStore(tempDir())
    addTrustedKey(store.db, publicPartOf(privateFile))
    const source = {
      op: 'upsert',
      type: 'source',
      record: { id: 'test-src', publication: 'Test Gazette', reliability: 'primary' },
    }
    const entity = {
      op: 'upsert',
      type: 'entity',
      record: { id: 'test-co', name: 'Test Company', type: 'company', sources: [{ source: 'test-src' }] },
    }
    applyImport(store.db, await bundle(store, [source, entity], 1), { confirmed: true })
    const written = addWrittenNote(
      store.db,
      note({ entity: 'test-co', text: 'Watch this one.', assessment: true }),
      'A. Writer',
    )
    const retire = await bundle(
      store,
      [{ op: 'retire', type: 'entity', id: 'test-co', reason: 'delisted' }],
      2,
    )
    expect(previewImport(store.db, retire).conflicts).toMatchObject([
      { key: 'entity:test-co:*', label: 'Test Company', field: null },
    ])
    const before = dumpStore(store.db)
    expect(() => applyImport(store.db, retire, { confirmed: true })).toThrow(/Test Company \(removed\)/)
    expect(dumpStore(store.db)).toBe(before)
    const kept = applyImport(store.db, retire, {
      confirmed: true,
      conflictDecisions: { 'entity:test-co:*': 'mine' },
    })
    expect(readRecord(store.db, 'entity', 'test-co')).not.toBeNull()
    undoLatestImport(store.db, kept.entry!.id)
    const taken = applyImport(store.db, retire, {
      confirmed: true,
      conflictDecisions: { 'entity:test-co:*': 'theirs' },
    })
    expect(readRecord(store.db, 'entity', 'test-co')).toBeNull()
    expect(readRecord(store.db, 'note', written.recordIds[0])).toBeNull()
    expect(taken.preview.counts.find((c) => c.type === 'note')).toMatchObject({ retired: 1 })
    store.close()
  })

  it('publishes notes: a colleague importing the bundle holds the same note and source', async () => {
    const office = openDefaultStore(tempDir())
    const colleague = openDefaultStore(tempDir())
    addTrustedKey(colleague.db, publicPartOf(privateFile))
    const written = addWrittenNote(
      office.db,
      note({
        entity: 'cloudwalk',
        text: 'A test note with a source.',
        source: { publication: 'Example Filings' },
      }),
      'A. Writer',
    )
    const { bytes } = await publishLocalEdits(office.db, { key: privateFile })
    applyImport(colleague.db, await readVerifiedBundle(bytes, trustStoreLookup(colleague.db)), {
      confirmed: true,
    })
    for (const [type, id] of [
      ['source', written.recordIds[0]],
      ['note', written.recordIds[1]],
    ] as const)
      expect(readRecord(colleague.db, type, id)).toEqual(readRecord(office.db, type, id))
    office.close()
    colleague.close()
  })

  it('"Edited here only" keeps the entities corrected or annotated in the app, with "Watched only" too', () => {
    const store = openDefaultStore(tempDir())
    const edited = () =>
      queryEntities(store.db, {
        search: '',
        filters: { local: true },
        sort: [{ column: 'name', desc: false }],
        offset: 0,
        limit: 50,
      }).rows.map((row) => row.id)
    expect(edited()).toEqual([])
    addWrittenNote(
      store.db,
      note({ entity: 'hikvision', text: 'A test note.', assessment: true }),
      'A. Writer',
    )
    correctField(
      store.db,
      fieldCorrectionSchema.parse({
        type: 'entity',
        id: 'cloudwalk',
        field: 'notes',
        value: 'A test correction.',
        source: { publication: 'Example Registry' },
      }),
      'A. Writer',
    )
    // A note on a round marks no entity.
    addWrittenNote(
      store.db,
      note({ round: 'el-2019-10-84fr54002', text: 'Round note.', assessment: true }),
      'A. Writer',
    )
    expect(edited()).toEqual(['cloudwalk', 'hikvision'])
    watchEntity(store.db, 'hikvision')
    const both = queryEntities(store.db, {
      search: '',
      filters: { local: true, watched: true },
      sort: [],
      offset: 0,
      limit: 50,
    })
    expect(both.rows.map((row) => row.id)).toEqual(['hikvision'])
    store.close()
  })

  it('a briefing lists the notes on what it covers and marks entities corrected here', () => {
    const store = openDefaultStore(tempDir())
    addWrittenNote(
      store.db,
      note({ entity: 'hikvision', text: 'A test note.', source: { publication: 'Example Filings' } }),
      'A. Writer',
    )
    addWrittenNote(
      store.db,
      note({ round: 'el-2019-10-84fr54002', text: 'Our reading.', assessment: true }),
      'A. Writer',
    )
    correctField(
      store.db,
      fieldCorrectionSchema.parse({
        type: 'entity',
        id: 'dahua',
        field: 'notes',
        value: 'A test correction.',
        source: { publication: 'Example Registry' },
      }),
      'A. Writer',
    )
    const data = collectBriefing(
      store.db,
      briefingSettingsSchema.parse({
        scope: { kind: 'rounds', roundIds: ['el-2019-10-84fr54002'] },
        title: 'T',
      }),
      '2026-12-06',
    )
    expect(data.notes.map(({ on, note: n, sourceNumber }) => [on, n.text, sourceNumber !== null])).toEqual([
      ['Hikvision', 'A test note.', true],
      ['84 FR 54002', 'Our reading.', false],
    ])
    expect(data.entities.filter((e) => e.correctedHere).map((e) => e.id)).toEqual(['dahua'])
    store.close()
  })

  it('edits a note: its own source is rewritten, and dropped when it becomes an assessment; undo restores it', () => {
    const store = openDefaultStore(tempDir())
    const added = addWrittenNote(
      store.db,
      note({ entity: 'hikvision', text: 'First text.', source: { publication: 'Example Filings' } }),
      'A. Writer',
    )
    const [sourceId, noteId] = added.recordIds
    const afterAdd = dumpStore(store.db, { changeRecord: false })
    const rewritten = editWrittenNote(
      store.db,
      noteId,
      note({
        entity: 'hikvision',
        text: 'Second text.',
        source: { publication: 'Example Filings, 2nd ed.' },
      }),
      'A. Writer',
    )
    expect(rewritten.recordIds).toEqual([sourceId, noteId])
    expect(readRecord(store.db, 'source', sourceId)).toMatchObject({
      publication: 'Example Filings, 2nd ed.',
    })
    const assessed = editWrittenNote(
      store.db,
      noteId,
      note({ entity: 'hikvision', text: 'Now our view.', assessment: true }),
      'A. Writer',
    )
    expect(assessed.recordIds).toEqual([noteId, sourceId])
    expect(readRecord(store.db, 'note', noteId)).toMatchObject({ source: null, assessment: true })
    expect(readRecord(store.db, 'source', sourceId)).toBeNull()
    undoLatestImport(store.db, assessed.edit.id)
    undoLatestImport(store.db, rewritten.edit.id)
    expect(dumpStore(store.db, { changeRecord: false })).toBe(afterAdd)
    store.close()
  })
})
