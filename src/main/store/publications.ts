import type Database from 'better-sqlite3'
import type { Publication, SigningKey } from '../../shared/local-edits'
import { statement } from './statement-cache'

type Db = Database.Database

/** The keys made in the app, newest first, without their (encrypted) private part. */
export function listSigningKeys(db: Db): SigningKey[] {
  return statement(
    db,
    'SELECT key_id AS keyId, publisher, created, expires FROM signing_keys ORDER BY created DESC',
  ).all() as SigningKey[]
}

export function keepSigningKey(db: Db, key: SigningKey, encryptedFile: string): void {
  statement(
    db,
    'INSERT INTO signing_keys (key_id, publisher, created, expires, encrypted_file) VALUES (?, ?, ?, ?, ?)',
  ).run(key.keyId, key.publisher, key.created, key.expires, encryptedFile)
}

/** The encrypted key file of a key made in the app, or null. */
export function encryptedSigningKey(db: Db, keyId: string): string | null {
  return (
    (statement(db, 'SELECT encrypted_file FROM signing_keys WHERE key_id = ?').pluck().get(keyId) as
      string | undefined) ?? null
  )
}

type PublicationRow = Omit<Publication, 'edits'> & { edits: string }

export function listPublications(db: Db): Publication[] {
  return (
    statement(
      db,
      `SELECT id, key_id AS keyId, publisher, sequence, published_at AS publishedAt, last_edit AS lastEdit,
         edits, operations, file_name AS fileName FROM publications ORDER BY id DESC`,
    ).all() as PublicationRow[]
  ).map((row) => ({ ...row, edits: JSON.parse(row.edits) as number[] }))
}

/** Every local edit some publication holds. */
export function publishedEditIds(db: Db): Set<number> {
  const lists = statement(db, 'SELECT edits FROM publications').pluck().all() as string[]
  return new Set(lists.flatMap((edits) => JSON.parse(edits) as number[]))
}

/** The highest sequence this store published under a publisher's name (0 when none). */
export function lastPublishedSequence(db: Db, publisher: string): number {
  return statement(db, 'SELECT coalesce(max(sequence), 0) FROM publications WHERE publisher = ?')
    .pluck()
    .get(publisher) as number
}

export function recordPublication(db: Db, publication: Omit<Publication, 'id'>): Publication {
  const id = Number(
    statement(
      db,
      `INSERT INTO publications (key_id, publisher, sequence, published_at, last_edit, edits, operations, file_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      publication.keyId,
      publication.publisher,
      publication.sequence,
      publication.publishedAt,
      publication.lastEdit,
      JSON.stringify(publication.edits),
      publication.operations,
      publication.fileName,
    ).lastInsertRowid,
  )
  return { id, ...publication }
}
