import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../src/main/test-support/temp-dir'
// @ts-expect-error -- a plain ES module script without types
import { findUnexcused, findUnusedExceptions, loadExceptions } from './security-exceptions.mjs'

const tempDir = useTempDir()
const file = path.resolve('security/electronegativity-exceptions.json')

describe('electronegativity exceptions', () => {
  it('gives every reviewed exception its check, files and a real reason', () => {
    const exceptions = loadExceptions(file)
    expect(exceptions.length).toBeGreaterThan(0)
    for (const e of exceptions) expect(e.reason.length).toBeGreaterThan(40)
  })

  it('never excuses the checks that must stay clean', () => {
    const checks = loadExceptions(file).map((e: { check: string }) => e.check)
    for (const forbidden of [
      'NODE_INTEGRATION_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
    ]) {
      expect(checks).not.toContain(forbidden)
    }
  })

  it('fails a finding with no exception and reports stale exceptions', () => {
    const exceptions = [{ check: 'OPEN_EXTERNAL_JS_CHECK', files: ['main/a.ts'], reason: 'x'.repeat(50) }]
    const excused = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/a.ts' }
    const other = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/b.ts' }
    expect(findUnexcused([excused, other], exceptions)).toEqual([other])
    expect(findUnusedExceptions([other], exceptions)).toEqual(exceptions)
  })

  it('refuses an exception without a reason', () => {
    const bad = path.join(tempDir(), 'bad.json')
    fs.writeFileSync(
      bad,
      JSON.stringify({ exceptions: [{ check: 'PRELOAD_JS_CHECK', files: ['x'], reason: 'ok' }] }),
    )
    expect(() => loadExceptions(bad)).toThrow(/reason/)
  })
})
