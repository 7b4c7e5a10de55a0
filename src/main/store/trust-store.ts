import type Database from 'better-sqlite3'
import type { TrustedKey } from '../../shared/updates'
import type { KeyLookup } from '../bundles/bundle-reader'
import { normaliseFingerprint, type PublicKeyFile } from '../bundles/keys'

type Db = Database.Database

interface KeyRow {
  fingerprint: string
  publisher: string
  public_key: string
  created: string
  expires: string
  added_at: string
}

function toTrustedKey(row: KeyRow, now: Date): TrustedKey {
  return {
    fingerprint: row.fingerprint,
    publisher: row.publisher,
    created: row.created,
    expires: row.expires,
    addedAt: row.added_at,
    expired: Date.parse(row.expires) < now.getTime(),
  }
}

export function listTrustedKeys(db: Db, now: Date = new Date()): TrustedKey[] {
  const rows = db.prepare('SELECT * FROM trusted_keys ORDER BY publisher, added_at').all() as KeyRow[]
  return rows.map((row) => toTrustedKey(row, now))
}

/** Adds (or refreshes) a publisher key; one statement, so it lands whole. */
export function addTrustedKey(db: Db, key: PublicKeyFile, now: Date = new Date()): TrustedKey {
  db.prepare(
    `INSERT INTO trusted_keys (fingerprint, publisher, public_key, created, expires, added_at)
     VALUES (@keyId, @publisher, @publicKey, @created, @expires, @addedAt)
     ON CONFLICT(fingerprint) DO UPDATE SET publisher = excluded.publisher, expires = excluded.expires`,
  ).run({
    keyId: key.keyId,
    publisher: key.publisher,
    publicKey: key.publicKey,
    created: key.created,
    expires: key.expires,
    addedAt: now.toISOString(),
  })
  const row = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(key.keyId) as KeyRow
  return toTrustedKey(row, now)
}

/** Removes a key by fingerprint (spaces and case ignored); returns whether one was removed. */
export function removeTrustedKey(db: Db, fingerprint: string): boolean {
  return (
    db.prepare('DELETE FROM trusted_keys WHERE fingerprint = ?').run(normaliseFingerprint(fingerprint))
      .changes > 0
  )
}

export function trustStoreLookup(db: Db): KeyLookup {
  return (keyId) => {
    const row = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(keyId) as
      KeyRow | undefined
    if (!row) return null
    return {
      format: 'sanctions-briefing-public-key',
      algorithm: 'ed25519',
      publisher: row.publisher,
      keyId: row.fingerprint,
      publicKey: row.public_key,
      created: row.created,
      expires: row.expires,
    }
  }
}

/** A lookup that trusts exactly one key file (bundle verify --trust). */
export function singleKeyLookup(key: PublicKeyFile): KeyLookup {
  return (keyId) => (keyId === key.keyId ? key : null)
}
