import { describe, expect, it } from 'vitest'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { searchIndex, withoutIndexWrites } from './search-index'

const tempDir = useTempDir()

const entity = (id: string, name: string, aliases: string[] = []) => ({
  op: 'upsert',
  type: 'entity',
  record: {
    id,
    name,
    type: 'company',
    aliases,
    sources: [{ source: 'rank-src' }],
  },
})

function storeWithQuillmarks() {
  const store = openDefaultStore(tempDir())
  applyTestOperations(store, [
    { op: 'upsert', type: 'source', record: { id: 'rank-src', publication: 'Test', reliability: 'primary' } },
    // Written first, so the store's own order would put the reaction and the alias ahead of the names.
    {
      op: 'upsert',
      type: 'reaction',
      record: {
        id: 'rank-reaction',
        organisation: 'Someone',
        organisationKind: 'company',
        text: 'Quillmark was listed today.',
        textKind: 'verbatim',
        language: 'en',
        rounds: ['el-2019-10-84fr54002'],
        entities: [],
        source: 'rank-src',
      },
    },
    entity('rank-alias', 'Zedora Trading', ['Quillmark Trading']),
    entity('rank-long', 'Quillmark Holdings Group International'),
    entity('rank-medium', 'Quillmark Optics'),
    entity('rank-exact', 'Quillmark'),
  ])
  return store
}

describe('search ranking', () => {
  it('puts an exact name first, then names, shorter first, then aliases, then reactions', () => {
    const store = storeWithQuillmarks()
    try {
      expect(searchIndex(store.db, 'quillmark', 10).map((hit) => [hit.id, hit.matchedField])).toEqual([
        ['rank-exact', 'name'],
        ['rank-medium', 'name'],
        ['rank-long', 'name'],
        ['rank-alias', 'alias'],
        ['rank-reaction', 'quote'],
      ])
      // A prefix ranks the same way, without the exact match.
      expect(searchIndex(store.db, 'quill', 10).map((hit) => hit.id)).toEqual([
        'rank-exact',
        'rank-medium',
        'rank-long',
        'rank-alias',
        'rank-reaction',
      ])
    } finally {
      store.close()
    }
  })

  it('finds every term across fields when no one field holds them all', () => {
    const store = storeWithQuillmarks()
    try {
      // "zedora" is in the name, "quillmark" only in the alias.
      expect(searchIndex(store.db, 'zedora quillmark', 10).map((hit) => hit.id)).toEqual(['rank-alias'])
    } finally {
      store.close()
    }
  })

  it('puts the name answering a repeated word first, among more matches than it ranks', () => {
    const store = openDefaultStore(tempDir())
    try {
      applyTestOperations(store, [
        {
          op: 'upsert',
          type: 'source',
          record: { id: 'rank-src', publication: 'Test', reliability: 'primary' },
        },
        ...Array.from({ length: 150 }, (_, i) => entity(`rank-${i}`, `Jiuzhou Trading ${i}`)),
        // Written last: the store's own order would leave it out of the first hundred matches.
        entity('rank-repeated', 'Jiuzhou Jiuzhou Jiuzhou Trading'),
      ])
      expect(searchIndex(store.db, 'jiuzhou jiuzhou jiuzhou', 5)[0].id).toBe('rank-repeated')
    } finally {
      store.close()
    }
  })

  it('writes no index rows for work that will be rolled back, such as a preview', () => {
    const store = openDefaultStore(tempDir())
    try {
      store.db.exec('SAVEPOINT preview')
      withoutIndexWrites(store.db, () =>
        applyTestOperations(store, [
          {
            op: 'upsert',
            type: 'source',
            record: { id: 'rank-src', publication: 'Test', reliability: 'primary' },
          },
          entity('rank-exact', 'Quillmark'),
        ]),
      )
      expect(store.db.prepare("SELECT count(*) FROM entities WHERE id = 'rank-exact'").pluck().get()).toBe(1)
      expect(searchIndex(store.db, 'quillmark', 5)).toEqual([])
      store.db.exec('ROLLBACK TO preview; RELEASE preview')
      // Written for real, the same entity is found.
      applyTestOperations(store, [
        {
          op: 'upsert',
          type: 'source',
          record: { id: 'rank-src', publication: 'Test', reliability: 'primary' },
        },
        entity('rank-exact', 'Quillmark'),
      ])
      expect(searchIndex(store.db, 'quillmark', 5).map((hit) => hit.id)).toEqual(['rank-exact'])
    } finally {
      store.close()
    }
  })
})
