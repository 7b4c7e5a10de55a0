import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { writtenSourceSchema } from '../../shared/local-edits'
import type { Operation } from '../bundles/bundle-format'
import { citationsOf } from '../store/read-record'

type Db = Database.Database

/** A source as the writer gave it (publication, title, date, link, words, reliability), as a record. */
export function writtenSourceOperation(
  id: string,
  source: z.output<typeof writtenSourceSchema>,
  /** Where the source's words go: a reaction keeps them as its excerpt, other records in the source. */
  keepWords = false,
): Operation {
  return {
    op: 'upsert',
    type: 'source',
    record: {
      id,
      publication: source.publication,
      title: source.title,
      date: source.date,
      url: source.url,
      reliability: source.reliability,
      note: keepWords ? source.excerpt : null,
    },
  } as Operation
}

/**
 * A source written in the app that nothing else cites: a correction rewrites it, a deletion removes it
 * with what cited it. An imported source is never touched.
 */
export function ownLocalSource(db: Db, sourceId: string | null): string | null {
  if (!sourceId?.startsWith('local-source-')) return null
  return citationsOf(db, sourceId) === 1 ? sourceId : null
}
