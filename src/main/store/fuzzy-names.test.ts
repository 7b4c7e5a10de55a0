import { describe, expect, it } from 'vitest'
import { fieldCorrectionSchema } from '../../shared/local-edits'
import { undoLatestImport } from '../bundles/import-bundle'
import { correctField } from '../edits/field-corrections'
import { redoLocalEdit } from '../edits/local-edits'
import * as catalog from '../services/catalog-services'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { queryEntities } from './entity-query'
import { fuzzyEntityMatches } from './fuzzy-index'
import {
  bestNameMatch,
  foldName,
  jaroWinkler,
  nameForms,
  readEntityNames,
  type NameMatch,
} from './fuzzy-names'
import { foldToken } from './search-text'
import { pinyinForIndex } from './pinyin-text'
import { seededRandom } from '../../../bench/random'

const tempDir = useTempDir()
const page = { filters: {}, sort: [], offset: 0, limit: 50 }

describe('fuzzy name scores', () => {
  it('fold ASCII names by their shortcut exactly as by the Unicode rules', () => {
    // The Unicode rules written out (NFKC, accents off, case folded, other than letters and digits
    // to single spaces), against names of every ASCII character.
    const unicodeFold = (text: string) =>
      foldToken(text.normalize('NFKC'))
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    const random = seededRandom(7)
    for (let i = 0; i < 2_000; i++) {
      const name = Array.from({ length: Math.floor(random() * 30) }, () =>
        String.fromCharCode(Math.floor(random() * 128)),
      ).join('')
      expect(foldName(name), JSON.stringify(name)).toBe(unicodeFold(name))
    }
    expect(foldName('  ABU JHEISHEH,  Mohammed (a.k.a. "Abu") ')).toBe('abu jheisheh mohammed a k a abu')
  })

  it('match a plain Jaro–Winkler letter for letter, short names and long ones alike', () => {
    // The textbook algorithm, written out as simply as possible, is the reference.
    const reference = (a: string, b: string): number => {
      if (a === b) return 1
      const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
      const aMatched = a.split('').map(() => false)
      const bMatched = b.split('').map(() => false)
      let matches = 0
      for (let i = 0; i < a.length; i++)
        for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++)
          if (!bMatched[j] && a[i] === b[j]) {
            aMatched[i] = bMatched[j] = true
            matches++
            break
          }
      if (matches === 0) return 0
      const aLetters = [...a].filter((_, i) => aMatched[i])
      const bLetters = [...b].filter((_, j) => bMatched[j])
      const transpositions = aLetters.filter((letter, i) => letter !== bLetters[i]).length
      const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3
      let prefix = 0
      while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++
      return jaro + prefix * 0.1 * (1 - jaro)
    }
    const random = seededRandom(11)
    // Few letters, so that matches, windows and transpositions all occur; lengths on both sides of 32,
    // 64 and 96 (the bits of long names are kept in words of 32).
    const text = () =>
      Array.from(
        { length: 1 + Math.floor(random() * (random() < 0.7 ? 44 : 130)) },
        () => 'abcde fg'[Math.floor(random() * 8)],
      ).join('')
    for (let i = 0; i < 20_000; i++) {
      const a = text()
      const b = random() < 0.3 ? a.slice(1) + a[0] : text()
      expect(jaroWinkler(a, b), `${a} | ${b}`).toBe(reference(a, b))
    }
  })

  it('are Jaro–Winkler similarities: 1 for the same text, high for a typo, low for another name', () => {
    expect(jaroWinkler('hikvision', 'hikvision')).toBe(1)
    expect(jaroWinkler('hikvison', 'hikvision')).toBeGreaterThan(0.95)
    expect(jaroWinkler('hikvison', 'dahua technology')).toBeLessThan(0.6)
  })

  it('take the best name form: a word run, the name without spaces, or its pinyin', () => {
    const megvii = nameForms('Megvii Technology', '旷视科技', ['Megvii Technology Limited'])
    expect(bestNameMatch('Megvi', megvii)).toMatchObject({ field: 'name', score: 97 })
    const sensetime = nameForms('SenseTime', '商汤科技', [])
    expect(bestNameMatch('Sense Time', sensetime)).toMatchObject({ field: 'name', score: 100 })
    const cloudwalk = nameForms('CloudWalk Technology', '云从科技', [])
    expect(bestNameMatch('yun kong ke ji', cloudwalk)).toMatchObject({ field: 'pinyin', text: '云从科技' })
  })
})

describe('index text for names', () => {
  it('spells Chinese names in toneless pinyin, as syllables and run together, and nothing else', () => {
    expect(pinyinForIndex('云从科技')).toBe('yun cong ke ji yuncongkeji')
    // Words decide a character's reading; ü is written v; other characters are left out.
    expect(pinyinForIndex('重庆')).toBe('chong qing chongqing')
    expect(pinyinForIndex('女子')).toBe('nv zi nvzi')
    expect(pinyinForIndex('云从 Co. 2')).toBe('yun cong yuncong')
    expect(pinyinForIndex('SenseTime')).toBeNull()
    // Han characters pinyin-pro has no reading for give no syllables at all.
    expect(pinyinForIndex('𠀀𠀁')).toBeNull()
  })
})

