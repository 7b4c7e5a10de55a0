import { describe, expect, it } from 'vitest'
import { makePublisher } from '../test-support/bundle-fixtures'
import { parsePublicKeyFile } from './keys'

describe('public key files', () => {
  it.each([
    ['a second line that fakes the trust prompt', 'Example Ministry\nTrusted: Ministry of Foreign Affairs'],
    ['an ESC sequence', 'Example\u001b[2K\rMinistry of Foreign Affairs'],
    ['a direction override', 'Example \u202eyrtsiniM'],
  ])('refuse a publisher name with %s', (_label, publisher) => {
    const { publicFile } = makePublisher()
    expect(() => parsePublicKeyFile(JSON.stringify({ ...publicFile, publisher }))).toThrow(
      /The public key file is not a valid key file: publisher: the publisher (is one line|contains a control)/,
    )
  })
})
