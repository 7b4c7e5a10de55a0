import type Database from 'better-sqlite3'
import type { LocalEdit, Publication } from '../../shared/local-edits'
import { slug } from '../../shared/slug'
import { RECORD_TYPES, type Operation, type RecordType } from '../bundles/bundle-format'
import { createBundleOfOperations } from '../bundles/bundle-writer'
import type { PrivateKeyFile } from '../bundles/keys'
import { latestSequence } from '../store/imports'
import { listLocalEdits } from '../store/local-edit-rows'
import { getMeta } from '../store/meta'
import { lastPublishedSequence, publishedEditIds, recordPublication } from '../store/publications'
import { recordedChangesOf } from '../store/changes-query'
import { readRecord } from '../store/read-record'
import { UserError } from '../user-error'

type Db = Database.Database

/**
 * The local edits a publication may hold, oldest first: those still applied that no publication holds
 * yet, or with `since` (an edit id) those still applied after it.
 */
export function editsToPublish(db: Db, since?: number): LocalEdit[] {
  const published = since === undefined ? publishedEditIds(db) : new Set<number>()
  return listLocalEdits(db)
    .filter((edit) => edit.status === 'applied' && edit.id > (since ?? 0) && !published.has(edit.id))
    .reverse()
}

/**
 * What the edits did, as bundle operations: each record they touched as the store has it now (an
 * upsert), or a retirement of one they removed that existed before them. A record they added and then
 * removed is left out: the receiving store never had it. Sources come before what cites them, as in
 * every bundle (the reader orders operations by kind).
 */
export function publishedOperations(db: Db, editIds: number[]): Operation[] {
  if (editIds.length === 0) return []
  const rows = recordedChangesOf(db, editIds)
  const firstKind = new Map<string, (typeof rows)[number]>()
  for (const row of rows) {
    const key = `${row.type}\u0000${row.id}`
    if (!firstKind.has(key)) firstKind.set(key, row)
  }
  const operations: Operation[] = []
  for (const { type, id, kind } of firstKind.values()) {
    if (!(RECORD_TYPES as readonly string[]).includes(type)) continue
    const record = readRecord(db, type as RecordType, id)
    if (record) operations.push({ op: 'upsert', type, record } as Operation)
    else if (kind !== 'new')
      operations.push({ op: 'retire', type, id, reason: 'removed by the publisher' } as Operation)
  }
  return operations
}

export interface PublishRequest {
  key: PrivateKeyFile
  /** Publish the edits after this one (an edit id); default: those no publication holds yet. */
  since?: number
  /** Only these of them (a set the writer chose); default: all. */
  editIds?: number[]
  /** Default: 90 days after publication. */
  expires?: Date
  now?: Date
}

/**
 * Signs the local edits not yet published into a bundle with the next sequence number of the key's
 * publisher, and remembers the publication. Refused when there is nothing to publish.
 */
export async function publishLocalEdits(
  db: Db,
  request: PublishRequest,
): Promise<{ bytes: Buffer; publication: Publication }> {
  const now = request.now ?? new Date()
  const candidates = editsToPublish(db, request.since)
  const chosen = request.editIds ? new Set(request.editIds) : null
  if (chosen) {
    const open = new Set(candidates.map((edit) => edit.id))
    const other = [...chosen].find((id) => !open.has(id))
    if (other !== undefined)
      throw new UserError(
        `Edit ${other} is not a local edit waiting to be published (applied, and in no publication). Nothing was written.`,
        'invalid',
      )
  }
  const edits = chosen ? candidates.filter((edit) => chosen.has(edit.id)) : candidates
  const operations = publishedOperations(
    db,
    edits.map((edit) => edit.id),
  )
  if (operations.length === 0)
    throw new UserError(
      'There are no local edits to publish (none since the last publication, or they cancel out). Nothing was written.',
      'conflict',
      'NothingToPublish',
    )
  const { publisher } = request.key
  const sequence = Math.max(lastPublishedSequence(db, publisher), latestSequence(db, publisher) ?? 0) + 1
  const bytes = await createBundleOfOperations({
    key: request.key,
    operations,
    payloadName: 'local-edits',
    sequence,
    expires: request.expires,
    dataAsOf: getMeta(db, 'data_as_of') ?? now.toISOString().slice(0, 10),
    now,
  })
  const publication = recordPublication(db, {
    keyId: request.key.keyId,
    publisher,
    sequence,
    publishedAt: now.toISOString(),
    lastEdit: edits[edits.length - 1].id,
    edits: edits.map((edit) => edit.id),
    operations: operations.length,
    fileName: `${slug(publisher, 'publisher')}-${sequence}.sbb`,
  })
  return { bytes, publication }
}
