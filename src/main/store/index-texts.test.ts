import { describe, expect, it } from 'vitest'
import { readDatasetFile } from '../dataset/dataset-file'
import { defaultDatasetPath } from '../dataset/resources'
import {
  decodeDerivedNames,
  decodeSpellings,
  deriveNames,
  encodeDerivedNames,
  entityIndexTexts,
  type DerivedNames,
  type EntityNames,
} from './index-texts'
import { textForIndex } from './search-text'

const defaultNames: EntityNames[] = readDatasetFile(defaultDatasetPath()).entities.map((entity) => ({
  name: entity.name,
  original: entity.originalName,
  aliases: entity.aliases,
}))

describe('entity index texts', () => {
  it('hold the aliases then the pinyin of every Chinese name, and each Chinese name with its pinyin', () => {
    const texts = entityIndexTexts({ name: 'CloudWalk', original: '云从科技', aliases: ['Yuncong', '云从'] })
    expect(texts.original).toBe(' 云  从  科  技 ')
    expect(texts.aliases).toBe('Yuncong \n  云  从  \n yun cong ke ji yuncongkeji \n yun cong yuncong')
    expect([...decodeSpellings(texts.spellings!)]).toEqual([
      ['云从科技', 'yun cong ke ji yuncongkeji'],
      ['云从', 'yun cong yuncong'],
    ])
    expect(entityIndexTexts({ name: 'Acme', original: null, aliases: ['ACME Ltd'] }).spellings).toBeNull()
  })

  it('are the same whether derived names come from elsewhere (the worker) or are derived in place', () => {
    for (const names of defaultNames) {
      const derived = decodeDerivedNames(encodeDerivedNames([deriveNames(names)]))[0]
      expect(entityIndexTexts(names, derived)).toEqual(entityIndexTexts(names))
    }
  })
})

describe('text for the full-text index', () => {
  it('keeps plain ASCII as it is, normalises the rest and spaces out CJK characters', () => {
    expect(textForIndex('Hangzhou Hikvision Co., Ltd. 12')).toBe('Hangzhou Hikvision Co., Ltd. 12')
    expect(textForIndex('ＨＩＫ Vision')).toBe('HIK Vision')
    expect(textForIndex('Zürich')).toBe('Zürich'.normalize('NFKC'))
    expect(textForIndex('云从 CloudWalk')).toBe(' 云  从  CloudWalk')
  })
})

describe('derived names travelling between threads', () => {
  it('come back as they went, batch by batch', () => {
    const batches: DerivedNames[][] = [
      defaultNames.map(deriveNames),
      [{ spellings: [] }],
      [
        {
          spellings: [
            ['云从', 'yun cong yuncong'],
            ['科技', 'ke ji keji'],
          ],
        },
        { spellings: [] },
        { spellings: [['海康', 'hai kang haikang']] },
      ],
    ]
    for (const batch of batches) expect(decodeDerivedNames(encodeDerivedNames(batch))).toEqual(batch)
  })

  it('hold no separator in what is derived from hostile names', () => {
    const names: EntityNames = {
      name: 'A\u0000B\u0001C\u0002D',
      original: '云\u0000从',
      aliases: ['x\u0001y'],
    }
    const derived = deriveNames(names)
    expect(decodeDerivedNames(encodeDerivedNames([derived, derived]))).toEqual([derived, derived])
  })
})
