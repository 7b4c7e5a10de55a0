import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { RECORD_TYPES, type LocatedOperation, type RecordType } from './bundle-format'

type OperationKind = LocatedOperation['operation']['op']

/** How many operations are kept in memory before every group goes to a temporary file. */
const DEFAULT_SPILL_AFTER = 100_000
const WRITE_CHUNK_BYTES = 1024 * 1024
const READ_CHUNK_BYTES = 1024 * 1024

/** Apply order: upserts and corrections after what they refer to, retirements before it. */
const GROUP_ORDER: [OperationKind, RecordType][] = [
  ...RECORD_TYPES.map((type) => ['upsert', type] as [OperationKind, RecordType]),
  ...RECORD_TYPES.map((type) => ['correct', type] as [OperationKind, RecordType]),
  ...[...RECORD_TYPES].reverse().map((type) => ['retire', type] as [OperationKind, RecordType]),
]
const groupIndex = (op: OperationKind, type: RecordType) =>
  GROUP_ORDER.findIndex(([o, t]) => o === op && t === type)

export const recordIdOf = (operation: LocatedOperation['operation']): string =>
  operation.op === 'upsert' ? operation.record.id : operation.id

const FOLDER_PREFIX = 'sanctions-briefing-operations-'
/** A folder this old is no import's any more: its process was killed before it could remove it. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000

/** Temporary folders still on disk, removed when the process exits. */
const openFolders = new Set<string>()
process.once('exit', () => {
  for (const folder of openFolders) fs.rmSync(folder, { recursive: true, force: true })
})

let staleSwept = false
/** Removes what killed processes left behind (a kill skips the exit handler); spills do it once per process. */
export function sweepStaleFolders(now = Date.now()): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(FOLDER_PREFIX)) continue
      const folder = path.join(os.tmpdir(), name)
      if (now - fs.statSync(folder).mtimeMs > STALE_AFTER_MS)
        fs.rmSync(folder, { recursive: true, force: true })
    }
  } catch {
    // Another process may be removing the same folders; what is left is swept next time.
  }
}

/**
 * The validated operations of an update, grouped in the order they are applied (a stable order within
 * each group) and readable as often as needed (a preview, then the apply). Small updates stay in memory;
 * a large one is spilled to a temporary folder as JSON Lines and read back a megabyte at a time, so a
 * million-entity bundle is never held whole (its parsed operations alone took 1.7 GB).
 */
export class OperationSpool {
  private readonly groups: LocatedOperation[][] = GROUP_ORDER.map(() => [])
  private readonly files: (SpilledGroup | null)[] = GROUP_ORDER.map(() => null)
  private readonly ids = new Map<RecordType, string[]>(RECORD_TYPES.map((type) => [type, []]))
  private folder: string | null = null
  private total = 0
  private entityWrites = 0

  constructor(private readonly spillAfter = DEFAULT_SPILL_AFTER) {}

  static of(operations: Iterable<LocatedOperation>, spillAfter?: number): OperationSpool {
    const spool = new OperationSpool(spillAfter)
    for (const located of operations) spool.add(located)
    return spool
  }

  add(located: LocatedOperation): void {
    const { operation } = located
    const index = groupIndex(operation.op, operation.type)
    this.total++
    if (operation.type === 'entity' && operation.op !== 'retire') this.entityWrites++
    this.ids.get(operation.type)!.push(recordIdOf(operation))
    if (this.folder === null && this.total > this.spillAfter) this.spill()
    if (this.folder === null) this.groups[index].push(located)
    else this.fileFor(index).write(located)
  }

  /** How many operations there are. */
  get count(): number {
    return this.total
  }

  /** How many operations write an entity (its search index is rebuilt for each). */
  get entityWriteCount(): number {
    return this.entityWrites
  }

  /** Every record id the operations name, by type, in the order they were added. */
  idsOfType(type: RecordType): readonly string[] {
    return this.ids.get(type)!
  }

  /** Whether the operations are on disk rather than in memory. */
  get spilled(): boolean {
    return this.folder !== null
  }

  /** The operations in the order they are applied. */
  *inApplyOrder(): Generator<LocatedOperation> {
    for (let index = 0; index < GROUP_ORDER.length; index++) {
      const file = this.files[index]
      if (file) yield* file.read()
      else yield* this.groups[index]
    }
  }

  /** Removes the temporary files; the spool is empty afterwards. */
  discard(): void {
    for (const file of this.files) file?.close()
    this.files.fill(null)
    for (const group of this.groups) group.length = 0
    if (this.folder) {
      fs.rmSync(this.folder, { recursive: true, force: true })
      openFolders.delete(this.folder)
      this.folder = null
    }
  }

  private spill(): void {
    if (!staleSwept) sweepStaleFolders()
    staleSwept = true
    this.folder = fs.mkdtempSync(path.join(os.tmpdir(), FOLDER_PREFIX))
    openFolders.add(this.folder)
    this.groups.forEach((group, index) => {
      if (group.length === 0) return
      const file = this.fileFor(index)
      for (const located of group) file.write(located)
      group.length = 0
    })
  }

  private fileFor(index: number): SpilledGroup {
    return (this.files[index] ??= new SpilledGroup(path.join(this.folder!, `${index}.jsonl`)))
  }
}

/** One group's operations in a file of its own, one `[file, line, operation]` JSON array a line. */
class SpilledGroup {
  private readonly fd: number
  private pending: string[] = []
  private pendingLength = 0

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w+', 0o600)
  }

  write({ file, line, operation }: LocatedOperation): void {
    const text = `${JSON.stringify([file, line, operation])}\n`
    this.pending.push(text)
    this.pendingLength += text.length
    if (this.pendingLength >= WRITE_CHUNK_BYTES) this.flush()
  }

  *read(): Generator<LocatedOperation> {
    this.flush()
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES)
    let carried = Buffer.alloc(0)
    let position = 0
    for (;;) {
      const read = fs.readSync(this.fd, buffer, 0, buffer.length, position)
      if (read === 0) break
      position += read
      const chunk = carried.length
        ? Buffer.concat([carried, buffer.subarray(0, read)])
        : buffer.subarray(0, read)
      let start = 0
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const [file, line, operation] = JSON.parse(chunk.toString('utf8', start, end)) as [
          string,
          number,
          LocatedOperation['operation'],
        ]
        yield { file, line, operation }
        start = end + 1
      }
      // Copied: the read buffer is filled again on the next turn.
      carried = Buffer.from(chunk.subarray(start))
    }
  }

  close(): void {
    fs.closeSync(this.fd)
  }

  private flush(): void {
    if (this.pending.length === 0) return
    fs.writeSync(this.fd, this.pending.join(''))
    this.pending = []
    this.pendingLength = 0
  }
}
