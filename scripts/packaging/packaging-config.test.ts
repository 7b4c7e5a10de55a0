import fs from 'node:fs'
import { describe, expect, it } from 'vitest'

const builder = JSON.parse(fs.readFileSync('electron-builder.json', 'utf8'))
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'))

describe('packaging configuration', () => {
  it('sets every release fuse to its hardened value', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('turns the inspect fuse on only for the test build', () => {
    expect(pkg.scripts['package:test']).toContain('-c.electronFuses.enableNodeCliInspectArguments=true')
    expect(pkg.scripts.package).not.toContain('electronFuses')
  })

  it('ships the font weights briefings are set in (400 and 700) and leaves the others out', () => {
    const fontExclusions = (builder.files as string[]).filter((f) =>
      f.startsWith('!node_modules/@fontsource'),
    )
    expect(fontExclusions.length).toBeGreaterThan(0)
    expect(fontExclusions.join(' ')).not.toMatch(/400|700/)
  })

  it('builds AppImage, deb, NSIS and dmg', () => {
    expect(builder.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(builder.win.target).toContain('nsis')
    expect(builder.mac.target).toContain('dmg')
  })

  it('packs into asar and rebuilds better-sqlite3 for Electron before packing, never on install', () => {
    expect(builder.asar).toBe(true)
    expect(builder.npmRebuild).toBe(false)
    expect(builder.beforePack).toBe('scripts/packaging/before-pack.cjs')
    expect(fs.existsSync(builder.beforePack)).toBe(true)
    expect(builder.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources', to: 'resources' },
        {
          from: 'build/electron-native/better_sqlite3.node',
          to: 'build/electron-native/better_sqlite3.node',
        },
      ]),
    )
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts[hook]).toBeUndefined()
  })

  it('uses a supported Electron and better-sqlite3 12', () => {
    expect(Number(pkg.devDependencies.electron.split('.')[0])).toBeGreaterThanOrEqual(43)
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^12\./)
  })
})
