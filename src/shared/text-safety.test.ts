import { describe, expect, it } from 'vitest'
import { terminalLine } from '../main/cli/cli-io'
import { hasUnsafeCharacters, SAFE_TEXT, withVisibleEscapes } from './text-safety'

describe('unsafe characters', () => {
  it('are shown as visible escapes: ESC sequences, NUL, C1 controls and direction overrides', () => {
    expect(withVisibleEscapes('Evil\u001b]0;Trusted\u0007 Corp')).toBe('Evil\\u001b]0;Trusted\\u0007 Corp')
    expect(withVisibleEscapes('a\u0000b\u009bc\u202ed\u2066e')).toBe('a\\u0000b\\u009bc\\u202ed\\u2066e')
    expect(withVisibleEscapes('Line one\nLine two\tTabbed 云从科技')).toBe(
      'Line one\nLine two\tTabbed 云从科技',
    )
    expect(SAFE_TEXT.test('Hikvision 海康威视\nnotes')).toBe(true)
    expect(SAFE_TEXT.test('x\u202ey')).toBe(false)
    expect(hasUnsafeCharacters('\u007f')).toBe(true)
  })

  it('never reach the terminal raw, and JSON printed stays valid JSON', () => {
    const line = terminalLine('CloudWalk\u001b[2J\u001b]0;pwned\u0007')
    expect(line).toBe('CloudWalk\\u001b[2J\\u001b]0;pwned\\u0007\n')
    expect(hasUnsafeCharacters(line)).toBe(false)
    const json = terminalLine(JSON.stringify({ name: 'a\u009b31mb\u202ec' }, null, 2))
    expect(hasUnsafeCharacters(json)).toBe(false)
    expect(JSON.parse(json)).toEqual({ name: 'a\u009b31mb\u202ec' })
  })
})
