import type Database from 'better-sqlite3'
import { statement } from './statement-cache'
import { stateOf } from './connection-state'

type Db = Database.Database

/** Rows per INSERT: one call into SQLite instead of a hundred (a third of the time at 300,000 rows). */
const ROWS_PER_STATEMENT = 100
/** New records gathered before their rows are written. */
const RECORDS_PER_FLUSH = 200

/**
 * A table that new records' rows are inserted into. `rank` orders the tables when batched rows are
 * written: a table comes after those its rows refer to, as the store checks every reference as it
 * writes.
 */
export class RowTable {
  private readonly sqlByRows = new Map<number, string>()

  constructor(
    readonly table: string,
    readonly columns: string[],
    readonly rank: number,
    /** 'INSERT OR IGNORE' where a list may name a value twice (an entity's sectors). */
    private readonly verb = 'INSERT',
  ) {}

  sql(rows: number): string {
    let sql = this.sqlByRows.get(rows)
    if (!sql) {
      const row = `(${this.columns.map(() => '?').join(', ')})`
      sql = `${this.verb} INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`
      this.sqlByRows.set(rows, sql)
    }
    return sql
  }

  insert(db: Db, values: unknown[]): void {
    const width = this.columns.length
    let start = 0
    if (values.length >= ROWS_PER_STATEMENT * width) {
      const many = statement(db, this.sql(ROWS_PER_STATEMENT))
      for (; values.length - start >= ROWS_PER_STATEMENT * width; start += ROWS_PER_STATEMENT * width)
        many.run(values.slice(start, start + ROWS_PER_STATEMENT * width))
    }
    if (start === values.length) return
    const one = statement(db, this.sql(1))
    for (; start < values.length; start += width) one.run(values.slice(start, start + width))
  }
}

/**
 * The rows of new records, written many per statement. Inside `withRowBatches` a new record's rows
 * wait here; every other write, and every read that may see them, first calls `flushRowBatches`.
 * A reference to nothing is found when the rows are written, perhaps a batch after the record that
 * made it; each record therefore leaves a way to explain its references, tried in order on failure.
 */
export class RowBatches {
  private readonly values = new Map<RowTable, unknown[]>()
  private explanations: (() => void)[] = []

  add(table: RowTable, row: unknown[]): void {
    let values = this.values.get(table)
    if (!values) {
      values = []
      this.values.set(table, values)
    }
    for (const value of row) values.push(value)
  }

  /** Ends a new record: `explain` throws if one of its references points to nothing. */
  recordDone(db: Db, explain: () => void): void {
    this.explanations.push(explain)
    if (this.explanations.length >= RECORDS_PER_FLUSH) this.flush(db)
  }

  flush(db: Db): void {
    if (this.values.size === 0) return
    const tables = [...this.values.entries()].sort(([a], [b]) => a.rank - b.rank)
    const explanations = this.explanations
    this.values.clear()
    this.explanations = []
    try {
      for (const [table, values] of tables) table.insert(db, values)
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        for (const explain of explanations) explain()
      throw error
    }
  }
}

/** Runs `work` with new records' rows batched, and writes what is left when it returns. */
export function withRowBatches<T>(db: Db, work: () => T): T {
  const state = stateOf(db)
  if (state.rowBatches) return work()
  const batches = new RowBatches()
  state.rowBatches = batches
  try {
    const result = work()
    batches.flush(db)
    return result
  } finally {
    state.rowBatches = null
  }
}

/** Inserts a row now, or, for a new record inside `withRowBatches`, with the next batch. */
export function insertRow(db: Db, table: RowTable, row: unknown[], isNew: boolean): void {
  const batches = isNew ? stateOf(db).rowBatches : null
  if (batches) batches.add(table, row)
  else statement(db, table.sql(1)).run(row)
}

/** Reports a new record's rows all given (see RowBatches.recordDone); nothing outside `withRowBatches`. */
export function newRecordDone(db: Db, explain: () => void): void {
  stateOf(db).rowBatches?.recordDone(db, explain)
}

/** Writes the waiting rows: before any other write or a read that may concern them. */
export function flushRowBatches(db: Db): void {
  stateOf(db).rowBatches?.flush(db)
}