describe('searching with a minimum score', () => {
  it('finds exactly the entities scoring every name of the default data finds, pinyin included', () => {
    const store = openDefaultStore(tempDir())
    try {
      const ids = store.db.prepare('SELECT id FROM entities').pluck().all() as string[]
      // The reference spells every Chinese name again with pinyin-pro (the index reads what was kept).
      const everyForm = ids.map((id) => {
        const names = readEntityNames(store.db, id)!
        return { id, forms: nameForms(names.primary, names.original, names.aliases) }
      })
      const queries = [
        'Sense Time',
        'Megvi',
        'Hikvison',
        'Yun Cong',
        'yun kong ke ji',
        'Dahau Technolgy',
        'Fiberhme',
      ]
      for (const minScore of [70, 85, 95])
        for (const query of queries) {
          const expected = new Map<string, NameMatch>()
          for (const { id, forms } of everyForm) {
            const best = bestNameMatch(query, forms)
            if (best.score >= minScore) expected.set(id, best)
          }
          const found = fuzzyEntityMatches(store.db, query, minScore)
          expect(new Map([...found].sort()), `${query} at ${minScore}`).toEqual(new Map([...expected].sort()))
        }
    } finally {
      store.close()
    }
  })

  it('finds misspellings only when the slider is below 100, with score and method', () => {
    const store = openDefaultStore(tempDir())
    try {
      expect(catalog.search(store, 'Hikvison').filter((h) => h.kind === 'entity')).toEqual([])
      const hits = catalog.search(store, 'Hikvison', 20, 90)
      expect(hits[0]).toMatchObject({ id: 'hikvision', method: 'fuzzy', matchedField: 'name', score: 98 })
      expect(hits.every((h) => h.kind !== 'entity' || h.score >= 90)).toBe(true)
      // Word matches keep their place ahead of fuzzy ones.
      expect(catalog.search(store, 'Megvi', 20, 80)[0]).toMatchObject({ id: 'megvii', method: 'words' })
    } finally {
      store.close()
    }
  })

  it('filters the Entities table the same way, and says why each row matched', () => {
    const store = openDefaultStore(tempDir())
    try {
      expect(queryEntities(store.db, { ...page, search: 'Hikvison' }).total).toBe(0)
      const fuzzy = queryEntities(store.db, { ...page, search: 'Hikvison', minScore: 90 })
      expect(fuzzy.rows.map((r) => r.id)).toEqual(['hikvision'])
      expect(fuzzy.matches!.hikvision).toEqual({
        score: 98,
        method: 'fuzzy',
        field: 'name',
        text: 'Hikvision',
      })
      const words = queryEntities(store.db, { ...page, search: 'Hikvision', minScore: 90 })
      expect(words.matches!.hikvision).toMatchObject({ score: 100, method: 'words' })
      expect(queryEntities(store.db, { ...page, search: '' }).matches).toBeNull()
    } finally {
      store.close()
    }
  })

  it('follows a local correction of a name, its undo and its redo', () => {
    const store = openDefaultStore(tempDir())
    try {
      // A test value, marked as such: no real name is invented.
      const corrected = 'Zorvath Testname Holdings'
      const misspelt = 'Zorvaht Testname Holdigns'
      const found = (query: string) => catalog.search(store, query, 20, 85).map((hit) => hit.id)
      expect(found(misspelt)).not.toContain('cloudwalk')
      const { edit } = correctField(
        store.db,
        fieldCorrectionSchema.parse({
          type: 'entity',
          id: 'cloudwalk',
          field: 'name',
          value: corrected,
          source: { publication: 'Example Registry', url: 'https://example.org/registry' },
          reason: 'test correction',
        }),
        'A. Writer',
      )
      expect(found(misspelt)).toContain('cloudwalk')
      undoLatestImport(store.db, edit.id)
      expect(found(misspelt)).not.toContain('cloudwalk')
      expect(found('CloudWlak Technology')).toContain('cloudwalk')
      redoLocalEdit(store.db, edit.id)
      expect(found(misspelt)).toContain('cloudwalk')
    } finally {
      store.close()
    }
  })

  it('finds an entity written after the store was built, and no longer once it is gone', () => {
    const store = openDefaultStore(tempDir())
    try {
      applyTestOperations(store, [
        {
          op: 'upsert',
          type: 'source',
          record: { id: 'test-src', publication: 'Test', reliability: 'primary' },
        },
        {
          op: 'upsert',
          type: 'entity',
          record: {
            id: 'test-optics',
            name: 'Zhongshan Test Optics',
            type: 'company',
            sources: [{ source: 'test-src' }],
          },
        },
      ])
      expect(catalog.search(store, 'Zhongshan Tset Optcs', 20, 85).map((h) => h.id)).toContain('test-optics')
      store.db.prepare("DELETE FROM entities WHERE id = 'test-optics'").run()
      expect(catalog.search(store, 'Zhongshan Tset Optcs', 20, 85).map((h) => h.id)).not.toContain(
        'test-optics',
      )
    } finally {
      store.close()
    }
  })
})
