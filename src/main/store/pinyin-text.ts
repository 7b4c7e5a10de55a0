import { lazyModule } from '../lazy-module'
import type { pinyin as PinyinFunction } from 'pinyin-pro'

const HAN = /\p{Script=Han}/u

/** pinyin-pro carries its dictionary: loaded the first time a Chinese name is indexed, not at startup. */
const pinyinPro = lazyModule<{ pinyin: typeof PinyinFunction }>('pinyin-pro')

export function loadPinyin(): typeof PinyinFunction {
  return pinyinPro().pinyin
}

/**
 * The toneless pinyin of the Chinese characters in `text`, as separate syllables and run together:
 * "云从科技" → "yun cong ke ji yuncongkeji". Indexed beside the name, so "Yun Cong" (syllables) and
 * "yuncong" (a prefix of the run) both find it. Null when the text has no Chinese characters.
 */
export function pinyinForIndex(text: string): string | null {
  if (!HAN.test(text)) return null
  const syllables = loadPinyin()(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean)
  if (syllables.length === 0) return null
  return `${syllables.join(' ')} ${syllables.join('')}`
}
