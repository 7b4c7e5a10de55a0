import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeUntakenPrinter, startPrinterEarly } from './early-printer'

const args = process.argv.slice(2)
// Before the rest of the program loads: see early-printer.ts.
startPrinterEarly(args, process.env)
const { processIo, runCli } = await import('./program-entry')

// This entry is always built to out/main/cli.js (shared code lands in out/main/chunks/), so the built
// renderer is found from here, not from whichever chunk the rest of the CLI ends up in.
const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer')

try {
  process.exitCode = await runCli(args, { io: processIo, env: process.env, rendererDir })
} finally {
  // A printer thread left running would keep the process alive.
  await closeUntakenPrinter()
}
