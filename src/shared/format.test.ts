import { describe, expect, it } from 'vitest'
import { withThousands } from './format'

describe('withThousands', () => {
  it('writes whole numbers as toLocaleString("en-US") does', () => {
    for (const value of [0, 7, 999, 1_000, 10_000, 65_536, 999_999, 1_048_576, 123_456_789])
      expect(withThousands(value)).toBe(value.toLocaleString('en-US'))
  })
})
