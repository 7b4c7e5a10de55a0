import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ net: {}, protocol: {} }))

describe('app:// protocol', () => {
  it('serves files inside the renderer folder and nothing outside it', async () => {
    const { resolveAppFile } = await import('./app-protocol')
    const root = path.resolve('/app/out/renderer')
    expect(resolveAppFile(root, 'app://bundle/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://bundle/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'))
    for (const url of [
      'app://bundle/../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/..%2f..%2fsecret',
      'app://other/index.html',
      'app://bundle/%E0%A4%A',
    ]) {
      const resolved = resolveAppFile(root, url)
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true)
    }
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull()
  })
})
