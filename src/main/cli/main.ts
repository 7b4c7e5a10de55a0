import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { processIo } from './cli-io'
import { runCli } from './program'

// This entry is always built to out/main/cli.js (shared code lands in out/main/chunks/), so the built
// renderer is found from here, not from whichever chunk the rest of the CLI ends up in.
const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer')

const exitCode = await runCli(process.argv.slice(2), { io: processIo, env: process.env, rendererDir })
process.exitCode = exitCode
