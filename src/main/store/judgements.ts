import type Database from 'better-sqlite3'
import type { Judgement } from '../../shared/updates'

type Db = Database.Database

/** A judgement to record: the listed party (by its key) is, or is not, this entity. */
export interface NewJudgement {
  partyKey: string
  partyLabel: string
  entityId: string
  verdict: 'same' | 'different'
}

/** What the user judged about each listed party: the entity it is, and those it is not. */
export interface KnownJudgements {
  same: Map<string, { entityId: string; decidedAt: string }>
  different: Map<string, Set<string>>
}

export function readJudgements(db: Db): KnownJudgements {
  const same = new Map<string, { entityId: string; decidedAt: string }>()
  const different = new Map<string, Set<string>>()
  for (const row of db
    .prepare('SELECT party_key, entity_id, verdict, decided_at FROM judgements ORDER BY id')
    .iterate() as Iterable<{ party_key: string; entity_id: string; verdict: string; decided_at: string }>) {
    if (row.verdict === 'same')
      same.set(row.party_key, { entityId: row.entity_id, decidedAt: row.decided_at })
    else different.set(row.party_key, (different.get(row.party_key) ?? new Set()).add(row.entity_id))
  }
  return { same, different }
}

/** Records judgements (inside the import's transaction, so undo takes them back with it). */
export function writeJudgements(
  db: Db,
  judgements: NewJudgement[],
  at: string,
  fileName: string | null,
): void {
  const upsert = db.prepare(
    `INSERT INTO judgements (party_key, party_label, entity_id, verdict, decided_at, file_name)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (party_key, entity_id) DO UPDATE SET verdict = excluded.verdict, decided_at = excluded.decided_at,
       file_name = excluded.file_name, party_label = excluded.party_label`,
  )
  for (const j of judgements) upsert.run(j.partyKey, j.partyLabel, j.entityId, j.verdict, at, fileName)
}

export function listJudgements(db: Db): Judgement[] {
  return db
    .prepare(
      `SELECT j.id, j.party_label AS party, j.entity_id AS entityId, e.primary_name AS entityName, j.verdict,
         j.decided_at AS decidedAt, j.file_name AS fileName
       FROM judgements j JOIN entities e ON e.id = j.entity_id ORDER BY j.id DESC`,
    )
    .all() as Judgement[]
}

/** Forgets one judgement: the next import asks about that party again. False when there is none. */
export function revokeJudgement(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM judgements WHERE id = ?').run(id).changes > 0
}
