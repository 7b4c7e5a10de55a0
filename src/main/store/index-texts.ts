import { trigramText } from './fuzzy-names'
import { pinyinForIndex } from './pinyin-text'
import { textForIndex } from './search-text'

/** What one record's full-text row holds, column by column, and (entities) its trigram index text. */
export interface IndexTexts {
  name: string | null
  original: string | null
  aliases: string | null
  speaker: string | null
  quote: string | null
  trigrams: string | null
}

/** The names of an entity that its index row is made from. */
export interface EntityNames {
  name: string
  original: string | null
  aliases: string[]
}

/**
 * What most of an entity's indexing time goes to: the pinyin of its Chinese names (pinyin-pro) and the
 * folded Latin names of its trigram text. Both are plain ASCII for most names, which keeps them small
 * when a worker computes them (see EntityTexts).
 */
export interface DerivedNames {
  pinyin: string[]
  trigrams: string
}

/** The pinyin of every Chinese name of an entity (original-script name and aliases), each spelled once. */
function pinyinOfNames(original: string | null, aliases: string[]): string[] {
  const spelled = new Map<string, string | null>()
  for (const name of [original, ...aliases])
    if (name && !spelled.has(name)) spelled.set(name, pinyinForIndex(name))
  return [...spelled.values()].filter((value): value is string => value !== null)
}

export function deriveNames({ name, original, aliases }: EntityNames): DerivedNames {
  return { pinyin: pinyinOfNames(original, aliases), trigrams: trigramText(name, original, aliases) }
}

const prepare = (value: string | null | undefined) => (value ? textForIndex(value) : null)

/**
 * An entity's index texts. Its aliases column holds the aliases, then the pinyin of every Chinese name:
 * "yuncong" and "Yun Cong" find 云从科技. The trigram text gives fuzzy matching its candidates.
 */
export function entityIndexTexts(names: EntityNames, derived: DerivedNames = deriveNames(names)): IndexTexts {
  return {
    name: prepare(names.name),
    original: prepare(names.original),
    aliases: [...names.aliases.map(textForIndex), ...derived.pinyin].join(' \n ') || null,
    speaker: null,
    quote: null,
    trigrams: derived.trigrams,
  }
}

/** A reaction's index texts: who spoke (speaker and organisation) and what was said. */
export function reactionIndexTexts(speaker: string, quote: string): IndexTexts {
  return {
    name: null,
    original: null,
    aliases: null,
    speaker: prepare(speaker),
    quote: prepare(quote),
    trigrams: null,
  }
}

// One string per batch travels between the threads: a few megabytes instead of a hundred thousand
// objects. Pinyin is [a-z ] and folded names hold no control characters, so these cannot occur in them.
const BETWEEN_ENTITIES = '\u0000'
const BETWEEN_PARTS = '\u0001'
const BETWEEN_SPELLINGS = '\u0002'

export function encodeDerivedNames(batch: DerivedNames[]): string {
  return batch
    .map(({ pinyin, trigrams }) => `${pinyin.join(BETWEEN_SPELLINGS)}${BETWEEN_PARTS}${trigrams}`)
    .join(BETWEEN_ENTITIES)
}

export function decodeDerivedNames(encoded: string): DerivedNames[] {
  return encoded.split(BETWEEN_ENTITIES).map((entity) => {
    const [spellings, trigrams] = entity.split(BETWEEN_PARTS)
    return { pinyin: spellings === '' ? [] : spellings.split(BETWEEN_SPELLINGS), trigrams }
  })
}
