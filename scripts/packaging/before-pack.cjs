// electron-builder beforePack hook: builds better-sqlite3 against the packaged Electron's ABI into
// build/electron-native/ (copied into the app by extraResources). Native modules are never rebuilt
// in postinstall, so `npm ci` stays offline-friendly; this runs only when packaging.
const { execFileSync } = require('node:child_process')
const path = require('node:path')

exports.default = async function beforePack(context) {
  const arch =
    context.arch !== undefined ? ['x64', 'ia32', 'armv7l', 'arm64', 'universal'][context.arch] : process.arch
  if (arch !== process.arch) {
    throw new Error(
      `Cannot build better-sqlite3 for ${arch} on a ${process.arch} machine: package on the target architecture.`,
    )
  }
  execFileSync(process.execPath, [path.join(__dirname, '..', 'build-electron-native.mjs')], {
    stdio: 'inherit',
  })
}
