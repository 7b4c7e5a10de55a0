/**
 * Misspellings as #24 lists them (dropped, swapped and changed letters, at a word's start too), of the
 * default data's best known names and of names the trigram shortlist missed: the fuzzy index's tests
 * and the bench's check against scoring every name both use them.
 */
export const LABELLED_MISSPELLINGS = [
  'Sense Time',
  'Megvi',
  'Hikvison',
  'Yun Cong',
  'yun kong ke ji',
  'ABU JHEISHEH Mohammed',
  'Mohamed Abu Jeisheh',
  'Ynushen',
  'Ruxbel',
  'Xupol',
  'Hikvisoin Digital',
  'ikvision',
  'Dahau Technolgy',
  'Cloudwlak Technology',
  'Megvii Tehcnology Limited',
  'Huxain Technology Co',
  'Tianlnog',
]

/**
 * The names those misspellings are of, as id, name, original-script name and aliases: names the trigram
 * shortlist missed (#24), the default data's best known, and a person with a comma.
 */
export const MISSPELT_NAMES: [string, string, string | null, string[]][] = [
  ['hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', '海康威视', ['Hikvision']],
  ['megvii', 'Megvii Technology', '旷视科技', ['Megvii Technology Limited', 'Face++']],
  ['sensetime', 'SenseTime', '商汤科技', ['SenseTime Group Limited']],
  ['cloudwalk', 'CloudWalk Technology', '云从科技', []],
  ['abu', 'ABU JHEISHEH, Mohammed', null, ['Mohammed ABU JHEISHEH']],
  ['yunshen', 'Yunshen Shipping Co.', null, []],
  ['ruibel', 'Dubai Ruibel Software Co., Ltd.', null, []],
  ['xunpol', 'Hangzhou Xunpol Aviation LLC', null, []],
]
