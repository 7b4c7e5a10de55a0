import { describe, expect, it } from 'vitest'
import { fieldCorrectionSchema, writtenReactionSchema, type FieldCorrection } from '../../shared/local-edits'
import type { ConflictDecisions } from '../../shared/updates'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { undoLatestImport } from '../bundles/import-bundle'
import { publicPartOf } from '../bundles/keys'
import type { Store } from '../store/open-store'
import { readRecord } from '../store/read-record'
import { addTrustedKey, trustStoreLookup } from '../store/trust-store'
import { makePublisher, packOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { applyImport, previewImport } from '../test-support/import-bundles'
import { useTempDir } from '../test-support/temp-dir'
import { correctField } from './field-corrections'
import { addWrittenReaction } from './written-reactions'

const tempDir = useTempDir()
const { privateFile } = makePublisher('Test Publisher', 3650, new Date())

// Test values, marked as such: no real name is invented.
const MINE = '云从科技（测试更正）'
const THEIRS = '云从科技（测试出版者）'

const correction = (value: string): FieldCorrection =>
  fieldCorrectionSchema.parse({
    type: 'entity',
    id: 'cloudwalk',
    field: 'originalName',
    value,
    source: { publication: 'Example Registry', url: 'https://example.org/registry' },
    reason: 'test correction',
  })

async function bundle(store: Store, operations: unknown[], sequence: number) {
  return readVerifiedBundle(
    await packOperations(privateFile, operations, { sequence, now: new Date() }),
    trustStoreLookup(store.db),
  )
}

const theirName = (value: string) => ({
  op: 'correct',
  type: 'entity',
  id: 'cloudwalk',
  field: 'originalName',
  value,
  reason: 'the publisher says so',
})
const theirNotes = {
  op: 'correct',
  type: 'entity',
  id: 'cloudwalk',
  field: 'notes',
  value: 'Publisher note.',
  reason: null,
}

function apply(store: Store, update: Awaited<ReturnType<typeof bundle>>, decisions?: ConflictDecisions) {
  return applyImport(store.db, update, { confirmed: true, conflictDecisions: decisions })
}

describe('local edits across updates', () => {
  it('shows a correction the update would overwrite as a conflict, and keeps or takes it as decided', async () => {
    const store = openDefaultStore(tempDir())
    addTrustedKey(store.db, publicPartOf(privateFile))
    const corrected = correctField(store.db, correction(MINE), 'A. Writer')
    const localSource = corrected.recordIds[0]
    expect(readRecord(store.db, 'entity', 'cloudwalk')).toMatchObject({ originalName: MINE })
    expect(readRecord(store.db, 'entity', 'cloudwalk')!.sources).toContainEqual({
      source: localSource,
      supports: 'the corrected original-script name',
    })

    const update = await bundle(store, [theirName(THEIRS), theirNotes], 1)
    const preview = previewImport(store.db, update)
    // The notes are not the user's: no conflict there.
    expect(preview.conflicts).toEqual([
      {
        key: 'entity:cloudwalk:originalName',
        type: 'entity',
        id: 'cloudwalk',
        label: expect.stringMatching(/CloudWalk/i),
        field: 'originalName',
        mine: MINE,
        theirs: THEIRS,
      },
    ])

    // Undecided: refused, nothing changed.
    const before = dumpStore(store.db)
    expect(() => apply(store, update)).toThrow(
      /This update changes something you edited in the app: .*originalName/,
    )
    expect(dumpStore(store.db)).toBe(before)

    // Keep mine: the correction and its source stay; the rest of the update is taken.
    const kept = apply(store, update, { 'entity:cloudwalk:originalName': 'mine' })
    expect(readRecord(store.db, 'entity', 'cloudwalk')).toMatchObject({
      originalName: MINE,
      notes: 'Publisher note.',
    })
    expect(readRecord(store.db, 'entity', 'cloudwalk')!.sources.map((c) => c.source)).toContain(localSource)
    // Still the user's: the next update that changes it asks again.
    const again = await bundle(store, [theirName(`${THEIRS}2`)], 2)
    expect(previewImport(store.db, again).conflicts.map((c) => c.key)).toEqual([
      'entity:cloudwalk:originalName',
    ])

    // Undo, then take theirs: the update's value, and the field is no longer the user's.
    undoLatestImport(store.db, kept.entry!.id)
    expect(dumpStore(store.db)).toBe(before)
    apply(store, update, { 'entity:cloudwalk:originalName': 'theirs' })
    expect(readRecord(store.db, 'entity', 'cloudwalk')).toMatchObject({ originalName: THEIRS })
    expect(previewImport(store.db, again).conflicts).toEqual([])
    store.close()
  })

  it('asks before an update removes a reaction the user wrote, and keeps it if told', async () => {
    const store = openDefaultStore(tempDir())
    addTrustedKey(store.db, publicPartOf(privateFile))
    const written = addWrittenReaction(
      store.db,
      writtenReactionSchema.parse({
        text: 'The company said it would study the listing.',
        textKind: 'paraphrase',
        organisationKind: 'company',
        source: { publication: 'Example Wire' },
      }),
      'A. Writer',
    )
    const reactionId = written.recordIds[1]
    const update = await bundle(
      store,
      [{ op: 'retire', type: 'reaction', id: reactionId, reason: 'withdrawn' }],
      1,
    )
    expect(previewImport(store.db, update).conflicts).toMatchObject([
      { key: `reaction:${reactionId}:*`, field: null, theirs: null },
    ])
    expect(() => apply(store, update)).toThrow(/you edited in the app: .*\(removed\)/)
    apply(store, update, { [`reaction:${reactionId}:*`]: 'mine' })
    expect(readRecord(store.db, 'reaction', reactionId)).not.toBeNull()
    store.close()
  })
})
