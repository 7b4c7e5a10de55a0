import { pick, seededRandom } from './random'

/**
 * A deterministic, realistic update: rounds, entities with three aliases each (a share of them in
 * Chinese), addresses, designations and reactions with quote lengths like real statements. The same
 * size and seed always give the same operations, so runs are comparable.
 */
export interface GeneratedData {
  entities: number
  aliases: number
  rounds: number
  reactions: number
  operations: object[]
}

/** Syllables of generated names, shared by the other generators so all data reads alike. */
export const LATIN_STEMS = [
  'Hua',
  'Xin',
  'Tian',
  'Long',
  'Zhong',
  'Guo',
  'Hai',
  'Jin',
  'Sheng',
  'Kang',
  'Rui',
  'Feng',
  'Yun',
  'Da',
  'Heng',
  'Cheng',
  'Bo',
  'Wei',
  'Ming',
  'Tong',
]
const SUFFIXES = [
  'Technology Co., Ltd.',
  'Electronics Co., Ltd.',
  'Trading Company',
  'Research Institute',
  'Optical Co., Ltd.',
  'Holdings Limited',
]
export const HAN = '华新天龙中国海金盛康瑞丰云达恒诚博伟明通科技电子贸易研究所光学控股有限公司'.split('')
const CITIES = [
  'Beijing',
  'Shanghai',
  'Shenzhen',
  'Hangzhou',
  'Harbin',
  'Chengdu',
  'Wuhan',
  'Xiamen',
  'Hong Kong',
  'Urumqi',
]
const WORDS = (
  'the export control measures will harm cooperation between companies and damage supply chains we firmly oppose ' +
  'this decision and urge the government to correct its mistake our products comply with the laws and regulations ' +
  'of every market in which we operate technology trade security human rights national interest'
).split(' ')
const KINDS = ['government', 'company', 'analyst', 'industry group', 'media'] as const
const STANCES = ['opposes', 'supports', 'neutral', 'mixed', null] as const

function sentence(random: () => number, words: number): string {
  const text = Array.from({ length: words }, () => pick(random, WORDS)).join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

export function generateData(
  entityCount: number,
  options: { rounds?: number; reactions?: number; seed?: number } = {},
): GeneratedData {
  const random = seededRandom(options.seed ?? 20261129)
  const roundCount = options.rounds ?? 50
  const reactionCount = options.reactions ?? Math.min(20_000, entityCount * 2)
  const operations: object[] = [
    {
      op: 'upsert',
      type: 'source',
      record: { id: 'bench-source', publication: 'Benchmark Gazette', reliability: 'primary' },
    },
  ]
  for (let r = 0; r < roundCount; r++) {
    const year = 2015 + Math.floor(r / 6)
    const month = String(1 + (r % 12)).padStart(2, '0')
    operations.push({
      op: 'upsert',
      type: 'round',
      record: {
        id: `bench-round-${r}`,
        list: r % 5 === 0 ? 'US Treasury SDN List' : 'US BIS Entity List',
        title: `Addition of Entities to the Entity List (${r + 1})`,
        citations: [`${80 + Math.floor(r / 6)} FR ${10000 + r * 731}`],
        published: `${year}-${month}-15`,
        effective: `${year}-${month}-15`,
        basis: pick(random, [
          'military end use',
          'human rights abuses in Xinjiang',
          'weapons of mass destruction',
          'sanctions evasion',
        ]),
        declaredCount: Math.ceil(entityCount / roundCount) + 3,
        sources: [{ source: 'bench-source' }],
      },
    })
  }
  let aliases = 0
  for (let e = 0; e < entityCount; e++) {
    const stem = `${pick(random, LATIN_STEMS)}${pick(random, LATIN_STEMS).toLowerCase()}`
    const name = `${pick(random, CITIES)} ${stem} ${pick(random, SUFFIXES)} ${e}`
    const han = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(random, HAN)).join('')
    const entityAliases = [
      `${stem} ${e}`,
      `${stem.toUpperCase()} Group ${e}`,
      random() < 0.4 ? `${han}${e}` : `${stem} International ${e}`,
    ]
    aliases += entityAliases.length
    operations.push({
      op: 'upsert',
      type: 'entity',
      record: {
        id: `bench-entity-${e}`,
        name,
        originalName: random() < 0.7 ? `${han}有限公司` : null,
        type: pick(random, [
          'company',
          'company',
          'company',
          'research institute',
          'university',
          'government body',
        ]),
        country: pick(random, ['CN', 'CN', 'CN', 'HK', 'RU', 'IR', 'AE']),
        sectors: [
          pick(random, ['surveillance', 'biometrics', 'telecom', 'AI', 'aerospace', 'semiconductors']),
        ],
        aliases: entityAliases,
        addresses: [
          `${1 + Math.floor(random() * 999)} ${pick(random, LATIN_STEMS)} Road, ${pick(random, CITIES)}`,
        ],
        sources: [{ source: 'bench-source' }],
      },
    })
    const round = e % roundCount
    operations.push({
      op: 'upsert',
      type: 'designation',
      record: {
        id: `bench-round-${round}.bench-entity-${e}`,
        entity: `bench-entity-${e}`,
        round: `bench-round-${round}`,
        action: 'added',
        licenseRequirement: 'All items subject to the EAR',
        licensePolicy: 'Presumption of denial',
        source: 'bench-source',
      },
    })
  }
  for (let q = 0; q < reactionCount; q++) {
    const words = 20 + Math.floor(random() * 100)
    operations.push({
      op: 'upsert',
      type: 'reaction',
      record: {
        id: `bench-reaction-${q}`,
        speaker: `${pick(random, LATIN_STEMS)} ${pick(random, LATIN_STEMS)}`,
        organisation: `${pick(random, CITIES)} ${pick(random, SUFFIXES)}`,
        organisationKind: pick(random, KINDS),
        stance: pick(random, STANCES),
        text: Array.from({ length: Math.ceil(words / 15) }, () => sentence(random, 15)).join(' '),
        textKind: random() < 0.8 ? 'verbatim' : 'paraphrase',
        language: 'en',
        dateSaid: `20${15 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        rounds: [`bench-round-${q % roundCount}`],
        entities: [`bench-entity-${Math.floor(random() * entityCount)}`],
        source: 'bench-source',
      },
    })
  }
  return { entities: entityCount, aliases, rounds: roundCount, reactions: reactionCount, operations }
}
