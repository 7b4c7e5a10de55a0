import { describe, expect, it } from 'vitest'
import { applyTestOperations, undoLatest } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { applyImport } from '../test-support/import-bundles'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { addTrustedKey, trustStoreLookup } from './trust-store'
import { plainFirstPage } from './entity-first-page'
import { queryEntities, type EntityQuery } from './entity-query'
import { recordsVersion } from './data-version'
import { getMeta, setMeta } from './meta'
import { writeRecords } from './transactions'

const tempDir = useTempDir()
const PLAIN: EntityQuery = { search: '', filters: {}, sort: [], offset: 0, limit: 100 }

describe('writeRecords, the one path records are written by', () => {
  it('leaves the first view facets kept for what every kind of write wrote', async () => {
    const store = openDefaultStore(tempDir())
    const publisher = makePublisher()
    addTrustedKey(store.db, publisher.publicFile, NOW)
    /** The kept counts are those of the records now, and the first view serves them. */
    const expectKeptAndServed = (after: string) => {
      const kept = JSON.parse(getMeta(store.db, 'plain_facets')!)
      expect(kept.facets, after).toEqual(queryEntities(store.db, { ...PLAIN, filters: {} }).facets)
      kept.facets.type[0].label = 'KEPT'
      setMeta(store.db, 'plain_facets', JSON.stringify(kept))
      expect(plainFirstPage(store.db, PLAIN).facets!.type[0].label, after).toBe('KEPT')
    }
    expectKeptAndServed('the default dataset')
    const bundle = await readVerifiedBundle(
      await packOperations(publisher.privateFile, sampleOperations()),
      trustStoreLookup(store.db),
      NOW,
    )
    applyImport(store.db, bundle, { now: NOW })
    expectKeptAndServed('an import')
    undoLatest(store.db, NOW)
    expectKeptAndServed('its undo')
    applyTestOperations(store, [
      { op: 'upsert', type: 'source', record: { id: 'wp', publication: 'W', reliability: 'primary' } },
      {
        op: 'upsert',
        type: 'entity',
        record: { id: 'wp-co', name: 'Write Path Co', type: 'company', sources: [{ source: 'wp' }] },
      },
    ])
    expectKeptAndServed('test data')
    store.close()
  })

  it('tells the caches built from records that they may be out of date, also when the write fails', () => {
    const store = openDefaultStore(tempDir())
    const version = recordsVersion(store.db)
    const entities = queryEntities(store.db, PLAIN).total
    expect(() =>
      writeRecords(store.db, () => {
        applyTestOperations(store, [
          { op: 'upsert', type: 'source', record: { id: 'gone', publication: 'G', reliability: 'primary' } },
        ])
        throw new Error('the write fails half-way')
      }),
    ).toThrow('the write fails half-way')
    expect(recordsVersion(store.db)).not.toBe(version)
    expect(queryEntities(store.db, PLAIN).total).toBe(entities)
    expect(getMeta(store.db, 'plain_facets')).not.toBeNull()
    store.close()
  })
})
