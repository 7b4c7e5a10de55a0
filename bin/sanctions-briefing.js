#!/usr/bin/env node
// The package's command: runs the built CLI (npm run build first).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('sanctions-briefing: the app is not built yet. Run "npm run build" first.\n')
  process.exit(1)
}
await import(cli.href)
