import { pinyinForIndex } from './pinyin-text'
import { textForIndex } from './search-text'

/** What one record's full-text row holds, column by column, and (entities) its names' pinyin as kept. */
export interface IndexTexts {
  name: string | null
  original: string | null
  aliases: string | null
  speaker: string | null
  quote: string | null
  /** Each Chinese name and its pinyin (see encodeSpellings), null when it has none. */
  spellings: string | null
}

/** The names of an entity that its index row is made from. */
export interface EntityNames {
  name: string
  original: string | null
  aliases: string[]
}

/**
 * What most of an entity's indexing time goes to: the pinyin of its Chinese names (pinyin-pro), each
 * with the name it spells. Plain ASCII for most, which keeps it small when a worker computes it (see
 * EntityTexts).
 */
export interface DerivedNames {
  spellings: [name: string, pinyin: string][]
}

/** The pinyin of every Chinese name of an entity (original-script name and aliases), each spelled once. */
export function deriveNames({ original, aliases }: EntityNames): DerivedNames {
  const spelled = new Map<string, string | null>()
  for (const name of [original, ...aliases])
    if (name && !spelled.has(name)) spelled.set(name, pinyinForIndex(name))
  return {
    spellings: [...spelled].filter((entry): entry is [string, string] => entry[1] !== null),
  }
}

/**
 * The spellings as the store keeps them (entity_pinyin) and as they cross between threads: JSON, which
 * escapes any control character a name may hold.
 */
export function encodeSpellings(spellings: [string, string][]): string | null {
  return spellings.length === 0 ? null : JSON.stringify(spellings)
}

export function decodeSpellings(encoded: string): Map<string, string> {
  return new Map(JSON.parse(encoded) as [string, string][])
}

const prepare = (value: string | null | undefined) => (value ? textForIndex(value) : null)

/**
 * An entity's index texts. Its aliases column holds the aliases, then the pinyin of every Chinese name:
 * "yuncong" and "Yun Cong" find 云从科技. The spellings are kept for fuzzy matching's name forms.
 */
export function entityIndexTexts(names: EntityNames, derived: DerivedNames = deriveNames(names)): IndexTexts {
  return {
    name: prepare(names.name),
    original: prepare(names.original),
    aliases:
      [...names.aliases.map(textForIndex), ...derived.spellings.map(([, pinyin]) => pinyin)].join(' \n ') ||
      null,
    speaker: null,
    quote: null,
    spellings: encodeSpellings(derived.spellings),
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
    spellings: null,
  }
}

// One string per batch travels between the threads: a few megabytes instead of a hundred thousand
// objects. JSON holds no raw control character, so this one cannot occur in an entity's part.
const BETWEEN_ENTITIES = '\u0000'

export function encodeDerivedNames(batch: DerivedNames[]): string {
  return batch.map(({ spellings }) => encodeSpellings(spellings) ?? '').join(BETWEEN_ENTITIES)
}

export function decodeDerivedNames(encoded: string): DerivedNames[] {
  return encoded
    .split(BETWEEN_ENTITIES)
    .map((entity) => ({ spellings: entity === '' ? [] : [...decodeSpellings(entity)] }))
}
