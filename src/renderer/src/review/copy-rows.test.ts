import { describe, expect, it } from 'vitest'
import type { EntitySummary } from '../../../shared/domain'
import { ENTITY_CELL_TEXT } from '../entities/entity-cells'
import { rowsAsTsv } from './copy-rows'

const row: EntitySummary = {
  id: 'cloudwalk',
  primaryName: 'CloudWalk Technology',
  originalName: '云从科技',
  type: 'company',
  country: 'CN',
  sectors: ['biometrics', 'surveillance'],
  aliases: ['Cloudwalk\\tTechnology Co., Ltd.'.replace('\\t', '\t')],
  rounds: [{ id: 'el-2020-06-85fr34503', label: '85 FR 34503' }],
  firstAdded: '2020-06-05',
  latestAction: 'added',
  reactionCount: 2,
}

describe('copying selected rows', () => {
  it('gives tab-separated text with a header, the shown columns only, tabs in values flattened', () => {
    const columns = [
      { id: 'name', label: 'Name' },
      { id: 'originalName', label: 'Original-script name' },
      { id: 'aliases', label: 'Aliases' },
      { id: 'rounds', label: 'Rounds' },
    ]
    expect(rowsAsTsv([row], columns, ENTITY_CELL_TEXT)).toBe(
      'Name\tOriginal-script name\tAliases\tRounds\nCloudWalk Technology\t云从科技\tCloudwalk Technology Co., Ltd.\t85 FR 34503',
    )
  })
})
