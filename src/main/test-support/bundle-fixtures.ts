import { packBundle } from '../bundles/bundle-writer'
import { generateKeyPair, type PrivateKeyFile } from '../bundles/keys'

export const NOW = new Date('2026-11-29T12:00:00Z')

export function makePublisher(name = 'Test Publisher', validDays = 365, now = NOW) {
  return generateKeyPair(name, validDays, now)
}

export function jsonl(operations: unknown[]): Buffer {
  return Buffer.from(operations.map((op) => JSON.stringify(op)).join('\n') + '\n')
}

/** Signs operations as one payload, skipping the writer's line checks so tests can sign bad content. */
export function packOperations(
  key: PrivateKeyFile,
  operations: unknown[],
  options: { sequence?: number; expires?: Date; now?: Date; path?: string } = {},
): Promise<Buffer> {
  return packBundle({
    key,
    payloads: [{ path: options.path ?? 'payload/changes.jsonl', content: jsonl(operations) }],
    sequence: options.sequence ?? 1,
    expires: options.expires,
    now: options.now ?? NOW,
    dataAsOf: '2026-11-28',
  })
}

/** A realistic update: a new source, a new entity with a designation, a reaction, a correction, a retirement. */
export function sampleOperations(): unknown[] {
  return [
    {
      op: 'upsert',
      type: 'source',
      record: {
        id: 'test-source',
        publication: 'Test Gazette',
        title: 'A test notice',
        date: '2026-11-01',
        url: 'https://example.org/notice',
        reliability: 'primary',
      },
    },
    {
      op: 'upsert',
      type: 'entity',
      record: {
        id: 'test-entity',
        name: 'Example Optics Ltd.',
        originalName: '示例光学有限公司',
        type: 'company',
        country: 'CN',
        aliases: ['Example Optics'],
        sectors: ['optics'],
        sources: [{ source: 'test-source', supports: 'name' }],
      },
    },
    {
      op: 'upsert',
      type: 'designation',
      record: {
        id: 'el-2019-10-84fr54002.test-entity',
        entity: 'test-entity',
        round: 'el-2019-10-84fr54002',
        action: 'added',
        licenseRequirement: 'All items subject to the EAR',
        licensePolicy: 'Presumption of denial',
        citation: '84 FR 54002, 10/9/19',
        source: 'test-source',
      },
    },
    {
      op: 'upsert',
      type: 'reaction',
      record: {
        id: 'test-reaction',
        organisation: 'Example Optics Ltd.',
        organisationKind: 'company',
        text: 'We regret the decision.',
        textKind: 'verbatim',
        language: 'en',
        dateSaid: '2026-11-02',
        rounds: ['el-2019-10-84fr54002'],
        entities: ['test-entity'],
        source: 'test-source',
      },
    },
    { op: 'correct', type: 'entity', id: 'yixin', field: 'notes', value: 'Corrected by the test bundle.' },
    { op: 'retire', type: 'reaction', id: 'hikvision-2019-10-08-sdm', reason: 'Fragment superseded.' },
  ]
}
