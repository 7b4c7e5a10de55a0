import { lazyModule } from '../lazy-module'

type OpenCC = typeof import('opencc-js')

/**
 * OpenCC's converters, loaded on the first Chinese search: its dictionaries take a few tenths of a
 * second to load, which no Latin search or other command should pay.
 */
const loadOpenCC = lazyModule<OpenCC>('opencc-js')
let converters: ((text: string) => string)[] | null = null

function scriptConverters(): ((text: string) => string)[] {
  if (!converters) {
    const { Converter } = loadOpenCC()
    converters = [
      Converter({ from: 'tw', to: 'cn' }),
      Converter({ from: 'hk', to: 'cn' }),
      Converter({ from: 'cn', to: 'tw' }),
      Converter({ from: 'cn', to: 'hk' }),
    ]
  }
  return converters
}

const HAN = /\p{Script=Han}/u

/**
 * The same Chinese text in simplified and in traditional characters (Taiwan and Hong Kong forms), the
 * text itself first: lists mix the scripts, so 哈尔滨工业大学 and 哈爾濱工業大學 must find each other.
 */
export function chineseScriptVariants(text: string): string[] {
  if (!HAN.test(text)) return [text]
  return [...new Set([text, ...scriptConverters().map((convert) => convert(text))])]
}

/** The text with traditional characters converted to simplified (Taiwan and Hong Kong forms alike). */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text
  const [fromTaiwan, fromHongKong] = scriptConverters()
  return fromHongKong(fromTaiwan(text))
}
