import { spawn } from 'node:child_process'
import readline from 'node:readline'
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/s8/sprof', 'out/main/cli.js', 'serve', '--port', '0'], { env: { ...process.env, SANCTIONS_BRIEFING_DB: process.argv[2] }, stdio: ['ignore', 'pipe', 'ignore'] })
await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r))
await new Promise((r) => setTimeout(r, 300))
child.kill('SIGINT'); await new Promise((r) => child.once('exit', r))
