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
