import { describe, expect, it } from 'vitest'
import { quoteNotInExcerpt } from './verbatim-check'

const EXCERPT =
  '“Such action is not conducive to China,” said the spokesperson. “We urge the United States to stop it.”'

describe('a verbatim quote against its source excerpt', () => {
  it('accepts the words whatever the quotation marks, spaces or final punctuation', () => {
    expect(quoteNotInExcerpt('Such action is not conducive to China.', EXCERPT)).toBeNull()
    expect(quoteNotInExcerpt('We urge the  United States to stop it', EXCERPT)).toBeNull()
  })

  it('reads an ellipsis as words left out, each part in the source in order', () => {
    expect(
      quoteNotInExcerpt('Such action is not conducive to China, ... We urge the United States', EXCERPT),
    ).toBeNull()
    expect(quoteNotInExcerpt('Such action… to stop it.', EXCERPT)).toBeNull()
    expect(quoteNotInExcerpt('We urge the United States … Such action', EXCERPT)).toMatch(
      /not in the quote's order/,
    )
  })

  it('names the words the source does not have', () => {
    expect(quoteNotInExcerpt('Such action is not helpful to China', EXCERPT)).toBe(
      '"Such action is not helpful to China" does not occur in the source excerpt',
    )
  })
})
